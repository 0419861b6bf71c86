import type { KioskPhase } from '../api/kioskApi.js';

/** What the status line says in each phase, in the words a citizen would use. */
export const phaseLabels: Record<KioskPhase, string> = {
  idle: '待机中',
  greeting: '欢迎',
  listening: '正在听您说',
  thinking: '正在查询',
  answering: '正在解答',
  guiding: '正在带路',
  followUp: '请继续提问',
  farewell: '再见',
};
