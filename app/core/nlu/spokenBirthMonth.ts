import { hasHan, normalizeText } from './normalizeText.js';

/** A birth year and, when it was said, the month (1–12). */
export interface SpokenBirthMonth {
  year: number;
  month?: number;
}

const HAN_DIGITS: Record<string, string> = { 零: '0', 〇: '0', 洞: '0', 一: '1', 幺: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const HAN_MONTHS: Record<string, number> = { 一: 1, 正: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12, 冬: 11, 腊: 12 };
const PINYIN_DIGITS: Record<string, string> = { ling: '0', dong: '0', yi: '1', yao: '1', er: '2', liang: '2', san: '3', si: '4', wu: '5', liu: '6', qi: '7', ba: '8', jiu: '9' };
const PINYIN_MONTHS: Record<string, number> = {
  'yi': 1, 'er': 2, 'san': 3, 'si': 4, 'wu': 5, 'liu': 6, 'qi': 7, 'ba': 8, 'jiu': 9, 'shi': 10, 'shi yi': 11, 'shi er': 12,
};

/** Words that make a year the year someone was born, not one asked about. */
const BIRTH_CONTEXT = /出生|生的|生人|生于|生日|(?:是|^|[，,、\s])\s*(?:19|20)?\d{2}\s*年(?:\s*\d{1,2}\s*月份?)?\s*的(?=[，,。、\s]|$)|是\s*(?:19|20)?\d{2}\s*年(?:\s*\d{1,2}\s*月份?)?\s*的|属[鼠牛虎兔龙蛇马羊猴鸡狗猪]/;
const YEAR_MONTH = /(?<!\d)((?:19|20)?\d{2})\s*年\s*(?:(\d{1,2})\s*月份?)?/g;
const NUMERIC_YEAR_MONTH = /(?<!\d)((?:19|20)\d{2})\s*[.\-/]\s*(\d{1,2})(?!\d)/g;

const PINYIN_BIRTH_CONTEXT = /\b(chu sheng|sheng de|sheng ren|sheng yu|sheng ri)\b/;
const PINYIN_YEAR_MONTH = /\b((?:(?:ling|dong|yi|yao|er|liang|san|si|wu|liu|qi|ba|jiu)\s+){2,4})nian(?:\s+(shi(?:\s+(?:yi|er))?|yi|er|san|si|wu|liu|qi|ba|jiu)\s+yue)?/;

/**
 * The birth year and month a citizen states ("我是1965年1月出生的", "俺65年3月生人", "一九七零年五月出生",
 * "yi jiu liu wu nian san yue chu sheng de"), or null when no birth date was said. A year counts as a birth year
 * only beside a word of birth (出生, 生的, "我是…年的", a clause of its own "…，78年的，"), so "2019年的缴费" is not
 * one, unless the robot has just asked for the birth month (`asked`: "1965年3月" alone is the answer). Two-digit
 * years are 19xx from 31 on, else 20xx.
 */
export function parseBirthMonth(text: string, pinyin?: string, asked = false): SpokenBirthMonth | null {
  const t = normalizeText(text);
  if (hasHan(t)) return fromCharacters(withArabicNumbers(text.normalize('NFKC')), asked);
  return fromPinyin(t, asked) ?? (pinyin ? fromPinyin(normalizeText(pinyin), asked) : null);
}

/** A month said alone, in answer to "几月出生的": 三月, 3月份, 腊月, "san yue"; null otherwise. */
export function parseBareMonth(text: string, pinyin?: string): number | null {
  const t = normalizeText(text);
  const han = /(?<![\d年])(\d{1,2})\s*月/.exec(withArabicNumbers(text.normalize('NFKC')));
  if (han && !/年/.test(text)) {
    const month = Number(han[1]);
    return month >= 1 && month <= 12 ? month : null;
  }
  for (const p of [t, pinyin ? normalizeText(pinyin) : '']) {
    const m = /\b(shi(?:\s+(?:yi|er))?|yi|er|san|si|wu|liu|qi|ba|jiu|la|zheng)\s+yue\b/.exec(p);
    if (m && !/\bnian\b/.test(p)) return { la: 12, zheng: 1 }[m[1]!] ?? PINYIN_MONTHS[m[1]!.replace(/\s+/g, ' ')] ?? null;
  }
  return null;
}

function fromCharacters(text: string, asked: boolean): SpokenBirthMonth | null {
  const marker = BIRTH_CONTEXT.exec(text);
  if (!marker && !asked) return null;
  // The date nearest before the word of birth ("我2025年退休吗？我是65年生的" → 65年), else the first after it.
  const dates = [...text.matchAll(NUMERIC_YEAR_MONTH), ...text.matchAll(YEAR_MONTH)].sort((a, b) => a.index - b.index);
  const before = marker ? dates.filter((d) => d.index <= marker.index + marker[0].length).at(-1) : undefined;
  const match = before ?? dates[0];
  if (!match) return null;
  return checked(fullYear(match[1]!), match[2] ? Number(match[2]) : undefined);
}

function fromPinyin(text: string, asked: boolean): SpokenBirthMonth | null {
  if (!asked && !PINYIN_BIRTH_CONTEXT.test(text)) return null;
  const match = PINYIN_YEAR_MONTH.exec(text);
  if (!match) return null;
  const digits = match[1]!.trim().split(/\s+/).map((s) => PINYIN_DIGITS[s] ?? '').join('');
  return checked(fullYear(digits), match[2] ? PINYIN_MONTHS[match[2].replace(/\s+/g, ' ')] : undefined);
}

/** 一九六五年 → 1965年, 六五年 → 65年, 三月 → 3月, 十二月 → 12月. */
function withArabicNumbers(text: string): string {
  return text
    .replace(/([零〇洞一幺二两三四五六七八九]{2,4})(?=\s*年)/g, (run) => [...run].map((c) => HAN_DIGITS[c] ?? '').join(''))
    .replace(/(十[一二]|[一正二三四五六七八九十冬腊])(?=\s*月)/g, (m) => String(HAN_MONTHS[m] ?? m));
}

function fullYear(digits: string): number {
  const n = Number(digits);
  if (digits.length === 2) return n > 30 ? 1900 + n : 2000 + n;
  return n;
}

function checked(year: number, month: number | undefined): SpokenBirthMonth | null {
  if (!Number.isInteger(year) || year < 1920 || year > 2020) return null;
  if (month === undefined) return { year };
  return month >= 1 && month <= 12 ? { year, month } : { year };
}
