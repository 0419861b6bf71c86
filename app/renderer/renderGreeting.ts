import type { KioskView } from '../api/kioskApi.js';
import type { SendInput } from './kioskActions.js';
import { button, h } from './dom.js';

/** What the robot just said, plus the suggested questions to tap when there is no answer on screen yet. */
export function renderGreeting(view: KioskView, send: SendInput): HTMLElement | null {
  // While answering, the robot's line is the answer's spoken text, which the answer card already shows big.
  const robotLine = view.robotLine && view.robotLine !== view.answer?.spoken ? view.robotLine : null;
  const showSuggestions = !view.answer && view.suggestions.length > 0;
  if (!robotLine && !showSuggestions) return null;
  return h('section', { className: 'greeting', testId: 'greeting' }, [
    robotLine && h('p', { className: 'robot-line', testId: 'robot-line' }, [robotLine]),
    showSuggestions &&
      h('div', { className: 'chips', testId: 'suggestions' }, [
        h('p', { className: 'chips-title' }, ['您可以这样问：']),
        ...view.suggestions.map((text) =>
          button(text, () => send({ type: 'citizen.tapQuestion', text }), { className: 'chip', testId: 'suggestion-chip' }),
        ),
      ]),
  ]);
}
