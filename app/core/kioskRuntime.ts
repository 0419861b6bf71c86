import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createActor, fromPromise, type ActorRefFrom, type SimulatedClock } from 'xstate';
import type { KioskApi, KioskInput, KioskView } from '../api/kioskApi.js';
import type { PrintJobRecord, PrinterEvent } from '../../printer/index.js';
import type { AudioSink, AudioSource } from '../../speech/index.js';
import { connectHallBackend, type HallBackend } from './backend/connectHallBackend.js';
import { createCertificatePrintService, type CertificatePrintService } from './certificates/certificatePrintService.js';
import { loadOrCreateSigningKey } from './certificates/certificateSigningKey.js';
import type { KioskConfig } from './config/kioskConfigSchema.js';
import { resolveFromRoot } from './config/loadConfig.js';
import { startKioskDevices, type KioskDevices } from './devices/kioskDevices.js';
import { createLogger, type Logger } from './log/createLogger.js';
import { loadKnowledgeBase, type KnowledgeBase } from './knowledge/loadKnowledgeBase.js';
import { KnowledgeRetriever } from './knowledge/knowledgeRetriever.js';
import { createFieldCipher } from './privacy/fieldCipher.js';
import { createLlmComposer } from './services/createLlmComposer.js';
import type { GuideInput, GuideOutcome } from './services/guideOutcome.js';
import { createGuideService } from './services/guideService.js';
import { PolicyQuestionService, type GroundedComposer } from './services/policyQuestionService.js';
import { toAnswerView } from './services/policyAnswer.js';
import { describeEvent } from './session/describeEvent.js';
import { SessionEventLog } from './session/sessionEventLog.js';
import type { SessionEvent } from './session/sessionEvents.js';
import { sessionMachine, type AnswerQuestionInput, type CallStaffInput } from './session/sessionMachine.js';
import { phaseOf, toKioskView } from './session/toKioskView.js';
import { StaffConsole } from './staff/staffConsole.js';
import { endpointProfileFor } from './voice/endpointProfileFor.js';
import { startKioskVoice, type KioskVoice } from './voice/kioskVoice.js';
import { detectChallenge } from './services/pensionAuth/detectChallenge.js';
import type { FaceSessionAnalyzer } from './services/pensionAuth/faceSessionAnalyzer.js';
import { PensionAuthAudit } from './services/pensionAuth/pensionAuthAudit.js';
import { PensionAuthOutbox } from './services/pensionAuth/pensionAuthOutbox.js';
import { createPensionAuthService, type PensionAuthService } from './services/pensionAuth/pensionAuthService.js';
import { createVisionFaceAnalyzer } from './services/pensionAuth/visionFaceAnalyzer.js';
import { kioskMigrations } from './store/migrations.js';
import { openDatabase } from './store/openDatabase.js';
import { SessionEventStore } from './store/sessionEventStore.js';
import { StaffRequestStore } from './store/staffRequestStore.js';

export interface KioskRuntimeOptions {
  log?: Logger;
  /** A simulated clock for tests; the real clock otherwise. */
  clock?: SimulatedClock;
  /** Replaces the composer built from configuration (tests). */
  composer?: GroundedComposer | null;
  /** Knowledge base already loaded (saves ~0.5 s when a process builds several runtimes). */
  knowledge?: KnowledgeBase;
  /** Leave the robot and printer out (tests of the dialogue alone). */
  withoutDevices?: boolean;
  /** The face pipeline for 养老认证; null leaves the service out (no face models). Default: built from vision/. */
  faceAnalyzer?: FaceSessionAnalyzer | null;
  /** false: no voice at all; an object replaces the microphone and/or speaker (tests). */
  voice?: false | { source?: AudioSource; sink?: AudioSink };
}

export interface KioskRuntime {
  api: KioskApi;
  /** The hall business system (the built-in simulator unless a remote one is configured). */
  backend: HallBackend;
  devices: KioskDevices | null;
  certificates: CertificatePrintService | null;
  policy: PolicyQuestionService;
  staffRequests: StaffRequestStore;
  sessionEvents: SessionEventStore;
  log: Logger;
  close(): Promise<void>;
}

const GUIDE_TIMEOUT_MS = 120_000;

const JOB_MESSAGES: Record<string, string> = {
  queued: '已排队，等待打印',
  printing: '正在打印',
  done: '已打印完成',
  failed: '打印失败',
  unconfirmed: '不确定是否已打出，请核实后确认或补打',
  cancelled: '已取消',
};

/** The print job state a printer event leaves the job in, for the staff panel. */
const JOB_STATE_AFTER: Partial<Record<PrinterEvent['type'], string>> = {
  'printer.paperOut': 'paused',
  'printer.coverOpen': 'paused',
  'printer.offline': 'paused',
  'printer.paperRestored': 'printing',
  'printer.coverClosed': 'printing',
  'printer.online': 'printing',
  'printer.jobDone': 'done',
  'printer.jobFailed': 'failed',
  'printer.jobUnconfirmed': 'unconfirmed',
};

