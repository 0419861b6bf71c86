// The three token streams retrieval matches on; each tolerates a different kind of mistake.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { hasHan, normalizeText } from '../nlu/normalizeText.js';
import { STOP_WORDS } from '../nlu/stopWords.js';
import { foldPinyinSyllable } from '../nlu/fuzzyPinyin.js';
import { toPinyinSyllables } from '../nlu/toPinyin.js';

let sharedJieba: Jieba | null = null;

/** Jieba's dictionary takes ~100 ms to load: load it once per process. */
export function jieba(): Jieba {
  sharedJieba ??= Jieba.withDict(dict);
  return sharedJieba;
}

/** Jieba words (search mode), stop words removed: exact vocabulary. */
export function wordTokens(text: string): string[] {
  const normalized = normalizeText(text);
  if (!hasHan(normalized)) return [];
  return jieba()
    .cutForSearch(normalized, true)
    .map((w) => w.trim())
    .filter((w) => w.length > 0 && !STOP_WORDS.has(w) && /[\p{Script=Han}a-z0-9]/u.test(w));
}

/** Overlapping Han character pairs: survives segmentation differences and odd wording. */
export function charBigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of normalizeText(text).match(/[\p{Script=Han}]+/gu) ?? []) {
    const chars = [...run];
    if (chars.length === 1) out.push(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/**
 * Toneless pinyin syllables and syllable pairs: survives homophones and pinyin-only recognizer output. `fold` merges
 * the sounds recognizers and dialects blur (zh/z, n/l …).
 */
export function pinyinTokens(text: string, fold = false): string[] {
  const exact = toPinyinSyllables(text);
  const syllables = fold ? exact.map(foldPinyinSyllable) : exact;
  const out: string[] = [...syllables];
  for (let i = 0; i + 1 < syllables.length; i++) out.push(`${syllables[i]}_${syllables[i + 1]}`);
  return out;
}
