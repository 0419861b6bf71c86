import { button, h } from './dom.js';

/** A resident ID number: 17 digits and a check character (a digit or X). */
export const idNumberLength = 18;

export interface IdEntryState {
  /** What the citizen typed so far (only while typing; cleared once sent). */
  entry: string;
  /** After 确定: the number as the screen shows it now, masked. */
  masked: string | null;
  /** A local hint (too short …). */
  hint: string | null;
}

export interface IdKeypadActions {
  key(key: string): void;
  del(): void;
  ok(): void;
}

/** 370203 1962 0315 0422: groups a citizen can compare with the card, area · year · month-day · sequence. */
export function groupIdNumber(entry: string): string {
  return [entry.slice(0, 6), entry.slice(6, 10), entry.slice(10, 14), entry.slice(14)].filter(Boolean).join(' ');
}

const digitKeys = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * The ID-number keypad: the entry as it is typed (masked once sent), big digit keys, X (only as the last
 * character), 删除 and 确定.
 */
export function renderIdKeypad(state: IdEntryState, actions: IdKeypadActions): HTMLElement {
  const sent = state.masked !== null;
  const full = state.entry.length >= idNumberLength;
  const shown = sent ? state.masked : state.entry ? groupIdNumber(state.entry) : null;
  const digit = (key: string): HTMLButtonElement => {
    const element = button(key, () => actions.key(key), { className: 'id-key', testId: `id-key-${key}` });
    element.disabled = sent || full;
    return element;
  };
  const x = button('X', () => actions.key('X'), { className: 'id-key', testId: 'id-key-X' });
  x.disabled = sent || state.entry.length !== idNumberLength - 1;
  const del = button(sent ? '重输' : '删除', actions.del, { className: 'id-key id-key-del', testId: 'id-key-del' });
  del.disabled = !sent && state.entry.length === 0;
  const ok = button('确定', actions.ok, { className: 'id-key id-key-ok', testId: 'id-key-ok' });
  ok.disabled = sent;
  return h('div', { className: 'id-entry', testId: 'id-keypad', attrs: { 'data-sent': String(sent) } }, [
    h('div', { className: sent ? 'id-display id-display-sent' : 'id-display', testId: 'id-entry', attrs: { role: 'status', 'aria-live': 'polite' } }, [
      h('span', { className: shown ? 'id-display-text' : 'id-display-placeholder' }, [shown ?? '请输入18位身份证号']),
      !sent && h('span', { className: 'id-display-count' }, [`${state.entry.length}/${idNumberLength}`]),
    ]),
    h('p', { className: 'id-hint', testId: 'id-hint', attrs: { role: 'alert' } }, [state.hint ?? '']),
    h('div', { className: 'id-keys' }, [...digitKeys.map(digit), x, digit('0'), del]),
    ok,
  ]);
}
