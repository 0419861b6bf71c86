export { normalizeText, hasHan, looksLikePinyin } from './normalizeText.js';
export { toPinyinSyllables, toTonelessPinyin } from './toPinyin.js';
export { STOP_WORDS } from './stopWords.js';
export { parseSmallNumber } from './chineseNumber.js';
export { detectGuideRequest, type GuideRequest } from './detectGuideRequest.js';
