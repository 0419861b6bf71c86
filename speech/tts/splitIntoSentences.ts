// Sentence ends, optionally followed by closing quotes or brackets that belong to the same sentence.
const SENTENCE_END = /[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』）)]*|\n+|$)/g;
const CLAUSE_END = /[^，,：:]*(?:[，,：:]+|$)/g;
const SPEAKABLE = /[\p{Script=Han}A-Za-z0-9]/u;

export interface SentenceSplitOptions {
  /** A sentence longer than this (in characters) is cut at its commas into pieces of about this size. */
  maxChars?: number;
}

function pieces(text: string, pattern: RegExp): string[] {
  return (text.match(pattern) ?? []).map((p) => p.trim()).filter((p) => p !== '');
}

/** Joins clauses greedily so no piece exceeds maxChars unless one clause alone does. */
function packClauses(sentence: string, maxChars: number): string[] {
  if ([...sentence].length <= maxChars) return [sentence];
  const packed: string[] = [];
  let current = '';
  for (const clause of pieces(sentence, CLAUSE_END)) {
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
 * Cuts an answer into the pieces the synthesizer speaks one after another: at 。！？； (and their ASCII forms)
 * and line breaks, and long sentences again at their commas, so the first piece is ready quickly.
 * Pieces without anything speakable (a lone "……") are dropped.
 */
export function splitIntoSentences(text: string, options: SentenceSplitOptions = {}): string[] {
  const maxChars = options.maxChars ?? 24;
  return pieces(text, SENTENCE_END)
    .flatMap((sentence) => packClauses(sentence, maxChars))
    .filter((piece) => SPEAKABLE.test(piece));
}
