import type { AnswerView } from '../api/kioskApi.js';
import type { SendInput } from './kioskActions.js';
import { button, h } from './dom.js';
import { recordRows, type RecordRow } from './recordRows.js';
import { scrubIdNumbers } from './scrubIdNumbers.js';

/**
 * The verified citizen's own record (聊天查, `mode: 'record'`): its title marked 本人记录, what the robot said, the
 * rows as a table, where it comes from, and — when the core offers them — 打印 and 记录有误.
 */
export function renderRecord(answer: AnswerView, send: SendInput): HTMLElement {
  const rows = recordRows(answer.screen);
  const actions = answer.recordActions;
  return h('article', { className: 'answer answer-record', testId: 'answer-card', attrs: { 'data-mode': 'record' } }, [
    h('header', { className: 'record-head' }, [
      h('h2', { className: 'record-title', testId: 'answer-question' }, [scrubIdNumbers(answer.question)]),
      h('span', { className: 'record-badge', testId: 'record-badge' }, ['本人记录']),
    ]),
    h('p', { className: 'answer-spoken', testId: 'answer-spoken' }, [scrubIdNumbers(answer.spoken)]),
    rows.length > 0 &&
      h('table', { className: 'record-table', testId: 'record-table', attrs: { 'aria-label': `${answer.question}（本人记录）` } }, [
        h('tbody', {}, rows.map(renderRow)),
      ]),
    h('p', { className: 'answer-mode' }, ['您本人的记录，来自人社业务系统']),
    actions &&
      (actions.print || actions.dispute) &&
      h('div', { className: 'record-actions', testId: 'record-actions' }, [
        actions.print && button('打印', () => send({ type: 'citizen.recordAction', action: 'print' }), { className: 'record-action record-print', testId: 'record-print' }),
        actions.dispute &&
          button('记录有误', () => send({ type: 'citizen.recordAction', action: 'dispute' }), { className: 'record-action record-dispute', testId: 'record-dispute' }),
      ]),
    answer.related.length > 0 &&
      h('div', { className: 'chips', testId: 'related' }, [
        h('p', { className: 'chips-title' }, ['您可能还想查：']),
        ...answer.related.map((text) => button(text, () => send({ type: 'citizen.tapQuestion', text }), { className: 'chip', testId: 'related-chip' })),
      ]),
  ]);
}

function renderRow(row: RecordRow): HTMLElement {
  if (row.label === null) return h('tr', { className: 'record-row record-note', testId: 'record-row' }, [h('td', { attrs: { colspan: '2' } }, [row.value])]);
  return h('tr', { className: 'record-row', testId: 'record-row' }, [
    h('th', { className: 'record-label', attrs: { scope: 'row' } }, [row.label]),
    h('td', { className: 'record-value' }, [row.value, row.note && h('span', { className: 'record-value-note' }, [row.note])]),
  ]);
}
