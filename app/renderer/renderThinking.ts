import { h } from './dom.js';

/** Shown while the core looks for an answer, so a slow reply does not look like a frozen screen. */
export function renderThinking(): HTMLElement {
  return h('div', { className: 'thinking', testId: 'thinking', attrs: { role: 'status' } }, [
    h('span', { className: 'thinking-dots', attrs: { 'aria-hidden': 'true' } }, [h('i'), h('i'), h('i')]),
    '正在为您查询，请稍候',
  ]);
}
