import type { Logger } from 'pino';
import type { KnowledgeEntry } from '../knowledge/knowledgeEntry.js';
import type { KnowledgeRetriever, RetrievalHit } from '../knowledge/knowledgeRetriever.js';
import type { DepartmentRedirects } from '../knowledge/departmentRedirects.js';
import { standingCaution } from '../knowledge/standingCaution.js';
import { maskNumbersForScreen, scrubUtteranceForLlm } from '../nlu/scrubUtteranceForLlm.js';
import type { PolicyAnswer, PolicyCitation } from './policyAnswer.js';

/** What the LLM side returns; transport failures are thrown. */
export type GroundedOutcome =
  | { kind: 'answer'; spoken: string; screen: string; citations: string[] }
  | { kind: 'cannot-answer'; reason: string }
  | { kind: 'rejected'; reason: string };

export type GroundedComposer = (args: { question: string; entries: KnowledgeEntry[]; signal: AbortSignal }) => Promise<GroundedOutcome>;

export interface PolicyQuestionServiceOptions {
  retriever: KnowledgeRetriever;
  /** Matters for other departments (公积金, 护照 ...): named instead of answered from a stretched entry. */
  redirects?: DepartmentRedirects;
  /** Absent when no LLM is configured: the kiosk answers from the knowledge base alone. */
  composer?: GroundedComposer;
  /** Below this top-hit confidence the kiosk declines and offers staff. */
  minConfidence: number;
  /** Hard budget for the LLM; past it the citizen gets the knowledge-base answer. */
  llmBudgetMs: number;
  /** How many retrieved entries the LLM sees. */
  llmContextSize?: number;
  log?: Logger;
}

export const CANNOT_ANSWER_SPOKEN = '这个问题我没法可靠地回答，为了不耽误您的事，我可以帮您叫工作人员。';
export const CANNOT_ANSWER_SCREEN =
  '抱歉，这个问题不在我掌握的人社政策范围内，我不能给您可靠的答复。\n您可以点“找工作人员”，或到服务台咨询，也可以拨打12333人社服务热线。';

/**
 * Answers a citizen's policy question: retrieve, then let the LLM compose a grounded answer when it is
 * configured and healthy, else (or on any failure) answer from the best entry's own text.
 */
export class PolicyQuestionService {
  constructor(private readonly options: PolicyQuestionServiceOptions) {}

  async answer(asked: string, pinyin?: string): Promise<PolicyAnswer> {
    const { retriever, minConfidence } = this.options;
    // The answer repeats the question on the screen, where anyone behind the citizen reads it: numbers masked there.
    // Retrieval and the redirects use it whole (they stay on the kiosk); the LLM gets it scrubbed (below).
    const question = maskNumbersForScreen(asked);
    const result = retriever.search(pinyin ? { text: asked, pinyin } : { text: asked }, 8);
    const hits = result.hits;
    const retrieved = hits.map((h) => ({ id: h.entry.id, doc: h.entry.sources[0]!.doc, score: round(h.score), confidence: round(h.confidence) }));
    const top = hits[0];
    const redirect = this.options.redirects?.match(asked, pinyin);
    // Redirect unless the best entry itself is about that term (社保卡 entries that mention 身份证 stay ours).
    if (redirect && !(top && entryMentions(top.entry, redirect.term) && top.confidence >= minConfidence)) {
      return {
        question,
        answer: redirect.screen,
        spoken: redirect.spoken,
        citations: [],
        retrieved,
        mode: 'kb',
        offerStaff: false,
        related: [],
        redirect: redirect.department,
        sourceTitles: {},
      };
    }
    if (!top || top.confidence < minConfidence) {
      return this.cannotAnswer(question, retrieved, hits, undefined);
    }
    const composer = this.options.composer;
    if (!composer) return this.fromKnowledgeBase(question, top, hits, retrieved);

    const context = hits.filter((h) => h.confidence >= minConfidence).slice(0, this.options.llmContextSize ?? 3).map((h) => h.entry);
    const signal = AbortSignal.timeout(this.options.llmBudgetMs);
    try {
      // People type their ID number, phone or card number (and names) into the question box: the entries were found
      // with the whole question here, the government LLM only gets it scrubbed (nothing of a number survives).
      const outcome = await composer({ question: scrubUtteranceForLlm(asked), entries: context, signal });
      if (outcome.kind === 'answer') {
        const cited = outcome.citations.map((id) => context.find((e) => e.id === id)).filter((e): e is KnowledgeEntry => Boolean(e));
        // The composer validates citations; check again here because a wrong citation must never reach a citizen.
        if (cited.length === 0 || cited.length !== outcome.citations.length) {
          return this.fromKnowledgeBase(question, top, hits, retrieved, 'citation not in context');
        }
        const caution = cited.map(standingCaution).find(Boolean);
        return {
          question,
          answer: outcome.screen,
          spoken: outcome.spoken,
          citations: cited.map(citationOf),
          retrieved,
          mode: 'llm',
          offerStaff: false,
          ...(caution ? { caution } : {}),
          related: relatedQuestions(hits, cited.map((e) => e.id)),
          sourceTitles: titles(cited),
        };
      }
      if (outcome.kind === 'cannot-answer') return this.cannotAnswer(question, retrieved, hits, `llm cannot answer: ${outcome.reason}`);
      return this.fromKnowledgeBase(question, top, hits, retrieved, `llm answer rejected: ${outcome.reason}`);
    } catch (error) {
      const reason = describeFailure(error);
      this.options.log?.warn({ reason }, 'llm unavailable, answering from the knowledge base');
      return this.fromKnowledgeBase(question, top, hits, retrieved, reason);
    }
  }

