import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { KioskInput, KioskView } from '../api/kioskApi.js';
import { createBackendSimulator, type BackendSimulator } from '../core/backend/simulator/createBackendSimulator.js';
import { parseConfig, resolveFromRoot } from '../core/config/loadConfig.js';
import { repoRoot } from '../core/config/repoRoot.js';
import { createKioskRuntime, type KioskRuntime } from '../core/kioskRuntime.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../core/knowledge/loadKnowledgeBase.js';
import { createLogger, type Logger } from '../core/log/createLogger.js';
import type { ServiceName } from '../core/nlu/serviceCatalogue.js';
import type { FaceSessionAnalyzer } from '../core/services/pensionAuth/faceSessionAnalyzer.js';
import { createVisionFaceAnalyzer } from '../core/services/pensionAuth/visionFaceAnalyzer.js';
import type { SessionEvent } from '../core/session/sessionEvents.js';
import type { StoredSessionEvent } from '../core/store/sessionEventStore.js';
import { createMemoryAudioSink, createPushSource, resampleAll, type PushSource } from '../../speech/index.js';
import { decodeWav, mixToMono } from '../../speech/audio/decodeWav.js';
import { speechSynthesisProblem, synthesizeLine } from './scenarioSpeech.js';
import { CAMERA_FRAME_MS, CAMERA_HEIGHT, CAMERA_WIDTH, cameraFrameOf, cameraShots, missingImages, resolveScenarioPath, type CameraShot } from './scenarioCamera.js';
import { readScenarioFile, type ScenarioFaults, type ScenarioFile, type ScenarioStep } from './scenarioFile.js';
import { nextService, outcomeOfVisits, serviceOfHeard, serviceOfInput } from './scenarioOutcome.js';

/** One JSON line of `kiosk scenario`. */
export interface ScenarioResult {
  file: string;
  passed: boolean;
  /** Set when the scenario could not be run here (face models or shared photos absent); not a failure. */
  skipped?: string;
  service: string | null;
  outcome: string | null;
  durationMs: number;
  /** Citizen steps taken (say, tap, keypad, face). */
  turns: number;
  /** Every line the robot said, in order. */
  spoken: string[];
  failedStep: { index: number; reason: string } | null;
}

export interface ScenarioRunnerOptions {
  /** The shared folder (models/, data/): `../shared` beside the checkout, or $KIOSK_SHARED_DIR. */
  sharedDir?: string;
  /** Default deadline of each expectation, ms. */
  deadlineMs?: number;
  /** Deadline of a face step (the whole face check: up to three attempts), ms. */
  faceDeadlineMs?: number;
  log?: Logger;
}

/** The kiosk configuration every scenario starts from (a file's `config` goes over it). */
export const scenarioDefaults = {
  // Still photos cannot pass passive liveness, and a face step can show only what its images show: one challenge,
  // a turn to the citizen's right (the images look ahead, then turned), as in the face e2e configuration.
  faceAuth: { challengePool: ['turnRight'], challengesPerAttempt: { min: 1, max: 1 }, livenessThreshold: 0 },
} as const;

export const DEFAULT_DEADLINE_MS = 30_000;
export const DEFAULT_FACE_DEADLINE_MS = 180_000;
const SECRET_ENV = 'KIOSK_SCENARIO_BACKEND_SECRET';
const KIOSK_ID = 'kiosk-scenario';
const POLL_MS = 20;
/** The screen's inputs that name a service (a typed line, a chip, a tile). */
const TYPED_OR_TAPPED = new Set(['citizen.text', 'citizen.tapQuestion', 'citizen.tapQuery', 'citizen.tapService']);

export function defaultSharedDir(): string {
  return process.env.KIOSK_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared');
}

/**
 * Runs scenario files on the real kiosk runtime (session machine, identity check, queries, 养老认证, knowledge base,
 * SQLite) with the business-system simulator on loopback and the real face pipeline; the screen is played by the
 * runner through `KioskApi`. One kiosk per file; the knowledge base and the face models load once per runner.
 */
