import { pinyin as toPinyin } from 'pinyin-pro';

/**
 * What a recognizer heard, in the two forms the kiosk uses: `text` for the screen and the log, `pinyin` for
 * matching (toneless, lower case, one space between syllables; ü kept as ü, as pinyin-pro writes it).
 *
 * Rules:
 * - A character model (the production ASR) gives characters: `text` is them, trimmed; `pinyin` comes from
 *   pinyin-pro, which picks readings in context (e.g. 银行 → yin hang). Latin letters and digits pass through
 *   as lower-case words; punctuation is dropped.
 * - A pinyin model (the small development model) gives toned pieces: an initial token (b p m f d t n l g k h j q x
 *   zh ch sh r z c s y w) and a final token carrying the tone (`h` `uān`). An initial joins the final after it into
 *   one syllable; a final with no initial before it is a syllable of its own (`ér`, `ài`); an initial with no final
 *   after it (the recognizer dropped one) stays as it is, except at the very end, where the final may still be
 *   coming (a partial result). Tones are stripped. Single upper-case letters (the model's English letters) become
 *   lower-case words; markers such as `<unk>`, `#3` and `○` are dropped. Such a model has no characters, so `text`
 *   is the same pinyin.
 */
export interface RecognizedText {
  text: string;
  pinyin: string;
}

export type RecognizerOutput = 'characters' | 'pinyin';

const INITIALS = new Set(['b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'zh', 'ch', 'sh', 'r', 'z', 'c', 's', 'y', 'w']);
// Tone marks as combining characters after NFD: macron, acute, caron, grave. The diaeresis of ü stays.
const TONE_MARKS = /[\u0304\u0301\u030c\u0300]/g;

/** Removes tone marks: `lǜ` → `lü`, `huān` → `huan`, `ń` → `n`. */
export function stripTones(syllable: string): string {
  return syllable.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC');
}

function isMarker(token: string): boolean {
  return token === '' || token.startsWith('<') || token.startsWith('#') || token === '○';
}

/** Joins a pinyin model's initial and final tokens into toned syllables (see the rules above). */
export function syllablesFromPinyinTokens(tokens: readonly string[]): string[] {
  const syllables: string[] = [];
  let initial: string | undefined;
  for (const raw of tokens) {
    const token = raw.trim();
    if (isMarker(token)) continue;
    if (INITIALS.has(token)) {
      if (initial !== undefined) syllables.push(initial);
      initial = token;
    } else if (/^[A-Z]$/.test(token)) {
      if (initial !== undefined) syllables.push(initial);
      initial = undefined;
      syllables.push(token.toLowerCase());
    } else {
      syllables.push((initial ?? '') + token);
      initial = undefined;
    }
  }
  return syllables;
}

/** Text and toneless pinyin from a pinyin model's tokens. */
export function textFromPinyinTokens(tokens: readonly string[]): RecognizedText {
  const pinyin = syllablesFromPinyinTokens(tokens).map(stripTones).join(' ');
  return { text: pinyin, pinyin };
}

/** Text and toneless pinyin from characters. */
export function textFromCharacters(characters: string): RecognizedText {
  const text = characters.replace(/<unk>/g, '').replace(/\s+/g, ' ').trim();
  return { text, pinyin: pinyinOfText(text) };
}

/** Toneless pinyin of any text: Chinese characters read by pinyin-pro, Latin words and digits kept, the rest dropped. */
export function pinyinOfText(text: string): string {
  const pieces = toPinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  return pieces
    .flatMap((piece) => piece.toLowerCase().split(/[^\p{Letter}\p{Number}]+/u))
    .filter((piece) => piece !== '')
    .join(' ');
}

/** The normalisation for a recognizer result, by what the model outputs. */
export function recognizedText(result: { text: string; tokens: readonly string[] }, output: RecognizerOutput): RecognizedText {
  return output === 'characters' ? textFromCharacters(result.text) : textFromPinyinTokens(result.tokens);
}
