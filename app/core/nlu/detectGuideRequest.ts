import { parseSmallNumber } from './chineseNumber.js';
import { looksLikePinyin, normalizeText } from './normalizeText.js';

/** A request to be taken somewhere in the hall, as a place id of the configured map (window-3, self-service, ...). */
export interface GuideRequest {
  placeId: string;
}

const NUMBER = '(\\d{1,2}|[一二两三四五六七八九十]{1,3})';
const WINDOW_PATTERNS = [new RegExp(`${NUMBER}\\s*号?\\s*(?:窗口|柜台)`), new RegExp(`(?:窗口|柜台)\\s*${NUMBER}\\s*号?`)];
/** Words that make a mention of a place a request to go there (not a policy question that names a window). */
const MOVE_WORDS = /(带我|领我|带路|引导|领路|陪我|怎么走|怎么去|往哪走|在哪|在什么地方|哪边|去|到)/;
const PLACES: { pattern: RegExp; placeId: string }[] = [
  { pattern: /自助(服务)?(区|机)/, placeId: 'self-service' },
  { pattern: /(大厅)?(入口|大门|门口|出口)/, placeId: 'entrance' },
];

// The same requests as the small speech model hears them: toneless pinyin syllables.
const PINYIN_DIGITS: Record<string, string> = { yi: '一', yao: '一', er: '二', liang: '两', san: '三', si: '四', wu: '五', liu: '六', qi: '七', ba: '八', jiu: '九', shi: '十' };
const PINYIN_NUMBER = `((?:(?:${Object.keys(PINYIN_DIGITS).join('|')}) ?){1,3})`;
const PINYIN_WINDOW = [new RegExp(`${PINYIN_NUMBER}hao (?:chuang kou|gui tai)`), new RegExp(`(?:chuang kou|gui tai) ${PINYIN_NUMBER}`)];
const PINYIN_MOVE = /\b(dai wo|ling wo|dai lu|yin dao|pei wo|zen me zou|zen me qu|zai na|qu|dao)\b/;
const PINYIN_PLACES: { pattern: RegExp; placeId: string }[] = [
  { pattern: /\bzi zhu (fu wu )?(qu|ji)\b/, placeId: 'self-service' },
  { pattern: /\b(ru kou|da men|men kou|chu kou)\b/, placeId: 'entrance' },
];

function detectInPinyin(t: string): GuideRequest | null {
  if (!PINYIN_MOVE.test(t)) return null;
  for (const pattern of PINYIN_WINDOW) {
    const m = pattern.exec(t);
    const n = m ? parseSmallNumber(m[1]!.trim().split(' ').map((s) => PINYIN_DIGITS[s] ?? '?').join('')) : null;
    if (n !== null && n > 0) return { placeId: `window-${n}` };
  }
  for (const place of PINYIN_PLACES) if (place.pattern.test(t)) return { placeId: place.placeId };
  return null;
}

/**
 * "带我去3号窗口", "三号窗口在哪", "窗口12怎么走", "自助区在哪儿" (or their toneless pinyin from the speech model)
 * → the place to guide to; null otherwise.
 */
export function detectGuideRequest(text: string): GuideRequest | null {
  const t = normalizeText(text);
  if (looksLikePinyin(t)) return detectInPinyin(t);
  if (!MOVE_WORDS.test(t)) return null;
  for (const pattern of WINDOW_PATTERNS) {
    const m = pattern.exec(t);
    const n = m ? parseSmallNumber(m[1]!) : null;
    if (n !== null && n > 0) return { placeId: `window-${n}` };
  }
  for (const place of PLACES) if (place.pattern.test(t)) return { placeId: place.placeId };
  return null;
}
