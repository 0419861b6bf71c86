/**
 * Puts citizen text into one form before matching: full-width ASCII to half-width, lower case,
 * Chinese and ASCII punctuation to spaces, runs of spaces collapsed.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const HAN = /\p{Script=Han}/u;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** True for recognizer output in toneless pinyin ("shi ye jin zen me ling"): Latin syllables, no Han. */
export function looksLikePinyin(text: string): boolean {
  const t = normalizeText(text);
  if (t.length === 0 || hasHan(t)) return false;
  const words = t.split(' ');
  return words.length >= 2 && words.every((w) => /^[a-zü]+[1-5]?$/.test(w));
}