/** Builds the kiosk brain from configuration: storage, knowledge, LLM, devices, the session machine and the KioskApi. */
export async function createKioskRuntime(config: KioskConfig, options: KioskRuntimeOptions = {}): Promise<KioskRuntime> {
  const log = options.log ?? createLogger({ level: config.log.level });
  const dataDir = resolveFromRoot(config.dataDir);
  const db = openDatabase(path.join(dataDir, config.database.file), kioskMigrations);
  const sessionEvents = new SessionEventStore(db);
  const staffRequests = new StaffRequestStore(db);
  sessionEvents.purgeOlderThan(new Date(Date.now() - 30 * 24 * 3600 * 1000));
  const cipher = createFieldCipher({ keyFile: path.join(dataDir, 'data.key') });

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

  const listeners = new Set<(view: KioskView) => void>();
  let publish = () => undefined as void;
  // Printer events arrive from the spooler; the staff panel (created below) shows them on its job list.
  let staffConsole: StaffConsole | undefined;
  const onPrinterEvent = (event: PrinterEvent) => {
    log.info({ event: event.type, job: event.jobId }, 'printer event');
    const state = JOB_STATE_AFTER[event.type];
    if (state) staffConsole?.updateJob(event.jobId, state, 'citizenMessage' in event ? event.citizenMessage : JOB_MESSAGES[state] ?? state);
  };

  const devices = options.withoutDevices ? null : await startKioskDevices({ config, dataDir, cipher, log, onPrinterEvent });
  const certificates = devices
    ? createCertificatePrintService({ backend: backend.client, spooler: devices.spooler, signingKey: loadOrCreateSigningKey(dataDir), log })
    : null;
  const guide = devices?.robot ? createGuideService({ places: config.places, robot: devices.robot, moveTimeoutMs: GUIDE_TIMEOUT_MS, log }) : null;

  const now = options.clock ? () => options.clock!.now() : () => Date.now();
  const eventLog = new SessionEventLog(sessionEvents, now);

  const faceAnalyzer = options.faceAnalyzer === undefined ? await createVisionFaceAnalyzer(log, { modelDirs: config.modelDirs.map(resolveFromRoot), livenessThreshold: config.faceAuth.livenessThreshold }) : options.faceAnalyzer;
  const pensionAuth: PensionAuthService | null = faceAnalyzer
    ? createPensionAuthService({
        backend: backend.client,
        analyzer: faceAnalyzer,
        outbox: new PensionAuthOutbox(db, cipher),
        audit: new PensionAuthAudit(db),
        kioskId: config.backend.kioskId,
        log,
      })
    : null;

  const machine = sessionMachine.provide({
    actors: {
      ...(pensionAuth ? { pensionAuth: pensionAuth.machine } : {}),
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
        publish();
      }),
      guide: fromPromise<GuideOutcome, GuideInput>(async ({ input, signal }) => {
        const outcome: GuideOutcome = guide
          ? await guide(input, signal, (placeLabel) => actor.send({ type: 'robot.guideStarted', placeLabel }))
          : { result: 'disconnected', placeLabel: config.places[input.placeId]?.label ?? '您要去的地方', directions: config.places[input.placeId]?.directions ?? '' };
        eventLog.record('guide', { place: input.placeId, result: outcome.result });
        return outcome;
      }),
    },
  });
  const actor = createActor(machine, {
    ...(options.clock ? { clock: options.clock } : {}),
    input: {
      timing: config.session,
      robotName: config.hall.robotName,
      newSessionId: () => randomUUID(),
      now,
      ...(pensionAuth ? { pensionAuth: {
        timing: { challengeMs: config.faceAuth.challengeMs, positioningMs: config.faceAuth.positioningMs, positionedFrames: 3, resultShowMs: 8_000 },
        challengePool: config.faceAuth.challengePool,
        challengesPerAttempt: config.faceAuth.challengesPerAttempt,
        maxAttempts: config.faceAuth.maxAttempts,
        livenessThreshold: config.faceAuth.livenessThreshold,
        detectChallenge,
        random: Math.random,
      } } : {}),
    },
  });

  const staff = (staffConsole = new StaffConsole({
    pin: config.staff.pin,
    autoLockMs: config.staff.autoLockMs,
    listDemoCitizens: async () =>
      (await backend.client.listDemoCitizens()).map((c) => ({ id: c.citizenId, name: c.name, labels: c.usefulFor.map((u) => u.label) })),
    printSample: async (citizenId, onUpdate) => {
      if (!certificates) throw Object.assign(new Error('no printer'), { citizenMessage: '打印机不可用，请检查设备状态。' });
      const show = (job: PrintJobRecord, state = job.state) =>
        onUpdate({ id: job.id, citizenId, state, message: job.lastError?.message ?? JOB_MESSAGES[state] ?? state, at: job.updatedAt });
      const printed = await certificates.print(citizenId, (job) => show(job, 'printing'));
      show(printed.job);
    },
    staffRequests,
    enrollPhoto: async (citizenId, jpeg) => {
      await backend.client.enrollReferencePhoto(citizenId, { jpeg, idempotencyKey: `enrol-${randomUUID()}` });
    },
    devices: () => devices?.states() ?? [],
    onChange: () => publish(),
    log,
  }));

  let voice: KioskVoice | null = null;
  const voiceView = (): KioskView['voice'] => {
    if (!voice) return { enabled: false, reason: '语音功能未启用，请用触摸屏或键盘提问。' };
    const status = voice.status();
    return { enabled: status.listening, reason: status.reason };
  };
  let view: KioskView;
  let lastPhase = 'idle';
  let lastSpoken: string | null = null;
  // The input that is being handled: logged after a new visit begins, so the visit's first event is kept.
  let pendingInput: ReturnType<typeof describeEvent> | null = null;
  const flushInput = () => {
    if (pendingInput) eventLog.record(pendingInput.type, pendingInput.detail);
    pendingInput = null;
  };
  // The 养老认证 child machine: its own snapshots drive the screen, its instructions are spoken, its end is audited.
  let watchedChild: unknown = null;
  const childOf = () => actor.getSnapshot().children.pensionAuth as ActorRefFrom<PensionAuthService['machine']> | undefined;
  const watchChild = () => {
    const child = childOf();
    if (!child || child === watchedChild || !pensionAuth) return;
    watchedChild = child;
    child.subscribe((childSnapshot) => {
      pensionAuth.observe(childSnapshot);
      if (childSnapshot.status === 'done') pensionAuth.finish(childSnapshot);
      render();
    });
  };
  const render = () => {
    const snapshot = actor.getSnapshot();
    const faceAuth = pensionAuth?.toView(childOf()?.getSnapshot()) ?? null;
    view = { ...toKioskView(snapshot.value, snapshot.context, voiceView(), staff.view(), pensionAuth !== null), faceAuth };
    const line = faceAuth?.instruction ?? (view.phase === 'idle' ? null : snapshot.context.robotLine);
    // The robot says each new line of a visit out loud; the attract screen stays silent.
    if (line === null) lastSpoken = null;
    else if (line !== lastSpoken) {
      lastSpoken = line;
      voice?.say(line);
      voice?.setEndpointProfile(endpointProfileFor(line));
    }
    for (const listener of listeners) listener(view);
  };
  publish = render;
  actor.subscribe((snapshot) => {
    const ctx = snapshot.context;
    if (ctx.sessionId && ctx.sessionId !== eventLog.sessionId) {
      eventLog.end('replaced');
      eventLog.begin(ctx.sessionId);
    }
    flushInput();
    const phase = phaseOf(snapshot.value);
    watchChild();
    if (phase !== lastPhase) {
      eventLog.record('phase', { from: lastPhase, to: phase });
      if (phase === 'idle') eventLog.end(lastPhase === 'farewell' ? 'farewell' : 'timeout');
      lastPhase = phase;
    }
    render();
  });
  actor.start();
  render();

  /** Voice events go to the session like screen input, and into the visit's event log the same way. */
  const dispatch = (event: SessionEvent) => {
    if (event.type !== 'voice.partial' && event.type !== 'frame.analyzed') pendingInput = describeEvent(event);
    actor.send(event);
    flushInput();
  };
  // Results saved while the business system was down go out as soon as it answers again.
  const delivery = pensionAuth
    ? setInterval(() => void pensionAuth.deliverQueued().catch((error: unknown) => log.warn({ err: error }, 'outbox delivery failed')), 30_000)
    : undefined;
  delivery?.unref();
  void pensionAuth?.deliverQueued().catch((error: unknown) => log.warn({ err: error }, 'outbox delivery failed'));

  if (options.voice !== false) {
    try {
      voice = await startKioskVoice({
        speech: config.speech,
        modelDirs: config.modelDirs.map(resolveFromRoot),
        log,
        send: dispatch,
        onStatusChange: render,
        ...(options.voice?.source ? { source: options.voice.source } : {}),
        ...(options.voice?.sink ? { sink: options.voice.sink } : {}),
      });
    } catch (error) {
      log.error({ err: error }, 'voice failed to start; the kiosk runs by touch');
    }
    render();
  }

  const api: KioskApi = {
    send(input: KioskInput) {
      if (input.type.startsWith('staff.')) {
        staff.handle(input as Extract<KioskInput, { type: `staff.${string}` }>);
        return;
      }
      if (input.type === 'auth.frame') {
        if (childOf()) pensionAuth?.handleFrame(input.frame, (frame) => dispatch({ type: 'frame.analyzed', frame }));
        return;
      }
      dispatch(input as SessionEvent);
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
    devices,
    certificates,
    policy,
    staffRequests,
    sessionEvents,
    log,
    async close() {
      clearInterval(delivery);
      actor.stop();
      staff.close();
      await voice?.close();
      eventLog.end('shutdown');
      listeners.clear();
      await devices?.close();
      await backend.close();
      db.close();
    },
  };
}
