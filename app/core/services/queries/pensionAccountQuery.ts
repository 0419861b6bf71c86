import type { PensionAccount } from '../../backend/backendTypes.js';
import type { PersonalQuery } from './personalQuery.js';
import { dayLabel, spokenYuan, yuan } from './personalQuery.js';

const schemeName = (a: PensionAccount) => (a.scheme === '职工养老' ? '职工养老保险' : '城乡居民养老保险');

function yearLines(a: PensionAccount): string[] {
  const open = `${a.thisYear.year}年（当年）：已记入 ${yuan(a.thisYear.creditedAmount)}，利息年底结算`;
  const closed = [...a.years]
    .reverse()
    .map(
      (y) =>
        `${y.year}年：记入 ${yuan(y.creditedAmount)}｜记账利率 ${y.interestRatePercent}%｜利息 ${yuan(y.interest)}${y.paidOut > 0 ? `｜支付养老金 ${yuan(y.paidOut)}` : ''}｜年末余额 ${yuan(y.closingBalance)}`,
    );
  return [`${schemeName(a)}个人账户：余额 ${yuan(a.balance)}（截至${dayLabel(a.asOfDate)}）`, open, ...closed];
}

/** 养老个人账户余额: the balance of each account spoken; every year's credits, interest and payouts on screen. */
export const pensionAccountQuery: PersonalQuery = {
  service: 'query_pension_account',
  ifWrong: '如果账户金额不对，多半是有的月份没记账或缴费基数有误，请带上身份证到养老保险窗口申请核查个人账户，工作人员会逐年对账。',
  async answer(backend, citizenId) {
    const { accounts } = await backend.getPensionAccounts(citizenId);
    const title = '养老保险个人账户';
    if (accounts.length === 0) return { title, spoken: '没有查到您的养老保险个人账户，您可能还没有交过养老保险。', screen: '暂无养老保险个人账户。', empty: true };
    const main = accounts.find((a) => a.scheme === '职工养老') ?? accounts[0]!;
    const paysOut = main.years.some((y) => y.paidOut > 0);
    const first = paysOut
      ? `您已经退休，个人账户每月随养老金支付一部分，截至${dayLabel(main.asOfDate)}还有${spokenYuan(main.balance)}。`
      : `截至${dayLabel(main.asOfDate)}，您的${schemeName(main)}个人账户余额是${spokenYuan(main.balance)}。`;
    const other = accounts.find((a) => a !== main);
    const second = other
      ? `另外${schemeName(other)}个人账户有${spokenYuan(other.balance)}。`
      : !paysOut && main.thisYear.creditedAmount > 0
        ? `今年已经记入${spokenYuan(main.thisYear.creditedAmount)}，利息年底结算。`
        : '';
    return {
      title,
      spoken: `${first}${second}每年的记账明细在屏幕上。`,
      screen: accounts.flatMap(yearLines).join('\n'),
      empty: false,
    };
  },
};
