import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, SimulatedClock, waitFor, type AnyActorRef } from 'xstate';
import { createBackendClient } from '../../../../app/core/backend/backendClient.js';
import { createBackendSimulator, type BackendSimulator } from '../../../../app/core/backend/simulator/createBackendSimulator.js';
import { openIdentityStore, type IdentityStore } from '../../../../app/core/identity/identityAudit.js';
import type { IdentityCheckSnapshot } from '../../../../app/core/identity/identityCheckMachine.js';
import { identityLines } from '../../../../app/core/identity/identityLines.js';
import { createLogger } from '../../../../app/core/log/createLogger.js';
import { createFieldCipher } from '../../../../app/core/privacy/fieldCipher.js';
import { faceAuthLines } from '../../../../app/core/services/pensionAuth/faceAuthLines.js';
import type { FaceSessionAnalyzer } from '../../../../app/core/services/pensionAuth/faceSessionAnalyzer.js';
import { PensionAuthAudit } from '../../../../app/core/services/pensionAuth/pensionAuthAudit.js';
import { PensionAuthOutbox } from '../../../../app/core/services/pensionAuth/pensionAuthOutbox.js';
import { createPensionAuthService } from '../../../../app/core/services/pensionAuth/pensionAuthService.js';
import { createVisionFaceAnalyzer } from '../../../../app/core/services/pensionAuth/visionFaceAnalyzer.js';
import { kioskMigrations } from '../../../../app/core/store/migrations.js';
import { openDatabase } from '../../../../app/core/store/openDatabase.js';
import { sharedDataDir } from '../../../sharedData.js';

// The 养老认证 service with its real parts: the business-system simulator over loopback (QD0001 王秀兰 is due, her
// reference photo is faces/faceapi__amy/amy1.png), vision/ with the real face models deciding on real photos, SQLite
// outbox and audit. Raw camera frames go into the machine; vision/ tracks the nod challenge itself: amy4.png looks
// up (pitch +14°) and amy5.png down (−14°), so up → down → up is her nodding.
const faces = path.join(sharedDataDir, 'faces');
const missing = existsSync(path.join(faces, 'faceapi__amy')) ? null : `the shared face photos are not at ${faces}`;
const log = createLogger({ level: 'silent' });
const photo = (p: string) => readFileSync(path.join(faces, p));

