import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createActor, type SimulatedClock } from 'xstate';
import type { KioskApi, KioskInput, KioskView, StaffInput } from '../api/kioskApi.js';
import type { AudioSink, AudioSource } from '../../speech/index.js';
import { connectHallBackend, type HallBackend } from './backend/connectHallBackend.js';
import { createCertificatePrintService, type CertificatePrintService } from './certificates/certificatePrintService.js';
import { loadOrCreateSigningKey } from './certificates/certificateSigningKey.js';
import type { KioskConfig } from './config/kioskConfigSchema.js';
import { resolveFromRoot } from './config/loadConfig.js';
import { startKioskDevices, type KioskDevices } from './devices/kioskDevices.js';
import { toPrinterSessionEvent } from './devices/printerSessionAdapter.js';
import { createRobotSessionAdapter } from './devices/robotSessionAdapter.js';
import { loadKnowledgeBase, type KnowledgeBase } from './knowledge/loadKnowledgeBase.js';
import { KnowledgeRetriever } from './knowledge/knowledgeRetriever.js';
import { createLogger, type Logger } from './log/createLogger.js';
import { deliveryRound } from './outbox/deliveryRound.js';
import { outboxMachine } from './outbox/outboxMachine.js';
import { createFieldCipher } from './privacy/fieldCipher.js';
import { createLlmComposer } from './services/createLlmComposer.js';
import { createGuideService } from './services/guideService.js';
import { faceAuthView } from './services/pensionAuth/faceAuthView.js';
import type { FaceSessionAnalyzer } from './services/pensionAuth/faceSessionAnalyzer.js';
import { PensionAuthAudit } from './services/pensionAuth/pensionAuthAudit.js';
import { PensionAuthOutbox } from './services/pensionAuth/pensionAuthOutbox.js';
import { createPensionAuthService } from './services/pensionAuth/pensionAuthService.js';
import { createVisionFaceAnalyzer } from './services/pensionAuth/visionFaceAnalyzer.js';
import { PolicyQuestionService, type GroundedComposer } from './services/policyQuestionService.js';
import { createSessionActors } from './session/sessionActors.js';
import { createSessionInlet } from './session/sessionInlet.js';
import { sessionMachine } from './session/sessionMachine.js';
import { toKioskView } from './session/toKioskView.js';
import { createVisitLogRecorder } from './session/visitLogRecorder.js';
import { StaffConsole } from './staff/staffConsole.js';
import { kioskMigrations } from './store/migrations.js';
import { openDatabase } from './store/openDatabase.js';
import { SessionEventStore } from './store/sessionEventStore.js';
import { StaffRequestStore } from './store/staffRequestStore.js';
import { startKioskVoice, type KioskVoice } from './voice/kioskVoice.js';

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
  /** Opens what the visit log sealed (for replaying a stored visit on this kiosk). */
  unseal(sealed: string): string;
  log: Logger;
  close(): Promise<void>;
}

/**
 * Wires the kiosk: storage, knowledge, devices and their adapters, the session machine with its actors, the visit
 * log, the outbox and the staff panel, and the KioskApi. It decides nothing: the session machine does.
 */
