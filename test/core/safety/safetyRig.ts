import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { createActor, fromCallback, SimulatedClock, type AnyActorRef } from 'xstate';
import type { KioskView, LivenessChallengeKind } from '../../../app/api/kioskApi.js';
import type { BackendClient } from '../../../app/core/backend/backendClient.js';
import { demoCitizenSeeds } from '../../../app/core/backend/simulator/demoCitizens.js';
import { parseConfig } from '../../../app/core/config/loadConfig.js';
import { repoRoot } from '../../../app/core/config/repoRoot.js';
import { openIdentityStore } from '../../../app/core/identity/identityAudit.js';
import type { IdentityCheckSnapshot } from '../../../app/core/identity/identityCheckMachine.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../../../app/core/knowledge/loadKnowledgeBase.js';
import { createLlmSimulator, type LlmSimulator } from '../../../app/core/llm/simulator/llmSimulator.js';
import { createLogger } from '../../../app/core/log/createLogger.js';
import { createFieldCipher } from '../../../app/core/privacy/fieldCipher.js';
import { createPolicyService } from '../../../app/core/services/createPolicyService.js';
import { faceAuthView } from '../../../app/core/services/pensionAuth/faceAuthView.js';
import type { FaceSessionAnalyzer } from '../../../app/core/services/pensionAuth/faceSessionAnalyzer.js';
import { PensionAuthAudit } from '../../../app/core/services/pensionAuth/pensionAuthAudit.js';
import { PensionAuthOutbox } from '../../../app/core/services/pensionAuth/pensionAuthOutbox.js';
import { createPensionAuthService } from '../../../app/core/services/pensionAuth/pensionAuthService.js';
import type { PolicyQuestionService } from '../../../app/core/services/policyQuestionService.js';
import { personalQueries } from '../../../app/core/services/queries/personalQueries.js';
import { createSessionActors } from '../../../app/core/session/sessionActors.js';
import type { SessionEvent } from '../../../app/core/session/sessionEvents.js';
import { sessionInputFrom } from '../../../app/core/session/sessionInputFrom.js';
import { sessionMachine, type SessionMachineInput, type SpeakRequest } from '../../../app/core/session/sessionMachine.js';
import { toKioskView } from '../../../app/core/session/toKioskView.js';
import { createVisitLogRecorder } from '../../../app/core/session/visitLogRecorder.js';
import { kioskMigrations } from '../../../app/core/store/migrations.js';
import { openDatabase } from '../../../app/core/store/openDatabase.js';
import { SessionEventStore } from '../../../app/core/store/sessionEventStore.js';
import { StaffRequestStore } from '../../../app/core/store/staffRequestStore.js';
import { decision, measured } from '../identity/identityCheckHarness.js';
import { startHarness, type Harness } from '../backend/simulatorHarness.js';
import { sharedDataDir } from '../../sharedData.js';
import { TEST_DEADLINE_MS } from '../../testDeadline.js';

// The kiosk as the runtime wires it (app/core/kioskRuntime.ts), minus devices and voice hardware: the real session
// machine with the real actors (router, 聊天查 queries, knowledge base + government LLM), the real identity check and
// 养老认证 services against the real business-system simulator over loopback, the real visit log into SQLite, the
// real (scrubbing) logger. Only vision/'s face decision is stood in for: the camera shows one person's face, and it
// matches exactly the reference photo the business system gave for that person. Everything that leaves the kiosk is
// recorded — spoken lines, every screen view, log lines, the kiosk database, every prompt the LLM got, every record
// read from the business system — so a test can look for personal data in all of it.

const faces = path.join(sharedDataDir, 'faces');
/** Why the suite cannot run here (the reference photos live in the shared data folder), or null. */
export const missingSharedData = existsSync(path.join(faces, 'faceapi__amy')) ? null : `the shared face photos are not at ${faces}`;

/** What identifies a demo citizen, and what their record says (never to be seen before their face matched). */
export interface CitizenSecrets {
  citizenId: string;
  name: string;
  idNumber: string;
  phone: string;
  cardNumber: string;
  /** Lines of their 聊天查 answers that only their record produces (amounts, months, dates, card states). */
  recordLines: string[];
}

export interface Leak {
  citizenId: string;
  kind: 'idNumber' | 'name' | 'phone' | 'cardNumber' | 'record';
  value: string;
}

