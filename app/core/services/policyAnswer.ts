import type { AnswerView } from '../../api/kioskApi.js';

export interface PolicyCitation {
  id: string;
  doc: string;
  url: string;
}

export interface RetrievedSummary {
  id: string;
  doc: string;
  score: number;
  confidence: number;
}

/** The full result of answering a policy question: what `kiosk ask` prints and what the screen shows. */
export interface PolicyAnswer {
  question: string;
  /** The fuller answer for the screen. */
  answer: string;
  /** What the robot says. */
  spoken: string;
  citations: PolicyCitation[];
  retrieved: RetrievedSummary[];
  mode: 'llm' | 'kb';
  /** The knowledge base has nothing reliable: offer staff instead of guessing. */
  offerStaff: boolean;
  caution?: string;
  related: string[];
  /** Why the LLM was not used, when it was configured (timeout, rejected citation, ...). For diagnostics. */
  llmFallback?: string;
  /** Set when the question belongs to another department: its name. */
  redirect?: string;
  /** Entry titles for the cited ids (for the screen's source list). */
  sourceTitles: Record<string, string>;
}

export function toAnswerView(answer: PolicyAnswer): AnswerView {
  return {
    question: answer.question,
    spoken: answer.spoken,
    screen: answer.answer,
    sources: answer.citations.map((c) => ({ entryId: c.id, doc: c.doc, url: c.url, title: answer.sourceTitles[c.id] ?? c.id })),
    ...(answer.caution ? { caution: answer.caution } : {}),
    mode: answer.mode,
    offerStaff: answer.offerStaff,
    related: answer.related,
  };
}
