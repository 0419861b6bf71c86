import type { SendInput } from './kioskActions.js';
import { h } from './dom.js';

/** The idle screen: one big invitation; a tap anywhere starts a visit. */
export function renderAttract(send: SendInput): HTMLElement {
  const wake = (): void => {
    send({ type: 'citizen.touch' });
  };
  const screen = h('section', { className: 'attract', testId: 'attract', attrs: { role: 'button', tabindex: '0', 'aria-label': '点击开始' }, onClick: wake }, [
    h('div', { className: 'attract-emblem', attrs: { 'aria-hidden': 'true' } }, ['人社']),
    h('p', { className: 'attract-greeting' }, ['您好，我是人社智能服务机器人']),
    h('p', { className: 'attract-call' }, ['点我或直接说话']),
    h('p', { className: 'attract-hint' }, ['政策咨询 · 权益查询 · 证明打印 · 社保卡挂失']),
  ]);
  screen.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') wake();
  });
  return screen;
}
