import type { Subtitle } from '../api/kioskApi.js';
import { h } from './dom.js';

/** Older lines are dropped from the screen (not from the session) to keep the DOM small. */
const maxLinesShown = 40;

/** Live subtitles of the conversation; robot and citizen lines look different so elders can tell who said what. */
export function renderSubtitles(subtitles: Subtitle[], heard: string | null = null): HTMLElement {
  const lines = subtitles.slice(-maxLinesShown);
  const list = h('ol', { className: 'subtitles', testId: 'subtitles', attrs: { 'aria-live': 'polite', 'aria-label': '对话字幕' } },
    lines.map((line) =>
      h('li', { className: `subtitle subtitle-${line.who}`, attrs: { 'data-who': line.who } }, [
        h('span', { className: 'subtitle-who' }, [line.who === 'robot' ? '机器人' : '您']),
        h('span', { className: 'subtitle-text' }, [line.text]),
      ]),
    ),
  );
  // What the citizen is saying right now, before the recognizer has finished the sentence.
  if (heard) {
    list.append(
      h('li', { className: 'subtitle subtitle-citizen subtitle-live', testId: 'subtitle-live', attrs: { 'data-who': 'citizen' } }, [
        h('span', { className: 'subtitle-who' }, ['您']),
        h('span', { className: 'subtitle-text' }, [`${heard}…`]),
      ]),
    );
  }
  if (lines.length === 0 && !heard) list.append(h('li', { className: 'subtitle-empty' }, ['对话内容会显示在这里']));
  return list;
}

/** Keeps the newest line in sight; call after the list is in the document. */
export function scrollToNewest(list: HTMLElement): void {
  list.scrollTop = list.scrollHeight;
}
