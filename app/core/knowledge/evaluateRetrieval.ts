import type { KnowledgeRetriever } from './knowledgeRetriever.js';
import type { LabelledQuestion } from './questionSet.js';

export interface RetrievalEvaluation {
  answerable: number;
  recallAt1: number;
  recallAt3: number;
  /** Out-of-scope questions the kiosk correctly declined (top confidence below the threshold). */
  declinedCorrectly: number;
  outOfScope: number;
  /** Answerable questions wrongly declined. */
  falseDeclines: number;
  misses: { question: string; expected: string | null; got: string[]; confidence: number }[];
}

/** recall@k over answerable questions, and how well the confidence threshold separates out-of-scope ones. */
export function evaluateRetrieval(retriever: KnowledgeRetriever, questions: LabelledQuestion[], minConfidence: number): RetrievalEvaluation {
  let answerable = 0, at1 = 0, at3 = 0, outOfScope = 0, declined = 0, falseDeclines = 0;
  const misses: RetrievalEvaluation['misses'] = [];
  for (const q of questions) {
    const { hits } = retriever.search(q.pinyin ? { text: q.question, pinyin: q.pinyin } : { text: q.question }, 3);
    const ids = hits.map((h) => h.entry.id);
    const confidence = hits[0]?.confidence ?? 0;
    if (q.expected === null) {
      outOfScope++;
      if (confidence < minConfidence) declined++;
      else misses.push({ question: q.question, expected: null, got: ids, confidence });
      continue;
    }
    answerable++;
    if (confidence < minConfidence) falseDeclines++;
    if (ids[0] === q.expected) at1++;
    if (ids.includes(q.expected)) at3++;
    else misses.push({ question: q.question, expected: q.expected, got: ids, confidence });
  }
  return {
    answerable,
    recallAt1: answerable ? at1 / answerable : 0,
    recallAt3: answerable ? at3 / answerable : 0,
    declinedCorrectly: declined,
    outOfScope,
    falseDeclines,
    misses,
  };
}
