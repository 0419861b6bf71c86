import { foldPinyinSyllable } from './fuzzyPinyin.js';
import { hasHan, normalizeText } from './normalizeText.js';
import { DIALECT_WORDS, FILLERS } from './routingCues.js';
import { toPinyinSyllables } from './toPinyin.js';

/** Characters in their standard form: dialect words replaced, fillers dropped, punctuation gone. */
export function standardChinese(text: string): string {
  let t = normalizeText(text);
  if (!hasHan(t)) return t;
  for (const [dialect, standard] of DIALECT_WORDS) t = t.split(dialect).join(standard);
  for (const filler of FILLERS) t = t.split(filler).join(' ');
  return t.replace(/\s+/g, ' ').trim();
}

/**
 * The dialect words as the small recognizer writes them (咋整 → "za zheng"), folded like everything else. Only words
 * of two syllables or more: a lone syllable such as 恁 "nen" is also the folded 能 "neng".
 */
const DIALECT_SYLLABLES: [string[], string[]][] = DIALECT_WORDS.map(([dialect, standard]): [string[], string[]] => [folded(dialect), folded(standard)]).filter(
  ([dialect]) => dialect.length >= 2,
);

/**
 * An utterance as folded toneless pinyin syllables, whether it came as characters (from the screen or a character
 * recognizer) or as pinyin (the development recognizer): homophones and the blurred sounds of 模糊音 then match.
 */
export function utteranceSyllables(text: string): string[] {
  if (hasHan(normalizeText(text))) return folded(standardChinese(text));
  let syllables = folded(text);
  for (const [dialect, standard] of DIALECT_SYLLABLES) syllables = replaceRun(syllables, dialect, standard);
  return syllables;
}

export function folded(text: string): string[] {
  return toPinyinSyllables(text).map(foldPinyinSyllable);
}

/** Where `needle` first occurs as a run in `haystack`, or -1. */
export function indexOfRun(haystack: readonly string[], needle: readonly string[], from = 0): number {
  outer: for (let i = from; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function replaceRun(syllables: string[], run: string[], by: string[]): string[] {
  let at = indexOfRun(syllables, run);
  let out = syllables;
  while (at >= 0) {
    out = [...out.slice(0, at), ...by, ...out.slice(at + run.length)];
    at = indexOfRun(out, run, at + by.length);
  }
  return out;
}
