import { h } from './dom.js';

/** While the robot walks the citizen to a window: its line big, a walking indicator, nothing else to tap. */
export function renderGuiding(robotLine: string): HTMLElement {
  return h('section', { className: 'guiding', testId: 'guiding', attrs: { role: 'status' } }, [
    h('div', { className: 'guiding-walk', attrs: { 'aria-hidden': 'true' } }, [h('i'), h('i'), h('i'), h('i')]),
    h('p', { className: 'guiding-line', testId: 'guiding-line' }, [robotLine || '好的，请跟我来。']),
    h('p', { className: 'guiding-hint' }, ['正在带路，请跟着我走，注意脚下。']),
  ]);
}
