import { splitSentences } from '../../common/splitSentences.js';

// A long sentence is cut after its commas, colons and semicolons (a natural pause), never inside a clause.
const CLAUSE_END = /[^，,：:；;]*(?:[，,：:；;]+|$)/g;
const SPEAKABLE = /[\p{Script=Han}A-Za-z0-9]/u;

export interface SpokenPieceOptions {
  /** A sentence longer than this (in characters) is cut at its pauses into pieces of about this size. */
  maxChars?: number;
}

function clausesOf(sentence: string): string[] {
  return (sentence.match(CLAUSE_END) ?? []).map((p) => p.trim()).filter((p) => p !== '');
}

/** Joins clauses greedily so no piece exceeds maxChars unless one clause alone does. */
function packClauses(sentence: string, maxChars: number): string[] {
  if ([...sentence].length <= maxChars) return [sentence];
  const packed: string[] = [];
  let current = '';
  for (const clause of clausesOf(sentence)) {
    if (current !== '' && [...current].length + [...clause].length > maxChars) {
      packed.push(current);
      current = '';
    }
    current += clause;
  }
  if (current !== '') packed.push(current);
  return packed;
}

/**
 * Cuts an answer into the pieces the synthesizer speaks one after another: its sentences, and long sentences
 * again at their pauses, so the first piece is ready quickly. Pieces without anything speakable (a lone "……")
 * are dropped.
 */
export function splitIntoSpokenPieces(text: string, options: SpokenPieceOptions = {}): string[] {
  const maxChars = options.maxChars ?? 24;
  return splitSentences(text)
    .flatMap((sentence) => packClauses(sentence, maxChars))
    .filter((piece) => SPEAKABLE.test(piece));
}
