import { pinyin } from 'pinyin-pro';
import { hasHan, normalizeText } from './normalizeText.js';

/**
 * Toneless pinyin syllables of a text (Han characters converted by pinyin-pro, with its
 * phrase-aware polyphone handling; Latin pinyin passed through with any tone digits removed).
 */
export function toPinyinSyllables(text: string): string[] {
  const normalized = normalizeText(text);
  if (!hasHan(normalized)) {
    return normalized
      .split(' ')
      .map((s) => s.replace(/[1-5]$/, '').replace(/v/g, 'ü'))
      .filter((s) => /^[a-zü]+$/.test(s));
  }
  const syllables = pinyin(normalized, { toneType: 'none', type: 'array', v: false, nonZh: 'removed' });
  return syllables.map((s) => s.trim().toLowerCase()).filter((s) => /^[a-zü]+$/.test(s));
}

/** The toneless pinyin string the speech pipeline carries alongside characters ("shi ye jin"). */
export function toTonelessPinyin(text: string): string {
  return toPinyinSyllables(text).join(' ');
}