  private fromKnowledgeBase(
    question: string,
    top: RetrievalHit,
    hits: RetrievalHit[],
    retrieved: PolicyAnswer['retrieved'],
    llmFallback?: string,
  ): PolicyAnswer {
    const entry = top.entry;
    const caution = standingCaution(entry);
    return {
      question,
      answer: entry.screen,
      spoken: entry.spoken,
      citations: [citationOf(entry)],
      retrieved,
      mode: 'kb',
      offerStaff: false,
      ...(caution ? { caution } : {}),
      related: relatedQuestions(hits, [entry.id]),
      ...(llmFallback ? { llmFallback } : {}),
      sourceTitles: titles([entry]),
    };
  }

  private cannotAnswer(question: string, retrieved: PolicyAnswer['retrieved'], hits: RetrievalHit[], llmFallback: string | undefined): PolicyAnswer {
    return {
      question,
      answer: CANNOT_ANSWER_SCREEN,
      spoken: CANNOT_ANSWER_SPOKEN,
      citations: [],
      retrieved,
      mode: 'kb',
      offerStaff: true,
      related: relatedQuestions(hits.filter((h) => h.confidence >= this.options.minConfidence * 0.8), []),
      ...(llmFallback ? { llmFallback } : {}),
      sourceTitles: {},
    };
  }
}

function entryMentions(entry: KnowledgeEntry, term: string): boolean {
  return [entry.title, entry.spoken, entry.screen, ...entry.questions].some((t) => t.includes(term));
}

function citationOf(entry: KnowledgeEntry): PolicyCitation {
  const source = entry.sources[0]!;
  return { id: entry.id, doc: source.doc, url: source.url };
}

function titles(entries: KnowledgeEntry[]): Record<string, string> {
  return Object.fromEntries(entries.map((e) => [e.id, e.title]));
}

/** Up to three other entries' first questions, as tappable follow-ups. */
function relatedQuestions(hits: RetrievalHit[], exclude: string[]): string[] {
  return hits
    .filter((h) => !exclude.includes(h.entry.id))
    .slice(0, 3)
    .map((h) => h.entry.questions[0]!);
}

function describeFailure(error: unknown): string {
  if (error && typeof error === 'object' && 'kind' in error) return `llm ${(error as { kind: string }).kind}`;
  if (error instanceof Error && error.name === 'TimeoutError') return 'llm timeout';
  return `llm error: ${error instanceof Error ? error.message : String(error)}`;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
