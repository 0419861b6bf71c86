import { randomUUID } from 'node:crypto';
import { createActor, type SimulatedClock } from 'xstate';
import type { KioskApi, KioskInput, KioskView, StaffInput } from '../api/kioskApi.js';
import type { AudioSink, AudioSource } from '../../speech/index.js';
import { connectHallBackend, type HallBackend } from './backend/connectHallBackend.js';
import { createCertificatePrintService, type CertificatePrintService } from './certificates/certificatePrintService.js';
import { loadOrCreateSigningKey } from './certificates/certificateSigningKey.js';
import { CertificatePrintLedger } from './certificates/certificatePrintLedger.js';
import { certificatePrintTransaction } from './transactions/certificatePrintTransaction.js';
import type { KioskConfig } from './config/kioskConfigSchema.js';
import { resolveFromRoot } from './config/loadConfig.js';
import { startKioskDevices, type KioskDevices } from './devices/kioskDevices.js';
import { toPrinterSessionEvent } from './devices/printerSessionAdapter.js';
import { createRobotSessionAdapter } from './devices/robotSessionAdapter.js';
import { createIdCardSessionAdapter, withIdCardReader } from './devices/idCardSessionAdapter.js';
import { createLogger, type Logger } from './log/createLogger.js';
import { deliveryRound } from './outbox/deliveryRound.js';
import { outboxMachine } from './outbox/outboxMachine.js';
import { registerBackendSenders } from './outbox/backendSenders.js';
import { listOutbox } from './outbox/outboxListing.js';
import { TransactionOutbox } from './outbox/transactionOutbox.js';
import { openIdentityStore } from './identity/identityAudit.js';
import { createGuideService } from './services/guideService.js';
import { faceAuthView } from './services/pensionAuth/faceAuthView.js';
import { cardLossCancellationTransaction } from './transactions/cardLossCancellationTransaction.js';
import { cardLossTransaction } from './transactions/cardLossTransaction.js';
import { cardReplacementTransaction } from './transactions/cardReplacementTransaction.js';
import { employmentCertificateTransaction } from './transactions/employmentCertificateTransaction.js';
import { contactChangeTransaction } from './transactions/contactChangeTransaction.js';
import { flexibleEmploymentTransaction } from './transactions/flexibleEmploymentTransaction.js';
import { unemploymentBenefitTransaction } from './transactions/unemploymentBenefitTransaction.js';
import { unemploymentRegistrationTransaction } from './transactions/unemploymentRegistrationTransaction.js';
import { skillSubsidyTransaction } from './transactions/skillSubsidyTransaction.js';
import { transactionView } from './transactions/transactionView.js';
import { lateSettlementEvent } from './outbox/lateSettlementEvent.js';
import type { FaceSessionAnalyzer } from './services/pensionAuth/faceSessionAnalyzer.js';
import { PensionAuthAudit } from './services/pensionAuth/pensionAuthAudit.js';
import { PensionAuthOutbox } from './services/pensionAuth/pensionAuthOutbox.js';
import { createPensionAuthService } from './services/pensionAuth/pensionAuthService.js';
import { createVisionFaceAnalyzer } from './services/pensionAuth/visionFaceAnalyzer.js';
import type { KnowledgeBase } from './knowledge/loadKnowledgeBase.js';
import { routerModel } from './nlu/routerModel.js';
import { createConfiguredRouteResolver } from './nlu/createConfiguredRouteResolver.js';
import { createPolicyService } from './services/createPolicyService.js';
import type { GroundedComposer, PolicyQuestionService } from './services/policyQuestionService.js';
import { createRecordPrintService } from './records/recordPrintService.js';
import { createSessionActors } from './session/sessionActors.js';
import { createSessionInlet } from './session/sessionInlet.js';
import { sessionMachine } from './session/sessionMachine.js';
import { sessionInputFrom } from './session/sessionInputFrom.js';
import { toKioskView } from './session/toKioskView.js';
import { createViewChannel } from './session/viewChannel.js';
import { createVisitLogRecorder } from './session/visitLogRecorder.js';
import { StaffConsole } from './staff/staffConsole.js';
import { openKioskStore } from './store/openKioskStore.js';
import type { SessionEventStore } from './store/sessionEventStore.js';
import type { StaffRequestStore } from './store/staffRequestStore.js';
import { openKioskVoice } from './voice/kioskVoice.js';

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
  /** The one outbox of every transaction: `submit`, `onSettled`, `resultOf`, `deliverDue` (docs/outbox.md). */
  transactions: TransactionOutbox;
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
  const { dataDir, db, sessionEvents, staffRequests, cipher } = openKioskStore(config);
  const inlet = createSessionInlet();

  const backend = await connectHallBackend(config.backend, dataDir);
  log.info({ backend: config.backend.mode, url: backend.simulatorUrl }, 'hall business system ready');
  // Train the intent router's backoff now (~40 ms) rather than on the first citizen's first sentence.
  routerModel();
  const policy = createPolicyService(config, log, { ...(options.knowledge ? { knowledge: options.knowledge } : {}), ...(options.composer !== undefined ? { composer: options.composer } : {}) });

  let staff: StaffConsole | null = null;
  const devices = options.withoutDevices
    ? null
    : await startKioskDevices({ config, dataDir, cipher, log, onPrinterEvent: (event) => (staff?.onPrinterEvent(event), inlet.send(toPrinterSessionEvent(event))) });
  devices?.robot?.subscribe(createRobotSessionAdapter({ batteryLowPercent: config.robot.batteryLowPercent, send: (event) => inlet.send(event) }));
  const idCardReader = devices?.idCardReader ?? null;
  idCardReader?.subscribe(createIdCardSessionAdapter({ reader: idCardReader, decoder: devices!.chipPhotos.decoder, send: (event) => inlet.send(event), log }));
  const certificates = devices
    ? createCertificatePrintService({ backend: backend.client, spooler: devices.spooler, signingKey: loadOrCreateSigningKey(dataDir), log })
    : null;

  const faceAnalyzer = options.faceAnalyzer === undefined ? await createVisionFaceAnalyzer(log, { modelDirs: config.modelDirs.map(resolveFromRoot), livenessThreshold: config.faceAuth.livenessThreshold, requiredChallenges: config.faceAuth.challengesPerAttempt.min }) : options.faceAnalyzer;
  // The one outbox of every transaction (养老认证, card loss, flexible employment …), sealed in SQLite before it is sent.
  const transactions = new TransactionOutbox(db, cipher, {
    schedule: config.outbox,
    now,
    onSendFailed: (entry, error) => log.warn({ outbox: entry.id, kind: entry.kind, err: error }, 'transaction saved, to be sent when the business system is back'),
  });
  registerBackendSenders(transactions, backend.client);
  transactions.onSettled((s) =>
    s.state === 'delivered'
      ? log.info({ outbox: s.id, kind: s.kind, reference: s.reference }, 'transaction delivered')
      : log.error({ outbox: s.id, kind: s.kind, reason: s.reason }, 'transaction rejected by the business system'),
  );
  const pensionOutbox = new PensionAuthOutbox(db, cipher, transactions);
  const pensionAuth = faceAnalyzer
    ? createPensionAuthService({ backend: backend.client, analyzer: faceAnalyzer, outbox: pensionOutbox, audit: new PensionAuthAudit(db), identity: openIdentityStore(db, cipher), kioskId: config.backend.kioskId, log })
    : null;

  const voice = await openKioskVoice(options.voice === false ? false : { speech: config.speech, modelDirs: config.modelDirs.map(resolveFromRoot), ...options.voice }, (event) => inlet.send(event), log);

  const recorder = createVisitLogRecorder({ sink: sessionEvents, seal: (plain) => cipher.encrypt(plain), now });
  const views = createViewChannel();
  const render = () => {
    if (!actor) return;
    const snapshot = actor.getSnapshot();
    const child = (snapshot.children.pensionAuth ?? snapshot.children.identityCheck) as { getSnapshot(): unknown } | undefined;
    const faceAuth = child ? faceAuthView(child.getSnapshot() as Parameters<typeof faceAuthView>[0], now()) : null;
    const transaction = snapshot.children.transaction as { getSnapshot(): unknown } | undefined;
    views.publish(
      toKioskView(snapshot.value, snapshot.context, staff?.view() ?? lockedStaffView, faceAuth, pensionAuth !== null, transactionView(transaction?.getSnapshot() as Parameters<typeof transactionView>[0])),
    );
  };

  // The staff panel shows the outbox: a settled transaction redraws it.
  transactions.onSettled(() => render());
  // One settled after "saved, will be sent": a refusal is followed up by staff; a citizen still here hears the result.
  transactions.onSettled((settlement, attempts) => {
    const late = lateSettlementEvent(settlement, attempts);
    if (late) inlet.send(late);
  });

  const machine = sessionMachine.provide({
    actors: {
      ...createSessionActors({
        policy,
        backend: backend.client,
        staffRequests,
        recordPrinter: devices ? createRecordPrintService({ spooler: devices.spooler, log }) : null,
        hallName: config.hall.name,
        routeResolver: createConfiguredRouteResolver(config.llm, log),
        guide: devices?.robot ? createGuideService({ places: config.places, robot: devices.robot, moveTimeoutMs: config.robot.guideTimeoutMs, log }) : null,
        places: config.places,
        voice,
        send: (event) => inlet.send(event),
        onStaffCalled: render,
        now,
        log,
      }),
      ...(pensionAuth ? { pensionAuth: pensionAuth.machine, identityCheck: pensionAuth.identityCheck } : {}),
    },
  });
  let actor: ReturnType<typeof createActor<typeof machine>> | null = null;
  actor = createActor(machine, {
    ...(clock ? { clock } : {}),
    // A snapshot of the visit or of the face screen's child re-renders the screen; the log sees everything.
    inspect: (inspection) => {
      recorder.inspect(inspection);
      const isRoot = inspection.actorRef.sessionId === inspection.rootId;
      if (inspection.type === '@xstate.snapshot' && (isRoot || SCREEN_CHILDREN.has((inspection.actorRef as { id?: string }).id ?? ''))) render();
    },
    // The 对话办 transactions this kiosk runs (more come with issue 10), each behind the identity check and a yes.
    input: {
      ...withIdCardReader(sessionInputFrom(config, now, pensionAuth !== null), idCardReader),
      transactions: {
        report_card_loss: cardLossTransaction(transactions),
        cancel_card_loss: cardLossCancellationTransaction(transactions),
        change_contact: contactChangeTransaction(transactions),
        flexible_employment_register: flexibleEmploymentTransaction(transactions, () => new Date(now())),
        // 参保证明打印 needs the printer's spooler: without devices the router's print_certificate does what it did before.
        ...(devices ? { print_certificate: certificatePrintTransaction({ backend: backend.client, spooler: devices.spooler, printer: devices.printer, signingKey: loadOrCreateSigningKey(dataDir), ledger: new CertificatePrintLedger(db), perMonth: config.printing.certificatesPerMonth, now: () => new Date(now()), log }) } : {}),
        unemployment_register: unemploymentRegistrationTransaction(transactions, () => new Date(now())),
        unemployment_benefit_apply: unemploymentBenefitTransaction(transactions, backend.client),
        replace_card: cardReplacementTransaction(transactions, backend.client),
        apply_employment_certificate: employmentCertificateTransaction(transactions, backend.client),
        apply_skill_subsidy: skillSubsidyTransaction(backend.client, transactions),
      },
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
    outbox: () => listOutbox(db, { limit: 20 }),
    onChange: render,
    log,
  });

  // Transactions saved while the business system was down (or left mid-send by a crash) go out on the outbox's own
  // retry schedule.
  const outbox = createActor(
    outboxMachine.provide({ actors: { deliver: deliveryRound(async () => (await transactions.deliverDue()).delivered, () => transactions.waiting()) } }),
    { ...(clock ? { clock } : {}), input: config.outbox },
  );

  actor.start();
  inlet.connect(actor);
  outbox.start();
  render();

  const api: KioskApi = {
    send(input: KioskInput) {
      if (input.type.startsWith('staff.')) staff?.handle(input as StaffInput);
      else actor?.send(input as Exclude<KioskInput, StaffInput>);
    },
    subscribe: (listener) => views.subscribe(listener),
  };

  return {
    api,
    backend,
    devices,
    certificates,
    policy,
    staffRequests,
    sessionEvents,
    transactions,
    unseal: (sealed) => cipher.decrypt(sealed),
    log,
    async close() {
      outbox.stop();
      actor?.stop();
      recorder.close('shutdown');
      staff?.close();
      views.clear();
      await voice?.close();
      await pensionAuth?.close();
      await devices?.close();
      await backend.close();
      db.close();
    },
  };
}

/** Besides the visit itself, the children whose snapshots the screen shows (the face screen). */
const SCREEN_CHILDREN = new Set(['pensionAuth', 'identityCheck', 'transaction']);

const lockedStaffView: KioskView['staff'] = { unlocked: false, message: null, demoCitizens: [], printJobs: [], staffRequests: [], devices: [] };