export function createScenarioRunner(options: ScenarioRunnerOptions = {}) {
  const sharedDir = options.sharedDir ?? defaultSharedDir();
  const sharedDataDir = path.join(sharedDir, 'data');
  const log = options.log ?? createLogger({ level: 'silent' });
  let knowledge: KnowledgeBase | null = null;
  const analyzers = new Map<string, Promise<FaceSessionAnalyzer | null>>();

  /** One face pipeline per setting, shared by the files (a kiosk's close does not close it). */
  const analyzerFor = (modelDirs: string[], livenessThreshold: number, requiredChallenges: number) => {
    const key = JSON.stringify([modelDirs, livenessThreshold, requiredChallenges]);
    let analyzer = analyzers.get(key);
    if (!analyzer) {
      analyzer = createVisionFaceAnalyzer(log, { modelDirs, livenessThreshold, requiredChallenges });
      analyzers.set(key, analyzer);
    }
    return analyzer.then((a) => (a ? { ...a, close: async () => a.clear() } : null));
  };

  async function run(file: string): Promise<ScenarioResult> {
    const started = Date.now();
    const result: ScenarioResult = { file, passed: false, service: null, outcome: null, durationMs: 0, turns: 0, spoken: [], failedStep: null };
    let scenario: ScenarioFile;
    try {
      scenario = readScenarioFile(file);
    } catch (error) {
      return { ...result, failedStep: { index: -1, reason: (error as Error).message }, durationMs: Date.now() - started };
    }
    const faceSteps = scenario.steps.filter((s): s is Extract<ScenarioStep, { face: unknown }> => 'face' in s);
    const photoOnFile = scenario.photoOnFile === undefined ? null : resolveScenarioPath(scenario.photoOnFile, file, sharedDataDir);
    const missing = missingImages([...faceSteps.flatMap((s) => cameraShots(s.face, file, sharedDataDir)), ...(photoOnFile ? [{ image: photoOnFile, frames: 1 }] : [])]);
    if (missing.length > 0) {
      return { ...result, passed: true, skipped: `face images not found (shared data absent?): ${missing.join(', ')}`, durationMs: Date.now() - started };
    }
    const speaks = scenario.steps.some((s) => 'speak' in s);
    const usesVoice = speaks || scenario.steps.some((s) => 'say' in s && s.say.toLowerCase().endsWith('.wav'));
    const cannotSpeak = speaks ? speechSynthesisProblem() : null;
    if (cannotSpeak) return { ...result, passed: true, skipped: `a spoken step cannot be synthesized: ${cannotSpeak}`, durationMs: Date.now() - started };

    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-scenario-'));
    let simulator: BackendSimulator | null = null;
    let runtime: KioskRuntime | null = null;
    try {
      const secret = randomBytes(24).toString('hex');
      process.env[SECRET_ENV] = secret;
      simulator = await createBackendSimulator({ secret, kioskId: KIOSK_ID, sharedDataDir });
      const raw: Record<string, unknown> = { ...scenarioDefaults, modelDirs: [path.join(sharedDir, 'models'), 'data/models'] };
      for (const [key, value] of Object.entries(scenario.config ?? {})) {
        const base = raw[key];
        raw[key] = isPlainObject(base) && isPlainObject(value) ? { ...base, ...value } : value;
      }
      const config = parseConfig({ ...raw, dataDir, backend: { mode: 'remote', baseUrl: simulator.url, kioskId: KIOSK_ID, secretEnv: SECRET_ENV } });
      const faceAnalyzer = await analyzerFor(config.modelDirs.map(resolveFromRoot), config.faceAuth.livenessThreshold, config.faceAuth.challengesPerAttempt.min);
      if (faceSteps.length > 0 && !faceAnalyzer) {
        return { ...result, passed: true, skipped: `the face models are not available (modelDirs: ${config.modelDirs.join(', ')})`, durationMs: Date.now() - started };
      }
      knowledge ??= loadKnowledgeBase(path.join(repoRoot, 'data', 'kb'));
      const source: PushSource | null = usesVoice ? createPushSource({ sampleRate: 16_000 }) : null;
      runtime = await createKioskRuntime(config, {
        log,
        composer: null,
        knowledge,
        withoutDevices: !scenario.printer && !scenario.steps.some((s) => 'tap' in s && s.tap === '打印'),
        voice: source ? { source, sink: createMemoryAudioSink({ now: () => performance.now() * 20 }) } : false,
        faceAnalyzer,
      });
      if (photoOnFile) {
        const jpeg = await sharp(readFileSync(photoOnFile)).jpeg({ quality: 90 }).toBuffer();
        await runtime.backend.client.enrollReferencePhoto(scenario.citizen, { jpeg, idempotencyKey: `scenario-${randomBytes(8).toString('hex')}` });
      }
      if (scenario.faults) applyFaults(simulator, scenario.faults);
      const virtualPrinter = runtime.devices?.simulators.printer ?? null;
      if (scenario.printer?.fault === 'paper-out') virtualPrinter?.paperOut();
      if (scenario.printer?.fault === 'paper-out-mid-job') virtualPrinter?.paperOut({ afterLines: 6 });
      if (scenario.printer?.fault === 'offline') virtualPrinter?.setOffline(true);
      if (scenario.printer?.fault === 'cover-open') virtualPrinter?.openCover();
      const outcome = await drive(runtime, simulator, scenario, file, source, result);
      result.passed = outcome === null;
      result.failedStep = outcome;
    } catch (error) {
      result.passed = false;
      result.failedStep ??= { index: -1, reason: `the kiosk failed: ${(error as Error).message}` };
    } finally {
      await runtime?.close().catch(() => undefined);
      await simulator?.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    }
    result.durationMs = Date.now() - started;
    return result;
  }

  /** Plays the steps; fills the result's service, outcome, turns and spoken; returns the failed step or null. */
  async function drive(runtime: KioskRuntime, simulator: BackendSimulator, scenario: ScenarioFile, file: string, source: PushSource | null, result: ScenarioResult) {
    let view!: KioskView;
    const sessions: string[] = [];
    runtime.api.subscribe((v) => {
      view = v;
      if (v.sessionId && !sessions.includes(v.sessionId)) sessions.push(v.sessionId);
    });
    const entries = (): StoredSessionEvent[] => sessions.flatMap((id) => runtime.sessionEvents.events(id));
    const spoken = () =>
      entries()
        .filter((e) => e.type === 'said' && e.sealed)
        .map((e) => (JSON.parse(runtime.unseal(e.sealed!)) as { line: string }).line);
    let service: ServiceName | null = null;
    const send = (input: KioskInput) => {
      service = nextService(service, serviceOfInput(input));
      runtime.api.send(input);
    };
    let spokenFrom = 0;
    let frameSeq = 0;
    const fileDeadline = scenario.deadlineMs ?? options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    const finish = () => {
      result.spoken = spoken();
      // Typed, tapped and spoken lines in the order the visit had them (the visit log keeps them sealed); spoken ones are
      // routed as the session heard them. A typed request answered by voice is the typed request's service.
      let visitService: ServiceName | null = null;
      for (const entry of entries()) {
        if (!entry.sealed) continue;
        if (entry.type === 'voice.final' || entry.type === 'citizen.resolved') visitService = nextService(visitService, serviceOfHeard(JSON.parse(runtime.unseal(entry.sealed)) as SessionEvent));
        else if (TYPED_OR_TAPPED.has(entry.type)) visitService = nextService(visitService, serviceOfInput(JSON.parse(runtime.unseal(entry.sealed)) as KioskInput));
      }
      result.service = visitService ?? service;
      result.outcome = outcomeOfVisits(entries(), (s) => runtime.unseal(s));
    };

    const robotQuiet = () => {
      const all = entries();
      const lastSaid = all.findLastIndex((e) => e.type === 'said');
      return lastSaid < 0 || all.findLastIndex((e) => e.type === 'robot.speechEnded') > lastSaid;
    };
    const sayIntoMicrophone = async (wav: string): Promise<string | null> => {
      if (!source || !view.voice.enabled) return `the kiosk cannot hear: ${view.voice.reason ?? 'no voice input'} (speech models at ${path.join(options.sharedDir ?? defaultSharedDir(), 'models')}?)`;
      if (view.phase === 'idle') {
        // A citizen who speaks has stepped up to the robot: the camera sees them, the robot greets them first.
        runtime.api.send({ type: 'presence.arrived' });
        await until(() => view.phase !== 'idle', fileDeadline);
        await sleep(1_500);
      }
      // A citizen waits for the robot to finish its line; speech over it is taken for the robot's own echo.
      await until(robotQuiet, fileDeadline);
      await sayAudio(source, wav);
      return null;
    };

    const stepFailure = async (step: ScenarioStep): Promise<string | null> => {
      if ('say' in step) {
        result.turns++;
        if (!step.say.toLowerCase().endsWith('.wav')) {
          send({ type: 'citizen.text', text: step.say });
          return null;
        }
        const wav = resolveScenarioPath(step.say, file, path.join(options.sharedDir ?? defaultSharedDir(), 'data'));
        if (!existsSync(wav)) return `audio file not found: ${wav}`;
        return sayIntoMicrophone(wav);
      }
      if ('speak' in step) {
        result.turns++;
        const line = synthesizeLine(step.speak);
        try {
          return await sayIntoMicrophone(line.wav);
        } finally {
          line.done();
        }
      }
      if ('tap' in step) {
        result.turns++;
        const input = tapInput(view, step.tap);
        if ('visible' in input) return `no "${step.tap}" on the screen; visible: ${input.visible.join(' | ') || '(nothing)'}`;
        send(input);
        return null;
      }
      if ('keypad' in step) {
        result.turns++;
        if (!view.faceAuth || view.faceAuth.step !== 'idInput') {
          const ok = await until(() => view.faceAuth?.step === 'idInput', fileDeadline);
          if (!ok) return `the keypad is not shown (step ${view.faceAuth?.step ?? 'none'}; robot: ${view.robotLine})`;
        }
        send({ type: 'auth.idNumber', idNumber: step.keypad });
        return null;
      }
      if ('face' in step) {
        result.turns++;
        return showFace(cameraShots(step.face, file, sharedDataDir));
      }
      if ('wait' in step) {
        await sleep(step.wait);
        return null;
      }
      if ('faults' in step) {
        applyFaults(simulator, step.faults);
        return null;
      }
      if ('expectSpoken' in step) {
        let index = -1;
        const ok = await until(() => {
          index = spoken().findIndex((line, i) => i >= spokenFrom && line.includes(step.expectSpoken));
          return index >= 0;
        }, step.deadlineMs ?? fileDeadline);
        if (!ok) return `never said "${step.expectSpoken}"; said since the last check: ${JSON.stringify(spoken().slice(spokenFrom))}`;
        spokenFrom = index + 1;
        return null;
      }
      const ok = await until(() => screenTexts(view).some((t) => t.includes(step.expectScreen)), step.deadlineMs ?? fileDeadline);
      return ok ? null : `"${step.expectScreen}" not on the screen; shown: ${JSON.stringify(screenTexts(view))}`;
    };

    /** Frames while the face check wants them, looping the shots, until the check ends (or the deadline). */
    const showFace = async (shots: CameraShot[]): Promise<string | null> => {
      const deadline = Date.now() + (options.faceDeadlineMs ?? DEFAULT_FACE_DEADLINE_MS);
      const sequence = shots.flatMap((s) => Array.from({ length: s.frames }, () => s.image));
      const inCheck = () => view.faceAuth !== null && view.faceAuth.step !== 'result' && view.citizen === null;
      if (!(await until(() => view.faceAuth?.wantFrames === true, fileDeadline))) return `the camera is not asked for (face step ${view.faceAuth?.step ?? 'none'}; robot: ${view.robotLine})`;
      let shown = 0;
      while (inCheck()) {
        if (Date.now() > deadline) return `the face check did not end (step ${view.faceAuth?.step}, attempt ${view.faceAuth?.attempt}; robot: ${view.robotLine})`;
        if (view.faceAuth?.wantFrames) {
          const jpegBase64 = await cameraFrameOf(sequence[shown++ % sequence.length]!);
          runtime.api.send({ type: 'auth.frame', frame: { jpegBase64, width: CAMERA_WIDTH, height: CAMERA_HEIGHT, capturedAt: Date.now(), seq: frameSeq++ } });
        }
        await sleep(CAMERA_FRAME_MS);
      }
      return null;
    };

    try {
      for (const [index, step] of scenario.steps.entries()) {
        const failure = await stepFailure(step);
        if (failure) {
          finish();
          return { index, reason: failure };
        }
      }
      // Let what the last step started settle (an answer being fetched) before reading how it ended.
      await until(() => view.phase !== 'thinking' && !entries().some((e, i, all) => i === all.length - 1 && e.type.startsWith('citizen.')), 2_000);
      finish();
      const expected = scenario.expect;
      if (expected?.outcome !== undefined || expected?.service !== undefined) {
        const ok = await until(() => {
          finish();
          return (expected.outcome === undefined || result.outcome === expected.outcome) && (expected.service === undefined || result.service === expected.service);
        }, fileDeadline);
        if (!ok) {
          return { index: scenario.steps.length, reason: `expected ${JSON.stringify(expected)}, got ${JSON.stringify({ service: result.service, outcome: result.outcome })}` };
        }
      }
      return null;
    } finally {
      if (result.spoken.length === 0) finish();
    }
  }

  async function close() {
    for (const analyzer of analyzers.values()) await (await analyzer)?.close();
    analyzers.clear();
  }

  return { run, close };
}

