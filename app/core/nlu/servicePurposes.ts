import type { ServiceName } from './serviceCatalogue.js';

/**
 * What each service is for, in the words a model needs to tell it from its neighbours: what the citizen wants when
 * they ask for it, and where the line to the next service runs. Shown to the government LLM beside the service's label
 * when it resolves an utterance the local router is unsure of. Every service must have one (the type checks it).
 */
export const SERVICE_PURPOSES = {
  query_insurance_status: '查本人参了哪些保险、参保状态（正常/暂停/终止）、参保单位是哪家',
  query_payment_records: '查本人按年按月的社保缴费明细，哪个月交了、交了多少、有没有断缴',
  query_contribution_base: '查本人每年的缴费基数是多少（问政策规定的基数上下限属于政策咨询）',
  query_contribution_months: '查本人各险种累计缴费了多少个月、多少年，够不够领养老金的年限',
  query_pension_account: '查本人养老保险个人账户里现在有多少钱',
  query_pension_benefit: '已退休的人查本人每月养老金发了多少、哪个月发的、有没有涨',
  query_pension_auth_status: '查本人养老金领取资格认证上次什么时候做的、下次什么时候到期（要现在就做认证是养老认证）',
  query_unemployment_benefit: '查本人失业保险金领了哪几个月、每月多少、还能领几个月',
  query_injury_benefit: '查本人工伤认定结果和工伤保险待遇发放情况',
  query_resident_pension_payments: '查本人城乡居民养老保险（居民养老、农村养老）的缴费记录和档次',
  query_flexible_employment_payments: '灵活就业人员查本人选的缴费档次和已经交了哪些月份',
  query_card_status: '查本人社保卡现在是正常、挂失还是封存',
  query_card_production: '查本人申请的新社保卡做到哪一步了、什么时候能领',
  query_transfer_progress: '查本人社保关系从外地转入或转出办到哪一步了',
  query_employment_registration: '查本人现在是就业登记还是失业登记状态',
  query_employment_certificate: '查本人就业创业证的编号、发证日期和记载的信息',
  query_skill_certificate: '凭证书编号查职业技能等级证书真伪和信息，不需要本人身份',
  query_application_progress: '查在这台机器或大厅提交的业务现在办到哪一步了',
  estimate_retirement_age: '按2025年渐进式延迟退休规定，根据出生年月和人员类别算什么时候能退休',
  estimate_pension: '根据本人缴费记录估算退休后每月大概能领多少养老金',
  pension_auth: '现在就要做养老金领取资格认证（刷脸认证、年审、生存认证）',
  print_certificate: '现在就要打印参保证明、缴费证明、权益记录单等证明材料',
  report_card_loss: '社保卡丢了或被偷了，现在要挂失',
  cancel_card_loss: '找到了之前挂失的社保卡，现在要解除挂失（解挂）',
  change_contact: '手机号换了，要把社保登记的联系电话改成新号码（联系方式变更）',
  replace_card: '社保卡坏了、丢了或要换新，现在要补办或换卡',
  flexible_employment_register: '个体户、自由职业等灵活就业人员现在要办理参保登记',
  unemployment_register: '没有工作了，现在要办理失业登记',
  unemployment_benefit_apply: '现在要申请领取失业保险金',
  apply_employment_certificate: '现在要申领（或补办）就业创业证，不是查已有证件的信息',
  apply_skill_subsidy: '取得职业技能等级证书后，现在要申领技能提升补贴',
  policy_question: '问人社政策、办事条件、需要什么材料、怎么办理，不涉及查本人记录，也不是现在就办',
  guide_to_place: '要机器人带路或问某个窗口、地方在哪里',
  handoff_to_staff: '要找人工、找工作人员、投诉或机器人帮不了要找人',
  chitchat: '打招呼、道谢、夸奖、问机器人是谁等闲聊',
  goodbye: '说再见、不办了、要走了',
  out_of_scope: '其他部门的业务，如公积金、医保报销、户口、护照、驾照、税务',
  print_record: '刚查到的记录要打印一份带走（“把这个打印出来”“能打一份给我吗”），不是另开参保证明',
  dispute_record: '觉得刚查到的记录不对（“这个不对啊”“我的钱怎么少了”“记录有问题”），要知道怎么核实或找人',
  change_citizen: '这位市民查完了，换另一个人查（“换人”“换我老伴查”“下一个人”），要重新核验身份',
} as const satisfies Record<ServiceName, string>;
