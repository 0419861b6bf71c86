/**
 * Okapi BM25 over pre-tokenized documents with per-field weights (a light BM25F: each field's term
 * counts are scaled by its weight before saturation), over an inverted index so a lookup only
 * touches documents that share a term with the query.
 */
export interface Bm25Params {
  k1: number;
  b: number;
}

export interface WeightedField {
  tokens: string[];
  weight: number;
}

interface Posting {
  doc: number;
  tf: number;
}

export class Bm25Index {
  private readonly postings = new Map<string, Posting[]>();
  private readonly docLengths: number[] = [];
  private totalLength = 0;

  constructor(private readonly params: Bm25Params = { k1: 1.2, b: 0.6 }) {}

  get size(): number {
    return this.docLengths.length;
  }

  /** Adds a document; returns its index. */
  add(fields: WeightedField[]): number {
    const doc = this.docLengths.length;
    const tf = new Map<string, number>();
    let length = 0;
    for (const field of fields) {
      for (const token of field.tokens) {
        tf.set(token, (tf.get(token) ?? 0) + field.weight);
        length += field.weight;
      }
    }
    for (const [token, count] of tf) {
      let list = this.postings.get(token);
      if (!list) this.postings.set(token, (list = []));
      list.push({ doc, tf: count });
    }
    this.docLengths.push(length);
    this.totalLength += length;
    return doc;
  }

  docFrequency(token: string): number {
    return this.postings.get(token)?.length ?? 0;
  }

  idf(token: string): number {
    const n = this.postings.get(token)?.length ?? 0;
    return Math.log(1 + (this.size - n + 0.5) / (n + 0.5));
  }

  /** The highest IDF any term can have here (a term in no document). */
  maxIdf(): number {
    return Math.log(1 + (this.size + 0.5) / 0.5);
  }

  /** Adds each matching document's score into `scores` (indexed by document), scaled by `scale`. */
  scoreInto(queryTokens: string[], scores: Float64Array, scale = 1): void {
    if (this.size === 0) return;
    const { k1, b } = this.params;
    const avgLength = this.totalLength / this.size;
    const queryCounts = new Map<string, number>();
    for (const t of queryTokens) queryCounts.set(t, (queryCounts.get(t) ?? 0) + 1);
    for (const [token, qtf] of queryCounts) {
      const list = this.postings.get(token);
      if (!list) continue;
      const idf = this.idf(token) * scale * qtf;
      for (const { doc, tf } of list) {
        const norm = tf + k1 * (1 - b + (b * this.docLengths[doc]!) / avgLength);
        scores[doc] = scores[doc]! + (idf * (tf * (k1 + 1))) / norm;
      }
    }
  }
}
