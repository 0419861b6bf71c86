import type { PersonalQuery } from './personalQuery.js';
import { spokenYuan, yuan } from './personalQuery.js';

/** 缴费基数 by year: the year asked for, or the latest, spoken; every year on screen. */
export const contributionBaseQuery: PersonalQuery = {
  service: 'query_contribution_base',
  ifWrong: '如果缴费基数不对，通常是单位申报的工资有误，请先找单位经办人核对，也可以带身份证到窗口请工作人员查。',
  async answer(backend, citizenId, slots) {
    const { years } = await backend.getContributionBase(citizenId);
    const title = '缴费基数';
    if (years.length === 0) return { title, spoken: '没有查到您的缴费基数记录。如果您觉得不对，可以到窗口请工作人员核实。', screen: '暂无缴费基数记录。', empty: true };
    const sorted = [...years].sort((a, b) => b.year - a.year);
    const wanted = slots.year ?? (slots.relativeYear === 'last' ? sorted[0]!.year - 1 : undefined);
    const chosen = (wanted !== undefined ? sorted.find((y) => y.year === wanted) : undefined) ?? sorted[0]!;
    const missing = wanted !== undefined && chosen.year !== wanted ? `没有查到${wanted}年的记录，` : '';
    return {
      title,
      spoken: `${missing}您${chosen.year}年的养老保险缴费基数是${spokenYuan(chosen.base)}。每一年的基数都在屏幕上。`,
      screen: sorted.map((y) => `${y.year}年：${yuan(y.base)}`).join('\n'),
      empty: false,
    };
  },
};
