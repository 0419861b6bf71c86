const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 幺: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Reads 3, 十二, 二十一, 3号 style small numbers (window numbers, counts up to 99); null when it is not one. */
export function parseSmallNumber(text: string): number | null {
  const t = text.trim();
  if (/^\d{1,2}$/.test(t)) return Number(t);
  if (t === '十') return 10;
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(t);
  if (m) return (m[1] ? DIGITS[m[1]]! : 1) * 10 + (m[2] ? DIGITS[m[2]]! : 0);
  if (t.length === 1 && t in DIGITS) return DIGITS[t]!;
  return null;
}
