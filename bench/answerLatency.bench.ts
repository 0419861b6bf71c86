// Question → answer latency: knowledge-base mode, LLM mode against the loopback LLM simulator, and the whole
// kiosk path (typed question → session machine → answer on the view) in knowledge-base mode, for the questions the
// session routes to the knowledge base.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../app/core/config/loadConfig.js';
import { repoRoot } from '../app/core/config/repoRoot.js';
import { createKioskRuntime } from '../app/core/kioskRuntime.js';
import { KnowledgeRetriever } from '../app/core/knowledge/knowledgeRetriever.js';
import { loadKnowledgeBase } from '../app/core/knowledge/loadKnowledgeBase.js';
import { readQuestionSet } from '../app/core/knowledge/questionSet.js';
import { createLogger } from '../app/core/log/createLogger.js';
import { routeUtterance } from '../app/core/nlu/routeUtterance.js';
import { createLlmSimulator, simBehaviour } from '../app/core/llm/simulator/llmSimulator.js';
import { createLlmComposer } from '../app/core/services/createLlmComposer.js';
import { PolicyQuestionService } from '../app/core/services/policyQuestionService.js';
import { summarizeMs, writeBenchResult } from './benchResult.js';

const kbDir = path.join(repoRoot, 'data', 'kb');
const kb = loadKnowledgeBase(kbDir);
const log = createLogger({ level: 'silent' });
const config = parseConfig({});
const questions = readQuestionSet(path.join(kbDir, 'questions', 'heldout.jsonl')).filter((q) => q.expected !== null).slice(0, 120);
const retriever = new KnowledgeRetriever(kb.entries, kb.lexicon);

async function time(service: PolicyQuestionService, before?: () => void) {
  const samples: number[] = [];
  const modes: Record<string, number> = {};
  for (const q of questions) {
    before?.();
    const t = performance.now();
    const answer = await service.answer(q.question);
    samples.push(performance.now() - t);
    modes[answer.mode] = (modes[answer.mode] ?? 0) + 1;
  }
  return { ...summarizeMs(samples), modes };
}

const kbService = new PolicyQuestionService({ retriever, redirects: kb.redirects, minConfidence: config.knowledge.minConfidence, llmBudgetMs: 0, log });
await time(kbService); // warm-up
const kbMode = await time(kbService);

const sim = await createLlmSimulator();
const llmConfig = parseConfig({ llm: { mode: 'openai', baseUrl: sim.url, model: 'sim', firstTokenTimeoutMs: 2_000, totalTimeoutMs: 5_000 } }).llm;
const llmService = new PolicyQuestionService({
  retriever,
  redirects: kb.redirects,
  composer: createLlmComposer(llmConfig, log)!,
  minConfidence: config.knowledge.minConfidence,
  llmBudgetMs: 5_000,
  log,
});
const llmMode = await time(llmService, () => sim.script(simBehaviour.answer()));
// A model that takes 300 ms to its first token: the kiosk's own overhead should stay small beside it.
const llmSlowModel = await time(llmService, () => sim.script(simBehaviour.slowFirstToken(300)));
await sim.close();

// The whole kiosk path, typed question → session machine → answer on the view, for the questions the session sends
// to the knowledge base. Lines it routes elsewhere (goodbye, small talk, staff, a place, 养老认证, a personal query)
// get no answer card: they are listed and not timed. Each reply is waited for up to a deadline, so a line that
// gets none is counted rather than hanging the benchmark. No face pipeline: nothing here needs one.
const REPLY_DEADLINE_MS = 10_000;
const routed = questions.map((q) => ({ question: q.question, service: routeUtterance(q.question).service }));
const kioskQuestions = routed.filter((r) => r.service === 'policy_question').map((r) => r.question);
const notSentToKiosk = routed.filter((r) => r.service !== 'policy_question');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-kiosk-'));
const runtime = await createKioskRuntime(parseConfig({ dataDir }), { log, composer: null, knowledge: kb, withoutDevices: true, voice: false, faceAnalyzer: null });

/** Sends a typed line and waits for the session's reply: the first view after it has left `thinking`. */
function typedReply(question: string): Promise<{ ms: number; reply: string }> {
  return new Promise((resolve) => {
    let initialLine: string | null = null;
    let thought = false;
    let done = false;
    const t = performance.now();
    const finish = (reply: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      queueMicrotask(() => stop());
      resolve({ ms: performance.now() - t, reply });
    };
    const timer = setTimeout(() => finish('none before the deadline'), REPLY_DEADLINE_MS);
    const stop = runtime.api.subscribe((view) => {
      if (initialLine === null) {
        initialLine = view.robotLine;
        return;
      }
      if (view.phase === 'thinking') thought = true;
      else if (thought || view.robotLine !== initialLine) finish(view.answer ? `answer (${view.answer.mode})` : `no answer card (${view.phase})`);
    });
    runtime.api.send({ type: 'citizen.text', text: question });
  });
}

const kioskSamples: number[] = [];
const kioskReplies: Record<string, number> = {};
for (const question of kioskQuestions) {
  const { ms, reply } = await typedReply(question);
  kioskReplies[reply] = (kioskReplies[reply] ?? 0) + 1;
  if (reply.startsWith('answer')) kioskSamples.push(ms);
}
await runtime.close();
rmSync(dataDir, { recursive: true, force: true });

writeBenchResult('answer-latency', {
  questions: questions.length,
  kbModeMs: kbMode,
  llmSimulatorModeMs: llmMode,
  llmSimulatorWith300msFirstTokenMs: llmSlowModel,
  kioskTypedQuestionToAnswerViewKbModeMs: summarizeMs(kioskSamples),
  kioskReplies,
  kioskReplyDeadlineMs: REPLY_DEADLINE_MS,
  notSentToKioskRoutedElsewhere: notSentToKiosk,
});
