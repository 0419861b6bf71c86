import type { ServiceName } from './serviceCatalogue.js';

/**
 * The words that point to each service, as citizens say them (plain, colloquial, Shandong, elderly). They are
 * matched as folded toneless pinyin (see utteranceSyllables.ts), so homophones a recognizer or a slip of the brush
 * produces (事业金/失业金, 社宝卡/社保卡) match the same cue, in characters or in the small model's pinyin.
 * A longer cue counts for more: it is more specific.
 */
export const ROUTING_CUES: Record<ServiceName, readonly string[]> = {
  query_insurance_status: ['参保信息', '参保情况', '参保状态', '参保了没', '有没有参保', '参了哪些', '交了哪些险', '哪些保险', '哪个单位', '参保单位', '上了哪些保险', '社保情况', '五险', '参没参保', '有没有社保'],
  query_payment_records: ['缴费记录', '缴费明细', '交费记录', '交到哪个月', '交到几月', '缴到哪', '交了多少钱', '缴费情况', '断交', '断缴', '交没交', '缴费清单', '社保记录', '交社保的记录', '交了没有', '交上了吗', '扣了多少', '每个月交多少'],
  query_contribution_base: ['缴费基数', '基数', '按多少交', '缴费工资', '核定基数', '交的基数'],
  query_contribution_months: ['缴费月数', '交了多少个月', '交了几年', '缴费年限', '累计缴费', '交够', '十五年', '交满', '交了多少年', '交了几个月', '缴费年数'],
  query_pension_account: ['个人账户', '账户余额', '账户里', '个账', '账户上'],
  query_pension_benefit: ['养老金发放', '养老金到账', '养老金发了', '退休金发了', '养老金明细', '发放记录', '养老金还没到', '退休金还没到', '退休金到账', '养老金领了', '这个月养老金', '退休工资', '养老金多少', '退休金多少', '发了多少', '养老金', '退休金', '没到账', '还没到', '还没发'],
  query_pension_auth_status: ['认证状态', '认证了没', '认证过没', '认证过了吗', '下次认证', '认证到期', '还用认证', '认证时间', '有没有认证', '认证到什么时候', '什么时候认证的', '该认证了吗'],
  query_unemployment_benefit: ['失业金领了', '还能领几个月', '失业金还剩', '失业金到账', '失业保险金记录', '领了几个月失业金', '失业金还有', '失业金发了', '失业金领取记录', '领了多少失业金'],
  query_injury_benefit: ['工伤待遇', '工伤赔偿', '工伤保险金', '伤残津贴', '工伤', '一次性伤残'],
  query_resident_pension_payments: ['居民养老', '城乡居民', '农村养老', '新农保', '居民社保', '居民养老保险'],
  query_flexible_employment_payments: ['灵活就业缴费', '灵活就业交的', '交的档次', '缴费档次', '档次', '自己交的社保', '个人交的社保', '灵活就业交了'],
  query_card_status: ['社保卡状态', '卡还能用', '卡能不能用', '卡正常吗', '卡封存', '卡被锁', '卡锁了', '卡是不是挂失', '卡状态', '卡用不了'],
  query_card_production: ['制卡进度', '卡做好了', '卡办好了', '新卡什么时候', '卡到哪了', '领新卡', '卡寄到', '卡制好', '卡做出来', '制卡'],
  query_transfer_progress: ['转移接续', '关系转', '转过来了', '转入', '转出', '转移进度', '从外地转', '转到青岛', '社保转移', '转回来'],
  query_employment_registration: ['就业登记', '登记状态', '登记了没', '失业登记了没', '登记上了吗', '就业状态'],
  query_employment_certificate: ['就业创业证', '就业失业登记证', '创业证', '就业证'],
  query_skill_certificate: ['技能等级证书', '技能证书', '职业资格证', '证书编号', '技能等级', '等级证书', '技能鉴定', '证书查询'],
  query_application_progress: ['办理进度', '办到哪了', '进度', '受理了', '审核了没', '申请的怎么样', '业务办理', '办好了没', '审批'],
  estimate_retirement_age: ['什么时候退休', '哪年退休', '几岁退休', '退休年龄', '能退休', '多大退休', '延迟退休', '退休时间', '多少岁退休', '到点退休'],
  estimate_pension: ['能领多少养老金', '退休能拿多少', '养老金测算', '算一算养老金', '算算养老金', '退休后每月', '估算', '测算', '能拿多少', '能领多少钱', '退休了能拿'],
  pension_auth: ['养老认证', '资格认证', '刷脸认证', '认证', '年审', '生存认证', '待遇认证', '刷脸'],
  print_certificate: ['打印', '参保证明', '开证明', '开个证明', '打个证明', '权益记录单', '缴费证明', '未参保证明', '证明', '打出来'],
  report_card_loss: ['挂失', '卡丢了', '卡不见了', '卡掉了', '卡被偷', '卡找不到', '丢了卡', '卡丢'],
  cancel_card_loss: ['解挂', '解除挂失', '卡找到了', '取消挂失', '卡找着了', '又找到了'],
  replace_card: ['补卡', '换卡', '补办', '重新办卡', '卡坏了', '换新卡', '补办社保卡', '卡消磁', '换一张', '卡折了', '卡过期'],
  flexible_employment_register: ['灵活就业登记', '灵活就业参保', '灵活就业', '个体户参保', '自由职业', '自己交社保', '个人参保登记', '以个人身份参保'],
  unemployment_register: ['失业登记', '登记失业', '办失业登记', '做失业登记'],
  unemployment_benefit_apply: ['申领失业金', '申请失业金', '领失业金', '失业保险金申领', '领失业保险金', '失业金', '失业保险金', '失业了'],
  policy_question: ['政策', '规定', '需要什么材料', '什么材料', '什么条件', '标准', '流程', '要带什么', '需要带什么'],
  guide_to_place: ['窗口', '带我去', '在哪里', '怎么走', '厕所', '洗手间', '卫生间', '自助服务区', '自助区', '领我去', '在哪儿', '往哪走', '服务区'],
  handoff_to_staff: ['工作人员', '人工', '找人', '活人', '找个人', '服务台', '真人', '人工服务', '找你们领导', '值班的'],
  chitchat: ['你好', '谢谢', '你是谁', '你叫什么', '几岁', '真棒', '吃了吗', '机器人', '真聪明', '辛苦了', '你真好', '你会什么'],
  goodbye: ['再见', '拜拜', '没事了', '我走了', '不用了', '就这样吧', '回头见', '先走了', '没别的事'],
  out_of_scope: ['公积金', '医保报销', '报销', '医保', '户口', '护照', '出入境', '驾照', '驾驶证', '不动产', '房产证', '个税', '税务', '天气', '下雨', '饭店', '好吃', '彩票', '股票', '结婚证', '港澳通行证', '身份证过期', '办身份证', '住院'],
};