/** The 15-digit form of an 18-digit ID number (no century, no check character). */
function oldForm(idNumber: string): string {
  return idNumber.slice(0, 6) + idNumber.slice(8, 17);
}

const READ_OUT_DIGITS: Record<string, string> = { 零: '0', 〇: '0', 洞: '0', 一: '1', 幺: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 拐: '7', 八: '8', 九: '9', 叉: 'X' };

/** Every secret of every citizen in `text` (citizens in `except` are allowed: the one verified and present). */
export function leaksIn(text: string, secrets: readonly CitizenSecrets[], except: ReadonlySet<string> = new Set()): Leak[] {
  const found: Leak[] = [];
  // Numbers as they may be written: in groups, in full-width digits, or read out in characters (三七零二…).
  const compact = text
    .replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[零〇洞一幺二两三四五六七拐八九叉](?:[\s，,、]?[零〇洞一幺二两三四五六七拐八九叉]){6,}/g, (run) => [...run].map((c) => READ_OUT_DIGITS[c] ?? '').join(''))
    .replace(/[\s-]/g, '')
    .toUpperCase();
  for (const s of secrets) {
    if (except.has(s.citizenId)) continue;
    if (compact.includes(s.idNumber.toUpperCase()) || compact.includes(oldForm(s.idNumber))) found.push({ citizenId: s.citizenId, kind: 'idNumber', value: s.idNumber });
    if (text.includes(s.name)) found.push({ citizenId: s.citizenId, kind: 'name', value: s.name });
    if (compact.includes(s.phone)) found.push({ citizenId: s.citizenId, kind: 'phone', value: s.phone });
    if (compact.includes(s.cardNumber)) found.push({ citizenId: s.citizenId, kind: 'cardNumber', value: s.cardNumber });
    for (const line of s.recordLines) if (text.includes(line)) found.push({ citizenId: s.citizenId, kind: 'record', value: line });
  }
  return found;
}

/** What the shared, slow-to-start parts are: the business system, the LLM, the knowledge base and the secrets. */
export interface SafetyWorld {
  backend: Harness;
  llm: LlmSimulator;
  knowledge: KnowledgeBase;
  policy: PolicyQuestionService;
  secrets: CitizenSecrets[];
  /** sha256 of each reference photo the business system serves → whose face it shows. */
  photoOwners: Map<string, string>;
  /** The log lines of the scenario running now (the policy service logs through the world's logger). */
  logLines: string[];
  close(): Promise<void>;
}

const LLM_KEY_ENV = 'SAFETY_SUITE_LLM_KEY';
const DATA_KEY = 'a5'.repeat(32);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Starts the business-system simulator and the LLM simulator, loads the knowledge base, learns every secret. */
export async function startSafetyWorld(): Promise<SafetyWorld> {
  const backend = await startHarness();
  const llm = await createLlmSimulator({ apiKey: 'safety-key' });
  process.env[LLM_KEY_ENV] = 'safety-key';
  const knowledge = loadKnowledgeBase(path.join(repoRoot, 'data', 'kb'));
  const logLines: string[] = [];
  const log = createLogger({ level: 'debug', destination: { write: (line: string) => void logLines.push(line) } });
  const config = parseConfig({
    llm: { mode: 'openai', baseUrl: llm.url, model: 'qingdao-gov-llm', apiKeyEnv: LLM_KEY_ENV, firstTokenTimeoutMs: TEST_DEADLINE_MS, totalTimeoutMs: TEST_DEADLINE_MS, maxRetries: 0 },
  });
  const policy = createPolicyService(config, log, { knowledge });

  const client = backend.client();
  const photoOwners = new Map<string, string>();
  const perCitizen = new Map<string, string[]>();
  for (const seed of demoCitizenSeeds) {
    if (seed.referencePhoto) {
      const photo = await client.getReferencePhoto(seed.citizenId).catch(() => null);
      if (photo) photoOwners.set(sha256(photo.bytes), seed.citizenId);
    }
    const lines: string[] = [];
    for (const query of Object.values(personalQueries)) {
      const answer = await query!.answer(client, seed.citizenId, {}).catch(() => null);
      if (!answer) continue;
      lines.push(...answer.screen.split('\n'), ...answer.spoken.split(/(?<=[。！？])/));
    }
    perCitizen.set(seed.citizenId, lines.map((l) => l.trim()).filter((l) => /\d/.test(l) && [...l].length >= 6));
  }
  // A line is a secret of a citizen only when it is theirs alone and no knowledge entry says it.
  const kbText = knowledge.entries.map((e) => `${e.spoken}\n${e.screen}`).join('\n');
  const owners = new Map<string, Set<string>>();
  for (const [id, lines] of perCitizen) for (const line of lines) owners.set(line, (owners.get(line) ?? new Set()).add(id));
  const secrets = demoCitizenSeeds.map((seed) => ({
    citizenId: seed.citizenId,
    name: seed.name,
    idNumber: seed.idNumber,
    phone: seed.phone,
    cardNumber: seed.card.cardNumber,
    recordLines: [...new Set(perCitizen.get(seed.citizenId) ?? [])].filter((line) => owners.get(line)!.size === 1 && !kbText.includes(line)),
  }));
  return {
    backend,
    llm,
    knowledge,
    policy,
    secrets,
    photoOwners,
    logLines,
    async close() {
      await llm.close();
      await backend.close();
    },
  };
}