describe.skipIf(Boolean(missing))(`养老认证 service${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let sim: BackendSimulator;
  let service: ReturnType<typeof createPensionAuthService>;
  let outbox: PensionAuthOutbox;
  let audit: PensionAuthAudit;
  let identity: IdentityStore;
  const secret = 'pension-auth-test-secret';

  let vision: FaceSessionAnalyzer;
  let analyzed = 0;
  const cleared = vi.fn();
  beforeAll(async () => {
    // Composited still photos are not what passive liveness is for: its threshold is out of these tests (0).
    vision = (await createVisionFaceAnalyzer(log, { livenessThreshold: 0, requiredChallenges: 1 }))!;
    expect(vision).not.toBeNull();
  });
  afterAll(async () => vision?.close());
  // A fresh business system (her authentication still due) and kiosk database for each case.
  beforeEach(async () => {
    cleared.mockClear();
    sim = await createBackendSimulator({ secret, kioskId: 'kiosk-test', sharedDataDir });
    const db = openDatabase(':memory:', kioskMigrations);
    const cipher = createFieldCipher({ keyFile: path.join(mkdtempSync(path.join(os.tmpdir(), 'pa-key-')), 'k') });
    outbox = new PensionAuthOutbox(db, cipher);
    audit = new PensionAuthAudit(db);
    identity = openIdentityStore(db, cipher);
    const counted: FaceSessionAnalyzer = {
      ...vision,
      analyzeFrame: async (jpeg, at) => {
        const m = await vision.analyzeFrame(jpeg, at);
        analyzed++;
        return m;
      },
      clear: () => {
        cleared();
        vision.clear();
      },
    };
    service = createPensionAuthService({
      backend: createBackendClient({ baseUrl: sim.url, kioskId: 'kiosk-test', secret, timeoutMs: 2_000 }),
      analyzer: counted,
      outbox,
      audit,
      identity,
      kioskId: 'kiosk-test',
      log,
    });
  });
  afterEach(async () => sim?.close());

  /** What the kiosk camera would see: the photo as a face in the middle of a 640×480 frame. */
  const cameraFrame = async (file: string) => {
    const face = await sharp(photo(file)).resize(230, 230).toBuffer();
    return sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 120, g: 118, b: 112 } } })
      .composite([{ input: face, left: 205, top: 110 }])
      .jpeg({ quality: 85 })
      .toBuffer();
  };

  function startAuth(challenge: 'nod' | 'turnRight' = 'nod') {
    const clock = new SimulatedClock();
    const actor = createActor(service.machine, {
      clock,
      input: {
        timing: { challengeMs: 8_000, positioningMs: 15_000, positionedFrames: 1, resultShowMs: 10_000 },
        challengePool: [challenge],
        challengesPerAttempt: { min: 1, max: 1 },
        maxAttempts: 3,
        random: () => 0,
        now: () => clock.now(),
      },
    });
    actor.start();
    let seq = 0;
    /** One raw frame into the machine, waiting until vision/ has measured it (so none is dropped as busy). */
    const frame = async (file: string) => {
      const before = analyzed;
      const jpeg = await cameraFrame(file);
      actor.send({ type: 'auth.frame', frame: { jpegBase64: jpeg.toString('base64'), width: 640, height: 480, capturedAt: seq * 200, seq: seq++ } });
      await vi.waitFor(() => expect(analyzed).toBeGreaterThan(before), { timeout: 10_000 });
    };
    return { actor, clock, frame };
  }
  /** The state of 养老认证, or of its identity check while that runs (attempt.positioning → positioning). */
  const stateOf = (actor: AnyActorRef) => {
    const snapshot = actor.getSnapshot() as { value: unknown; children: Record<string, AnyActorRef | undefined> };
    const check = snapshot.children.identityCheck?.getSnapshot() as IdentityCheckSnapshot | undefined;
    return JSON.stringify(snapshot.value === 'identifying' && check ? check.value : snapshot.value);
  };
  const inState = (actor: ReturnType<typeof startAuth>['actor'], state: string) =>
    waitFor(actor, () => stateOf(actor).includes(state), { timeout: 10_000 }).then(() => actor.getSnapshot());
  const check = (actor: ReturnType<typeof startAuth>['actor']) => actor.getSnapshot().children.identityCheck?.getSnapshot() as IdentityCheckSnapshot;

  it('looks the pensioner up, prepares her reference, sees her nod, verifies, submits, and audits at the end', async () => {
    const { actor, clock, frame } = startAuth();
    actor.send({ type: 'auth.idNumber', idNumber: '370203196203150422' });
    await inState(actor, 'positioning');
    await frame('faceapi__amy/amy4.png');
    expect(check(actor).value).toEqual({ attempt: 'challenge' });
    for (const file of ['faceapi__amy/amy4.png', 'faceapi__amy/amy5.png', 'faceapi__amy/amy4.png']) await frame(file);
    const done = await inState(actor, 'result');
    expect(done.context.outcome).toBe('authenticated');
    expect(done.context.similarity).toBeGreaterThan(0.4);
    expect(sim.inspect.pensionAuthSubmissionCount('QD0001')).toBe(1);
    expect(audit.recent(1)).toEqual([]);
    clock.increment(10_000);
    expect(actor.getSnapshot().status).toBe('done');
    const [entry] = audit.recent(1);
    expect(entry).toMatchObject({ citizenId: 'QD0001', outcome: 'authenticated', attempts: 1, challenges: ['nod'] });
    expect(cleared).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(audit.recent(5))).not.toMatch(/王秀兰|370203196203150422/);
    expect(identity.audit.recent(5)).toEqual([expect.objectContaining({ citizenId: 'QD0001', outcome: 'verified', attempts: 1, challenges: ['nod'] })]);
    expect(identity.attempts.failuresToday({ idNumber: '370203196203150422' })).toBe(0);
  });

  it('sees her turn to her right as the e2e fake camera shows it (amy2 ahead, amy1 turned, amy2 ahead)', async () => {
    const { actor, frame } = startAuth('turnRight');
    actor.send({ type: 'auth.idNumber', idNumber: '370203196203150422' });
    await inState(actor, 'positioning');
    for (const file of ['faceapi__amy/amy2.png', 'faceapi__amy/amy2.png', 'faceapi__amy/amy1.png', 'faceapi__amy/amy2.png']) await frame(file);
    const done = await inState(actor, 'result');
    expect(done.context.outcome).toBe('authenticated');
  });

  it('does not authenticate someone else in front of the camera, even when she does the challenge', async () => {
    const { actor, frame } = startAuth();
    actor.send({ type: 'auth.idNumber', idNumber: '370203196203150422' });
    await inState(actor, 'positioning');
    // penny1 looks up (+11°), penny2 ahead (−5°): a nod, by the wrong person.
    for (const file of ['faceapi__penny/penny1.png', 'faceapi__penny/penny1.png', 'faceapi__penny/penny2.png', 'faceapi__penny/penny1.png']) await frame(file);
    await waitFor(actor, () => (check(actor)?.context.attempt ?? 0) >= 2 || actor.getSnapshot().value !== 'identifying', { timeout: 10_000 });
    expect(actor.getSnapshot().context.outcome).toBeNull();
    expect(check(actor).context.instruction).toBe(faceAuthLines.retry(faceAuthLines.decision['no-match'], 2));
    expect(sim.inspect.pensionAuthSubmissionCount('QD0001')).toBe(0);
    // The refused comparison counts against the number, under its keyed hash.
    expect(identity.attempts.failuresToday({ idNumber: '370203196203150422' })).toBe(1);
    actor.stop();
    expect(identity.audit.recent(1)[0]).toMatchObject({ citizenId: 'QD0001', outcome: 'cancelled', attempts: 2 });
    expect(audit.recent(1)[0]).toMatchObject({ citizenId: null, outcome: 'cancelled' });
  });

  it('takes an unknown number through the same face check, to the same words as someone else’s face', async () => {
    const { actor, frame } = startAuth();
    const said: string[] = [];
    actor.subscribe(() => {
      const line = check(actor)?.context.instruction;
      if (line && said.at(-1) !== line) said.push(line);
    });
    // A well-formed number the business system does not know.
    actor.send({ type: 'auth.idNumber', idNumber: '370202199001011237' });
    await inState(actor, 'positioning');
    for (const file of ['faceapi__amy/amy4.png', 'faceapi__amy/amy4.png', 'faceapi__amy/amy5.png', 'faceapi__amy/amy4.png']) await frame(file);
    await waitFor(actor, () => (check(actor)?.context.attempt ?? 0) >= 2, { timeout: 10_000 });
    expect(said).toEqual([identityLines.preparing, faceAuthLines.positioning, faceAuthLines.challenge.nod, faceAuthLines.verifying, faceAuthLines.retry(faceAuthLines.decision['no-match'], 2)]);
    // vision/ had nothing to compare with: liveness and the challenge were judged, the comparison refused.
    expect(check(actor).context).toMatchObject({ reference: false, citizenId: null });
    expect(identity.attempts.failuresToday({ idNumber: '370202199001011237' })).toBe(1);
    actor.stop();
  });

  it('keeps a result when the business system is down and delivers it exactly once later', async () => {
    const { actor, frame } = startAuth();
    actor.send({ type: 'auth.idNumber', idNumber: '370203196203150422' });
    await inState(actor, 'positioning');
    const before = sim.inspect.pensionAuthSubmissionCount('QD0001');
    // The business system goes down once the face matched and the status was read: as the result is sent.
    let down = false;
    actor.subscribe((s) => {
      if (s.value === 'submitting' && !down) {
        down = true;
        sim.inject.failNext(503, 10);
      }
    });
    for (const file of ['faceapi__amy/amy4.png', 'faceapi__amy/amy4.png', 'faceapi__amy/amy5.png', 'faceapi__amy/amy4.png']) await frame(file);
    const done = await inState(actor, 'result');
    expect(done.context.outcome).toBe('queued');
    expect(outbox.queued()).toHaveLength(1);
    sim.inject.reset();
    expect(await service.deliverQueued()).toBe(1);
    expect(await service.deliverQueued()).toBe(0);
    expect(sim.inspect.pensionAuthSubmissionCount('QD0001')).toBe(before + 1);
  });

  it('tells a refused result truthfully and asks for staff, never "saved, will be sent"', async () => {
    const { actor, frame } = startAuth();
    actor.send({ type: 'auth.idNumber', idNumber: '370203196203150422' });
    await inState(actor, 'positioning');
    // The business system refuses the submission itself (a 4xx): a retry would be refused again.
    let refused = false;
    actor.subscribe((s) => {
      if (s.value === 'submitting' && !refused) {
        refused = true;
        sim.inject.failNext(409, 1);
      }
    });
    for (const file of ['faceapi__amy/amy4.png', 'faceapi__amy/amy4.png', 'faceapi__amy/amy5.png', 'faceapi__amy/amy4.png']) await frame(file);
    const done = await inState(actor, 'result');
    expect(done.context.outcome).toBe('staff-review');
    expect(done.context.staffReason).toBe('pension-auth-review');
    expect(done.context.instruction).toBe(faceAuthLines.submissionRejected);
    expect(outbox.queued()).toEqual([]);
    expect(await service.deliverQueued()).toBe(0);
    expect(sim.inspect.pensionAuthSubmissionCount('QD0001')).toBe(0);
  });

  it('tells the citizen what to change on a frame without a face', async () => {
    const { actor } = startAuth();
    actor.send({ type: 'auth.idNumber', idNumber: '370203196203150422' });
    await inState(actor, 'positioning');
    const before = analyzed;
    const blank = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 90, g: 90, b: 90 } } }).jpeg().toBuffer();
    actor.send({ type: 'auth.frame', frame: { jpegBase64: blank.toString('base64'), width: 640, height: 480, capturedAt: 0, seq: 0 } });
    await vi.waitFor(() => expect(analyzed).toBeGreaterThan(before), { timeout: 10_000 });
    await waitFor(actor, () => check(actor).context.guidance !== null, { timeout: 10_000 });
    expect(check(actor).context.guidance).toBe(faceAuthLines.qualityGuidance['no-face']);
    expect(check(actor).value).toEqual({ attempt: 'positioning' });
    actor.stop();
  });
});