export async function createKioskRuntime(config: KioskConfig, options: KioskRuntimeOptions = {}): Promise<KioskRuntime> {
  const log = options.log ?? createLogger({ level: config.log.level });
  const clock = options.clock;
  const now = clock ? () => clock.now() : () => Date.now();
  const dataDir = resolveFromRoot(config.dataDir);
  const db = openDatabase(path.join(dataDir, config.database.file), kioskMigrations);
  const sessionEvents = new SessionEventStore(db);
  const staffRequests = new StaffRequestStore(db);
  sessionEvents.purgeOlderThan(new Date(Date.now() - 30 * 24 * 3600 * 1000));
  const cipher = createFieldCipher({ keyFile: path.join(dataDir, 'data.key') });
  const inlet = createSessionInlet();

  const backend = await connectHallBackend(config.backend, dataDir);
  const knowledge = options.knowledge ?? loadKnowledgeBase(resolveFromRoot(config.knowledge.dir));
  const composer = options.composer === undefined ? createLlmComposer(config.llm, log) : options.composer ?? undefined;
  const policy = new PolicyQuestionService({
    retriever: new KnowledgeRetriever(knowledge.entries, knowledge.lexicon),
    redirects: knowledge.redirects,
    ...(composer ? { composer } : {}),
    minConfidence: config.knowledge.minConfidence,
    llmBudgetMs: config.llm.mode === 'openai' ? config.llm.totalTimeoutMs : 0,
    log,
  });
  log.info({ backend: config.backend.mode, entries: knowledge.entries.length, llm: config.llm.mode }, 'knowledge and business system ready');

  let staff: StaffConsole | null = null;
  const devices = options.withoutDevices
    ? null
    : await startKioskDevices({ config, dataDir, cipher, log, onPrinterEvent: (event) => (staff?.onPrinterEvent(event), inlet.send(toPrinterSessionEvent(event))) });
  devices?.robot?.subscribe(createRobotSessionAdapter({ batteryLowPercent: config.robot.batteryLowPercent, send: (event) => inlet.send(event) }));
  const certificates = devices
    ? createCertificatePrintService({ backend: backend.client, spooler: devices.spooler, signingKey: loadOrCreateSigningKey(dataDir), log })
    : null;

  const faceAnalyzer = options.faceAnalyzer === undefined ? await createVisionFaceAnalyzer(log, { modelDirs: config.modelDirs.map(resolveFromRoot), livenessThreshold: config.faceAuth.livenessThreshold }) : options.faceAnalyzer;
  const pensionOutbox = new PensionAuthOutbox(db, cipher);
  const pensionAuth = faceAnalyzer
    ? createPensionAuthService({ backend: backend.client, analyzer: faceAnalyzer, outbox: pensionOutbox, audit: new PensionAuthAudit(db), kioskId: config.backend.kioskId, log })
    : null;

  let voice: KioskVoice | null = null;
  if (options.voice === false) inlet.send({ type: 'microphone.fault', reason: 'disabled' });
  else {
    voice = await startKioskVoice({ speech: config.speech, modelDirs: config.modelDirs.map(resolveFromRoot), log, send: (event) => inlet.send(event), ...options.voice }).catch((error: unknown) => {
      log.error({ err: error }, 'voice failed to start; the kiosk runs by touch');
      inlet.send({ type: 'microphone.fault', reason: 'failed' });
      return null;
    });
  }

  const recorder = createVisitLogRecorder({ sink: sessionEvents, seal: (plain) => cipher.encrypt(plain), now });
  const listeners = new Set<(view: KioskView) => void>();
  let view: KioskView | null = null;
  const render = () => {
    if (!actor) return;
    const snapshot = actor.getSnapshot();
    const child = snapshot.children.pensionAuth as { getSnapshot(): unknown } | undefined;
    const faceAuth = child ? faceAuthView(child.getSnapshot() as Parameters<typeof faceAuthView>[0], now()) : null;
    view = toKioskView(snapshot.value, snapshot.context, staff?.view() ?? lockedStaffView, faceAuth, pensionAuth !== null);
    for (const listener of listeners) listener(view);
  };

  const machine = sessionMachine.provide({
    actors: {
      ...createSessionActors({
        policy,
        staffRequests,
        guide: devices?.robot ? createGuideService({ places: config.places, robot: devices.robot, moveTimeoutMs: config.robot.guideTimeoutMs, log }) : null,
        places: config.places,
        voice,
        send: (event) => inlet.send(event),
        onStaffCalled: render,
        now,
        log,
      }),
      ...(pensionAuth ? { pensionAuth: pensionAuth.machine } : {}),
    },
  });
  let actor: ReturnType<typeof createActor<typeof machine>> | null = null;
  actor = createActor(machine, {
    ...(clock ? { clock } : {}),
    // Every snapshot of the visit or of a service's child machine re-renders the screen; the log sees everything.
    inspect: (inspection) => {
      recorder.inspect(inspection);
      if (inspection.type === '@xstate.snapshot') render();
    },
    input: {
      timing: config.session,
      robotName: config.hall.robotName,
      places: config.places,
      newSessionId: () => randomUUID(),
      now,
      ...(pensionAuth ? { pensionAuth: pensionAuthInput(config, now) } : {}),
    },
  });
  actor.on('*', (emitted) => recorder.onEmitted(emitted as Parameters<typeof recorder.onEmitted>[0]));

  staff = new StaffConsole({
    pin: config.staff.pin,
    autoLockMs: config.staff.autoLockMs,
    ...(clock ? { clock } : {}),
    listDemoCitizens: async () => (await backend.client.listDemoCitizens()).map((c) => ({ id: c.citizenId, name: c.name, labels: c.usefulFor.map((u) => u.label) })),
    printSample: certificates ? async (citizenId, onQueued) => (await certificates.print(citizenId, onQueued)).job : null,
    staffRequests,
    enrollPhoto: (citizenId, jpeg) => backend.client.enrollReferencePhoto(citizenId, { jpeg, idempotencyKey: `enrol-${randomUUID()}` }).then(() => undefined),
    devices: () => devices?.states() ?? [],
    onChange: render,
    log,
  });

  // Results saved while the business system was down go out on the outbox's own retry schedule.
  const outbox = pensionAuth
    ? createActor(outboxMachine.provide({ actors: { deliver: deliveryRound(() => pensionAuth.deliverQueued(), () => pensionOutbox.queued().length) } }), { ...(clock ? { clock } : {}), input: config.outbox })
    : null;

  actor.start();
  inlet.connect(actor);
  outbox?.start();
  render();

  const api: KioskApi = {
    send(input: KioskInput) {
      if (input.type.startsWith('staff.')) staff?.handle(input as StaffInput);
      else actor?.send(input as Exclude<KioskInput, StaffInput>);
    },
    subscribe(listener) {
      listeners.add(listener);
      if (view) listener(view);
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
    unseal: (sealed) => cipher.decrypt(sealed),
    log,
    async close() {
      outbox?.stop();
      actor?.stop();
      recorder.close('shutdown');
      staff?.close();
      listeners.clear();
      await voice?.close();
      await pensionAuth?.close();
      await devices?.close();
      await backend.close();
      db.close();
    },
  };
}

const lockedStaffView: KioskView['staff'] = { unlocked: false, message: null, demoCitizens: [], printJobs: [], staffRequests: [], devices: [] };

function pensionAuthInput(config: KioskConfig, now: () => number) {
  return {
    timing: { challengeMs: config.faceAuth.challengeMs, positioningMs: config.faceAuth.positioningMs, positionedFrames: 3, resultShowMs: 8_000 },
    challengePool: config.faceAuth.challengePool,
    challengesPerAttempt: config.faceAuth.challengesPerAttempt,
    maxAttempts: config.faceAuth.maxAttempts,
    livenessThreshold: config.faceAuth.livenessThreshold,
    random: Math.random,
    now,
  };
}
