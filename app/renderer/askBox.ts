import type { SendInput } from './kioskActions.js';
import { h } from './dom.js';

export interface AskBox {
  element: HTMLElement;
  /** Forget what was typed (a new visit must not see the last citizen's words). */
  reset(): void;
}

const emptyHint = '请先输入您想问的问题，再点“提问”。';
const offlineHint = '暂时连接不上服务，请稍后再试。';

/**
 * The text box with the big 提问 button. Built once and kept, because rebuilding it on every view would
 * throw away what the citizen is typing; it holds only that draft, never business state.
 */
export function createAskBox(send: SendInput): AskBox {
  const input = h('input', {
    className: 'question-input',
    testId: 'question-input',
    attrs: { type: 'text', maxlength: '200', autocomplete: 'off', enterkeyhint: 'send', placeholder: '请输入您的问题，例如：失业金怎么领', 'aria-label': '输入您的问题' },
  });
  const ask = h('button', { className: 'ask-button', testId: 'ask-button', attrs: { type: 'submit' } }, ['提问']);
  const hint = h('p', { className: 'ask-hint', testId: 'ask-hint', attrs: { role: 'alert' } });
  hint.hidden = true;
  const form = h('form', { className: 'ask', testId: 'ask-form', attrs: { autocomplete: 'off' } }, [h('div', { className: 'ask-row' }, [input, ask]), hint]);

  function showHint(text: string | null): void {
    hint.textContent = text ?? '';
    hint.hidden = text === null;
  }

  // A form gives Enter-to-submit for free, on touch keyboards too.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) {
      showHint(emptyHint);
      input.focus();
      return;
    }
    if (!send({ type: 'citizen.text', text })) {
      showHint(offlineHint);
      return;
    }
    input.value = '';
    showHint(null);
  });
  input.addEventListener('input', () => showHint(null));

  return {
    element: form,
    reset() {
      input.value = '';
      showHint(null);
    },
  };
}
