import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import sharp from 'sharp';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createBackendClient } from '../../../../app/core/backend/backendClient.js';
import { createBackendSimulator, type BackendSimulator } from '../../../../app/core/backend/simulator/createBackendSimulator.js';
import { createLogger } from '../../../../app/core/log/createLogger.js';
import { createFieldCipher } from '../../../../app/core/privacy/fieldCipher.js';
import type { FrameMeasurement } from '../../../../app/core/services/pensionAuth/faceAuthTypes.js';
import { PensionAuthAudit } from '../../../../app/core/services/pensionAuth/pensionAuthAudit.js';
import { PensionAuthOutbox } from '../../../../app/core/services/pensionAuth/pensionAuthOutbox.js';
import { createPensionAuthService } from '../../../../app/core/services/pensionAuth/pensionAuthService.js';
import type { FaceSessionAnalyzer } from '../../../../app/core/services/pensionAuth/faceSessionAnalyzer.js';
import { createVisionFaceAnalyzer } from '../../../../app/core/services/pensionAuth/visionFaceAnalyzer.js';
import { kioskMigrations } from '../../../../app/core/store/migrations.js';
import { openDatabase } from '../../../../app/core/store/openDatabase.js';
import { sharedDataDir } from '../../../sharedData.js';

// The 养老认证 service with its real parts: the business-system simulator over loopback (QD0001 王秀兰 is due, her
// reference photo is faces/faceapi__amy/amy1.png), the real face models on real photos, SQLite outbox and audit.
const faces = path.join(sharedDataDir, 'faces');
const missing = existsSync(path.join(faces, 'faceapi__amy')) ? null : `the shared face photos are not at ${faces}`;
const log = createLogger({ level: 'silent' });
const photo = (p: string) => readFileSync(path.join(faces, p));

describe.skipIf(Boolean(missing))(`养老认证 service${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let sim: BackendSimulator;
  let service: ReturnType<typeof createPensionAuthService>;
  let outbox: PensionAuthOutbox;
  let audit: PensionAuthAudit;
  const secret = 'pension-auth-test-secret';

  let analyzer: FaceSessionAnalyzer;
  beforeAll(async () => {
    analyzer = (await createVisionFaceAnalyzer(log, { livenessThreshold: 0 }))!;
    expect(analyzer).not.toBeNull();
  });
  // A fresh business system (her authentication still due) and kiosk database for each case.
  beforeEach(async () => {
    sim = await createBackendSimulator({ secret, kioskId: 'kiosk-test', sharedDataDir });
    const db = openDatabase(':memory:', kioskMigrations);
    const cipher = createFieldCipher({ keyFile: path.join(mkdtempSync(path.join(os.tmpdir(), 'pa-key-')), 'k') });
    outbox = new PensionAuthOutbox(db, cipher);
    audit = new PensionAuthAudit(db);
    service = createPensionAuthService({
      backend: createBackendClient({ baseUrl: sim.url, kioskId: 'kiosk-test', secret, timeoutMs: 2_000 }),
      analyzer,
      outbox,
      audit,
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
  const measure = async (file: string, at = 0) => {
    const jpeg = await cameraFrame(file);
    return new Promise<FrameMeasurement>((resolve) => service.handleFrame({ jpegBase64: jpeg.toString('base64'), width: 640, height: 480, capturedAt: at, seq: at }, resolve));
  };

  function startAuth() {
    const actor = createActor(service.machine, {
      input: {
        timing: { challengeMs: 8_000, positioningMs: 15_000, positionedFrames: 1, resultShowMs: 60_000 },
        challengePool: ['blink'],
        challengesPerAttempt: { min: 1, max: 1 },
        maxAttempts: 3,
        livenessThreshold: 0,
        // The still photos cannot blink: this test is about the service around the machine, so the first frame
        // of the challenge counts as the action; detection itself is tested on measured sequences elsewhere.
        detectChallenge: () => true,
        random: () => 0,
      },
    });
    actor.start();
    return actor;
  }

  it('looks the pensioner up, prepares her reference, verifies her photos, submits and audits', async () => {
    const actor = startAuth();
    actor.send({ type: 'auth.idNumber', idNumber: '370203196203150422' });
    await waitFor(actor, (s) => s.value === 'positioning', { timeout: 10_000 });
    for (const file of ['faceapi__amy/amy2.png', 'faceapi__amy/amy3.png', 'faceapi__amy/amy4.png']) {
      actor.send({ type: 'frame.analyzed', frame: await measure(file) });
    }
    const done = await waitFor(actor, (s) => s.value === 'result', { timeout: 10_000 });
    expect(done.context.outcome).toBe('authenticated');
    expect(done.context.similarity).toBeGreaterThan(0.3);
    expect(sim.inspect.pensionAuthSubmissionCount('QD0001')).toBe(1);
    service.finish(done);
    const [entry] = audit.recent(1);
    expect(entry).toMatchObject({ citizenId: 'QD0001', outcome: 'authenticated' });
    expect(JSON.stringify(audit.recent(5))).not.toMatch(/王秀兰|370203196203150422/);
  });

  it('does not authenticate someone else in front of the camera', async () => {
    const actor = startAuth();
    actor.send({ type: 'auth.idNumber', idNumber: '370203196203150422' });
    await waitFor(actor, (s) => s.value === 'positioning', { timeout: 10_000 });
    for (const file of ['faceapi__penny/penny1.png', 'faceapi__penny/penny2.png']) actor.send({ type: 'frame.analyzed', frame: await measure(file) });
    await waitFor(actor, (s) => s.context.attempt >= 2 || s.value === 'result', { timeout: 10_000 });
    expect(actor.getSnapshot().context.outcome).not.toBe('authenticated');
    expect(actor.getSnapshot().context.instruction).toContain('比对没有通过');
  });

  it('keeps a result when the business system is down and delivers it exactly once later', async () => {
    const actor = startAuth();
    actor.send({ type: 'auth.idNumber', idNumber: '370203196203150422' });
    await waitFor(actor, (s) => s.value === 'positioning', { timeout: 10_000 });
    const before = sim.inspect.pensionAuthSubmissionCount('QD0001');
    sim.inject.failNext(503, 10);
    for (const file of ['faceapi__amy/amy2.png', 'faceapi__amy/amy5.png']) actor.send({ type: 'frame.analyzed', frame: await measure(file) });
    const done = await waitFor(actor, (s) => s.value === 'result', { timeout: 10_000 });
    expect(done.context.outcome).toBe('queued');
    expect(outbox.queued()).toHaveLength(1);
    sim.inject.reset();
    expect(await service.deliverQueued()).toBe(1);
    expect(await service.deliverQueued()).toBe(0);
    expect(sim.inspect.pensionAuthSubmissionCount('QD0001')).toBe(before + 1);
  });

  it('tells the citizen what to change on a frame without a face', async () => {
    const blank = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 90, g: 90, b: 90 } } }).jpeg().toBuffer();
    const m = await new Promise<FrameMeasurement>((resolve) =>
      service.handleFrame({ jpegBase64: blank.toString('base64'), width: 640, height: 480, capturedAt: 0, seq: 0 }, resolve),
    );
    expect(m.faces).toBe(0);
    expect(m.usable).toBe(false);
    expect(m.guidance).toMatch(/[\u4e00-\u9fff]/);
  });
});
