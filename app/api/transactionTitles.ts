/**
 * What each 对话办 transaction is called where it is named without its spec at hand: a result that arrives later,
 * the staff panel's outbox and staff calls. By outbox kind, and by service.
 */
export const transactionKindTitles: Readonly<Record<string, string>> = {
  'pension-auth': '养老认证',
  'card-loss': '社保卡挂失',
  'card-loss-cancellation': '社保卡解挂',
  'contact-change': '联系方式变更',
  'flexible-employment': '灵活就业参保登记',
  'unemployment-registration': '失业登记',
  'unemployment-benefit': '失业保险金申领',
  'card-replacement': '补换社保卡',
  'employment-certificate': '就业创业证申领',
  'skill-subsidy': '技能提升补贴申领',
};

export const transactionServiceTitles: Readonly<Record<string, string>> = {
  pension_auth: '养老认证',
  print_certificate: '参保证明打印',
  report_card_loss: '社保卡挂失',
  cancel_card_loss: '社保卡解挂',
  change_contact: '联系方式变更',
  flexible_employment_register: '灵活就业参保登记',
  unemployment_register: '失业登记',
  unemployment_benefit_apply: '失业保险金申领',
  replace_card: '补换社保卡',
  apply_employment_certificate: '就业创业证申领',
  apply_skill_subsidy: '技能提升补贴申领',
};

/** A staff call about a transaction, in staff's words ("业务被拒绝：补换社保卡"); null for any other reason. */
export function transactionStaffReasonLabel(reason: string): string | null {
  const [prefix, name = ''] = reason.split(':', 2);
  switch (prefix) {
    case 'transaction-refused':
      return `业务被业务系统拒绝：${transactionServiceTitles[name] ?? name}`;
    case 'transaction-ineligible':
      return `不符合办理条件，需要人工：${transactionServiceTitles[name] ?? name}`;
    case 'transaction-rejected-late':
      return `已保存的业务后来被拒绝，请联系市民：${transactionKindTitles[name] ?? name}`;
    default:
      return null;
  }
}
