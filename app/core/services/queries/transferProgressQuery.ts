import type { PersonalQuery } from './personalQuery.js';
import { dayLabel } from './personalQuery.js';

/** 关系转移接续进度: the newest transfer's stage spoken; every stage with its day on screen. */
export const transferProgressQuery: PersonalQuery = {
  service: 'query_transfer_progress',
  ifWrong: '如果转移进度不对，请带上身份证和参保缴费凭证到窗口，工作人员帮您联系转出地核实。',
  async answer(backend, citizenId) {
    const { transfers } = await backend.getTransfers(citizenId);
    const title = '关系转移接续进度';
    if (transfers.length === 0) return { title, spoken: '没有查到您的社保关系转移记录。', screen: '暂无转移记录。', empty: true };
    const latest = transfers[0]!;
    const done = latest.stage === '已办结';
    const months = latest.transferredMonths !== null ? `，转过来${latest.transferredMonths}个月` : '';
    return {
      title,
      spoken: done
        ? `您从${latest.fromRegion}${latest.direction}${latest.toRegion}的${latest.insurance}保险已经办结${months}。`
        : `您从${latest.fromRegion}${latest.direction}${latest.toRegion}的${latest.insurance}保险，现在到了“${latest.stage}”这一步。办好后会短信通知您。`,
      screen: transfers
        .map((t) => `${t.insurance}（${t.fromRegion} → ${t.toRegion}，${dayLabel(t.appliedDate)}申请）：${t.stages.map((s) => `${s.stage} ${dayLabel(s.date)}`).join(' → ')}`)
        .join('\n'),
      empty: false,
    };
  },
};
