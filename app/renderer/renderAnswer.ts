import type { AnswerSource, AnswerView } from '../api/kioskApi.js';
import type { SendInput } from './kioskActions.js';
import { button, h } from './dom.js';
import { renderRecord } from './renderRecord.js';

/**
 * The answer card: the spoken line big, the fuller text, where it comes from, and what to do next. A citizen's own
 * record (聊天查) has a card of its own (renderRecord.ts).
 */
export function renderAnswer(answer: AnswerView, send: SendInput): HTMLElement {
  if (answer.mode === 'record') return renderRecord(answer, send);
  return h('article', { className: 'answer', testId: 'answer-card', attrs: { 'data-mode': answer.mode } }, [
    h('p', { className: 'answer-question', testId: 'answer-question' }, [`您的问题：${answer.question}`]),
    answer.caution && h('div', { className: 'caution', testId: 'answer-caution', attrs: { role: 'note' } }, [h('strong', {}, ['请注意：']), answer.caution]),
    h('p', { className: 'answer-spoken', testId: 'answer-spoken' }, [answer.spoken]),
    // white-space: pre-line in CSS keeps the core's line breaks without parsing any markup.
    answer.screen && h('div', { className: 'answer-screen', testId: 'answer-screen' }, [answer.screen]),
    answer.sources.length > 0 &&
      h('ul', { className: 'sources', testId: 'answer-sources', attrs: { 'aria-label': '信息来源' } }, answer.sources.map(renderSource)),
    answer.sources.length > 0 && h('p', { className: 'answer-mode' }, [answer.mode === 'llm' ? '由政务大模型依据人社知识库整理' : '内容摘自人社知识库']),
    answer.offerStaff &&
      h('div', { className: 'staff-offer', testId: 'offer-staff' }, [
        h('p', {}, ['需要人工帮助？工作人员可以当面为您解答。']),
        button('找工作人员', () => send({ type: 'citizen.tapService', service: 'call-staff' }), { className: 'staff-button', testId: 'staff-button' }),
      ]),
    answer.related.length > 0 &&
      h('div', { className: 'chips', testId: 'related' }, [
        h('p', { className: 'chips-title' }, ['您可能还想问：']),
        ...answer.related.map((text) => button(text, () => send({ type: 'citizen.tapQuestion', text }), { className: 'chip', testId: 'related-chip' })),
      ]),
  ]);
}

/** The kiosk has no browser, so the URL is shown as text for the citizen to note down, never as a link. */
function renderSource(source: AnswerSource): HTMLElement {
  return h('li', { className: 'source' }, [
    h('span', { className: 'source-title' }, [`来源：${source.doc} ${source.title}`]),
    source.url && h('span', { className: 'source-url' }, [source.url]),
  ]);
}
