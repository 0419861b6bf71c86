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
            field.value ?? '待填写',
            field.value !== null && beforeYes && button('修改', () => send({ type: 'citizen.transactionAction', action: 'change', field: field.name }), `transaction-change-${field.name}`, 'transaction-change'),
          ]),
        ]),
      ),
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
