/**
 * What a citizen can ask the robot for: each service with the coarse intent `kiosk nlu` reports for it (the names
 * other tools rely on), the identity it needs before anything personal is said, and what kind of thing it is.
 * One table, so the router, the session machine, the data sets and the benchmarks cannot disagree.
 */

/** The coarse intents, exactly as other tools expect them. */
export const INTENTS = [
  'pension_auth',
  'print_certificate',
  'query_contribution_base',
  'query_payment_records',
  'query_pension_benefit',
  'report_card_loss',
  'flexible_employment_register',
  'unemployment_benefit',
  'policy_question',
  'guide_to_place',
  'handoff_to_staff',
  'chitchat',
  'goodbye',
  'out_of_scope',
] as const;
export type Intent = (typeof INTENTS)[number];

/** none: policy, guiding, staff; verified: the live face matched the photo on file; confirmed: verified plus an explicit yes. */
export type IdentityLevel = 'none' | 'verified' | 'confirmed';

export interface ServiceEntry {
  intent: Intent;
  /** What the citizen sees on a tile or a chip. */
  label: string;
  identity: IdentityLevel;
  kind: 'query' | 'transaction' | 'conversation';
}

export const SERVICES = {
  // 聊天查: personal queries
  query_insurance_status: { intent: 'query_payment_records', label: '个人参保信息', identity: 'verified', kind: 'query' },
  query_payment_records: { intent: 'query_payment_records', label: '缴费明细', identity: 'verified', kind: 'query' },
  query_contribution_base: { intent: 'query_contribution_base', label: '缴费基数', identity: 'verified', kind: 'query' },
  query_contribution_months: { intent: 'query_payment_records', label: '累计缴费月数', identity: 'verified', kind: 'query' },
  query_pension_account: { intent: 'query_pension_benefit', label: '养老个人账户余额', identity: 'verified', kind: 'query' },
  query_pension_benefit: { intent: 'query_pension_benefit', label: '养老金发放明细', identity: 'verified', kind: 'query' },
  query_pension_auth_status: { intent: 'pension_auth', label: '养老金资格认证状态', identity: 'verified', kind: 'query' },
  query_unemployment_benefit: { intent: 'unemployment_benefit', label: '失业保险金领取记录', identity: 'verified', kind: 'query' },
  query_injury_benefit: { intent: 'query_pension_benefit', label: '工伤保险待遇', identity: 'verified', kind: 'query' },
  query_resident_pension_payments: { intent: 'query_payment_records', label: '城乡居民养老保险缴费', identity: 'verified', kind: 'query' },
  query_flexible_employment_payments: { intent: 'query_payment_records', label: '灵活就业缴费档次与记录', identity: 'verified', kind: 'query' },
  query_card_status: { intent: 'report_card_loss', label: '社保卡状态', identity: 'verified', kind: 'query' },
  query_card_production: { intent: 'report_card_loss', label: '社保卡制卡进度', identity: 'verified', kind: 'query' },
  query_transfer_progress: { intent: 'query_payment_records', label: '关系转移接续进度', identity: 'verified', kind: 'query' },
  query_employment_registration: { intent: 'unemployment_benefit', label: '就业失业登记状态', identity: 'verified', kind: 'query' },
  query_employment_certificate: { intent: 'unemployment_benefit', label: '就业创业证信息', identity: 'verified', kind: 'query' },
  query_skill_certificate: { intent: 'policy_question', label: '职业技能等级证书查询', identity: 'none', kind: 'query' },
  query_application_progress: { intent: 'query_payment_records', label: '业务办理进度', identity: 'verified', kind: 'query' },
  estimate_retirement_age: { intent: 'policy_question', label: '退休年龄测算', identity: 'none', kind: 'query' },
  estimate_pension: { intent: 'query_pension_benefit', label: '养老金测算', identity: 'verified', kind: 'query' },
  // 对话办: transactions
  pension_auth: { intent: 'pension_auth', label: '养老认证', identity: 'verified', kind: 'transaction' },
  print_certificate: { intent: 'print_certificate', label: '参保证明打印', identity: 'verified', kind: 'transaction' },
  report_card_loss: { intent: 'report_card_loss', label: '社保卡挂失', identity: 'confirmed', kind: 'transaction' },
  cancel_card_loss: { intent: 'report_card_loss', label: '社保卡解挂', identity: 'confirmed', kind: 'transaction' },
  // The mobile number is part of the citizen's own 参保 record (个人基本信息): the nearest coarse intent is that record's.
  change_contact: { intent: 'query_payment_records', label: '联系方式变更', identity: 'confirmed', kind: 'transaction' },
  replace_card: { intent: 'report_card_loss', label: '补换社保卡', identity: 'confirmed', kind: 'transaction' },
  flexible_employment_register: { intent: 'flexible_employment_register', label: '灵活就业参保登记', identity: 'confirmed', kind: 'transaction' },
  unemployment_register: { intent: 'unemployment_benefit', label: '失业登记', identity: 'confirmed', kind: 'transaction' },
  unemployment_benefit_apply: { intent: 'unemployment_benefit', label: '失业保险金申领', identity: 'confirmed', kind: 'transaction' },
  // The 就业创业证 and the 技能提升补贴 are employment services; their nearest coarse intent is the unemployment one.
  apply_employment_certificate: { intent: 'unemployment_benefit', label: '就业创业证申领', identity: 'confirmed', kind: 'transaction' },
  apply_skill_subsidy: { intent: 'unemployment_benefit', label: '技能提升补贴申领', identity: 'confirmed', kind: 'transaction' },
  // The conversation around them
  policy_question: { intent: 'policy_question', label: '政策咨询', identity: 'none', kind: 'conversation' },
  guide_to_place: { intent: 'guide_to_place', label: '带我去窗口', identity: 'none', kind: 'conversation' },
  handoff_to_staff: { intent: 'handoff_to_staff', label: '找工作人员', identity: 'none', kind: 'conversation' },
  chitchat: { intent: 'chitchat', label: '闲聊', identity: 'none', kind: 'conversation' },
  goodbye: { intent: 'goodbye', label: '再见', identity: 'none', kind: 'conversation' },
  out_of_scope: { intent: 'out_of_scope', label: '其他部门的业务', identity: 'none', kind: 'conversation' },
  // Follow-ups to a record just told: print it, say it looks wrong, let the next person ask. They act on what is on
  // screen (the session knows whose it is), so they need no identity of their own.
  print_record: { intent: 'print_certificate', label: '打印这条记录', identity: 'none', kind: 'conversation' },
  dispute_record: { intent: 'handoff_to_staff', label: '记录有误', identity: 'none', kind: 'conversation' },
  change_citizen: { intent: 'goodbye', label: '换人办理', identity: 'none', kind: 'conversation' },
} as const satisfies Record<string, ServiceEntry>;

export type ServiceName = keyof typeof SERVICES;
export const SERVICE_NAMES = Object.keys(SERVICES) as ServiceName[];

export function intentOf(service: ServiceName): Intent {
  return SERVICES[service].intent;
}