function applyFaults(simulator: BackendSimulator, faults: ScenarioFaults) {
  if (faults.reset) simulator.inject.reset();
  if (faults.failNext) simulator.inject.failNext(faults.failNext.status, faults.failNext.times);
  if (faults.failWrites) simulator.inject.failWrites(faults.failWrites.status, faults.failWrites.times);
  if (faults.delayMs !== undefined) simulator.inject.delayMs(faults.delayMs);
  if (faults.hang) simulator.inject.hang();
}

/** The input a tap on a visible label sends, or the labels that are visible when there is none. */
export function tapInput(view: KioskView, label: string): KioskInput | { visible: string[] } {
  const candidates: Array<[string, KioskInput]> = [
    ...view.services.map((s): [string, KioskInput] => [s.label, { type: 'citizen.tapService', service: s.id }]),
    ...(view.queryMenu ?? []).map((q): [string, KioskInput] => [q.label, { type: 'citizen.tapQuery', service: q.service }]),
    ...view.suggestions.map((q): [string, KioskInput] => [q, { type: 'citizen.tapQuestion', text: q }]),
    ...(view.answer?.related ?? []).map((q): [string, KioskInput] => [q, { type: 'citizen.tapQuestion', text: q }]),
  ];
  if (view.answer?.recordActions?.print) candidates.push(['打印', { type: 'citizen.recordAction', action: 'print' }]);
  if (view.answer?.recordActions?.dispute) candidates.push(['记录有误', { type: 'citizen.recordAction', action: 'dispute' }]);
  if (view.citizen) candidates.push(['换人', { type: 'citizen.changeCitizen' }]);
  if (view.faceAuth) candidates.push([view.faceAuth.step === 'result' ? '完成' : '取消', { type: 'auth.cancel' }]);
  // A transaction's panel: 确认办理 once everything is there, 取消 and 修改 (the field's label) until the yes.
  if (view.transaction && view.transaction.step !== 'submitting') {
    if (view.transaction.step === 'confirming') candidates.push(['确认办理', { type: 'citizen.transactionAction', action: 'confirm' }]);
    candidates.push(['取消', { type: 'citizen.transactionAction', action: 'cancel' }]);
    for (const field of view.transaction.fields) {
      if (field.value !== null || field.skipped) candidates.push([`修改${field.label}`, { type: 'citizen.transactionAction', action: 'change', field: field.name }]);
    }
    // The answers shown for the field being asked, and 跳过 on an optional one.
    for (const choice of view.transaction.asking?.choices ?? []) candidates.push([choice, { type: 'citizen.transactionAction', action: 'choose', value: choice }]);
    if (view.transaction.asking?.optional) candidates.push(['跳过', { type: 'citizen.transactionAction', action: 'skip' }]);
  }
  if (view.sessionId) candidates.push(['结束', { type: 'citizen.end' }]);
  const found = candidates.find(([text]) => text === label);
  return found ? found[1] : { visible: candidates.map(([text]) => text) };
}

