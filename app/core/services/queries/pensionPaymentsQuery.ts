import type { PersonalQuery } from './personalQuery.js';
import { dayLabel, monthLabel, spokenYuan, yuan } from './personalQuery.js';

/** 养老金发放明细: the latest payment spoken; the payments of the year asked for (or the last twelve) on screen. */
export const pensionPaymentsQuery: PersonalQuery = {
  service: 'query_pension_benefit',
  ifWrong: '如果养老金数额不对，请带上身份证和银行卡到养老待遇窗口，工作人员帮您核对计发明细。',
  async answer(backend, citizenId, slots) {
    const { payments } = await backend.getPensionPayments(citizenId);
    const title = '养老金发放明细';
    if (payments.length === 0) return { title, spoken: '没有查到您的养老金发放记录。如果您已经退休，请到窗口请工作人员核实。', screen: '暂无养老金发放记录。', empty: true };
    const sorted = [...payments].sort((a, b) => b.month.localeCompare(a.month));
    const latest = sorted[0]!;
    const shown = slots.year !== undefined ? sorted.filter((p) => p.month.startsWith(`${slots.year}-`)) : sorted.slice(0, 12);
    return {
      title,
      spoken: `您最近一笔养老金是${monthLabel(latest.month)}的，${spokenYuan(latest.amount)}，${dayLabel(latest.paidDate)}发放。每个月的明细都在屏幕上。`,
      screen: (shown.length > 0 ? shown : sorted.slice(0, 12)).map((p) => `${monthLabel(p.month)}：${yuan(p.amount)}（${dayLabel(p.paidDate)}发放）`).join('\n'),
      empty: false,
    };
  },
};
