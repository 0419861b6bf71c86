import type { TransactionView } from '../api/kioskApi.js';
import type { SendInput } from './kioskActions.js';
import { h } from './dom.js';

/**
 * A 对话办 transaction on screen: what it needs and what was given (as the robot read it back), 修改 beside each
 * given value, and 确认办理 only once everything is there; 取消 until the yes. Past the yes nothing can be undone,
 * so the buttons go.
 */
export function renderTransaction(view: TransactionView, send: SendInput): HTMLElement {
  const beforeYes = view.step !== 'submitting';
  return h('section', { className: 'transaction', testId: 'transaction', attrs: { 'aria-label': view.title } }, [
    h('h2', { className: 'transaction-title' }, [view.title]),
    view.fields.length > 0 &&
      h(
        'dl',
        { className: 'transaction-fields' },
        view.fields.flatMap((field) => [
          h('dt', {}, [field.label]),
          h('dd', { testId: `transaction-field-${field.name}` }, [
            field.value ?? (field.skipped ? '不填' : '待填写'),
            (field.value !== null || field.skipped) && beforeYes && button('修改', () => send({ type: 'citizen.transactionAction', action: 'change', field: field.name }), `transaction-change-${field.name}`, 'transaction-change'),
          ]),
        ]),
      ),
    // The field being asked: its answers as buttons (a tap is read as if said), and 跳过 when it can be left out.
    view.asking !== null &&
      (view.asking.choices.length > 0 || view.asking.optional) &&
      h('div', { className: 'transaction-choices', testId: 'transaction-choices', attrs: { 'aria-label': view.asking.label } }, [
        ...view.asking.choices.map((choice) => button(choice, () => send({ type: 'citizen.transactionAction', action: 'choose', value: choice }), 'transaction-choice', 'transaction-choice')),
        view.asking.optional && button('跳过', () => send({ type: 'citizen.transactionAction', action: 'skip' }), 'transaction-skip', 'transaction-skip'),
      ]),
    view.preview !== null &&
      view.preview.length > 0 &&
      h('div', { className: 'transaction-preview', testId: 'transaction-preview' }, [
        h('h3', {}, ['预览']),
        h('ul', {}, view.preview.map((row) => h('li', {}, [row]))),
      ]),
    view.step === 'checking' && h('p', { className: 'transaction-status', testId: 'transaction-checking' }, ['正在核对您的记录，请稍等……']),
    view.step === 'submitting' && h('p', { className: 'transaction-status', testId: 'transaction-submitting' }, ['正在提交，请稍等……']),
    beforeYes &&
      h('div', { className: 'transaction-actions' }, [
        view.step === 'confirming' && button('确认办理', () => send({ type: 'citizen.transactionAction', action: 'confirm' }), 'transaction-confirm', 'transaction-confirm'),
        button('取消', () => send({ type: 'citizen.transactionAction', action: 'cancel' }), 'transaction-cancel', 'transaction-cancel'),
      ]),
  ]);
}

function button(label: string, onClick: () => void, testId: string, className: string): HTMLButtonElement {
  const element = h('button', { className, testId, onClick }, [label]);
  element.type = 'button';
  return element;
}
