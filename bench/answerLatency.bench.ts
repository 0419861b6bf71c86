// Question → answer latency: knowledge-base mode, LLM mode against the loopback LLM simulator, and the whole
// kiosk path (typed question → session machine → answer on the view) in knowledge-base mode.
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

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-kiosk-'));
const runtime = await createKioskRuntime(parseConfig({ dataDir }), { log, composer: null, knowledge: kb, withoutDevices: true, voice: false });
const kioskSamples: number[] = [];
for (const q of questions) {
  const t = performance.now();
  await new Promise<void>((resolve) => {
    let sent = false;
    const stop = runtime.api.subscribe((view) => {
      if (sent && view.phase === 'answering' && view.answer?.question === q.question) {
        queueMicrotask(() => stop());
        resolve();
      }
    });
    sent = true;
    runtime.api.send({ type: 'citizen.text', text: q.question });
  });
  kioskSamples.push(performance.now() - t);
}
await runtime.close();
rmSync(dataDir, { recursive: true, force: true });

writeBenchResult('answer-latency', {
  questions: questions.length,
  kbModeMs: kbMode,
  llmSimulatorModeMs: llmMode,
  llmSimulatorWith300msFirstTokenMs: llmSlowModel,
  kioskTypedQuestionToAnswerViewKbModeMs: summarizeMs(kioskSamples),
});