/** The citizen speaks of themself: their own record, not the rules in general. */
export const PERSONAL_MARKERS = ['我', '俺', '咱', '自己', '本人', '我的', '俺的', '我家'];

/** Asks to have something done now ("我要挂失", "帮我打一份"). */
export const REQUEST_MARKERS = ['我要', '我想', '帮我', '给我', '我来', '办一下', '要办', '想办', '俺要', '俺想', '想要', '来办', '查一下', '查查', '查一查', '看看', '看一下', '帮俺'];

/** Asks how things work in general ("需要什么材料", "怎么办理"). */
export const HOW_TO_MARKERS = ['多久', '多长时间', '怎么做', '几年一次', '一年一次', '为什么', '怎么办理', '如何办理', '怎么申请', '需要什么', '什么材料', '什么条件', '在哪办', '哪里办', '流程', '多少钱一个月', '一个月能领多少', '能领多久', '标准是', '政策', '规定', '有什么要求', '可以吗', '能不能'];

/** Said while thinking ("那个", "嗯"): removed before matching, they carry nothing. */
export const FILLERS = ['那个', '这个', '就是', '就是说', '嗯', '呃', '啊', '哎', '唉', '呀', '吧', '哈', '啦', '嘛', '呢'];

/** Shandong and colloquial words, in the standard form the cues are written in. */
export const DIALECT_WORDS: [string, string][] = [
  ['咋整', '怎么办'],
  ['咋弄', '怎么办'],
  ['咋办', '怎么办'],
  ['咋', '怎么'],
  ['啥时候', '什么时候'],
  ['啥', '什么'],
  ['嘎哈', '干什么'],
  ['干啥', '干什么'],
  ['恁', '你们'],
  ['俺们', '我们'],
  ['寻思', '想'],
  ['整不明白', '不明白'],
];
