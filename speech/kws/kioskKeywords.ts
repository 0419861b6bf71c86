import type { KeywordSpec } from './keywordLines.js';

/**
 * The kiosk's spoken commands, with the spotter's defaults (threshold 0.25, boost 1): with them no command fired
 * on any of the 16 development recordings (docs/speech.md "Keyword spotting").
 * A one-syllable command fires on that syllable inside running speech: as keywords, 是 and 对 fired 5 times in 4
 * of the 8 real recordings, each time on a real 是/对 within a sentence. So the app should act on 停 only while the
 * robot is speaking (a barge-in), not in the middle of a citizen's sentence.
 */
export const KIOSK_KEYWORDS: readonly KeywordSpec[] = [
  { id: 'wake', phrase: '你好小青' },
  { id: 'stop', phrase: '停' },
  { id: 'back', phrase: '返回' },
  { id: 'staff', phrase: '找工作人员' },
];