/** The texts a citizen can read on the screen now. */
export function screenTexts(view: KioskView): string[] {
  const texts = [
    view.robotLine,
    view.notice,
    view.heard,
    view.answer?.question,
    view.answer?.spoken,
    view.answer?.screen,
    view.answer?.caution,
    view.faceAuth?.instruction,
    view.faceAuth?.guidance,
    view.faceAuth?.result?.message,
    view.faceAuth?.idNumberMasked,
    view.citizen?.nameMasked,
    view.citizen?.idNumberMasked,
    view.transaction?.title,
    ...(view.transaction?.fields ?? []).map((f) => `${f.label}：${f.value ?? (f.skipped ? '不填' : '待填写')}`),
    ...(view.transaction?.asking?.choices ?? []),
    ...(view.transaction?.preview ?? []),
    ...view.subtitles.map((s) => s.text),
    ...(view.queryMenu ?? []).map((q) => q.label),
    ...view.services.map((s) => s.label),
  ];
  return texts.filter((t): t is string => typeof t === 'string' && t.length > 0);
}

/** The citizen says a recording: lead-in silence, the audio at 16 kHz, trailing silence for the endpoint, as its own stream. */
async function sayAudio(source: PushSource, wav: string) {
  const decoded = decodeWav(readFileSync(wav));
  const speech = resampleAll(mixToMono(decoded.channelData), decoded.sampleRate, 16_000);
  const unit = 2560;
  const lead = 3 * unit;
  const all = new Float32Array(Math.ceil((lead + speech.length + 1.5 * 16_000) / unit) * unit);
  all.set(speech, lead);
  for (let at = 0; at < all.length; at += 3200) {
    source.push(all.subarray(at, at + 3200));
    await sleep(1);
  }
  source.end();
  source.start();
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await sleep(POLL_MS);
  }
  return true;
}
