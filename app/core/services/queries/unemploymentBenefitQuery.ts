import type { PersonalQuery } from './personalQuery.js';
import { dayLabel, monthLabel, spokenYuan, yuan } from './personalQuery.js';

/** 失业保险金领取记录: the current claim (months paid, months left, monthly amount) spoken; every payment on screen. */
export const unemploymentBenefitQuery: PersonalQuery = {
  service: 'query_unemployment_benefit',
  ifWrong: '如果领取记录不对，请带上身份证到失业保险窗口，工作人员帮您核对。',
  async answer(backend, citizenId) {
    const { claims } = await backend.getUnemploymentBenefit(citizenId);
    const title = '失业保险金领取记录';
    if (claims.length === 0) return { title, spoken: '没有查到您领取失业保险金的记录。', screen: '暂无失业保险金记录。', empty: true };
    const claim = claims[0]!;
    const state =
      claim.status === '领取中'
        ? `您正在领取失业保险金，每月${spokenYuan(claim.monthlyAmount)}，已经领了${claim.paidMonths}个月，还能领${claim.remainingMonths}个月。`
        : claim.status === '已停发'
          ? `您的失业保险金已经停发，领了${claim.paidMonths}个月，还有${claim.remainingMonths}个月保留着，以后再失业可以接着领。`
          : `您的失业保险金已经领完，一共领了${claim.paidMonths}个月。`;
    return {
      title,
      spoken: `${state}每个月的明细在屏幕上。`,
      screen: [
        `状态：${claim.status}（${dayLabel(claim.approvedDate)}核定，共${claim.entitlementMonths}个月，每月${yuan(claim.monthlyAmount)}）`,
        ...claim.payments.map((p) => `${monthLabel(p.month)}：${yuan(p.amount)}（${dayLabel(p.paidDate)}发放）`),
      ].join('\n'),
      empty: false,
    };
  },
};
