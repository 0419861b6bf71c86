/**
 * Token error rate: (substitutions + deletions + insertions) / reference length, by Levenshtein alignment.
 * Tokens here are toneless pinyin syllables, which compares a pinyin model and a character model on equal terms.
 */
export function tokenErrorRate(reference: readonly string[], hypothesis: readonly string[]): { errors: number; referenceLength: number; rate: number } {
  const n = reference.length;
  const m = hypothesis.length;
  let previous = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const current = [i];
    for (let j = 1; j <= m; j++) {
      const substitution = previous[j - 1]! + (reference[i - 1] === hypothesis[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1));
    }
    previous = current;
  }
  const errors = previous[m]!;
  return { errors, referenceLength: n, rate: n === 0 ? (m === 0 ? 0 : 1) : errors / n };
}

/** Splits toneless pinyin into syllables. */
export function pinyinTokens(pinyin: string): string[] {
  return pinyin.split(/\s+/).filter((t) => t !== '');
}
