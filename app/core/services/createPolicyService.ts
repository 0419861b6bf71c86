import type { Logger } from 'pino';
import type { KioskConfig } from '../config/kioskConfigSchema.js';
import { resolveFromRoot } from '../config/loadConfig.js';
import { KnowledgeRetriever } from '../knowledge/knowledgeRetriever.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../knowledge/loadKnowledgeBase.js';
import { createLlmComposer } from './createLlmComposer.js';
import { PolicyQuestionService, type GroundedComposer } from './policyQuestionService.js';

/** Policy Q&A from configuration: the knowledge base, and the government LLM when one is configured. */
export function createPolicyService(config: KioskConfig, log: Logger, given: { knowledge?: KnowledgeBase; composer?: GroundedComposer | null } = {}) {
  const knowledge = given.knowledge ?? loadKnowledgeBase(resolveFromRoot(config.knowledge.dir));
  const composer = given.composer === undefined ? createLlmComposer(config.llm, log) : given.composer ?? undefined;
  log.info({ entries: knowledge.entries.length, llm: config.llm.mode }, 'knowledge base loaded');
  return new PolicyQuestionService({
    retriever: new KnowledgeRetriever(knowledge.entries, knowledge.lexicon),
    redirects: knowledge.redirects,
    ...(composer ? { composer } : {}),
    minConfidence: config.knowledge.minConfidence,
    llmBudgetMs: config.llm.mode === 'openai' ? config.llm.totalTimeoutMs : 0,
    log,
  });
}
