/** What each outbox kind is called when the citizen or staff hear about it later (a late result, the staff panel). */
export const transactionKindTitles: Readonly<Record<string, string>> = {
  'pension-auth': '养老认证',
  'card-loss': '社保卡挂失',
  'card-loss-cancellation': '社保卡解挂',
  'contact-change': '联系方式变更',
  'flexible-employment': '灵活就业参保登记',
};
