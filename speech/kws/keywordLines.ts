import { readFileSync } from 'node:fs';
import { pinyin as toPinyin } from 'pinyin-pro';

/** A phrase to spot, with optional per-keyword tuning. */
export interface KeywordSpec {
  /** The Chinese phrase, e.g. 你好小青. It names the keyword in the `kws.keyword` event. */
  phrase: string;
  /** What the app calls it (e.g. 'wake', 'stop'); defaults to the phrase. */
  id?: string;
  /** Toned pinyin syllables separated by spaces, when pinyin-pro's reading is not the spoken one. */
  pinyin?: string;
  /** Boosting score for this keyword's path (sherpa `:score`; higher is easier to trigger). */
  boost?: number;
  /** Trigger threshold for this keyword (sherpa `#threshold`; higher is harder to trigger). */
  threshold?: number;
}

// The model's initials; y and w count as initials in its token set (x iǎo ài t óng x ué).
const INITIAL = /^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])(.+)$/;

/** Toned syllables of a phrase, without tone sandhi (the model's labels follow dictionary tones). */
export function tonedSyllables(spec: KeywordSpec): string[] {
  if (spec.pinyin !== undefined) return spec.pinyin.trim().split(/\s+/);
  return toPinyin(spec.phrase, { type: 'array', toneType: 'symbol', toneSandhi: false, nonZh: 'removed' }).filter((s) => s.trim() !== '');
}

/** Splits a toned syllable after its initial: `xiǎo` → `x iǎo`, `ér` → `ér`. */
export function splitSyllable(syllable: string): string[] {
  const match = INITIAL.exec(syllable.normalize('NFC'));
  return match ? [match[1]!, match[2]!] : [syllable.normalize('NFC')];
}

/**
 * One line of sherpa-onnx's keywords format: `x iǎo q īng :1.5 #0.3 @小青`. Throws when a piece is not in the
 * model's tokens (when given), naming the phrase and the piece.
 */
export function keywordLine(spec: KeywordSpec, tokens?: ReadonlySet<string>): string {
  if (!spec.phrase.trim() || /\s/.test(spec.phrase)) throw new Error(`keyword phrase "${spec.phrase}" must be non-empty and without spaces`);
  const pieces = tonedSyllables(spec).flatMap(splitSyllable);
  if (pieces.length === 0) throw new Error(`keyword "${spec.phrase}" has no pinyin`);
  const unknown = tokens ? pieces.filter((p) => !tokens.has(p)) : [];
  if (unknown.length > 0) throw new Error(`keyword "${spec.phrase}": the model has no token for ${unknown.map((u) => `"${u}"`).join(', ')}`);
  const boost = spec.boost !== undefined ? ` :${spec.boost}` : '';
  const threshold = spec.threshold !== undefined ? ` #${spec.threshold}` : '';
  return `${pieces.join(' ')}${boost}${threshold} @${spec.phrase}`;
}

/** All lines, checked together: every problem is reported at once. Phrases must be unique. */
export function keywordLines(specs: readonly KeywordSpec[], tokens?: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    if (seen.has(spec.phrase)) problems.push(`keyword "${spec.phrase}" is listed twice`);
    seen.add(spec.phrase);
    try {
      lines.push(keywordLine(spec, tokens));
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length > 0) throw new Error(problems.join('; '));
  return lines;
}

/** The token set of a model's tokens.txt (first column). */
export function readTokens(tokensFile: string): Set<string> {
  return new Set(
    readFileSync(tokensFile, 'utf8')
      .split('\n')
      .map((line) => line.trim().split(/\s+/)[0] ?? '')
      .filter((t) => t !== ''),
  );
}
