import type { PersonalQuery } from './personalQuery.js';
import { monthLabel, yearsAndMonths } from './personalQuery.js';

/** 累计缴费月数 per insurance, 养老 spoken (with 视同缴费 and gaps), every insurance on screen. */
export const contributionMonthsQuery: PersonalQuery = {
  service: 'query_contribution_months',
  ifWrong: '如果缴费月数不对，请带上身份证和当年的劳动合同或工资单到窗口，工作人员帮您核查补录。',
  async answer(backend, citizenId) {
    const { insurances, asOfMonth } = await backend.getContributionMonths(citizenId);
    const title = '累计缴费月数';
    const paid = insurances.filter((i) => i.totalMonths > 0);
    if (paid.length === 0) return { title, spoken: '没有查到您的缴费记录。如果您觉得不对，可以到窗口请工作人员核实。', screen: '暂无缴费记录。', empty: true };
    const pension = paid.find((i) => i.type === '养老') ?? paid[0]!;
    const deemed = pension.deemedMonths > 0 ? `，其中视同缴费${yearsAndMonths(pension.deemedMonths)}` : '';
    const gaps = pension.gaps.length > 0 ? `中间有${pension.gaps.length}段断缴，明细在屏幕上。` : '';
    return {
      title,
      spoken: `截至${monthLabel(asOfMonth)}，您的${pension.type}保险累计缴费${yearsAndMonths(pension.totalMonths)}${deemed}。${gaps}`,
      screen: paid
        .map((i) => {
          const gapText = i.gaps.length > 0 ? `；断缴：${i.gaps.map((g) => `${monthLabel(g.from)}至${monthLabel(g.to)}（${g.months}个月）`).join('、')}` : '';
          return `${i.type}：${i.totalMonths}个月（${yearsAndMonths(i.totalMonths)}）${i.deemedMonths > 0 ? `，含视同缴费${i.deemedMonths}个月` : ''}${gapText}`;
        })
        .join('\n'),
      empty: false,
    };
  },
};
