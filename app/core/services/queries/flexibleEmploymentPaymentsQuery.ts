import { addMonthsToYearMonth } from '../../backend/calendar.js';
import type { PersonalQuery } from './personalQuery.js';
import { monthLabel, monthSpanLabel, yuan } from './personalQuery.js';

/** Runs of consecutive YYYY-MM months as 2019年5月至2019年7月. */
function spans(months: string[]): string[] {
  const runs: [string, string][] = [];
  for (const m of [...months].sort()) {
    const last = runs.at(-1);
    if (last && addMonthsToYearMonth(last[1], 1) === m) last[1] = m;
    else runs.push([m, m]);
  }
  return runs.map(([a, b]) => monthSpanLabel(a, b));
}

/** 灵活就业缴费档次与已缴记录: the registration and level, how far it is paid and the unpaid months spoken; every year on screen. */
export const flexibleEmploymentPaymentsQuery: PersonalQuery = {
  service: 'query_flexible_employment_payments',
  ifWrong: '如果档次或缴费记录不对，请带上身份证和银行扣款凭证到灵活就业窗口核对；欠缴的月份能不能补缴，工作人员会当场告诉您。',
  async answer(backend, citizenId) {
    const status = await backend.getFlexibleEmployment(citizenId);
    const title = '灵活就业缴费档次与记录';
    const reg = status.registration;
    if (!reg && status.years.length === 0) {
      return { title, spoken: '没有查到您灵活就业参保登记和缴费的记录。如果想以个人身份交社保，可以跟我说“灵活就业登记”。', screen: '暂无灵活就业登记和缴费记录。', empty: true };
    }
    const latest = status.years.at(-1);
    const unpaid = spans(status.unpaidMonths);
    let spoken: string;
    if (reg) {
      const level = `现在的缴费档次是社平工资的${reg.contributionLevel}%，交${reg.insuranceTypes.join('、')}保险`;
      const paidTo = status.lastPaidMonth ? `已经交到${monthLabel(status.lastPaidMonth)}` : '还没有缴费记录';
      const owed = status.unpaidMonths.length > 0 ? `，${unpaid.slice(0, 2).join('、')}${unpaid.length > 2 ? '等' : ''}共${status.unpaidMonths.length}个月没交` : '';
      spoken = `您是${monthLabel(reg.startMonth)}起登记的灵活就业人员，${level}。${paidTo}${owed}。每年的档次和金额在屏幕上。`;
    } else {
      const first = status.years[0]!.year;
      spoken = `您${first === latest!.year ? `${first}年` : `${first}年到${latest!.year}年`}以灵活就业身份交过社保，最后交到${status.lastPaidMonth ? monthLabel(status.lastPaidMonth) : `${latest!.year}年`}，现在没有灵活就业登记。每年的档次和金额在屏幕上。`;
    }
    const screen = [
      reg
        ? `登记：${reg.employmentType}｜${monthLabel(reg.startMonth)}起｜${reg.insuranceTypes.join('、')}｜档次 ${reg.contributionLevel}%｜${reg.residenceStreet}｜${reg.channel}办理（${reg.registrationId}）`
        : '登记：目前没有灵活就业登记',
      ...[...status.years]
        .reverse()
        .map((y) => `${y.year}年：档次 ${y.level}%｜基数 ${yuan(y.monthlyBase)}/月｜缴 ${y.monthsPaid} 个月｜养老 ${yuan(y.pensionAmount)}｜医疗 ${yuan(y.medicalAmount)}｜合计 ${yuan(y.total)}`),
      ...(status.unpaidMonths.length > 0 ? [`欠缴月份：${unpaid.join('、')}（共${status.unpaidMonths.length}个月）`] : []),
    ];
    return { title, spoken, screen: screen.join('\n'), empty: false };
  },
};
