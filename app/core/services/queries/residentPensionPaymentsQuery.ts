import type { PersonalQuery } from './personalQuery.js';
import { dayLabel, spokenYuan, yuan } from './personalQuery.js';

/** 城乡居民养老保险缴费: the latest year's grade and subsidies and the missed years spoken; every year on screen. */
export const residentPensionPaymentsQuery: PersonalQuery = {
  service: 'query_resident_pension_payments',
  ifWrong: '如果居民养老的缴费记录不对，请带上身份证和银行扣款凭证，到户籍所在的镇（街道）社保所或窗口核对。',
  async answer(backend, citizenId) {
    const pension = await backend.getResidentPension(citizenId);
    const title = '城乡居民养老保险缴费';
    if (!pension.enrolment && pension.years.length === 0) {
      return { title, spoken: '没有查到您参加城乡居民养老保险的记录。在单位上班交的是职工养老保险，可以问我“缴费明细”。', screen: '暂无城乡居民养老保险参保记录。', empty: true };
    }
    const latest = pension.years.at(-1);
    const since = pension.enrolment ? `您从${pension.enrolment.startYear}年起参加城乡居民养老保险，现在是${pension.enrolment.status}。` : '';
    const last = latest
      ? `${latest.year}年您按${spokenYuan(latest.grade)}的档次交了${spokenYuan(latest.personalAmount)}，政府补贴${spokenYuan(latest.governmentSubsidy)}${latest.collectiveSubsidy > 0 ? `，集体补助${spokenYuan(latest.collectiveSubsidy)}` : ''}。`
      : '还没有缴费记录。';
    const missed = pension.missedYears.length > 0 ? `${pension.missedYears.map((y) => `${y}年`).join('、')}没有缴费，` : '';
    const rows = [
      ...pension.years.map((y) => ({ year: y.year, line: `${y.year}年：档次 ${yuan(y.grade)}｜个人缴费 ${yuan(y.personalAmount)}｜政府补贴 ${yuan(y.governmentSubsidy)}｜集体补助 ${yuan(y.collectiveSubsidy)}｜${dayLabel(y.paidDate)}缴费` })),
      ...pension.missedYears.map((year) => ({ year, line: `${year}年：未缴费` })),
    ].sort((a, b) => b.year - a.year);
    return {
      title,
      spoken: `${since}${last}${missed}每年的明细在屏幕上。`,
      screen: [
        ...(pension.enrolment ? [`参保地：${pension.enrolment.town}｜${pension.enrolment.startYear}年起｜${pension.enrolment.status}`] : []),
        `个人账户余额：${yuan(pension.accountBalance)}`,
        ...rows.map((r) => r.line),
      ].join('\n'),
      empty: false,
    };
  },
};
