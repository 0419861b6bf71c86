import type { KioskView, VerifiedCitizenView } from '../api/kioskApi.js';
import type { SendInput } from './kioskActions.js';
import { button, h } from './dom.js';
import { addLongPress, staffLongPressMs } from './longPress.js';
import { phaseLabels } from './phaseLabels.js';
import { scrubIdNumbers } from './scrubIdNumbers.js';

/**
 * Title bar: who the robot is, what it is doing now, who the visit verified (masked, as the hall shows it) with
 * 换人 beside 结束, and 结束 while a visit is open. Nothing personal is shown unless the core sends a verified
 * citizen. Holding the brand mark for 3 s calls `onStaffGesture` (opens the staff keypad); a tap does nothing.
 */
export function renderHeader(view: KioskView, send: SendInput, onStaffGesture: () => void): HTMLElement {
  const visitOpen = view.phase !== 'idle';
  const citizen = visitOpen ? view.citizen : null;
  const brand = h('div', { className: 'brand', testId: 'brand' }, [
    h('span', { className: 'brand-mark', attrs: { 'aria-hidden': 'true' } }, ['人社']),
    h('span', { className: 'brand-name' }, ['青岛人社 智能服务']),
  ]);
  addLongPress(brand, staffLongPressMs, onStaffGesture);
  return h('header', { className: citizen ? 'header header-with-citizen' : 'header' }, [
    brand,
    h('span', { className: `phase phase-${view.phase}`, testId: 'phase', attrs: { 'data-phase': view.phase, role: 'status' } }, [phaseLabels[view.phase]]),
    // On a tall screen the citizen and the two buttons take a row of their own (see styles.css).
    citizen && h('span', { className: 'header-break', attrs: { 'aria-hidden': 'true' } }),
    citizen && renderCitizen(citizen),
    citizen && button('换人', () => send({ type: 'citizen.changeCitizen' }), { className: 'header-button change-citizen-button', testId: 'change-citizen-button' }),
    visitOpen && button('结束', () => send({ type: 'citizen.end' }), { className: 'header-button end-button', testId: 'end-button' }),
  ]);
}

/** 已核验：王*兰 3702**********0422 — the masked name and number the core sent. */
function renderCitizen(citizen: VerifiedCitizenView): HTMLElement {
  return h('p', { className: 'header-citizen', testId: 'header-citizen', attrs: { 'aria-label': '已核验的办事人' } }, [
    h('span', { className: 'header-citizen-label' }, ['已核验：']),
    h('span', { className: 'header-citizen-name', testId: 'header-citizen-name' }, [citizen.nameMasked]),
    ' ',
    h('span', { className: 'header-citizen-id', testId: 'header-citizen-id' }, [scrubIdNumbers(citizen.idNumberMasked)]),
  ]);
}
