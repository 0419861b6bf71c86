import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createActor, fromPromise, type SimulatedClock } from 'xstate';
import type { CitizenInput, KioskApi, KioskView } from '../api/kioskApi.js';
import type { KioskConfig } from './config/kioskConfigSchema.js';
import { resolveFromRoot } from './config/loadConfig.js';
import { createLogger, type Logger } from './log/createLogger.js';
import { loadKnowledgeBase, type KnowledgeBase } from './knowledge/loadKnowledgeBase.js';
import { KnowledgeRetriever } from './knowledge/knowledgeRetriever.js';
import { PolicyQuestionService, type GroundedComposer } from './services/policyQuestionService.js';
import { toAnswerView } from './services/policyAnswer.js';
import { describeEvent } from './session/describeEvent.js';
import { SessionEventLog } from './session/sessionEventLog.js';
import type { SessionEvent } from './session/sessionEvents.js';
import { sessionMachine, type AnswerQuestionInput, type CallStaffInput } from './session/sessionMachine.js';
import { phaseOf, toKioskView } from './session/toKioskView.js';
import { kioskMigrations } from './store/migrations.js';
import { openDatabase } from './store/openDatabase.js';
import { SessionEventStore } from './store/sessionEventStore.js';
import { StaffRequestStore } from './store/staffRequestStore.js';
import { createLlmComposer } from './services/createLlmComposer.js';
import { connectHallBackend, type HallBackend } from './backend/connectHallBackend.js';

export interface KioskRuntimeOptions {
  log?: Logger;
  /** A simulated clock for tests; the real clock otherwise. */
  clock?: SimulatedClock;
  /** Replaces the composer built from configuration (tests). */
  composer?: GroundedComposer | null;
  /** Knowledge base already loaded (saves ~1 s when a process builds several runtimes). */
  knowledge?: KnowledgeBase;
}

export interface KioskRuntime {
  api: KioskApi;
  /** The hall business system (the built-in simulator unless a remote one is configured). */
  backend: HallBackend;
  policy: PolicyQuestionService;
  staffRequests: StaffRequestStore;
  sessionEvents: SessionEventStore;
  log: Logger;
  close(): Promise<void>;
}

const VOICE_OFF: KioskView['voice'] = { enabled: false, reason: '本机尚未配置语音识别，请用触摸屏或键盘提问。' };

/** Builds the kiosk brain from configuration: storage, knowledge, LLM, the session machine, and the KioskApi. */
export async function createKioskRuntime(config: KioskConfig, options: KioskRuntimeOptions = {}): Promise<KioskRuntime> {
  const log = options.log ?? createLogger({ level: config.log.level });
  const dataDir = resolveFromRoot(config.dataDir);
  const db = openDatabase(path.join(dataDir, config.database.file), kioskMigrations);
  const sessionEvents = new SessionEventStore(db);
  const staffRequests = new StaffRequestStore(db);
  sessionEvents.purgeOlderThan(new Date(Date.now() - 30 * 24 * 3600 * 1000));

  const backend = await connectHallBackend(config.backend, dataDir);
  log.info({ backend: config.backend.mode, url: backend.simulatorUrl }, 'hall business system ready');

  const knowledge = options.knowledge ?? loadKnowledgeBase(resolveFromRoot(config.knowledge.dir));
  const retriever = new KnowledgeRetriever(knowledge.entries, knowledge.lexicon);
  const composer = options.composer === undefined ? createLlmComposer(config.llm, log) : options.composer ?? undefined;
  const policy = new PolicyQuestionService({
    retriever,
    redirects: knowledge.redirects,
    ...(composer ? { composer } : {}),
    minConfidence: config.knowledge.minConfidence,
    llmBudgetMs: config.llm.mode === 'openai' ? config.llm.totalTimeoutMs : 0,
    log,
  });
  log.info({ entries: knowledge.entries.length, docs: knowledge.docs.length, llm: config.llm.mode }, 'knowledge base loaded');

  const now = options.clock ? () => options.clock!.now() : () => Date.now();
  const eventLog = new SessionEventLog(sessionEvents, now);

  const machine = sessionMachine.provide({
    actors: {
      answerQuestion: fromPromise<ReturnType<typeof toAnswerView>, AnswerQuestionInput>(async ({ input }) => {
        const started = now();
        const answer = await policy.answer(input.question, input.pinyin);
        eventLog.record('answer', {
          mode: answer.mode,
          offerStaff: answer.offerStaff,
          citations: answer.citations.map((c) => c.id),
          top: answer.retrieved.slice(0, 3).map((r) => [r.id, r.confidence]),
          llmFallback: answer.llmFallback ?? null,
          ms: now() - started,
        });
        return toAnswerView(answer);
      }),
      callStaff: fromPromise<void, CallStaffInput>(async ({ input }) => {
        const request = staffRequests.open(input.sessionId || null, input.reason);
        log.info({ staffRequest: request.id, reason: input.reason }, 'staff called');
        eventLog.record('staff.called', { request: request.id });
      }),
    },
  });
  const actor = createActor(machine, {
    ...(options.clock ? { clock: options.clock } : {}),
    input: { timing: config.session, robotName: config.hall.robotName, newSessionId: () => randomUUID(), now },
  });

  const listeners = new Set<(view: KioskView) => void>();
  let view: KioskView;
  let lastPhase = 'idle';
  // The input that is being handled: logged after a new visit begins, so the visit's first event is kept.
  let pendingInput: ReturnType<typeof describeEvent> | null = null;
  const flushInput = () => {
    if (pendingInput) eventLog.record(pendingInput.type, pendingInput.detail);
    pendingInput = null;
  };
  actor.subscribe((snapshot) => {
    const ctx = snapshot.context;
    if (ctx.sessionId && ctx.sessionId !== eventLog.sessionId) {
      eventLog.end('replaced');
      eventLog.begin(ctx.sessionId);
    }
    flushInput();
    const phase = phaseOf(snapshot.value);
    if (phase !== lastPhase) {
      eventLog.record('phase', { from: lastPhase, to: phase });
      if (phase === 'idle') eventLog.end(lastPhase === 'farewell' ? 'farewell' : 'timeout');
      lastPhase = phase;
    }
    view = toKioskView(snapshot.value, ctx, VOICE_OFF);
    for (const listener of listeners) listener(view);
  });
  actor.start();
  view = toKioskView(actor.getSnapshot().value, actor.getSnapshot().context, VOICE_OFF);

  const api: KioskApi = {
    send(input: CitizenInput) {
      const event: SessionEvent = input;
      pendingInput = describeEvent(event);
      actor.send(event);
      flushInput();
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(view);
      return () => listeners.delete(listener);
    },
  };

  return {
    api,
    backend,
    policy,
    staffRequests,
    sessionEvents,
    log,
    async close() {
      actor.stop();
      eventLog.end('shutdown');
      listeners.clear();
      await backend.close();
      db.close();
    },
  };
}
