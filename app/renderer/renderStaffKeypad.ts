import { button, h } from './dom.js';

/** The longest PIN the core accepts. */
export const maxPinLength = 12;
export const minPinLength = 4;

export interface StaffKeypadState {
  /** How many digits were typed; the digits themselves never reach the DOM. */
  typed: number;
  /** A line for the member of staff: the core's answer (wrong PIN …) or a local hint (too short …). */
  message: string | null;
}

export interface StaffKeypadActions {
  digit(digit: string): void;
  clear(): void;
  confirm(): void;
  close(): void;
}

const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The staff unlock keypad: big keys, dots for what was typed, 清除, 确定 and a way back to the citizen screen. */
export function renderStaffKeypad(state: StaffKeypadState, actions: StaffKeypadActions): HTMLElement {
  const dots = Array.from({ length: maxPinLength }, (_, i) => h('i', { className: i < state.typed ? 'pin-dot pin-dot-on' : 'pin-dot' }));
  return h('section', { className: 'staff-overlay staff-keypad', testId: 'staff-keypad', attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-label': '工作人员登录' } }, [
    h('div', { className: 'keypad-card' }, [
      h('h1', { className: 'keypad-title' }, ['工作人员登录']),
      h('p', { className: 'keypad-hint' }, ['请输入工作人员密码']),
      h('div', { className: 'pin-dots', testId: 'staff-pin-dots', attrs: { role: 'status', 'aria-label': `已输入${state.typed}位` } }, dots.slice(0, Math.max(state.typed, minPinLength))),
      h('p', { className: 'keypad-message', testId: 'staff-keypad-message', attrs: { role: 'alert' } }, [state.message ?? '']),
      h('div', { className: 'keypad-keys' }, [
        ...keys.map((key) => button(key, () => actions.digit(key), { className: 'keypad-key', testId: `staff-key-${key}` })),
        button('清除', actions.clear, { className: 'keypad-key keypad-clear', testId: 'staff-key-clear' }),
        button('0', () => actions.digit('0'), { className: 'keypad-key', testId: 'staff-key-0' }),
        button('确定', actions.confirm, { className: 'keypad-key keypad-ok', testId: 'staff-key-ok' }),
      ]),
      button('返回', actions.close, { className: 'keypad-close', testId: 'staff-keypad-close' }),
    ]),
  ]);
}
