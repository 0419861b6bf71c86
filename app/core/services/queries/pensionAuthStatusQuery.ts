import type { PersonalQuery } from './personalQuery.js';
import { dayLabel } from './personalQuery.js';

/** 养老金待遇资格认证状态: when it was last done and when it is next due. */
export const pensionAuthStatusQuery: PersonalQuery = {
  service: 'query_pension_auth_status',
  ifWrong: '如果认证记录不对，可以现在重新做一次养老认证，或者到窗口请工作人员核实。',
  async answer(backend, citizenId) {
    const status = await backend.getPensionAuthStatus(citizenId);
    const title = '养老金资格认证状态';
    if (!status.isPensioner) return { title, spoken: '您目前没有领取养老金，不需要做养老金资格认证。', screen: '不适用：未领取养老金。', empty: true };
    const last = status.lastAuthenticatedAt ? `上次认证是${dayLabel(status.lastAuthenticatedAt)}` : '还没有认证记录';
    const next = status.nextDueDate ? `，下次请在${dayLabel(status.nextDueDate)}前认证` : '';
    return {
      title,
      spoken: `您${last}${next}。需要的话，现在就可以在我这里刷脸认证。`,
      screen: [`认证状态：${status.standing}`, `上次认证：${status.lastAuthenticatedAt ? dayLabel(status.lastAuthenticatedAt) : '无'}`, `下次到期：${status.nextDueDate ? dayLabel(status.nextDueDate) : '无'}`].join('\n'),
      empty: false,
    };
  },
};
