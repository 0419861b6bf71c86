import { h } from './dom.js';

/** A plain Chinese notice from the core (a failure or a state the citizen should know about). */
export function renderNotice(notice: string | null): HTMLElement | null {
  if (!notice) return null;
  return h('div', { className: 'notice', testId: 'notice', attrs: { role: 'alert' } }, [notice]);
}