/** Reads of the business system that only a verified citizen's service may make (lookups and photos are the check's). */
const CHECK_METHODS = new Set(['lookupCitizen', 'getReferencePhoto', 'listDemoCitizens', 'health']);

export interface BackendRead {
  method: string;
  citizenId: string | null;
}

/** The business-system client, recording every call (and how many are still running). */
function recordingClient(client: BackendClient, reads: BackendRead[], inFlight: { count: number }): BackendClient {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const method = String(property);
        if (!CHECK_METHODS.has(method)) reads.push({ method, citizenId: typeof args[0] === 'string' ? args[0] : null });
        inFlight.count++;
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        return Promise.resolve(result).finally(() => inFlight.count--);
      };
    },
  });
}

/**
 * vision/ stood in for: the camera shows `presenting` (a demo citizen's face, or a stranger's); every frame is a
 * usable frontal face that does what the running challenge asks; the attempt matches only when the reference the
 * business system gave is that very person's photo.
 */
export function scriptedFaces(photoOwners: Map<string, string>) {
  const state = { presenting: 'stranger', reference: null as string | null, challenge: null as LivenessChallengeKind | null, frames: 0, cleared: 0 };
  const analyzer: FaceSessionAnalyzer = {
    setReference: async (image) => {
      state.reference = photoOwners.get(sha256(image)) ?? null;
      return state.reference !== null;
    },
    analyzeFrame: async (_jpeg, at) => {
      state.frames++;
      return measured({ at, challenge: state.challenge ? { kind: state.challenge, state: 'passed', miss: null } : null });
    },
    startChallenge: (kind) => {
      state.challenge = kind;
    },
    verify: async () => (state.reference !== null && state.reference === state.presenting ? decision('match') : decision('no-match')),
    newAttempt: () => {
      state.challenge = null;
    },
    clear: () => {
      state.reference = null;
      state.challenge = null;
      state.cleared++;
    },
    close: async () => undefined,
  };
  return { analyzer, state };
}

const lockedStaff: KioskView['staff'] = { unlocked: false, message: null, demoCitizens: [], printJobs: [], staffRequests: [], devices: [] };

/** Where a test is in what was recorded: everything after a mark is what happened since. */
export interface Mark {
  said: number;
  views: number;
  logs: number;
  prompts: number;
  reads: number;
}

