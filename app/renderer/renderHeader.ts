import type { KioskView } from '../api/kioskApi.js';
import type { SendInput } from './kioskActions.js';
import { button, h } from './dom.js';
import { addLongPress, staffLongPressMs } from './longPress.js';
import { phaseLabels } from './phaseLabels.js';

/**
 * Title bar: who the robot is, what it is doing now, and the 结束 button while a visit is open.
 * Holding the brand mark for 3 s calls `onStaffGesture` (opens the staff keypad); a tap does nothing.
 */
export function renderHeader(view: KioskView, send: SendInput, onStaffGesture: () => void): HTMLElement {
  const visitOpen = view.phase !== 'idle';
  const brand = h('div', { className: 'brand', testId: 'brand' }, [
    h('span', { className: 'brand-mark', attrs: { 'aria-hidden': 'true' } }, ['人社']),
    h('span', { className: 'brand-name' }, ['青岛人社 智能服务']),
  ]);
  addLongPress(brand, staffLongPressMs, onStaffGesture);
  return h('header', { className: 'header' }, [
    brand,
    h('span', { className: `phase phase-${view.phase}`, testId: 'phase', attrs: { 'data-phase': view.phase, role: 'status' } }, [phaseLabels[view.phase]]),
    visitOpen && button('结束', () => send({ type: 'citizen.end' }), { className: 'end-button', testId: 'end-button' }),
  ]);
}
