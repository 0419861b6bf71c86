import type { KioskPhase } from '../api/kioskApi.js';

/** What the status line says in each phase, in the words a citizen would use. */
export const phaseLabels: Record<KioskPhase, string> = {
  idle: '待机中',
  greeting: '您好，请问有什么可以帮您',
  listening: '正在听您说…',
  thinking: '正在为您查询…',
  answering: '正在为您解答',
  followUp: '还有其他问题吗',
  farewell: '感谢使用，再见',
};