/** One visit's kiosk: a fresh kiosk database, session and face stand-in; the world's business system and LLM. */
export function startKiosk(world: SafetyWorld) {
  world.logLines.length = 0;
  world.llm.reset();
  const clock = new SimulatedClock();
  const now = () => clock.now();
  const db: Database = openDatabase(':memory:', kioskMigrations);
  const cipher = createFieldCipher({ keyFile: '/nonexistent/safety-suite.key', keyHex: DATA_KEY });
  const log = createLogger({ level: 'debug', destination: { write: (line: string) => void world.logLines.push(line) } });
  const reads: BackendRead[] = [];
  const inFlight = { count: 0 };
  const backend = recordingClient(world.backend.client(), reads, inFlight);
  const faces = scriptedFaces(world.photoOwners);
  const pensionAuth = createPensionAuthService({
    backend,
    analyzer: faces.analyzer,
    outbox: new PensionAuthOutbox(db, cipher),
    audit: new PensionAuthAudit(db),
    identity: openIdentityStore(db, cipher),
    kioskId: 'kiosk-qd-sn-01',
    log,
  });
  const policy: PolicyQuestionService = {
    answer: async (question: string, pinyin?: string) => {
      inFlight.count++;
      try {
        return await world.policy.answer(question, pinyin);
      } finally {
        inFlight.count--;
      }
    },
  } as PolicyQuestionService;

  const said: SpeakRequest[] = [];
  const views: KioskView[] = [];
  const config = parseConfig({});
  // No robot base, no printer, no voice hardware: the actors that need them are told so, as on a kiosk without them.
  const deps = {
    policy,
    backend,
    staffRequests: new StaffRequestStore(db),
    guide: null,
    recordPrinter: null,
    hallName: config.hall.name,
    places: config.places,
    voice: null,
    send: (event: SessionEvent) => actor.send(event),
    onStaffCalled: () => undefined,
    now,
    log,
  };
  const actors = createSessionActors(deps as Parameters<typeof createSessionActors>[0]);
  const machine = sessionMachine.provide({
    actors: {
      ...actors,
      speech: fromCallback<SpeakRequest>(({ receive }) => {
        receive((request) => void said.push(request));
      }),
      pensionAuth: pensionAuth.machine,
      identityCheck: pensionAuth.identityCheck,
    },
  });
  const recorder = createVisitLogRecorder({ sink: new SessionEventStore(db), seal: (plain) => cipher.encrypt(plain), now });
  const render = () => {
    const snapshot = actor.getSnapshot();
    const child = (snapshot.children.pensionAuth ?? snapshot.children.identityCheck) as { getSnapshot(): unknown } | undefined;
    const faceAuth = child ? faceAuthView(child.getSnapshot() as Parameters<typeof faceAuthView>[0], now()) : null;
    views.push(toKioskView(snapshot.value, snapshot.context, lockedStaff, faceAuth, true));
  };
  let ids = 0;
  let started = false;
  const actor = createActor(machine, {
    clock,
    inspect: (inspection) => {
      recorder.inspect(inspection);
      if (inspection.type !== '@xstate.snapshot' || !started) return;
      const id = (inspection.actorRef as { id?: string }).id ?? '';
      if (inspection.actorRef.sessionId === inspection.rootId || id === 'pensionAuth' || id === 'identityCheck') render();
    },
    input: withSeededChallenges({ ...sessionInputFrom(config, now, true), newSessionId: () => `visit-${++ids}` }),
  });
  actor.on('*', (emitted) => recorder.onEmitted(emitted as Parameters<typeof recorder.onEmitted>[0]));
  actor.start();
  started = true;
  render();

  /** The identity check running now (alone for 聊天查, or inside 养老认证), if any. */
  const identityCheck = (): AnyActorRef | undefined => {
    const children = actor.getSnapshot().children as Record<string, AnyActorRef | undefined>;
    if (children.identityCheck) return children.identityCheck;
    const pension = children.pensionAuth;
    return pension ? ((pension.getSnapshot() as { children: Record<string, AnyActorRef | undefined> }).children.identityCheck ?? undefined) : undefined;
  };
  const checkState = (): string | null => {
    const check = identityCheck();
    if (!check) return null;
    const value = (check.getSnapshot() as IdentityCheckSnapshot).value;
    return typeof value === 'string' ? value : (Object.keys(value)[0] ?? null);
  };
  let seq = 0;
  const frame = () => actor.send({ type: 'auth.frame', frame: { jpegBase64: '/9j/', width: 640, height: 480, capturedAt: clock.now(), seq: seq++ } });

  /** Waits until nothing is running (business system, LLM, promises): the state machine is waiting for the citizen. */
  async function settle(): Promise<void> {
    const started = Date.now();
    let quiet = 0;
    let last = '';
    while (quiet < 3) {
      if (Date.now() - started > TEST_DEADLINE_MS) throw new Error(`the kiosk did not settle (${JSON.stringify(actor.getSnapshot().value)})`);
      await new Promise((r) => setTimeout(r, 1));
      const now = JSON.stringify([actor.getSnapshot().value, checkState(), said.length, inFlight.count]);
      quiet = inFlight.count === 0 && now === last ? quiet + 1 : 0;
      last = now;
    }
  }

  /**
   * Runs the identity check that is open now with the face `presenting` in front of the camera: the number (when
   * it is asked and given), frames until every attempt is decided. Ends when the check has ended, or asks a number
   * and none is given.
   */
  async function runIdentityCheck(presenting: string, idNumber?: string, entry: 'typed' | 'spoken' = 'typed'): Promise<void> {
    faces.state.presenting = presenting;
    let numberGiven = false;
    for (let step = 0; step < 500; step++) {
      await settle();
      const state = checkState();
      if (state === null) return;
      if (state === 'idInput') {
        if (numberGiven || idNumber === undefined) return;
        numberGiven = true;
        if (entry === 'typed') actor.send({ type: 'auth.idNumber', idNumber });
        else actor.send({ type: 'voice.final', text: idNumber, pinyin: readOutPinyin(idNumber) });
        continue;
      }
      if (state === 'attempt') {
        frame();
        continue;
      }
      throw new Error(`the identity check waits in ${state}`);
    }
    throw new Error('the identity check did not end');
  }

  const mark = (): Mark => ({ said: said.length, views: views.length, logs: world.logLines.length, prompts: world.llm.requests.length, reads: reads.length });

  /** Everything recorded since the mark (the kiosk database is read whole: it is one visit's). */
  function since(from: Mark = { said: 0, views: 0, logs: 0, prompts: 0, reads: 0 }) {
    return {
      said: said.slice(from.said).map((s) => s.line),
      views: views.slice(from.views),
      logs: world.logLines.slice(from.logs),
      prompts: world.llm.requests.slice(from.prompts).map((r) => JSON.stringify(r.messages)),
      /** The citizen's question as the LLM got it (the last line of the user message). */
      questionsToLlm: world.llm.requests.slice(from.prompts).map((r) => {
        const user = (r.messages ?? []).filter((m) => m.role === 'user').at(-1)?.content ?? '';
        return typeof user === 'string' ? (user.split('市民的问题：').at(-1) ?? user) : JSON.stringify(user);
      }),
      reads: reads.slice(from.reads),
    };
  }

  /** Every row of every table of the kiosk database, as text (what someone with the disk but not the key reads). */
  function databaseText(): string {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    return tables.map((t) => `${t.name}: ${JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all())}`).join('\n');
  }

  return {
    actor,
    clock,
    faces: faces.state,
    db,
    unseal: (sealed: string) => cipher.decrypt(sealed),
    send: (event: SessionEvent) => actor.send(event),
    settle,
    runIdentityCheck,
    checkState,
    mark,
    since,
    databaseText,
    /** The visit's identity as the session holds it. */
    identity: () => actor.getSnapshot().context.identity,
    /** The state as a dotted path (personalQuery.checkingIdentity). */
    state: () => statePath(actor.getSnapshot().value),
    close() {
      recorder.close('shutdown');
      actor.stop();
      db.close();
    },
  };
}

