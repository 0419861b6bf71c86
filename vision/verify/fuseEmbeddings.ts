import { l2Normalise } from '../embed/cosineSimilarity.js';

/**
 * One template from several frames' embeddings: their normalised mean. Averaging evens out a blink or a poor
 * frame; taking the best frame instead would give an impostor several tries within one attempt.
 */
export function fuseEmbeddings(embeddings: readonly Float32Array[]): Float32Array | null {
  const first = embeddings[0];
  if (!first) return null;
  const sum = new Float32Array(first.length);
  for (const e of embeddings) {
    if (e.length !== sum.length) throw new Error('embeddings differ in length');
    for (let i = 0; i < sum.length; i++) sum[i] = sum[i]! + e[i]!;
  }
  return l2Normalise(sum);
}
