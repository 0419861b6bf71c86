// Retrieval quality and speed: recall@1/@3 on the development and held-out question sets, decline accuracy on
// out-of-scope questions, and lookup latency over the real knowledge base and over 3,000+ entries.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseConfig } from '../app/core/config/loadConfig.js';
import { repoRoot } from '../app/core/config/repoRoot.js';
import { evaluateRetrieval } from '../app/core/knowledge/evaluateRetrieval.js';
import { KnowledgeRetriever } from '../app/core/knowledge/knowledgeRetriever.js';
import { loadKnowledgeBase } from '../app/core/knowledge/loadKnowledgeBase.js';
import { readQuestionSet, type LabelledQuestion } from '../app/core/knowledge/questionSet.js';
import { createLogger } from '../app/core/log/createLogger.js';
import { PolicyQuestionService } from '../app/core/services/policyQuestionService.js';
import { summarizeMs, writeBenchResult } from './benchResult.js';
import { syntheticEntries } from './syntheticEntries.js';

const kbDir = path.join(repoRoot, 'data', 'kb');
const questionsDir = path.join(kbDir, 'questions');
const minConfidence = parseConfig({}).knowledge.minConfidence;

function questionFiles(prefix: string): LabelledQuestion[] {
  if (!existsSync(questionsDir)) return [];
  return readdirSync(questionsDir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.jsonl'))
    .flatMap((f) => readQuestionSet(path.join(questionsDir, f)));
}

function latency(retriever: KnowledgeRetriever, questions: LabelledQuestion[], rounds: number): ReturnType<typeof summarizeMs> {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t = performance.now();
      retriever.search({ text: q.question }, 5);
      samples.push(performance.now() - t);
    }
  }
  return summarizeMs(samples);
}

const loadStart = performance.now();
const kb = loadKnowledgeBase(kbDir);
const retriever = new KnowledgeRetriever(kb.entries, kb.lexicon);
const loadMs = performance.now() - loadStart;

const dev = questionFiles('dev');
const heldOut = questionFiles('heldout');
const all = [...dev, ...heldOut];
latency(retriever, all, 1); // warm-up (jieba, pinyin dictionaries)

const big = [...kb.entries, ...syntheticEntries(kb.entries, 3_200 - kb.entries.length)];
const bigBuildStart = performance.now();
const bigRetriever = new KnowledgeRetriever(big, kb.lexicon);
const bigBuildMs = performance.now() - bigBuildStart;
latency(bigRetriever, all, 1);

const summarize = (e: ReturnType<typeof evaluateRetrieval>) => ({
  answerable: e.answerable,
  recallAt1: Number(e.recallAt1.toFixed(3)),
  recallAt3: Number(e.recallAt3.toFixed(3)),
  outOfScope: e.outOfScope,
  declinedCorrectly: e.declinedCorrectly,
  falseDeclines: e.falseDeclines,
  misses: e.misses.slice(0, 25),
});

// What the citizen gets for an out-of-scope question: a decline with staff, or the right other department.
const service = new PolicyQuestionService({ retriever, redirects: kb.redirects, minConfidence, llmBudgetMs: 0, log: createLogger({ level: 'silent' }) });
async function outOfScopeHandling(questions: LabelledQuestion[]) {
  const outOfScope = questions.filter((q) => q.expected === null);
  let declined = 0, redirected = 0;
  const answered: string[] = [];
  for (const q of outOfScope) {
    const a = await service.answer(q.question);
    if (a.redirect) redirected++;
    else if (a.offerStaff) declined++;
    else answered.push(`${q.question} → ${a.citations[0]?.id}`);
  }
  return { outOfScope: outOfScope.length, declinedWithStaff: declined, redirectedToDepartment: redirected, answeredAnyway: answered };
}

writeBenchResult('retrieval', {
  serviceOutOfScopeDevelopment: await outOfScopeHandling(dev),
  serviceOutOfScopeHeldOut: await outOfScopeHandling(heldOut),
  knowledgeBase: { entries: kb.entries.length, docs: kb.docs, loadAndIndexMs: Math.round(loadMs) },
  minConfidence,
  development: summarize(evaluateRetrieval(retriever, dev, minConfidence)),
  heldOut: summarize(evaluateRetrieval(retriever, heldOut, minConfidence)),
  heldOutWith3200Entries: summarize(evaluateRetrieval(bigRetriever, heldOut, minConfidence)),
  lookupMs: latency(retriever, all, 5),
  lookupMsWith3200Entries: { entries: big.length, indexBuildMs: Math.round(bigBuildMs), ...latency(bigRetriever, all, 5) },
});