export type Kiosk = ReturnType<typeof startKiosk>;

/** The challenges drawn from a fixed seed, so two kiosks given the same inputs say the same lines (mulberry32). */
function withSeededChallenges(input: SessionMachineInput): SessionMachineInput {
  let seed = 20250314;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return input.pensionAuth ? { ...input, pensionAuth: { ...input.pensionAuth, random } } : input;
}

function statePath(value: unknown): string {
  if (typeof value === 'string') return value;
  const [key, inner] = Object.entries(value as Record<string, unknown>)[0]!;
  return `${key}.${statePath(inner)}`;
}

const PINYIN_DIGITS = ['ling', 'yao', 'er', 'san', 'si', 'wu', 'liu', 'qi', 'ba', 'jiu'];

/** An ID number as the small recognizer hears it read out: toneless pinyin, 1 as yao, X as the letter. */
export function readOutPinyin(idNumber: string): string {
  return [...idNumber].map((c) => (/\d/.test(c) ? PINYIN_DIGITS[Number(c)] : 'x')).join(' ');
}

/** The parts of a screen view the kiosk writes (not the citizen's own words echoed back to them). */
export function kioskWrittenText(view: KioskView): string {
  const { subtitles, heard: _heard, answer, ...rest } = view;
  return JSON.stringify({
    ...rest,
    subtitles: subtitles.filter((s) => s.who !== 'citizen'),
    answer: answer ? { ...answer, question: answer.mode === 'record' ? answer.question : '' } : null,
  });
}
