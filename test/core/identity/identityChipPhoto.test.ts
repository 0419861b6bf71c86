// The whole way from a card on the reader to a face decision, with real parts: the SAM simulator on a socat pty
// pair and the real reader client, the ID-card adapter with the demo WLT decoder (the chip photo: an ID-photo-sized
// JPEG made from a face in ../shared/data/faces), the identity check service with the business-system simulator
// over loopback and vision/ with the real face models deciding on real photos.
//
// The card is QD0010 吴国华's, who has NO photo on file: only the chip photo can verify him. For the test his chip
// photo is amy2.png, so amy's nod (amy4 up, amy5 down, amy4 up) is the holder's face, and penny's nod someone else's.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, SimulatedClock, waitFor } from 'xstate';
import { createBackendClient, type BackendClient } from '../../../app/core/backend/backendClient.js';
import { createBackendSimulator, type BackendSimulator } from '../../../app/core/backend/simulator/createBackendSimulator.js';
import type { IdCardSessionEvent } from '../../../app/core/devices/deviceSessionEvents.js';
import { socatAvailable } from '../../../app/core/devices/index.js';
import { createIdCardSessionAdapter } from '../../../app/core/devices/idCardSessionAdapter.js';
import { openIdentityStore, type IdentityStore } from '../../../app/core/identity/identityAudit.js';
import { createIdentityCheckService } from '../../../app/core/identity/identityCheckService.js';
import { identityLines } from '../../../app/core/identity/identityLines.js';
import { createLogger } from '../../../app/core/log/createLogger.js';
import { createFieldCipher } from '../../../app/core/privacy/fieldCipher.js';
import { faceAuthView } from '../../../app/core/services/pensionAuth/faceAuthView.js';
import type { FaceSessionAnalyzer } from '../../../app/core/services/pensionAuth/faceSessionAnalyzer.js';
import { createVisionFaceAnalyzer } from '../../../app/core/services/pensionAuth/visionFaceAnalyzer.js';
import { kioskMigrations } from '../../../app/core/store/migrations.js';
import { openDatabase } from '../../../app/core/store/openDatabase.js';
import { demoWltDecoder } from '../../../idcard/index.js';
import { startIdCardRig, type IdCardRig } from '../../idcard/idCardRig.js';
import { sharedDataDir } from '../../sharedData.js';
import { identityInput } from './identityCheckHarness.js';

const faces = path.join(sharedDataDir, 'faces');
const missing = !socatAvailable()
  ? 'socat is not installed (apt-get install socat)'
  : existsSync(path.join(faces, 'faceapi__amy')) && existsSync(path.join(faces, 'faceapi__penny'))
    ? null
    : `the shared face photos are not at ${faces}`;
const log = createLogger({ level: 'silent' });
const photo = (p: string) => readFileSync(path.join(faces, p));
const WU = { idNumber: '370285196805090150', masked: '3702**********0150' };

/** What the kiosk camera would see: the photo as a face in the middle of a 640×480 frame. */
async function cameraFrame(file: string) {
  const face = await sharp(photo(file)).resize(230, 230).toBuffer();
  return sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 120, g: 118, b: 112 } } })
    .composite([{ input: face, left: 205, top: 110 }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** A chip-like photo: 102 × 126, head and shoulders, compressed (the chip holds about 1 KB of it). */
async function chipLike(file: string) {
  const padded = await sharp(photo(file)).extend({ top: 40, bottom: 40, left: 20, right: 20, extendWith: 'copy' }).toBuffer();
  return sharp(padded).resize(102, 126, { fit: 'cover' }).jpeg({ quality: 40 }).toBuffer();
}

describe.skipIf(Boolean(missing))(`identity by ID card and chip photo, real reader protocol and real faces${missing ? ` (skipped: ${missing})` : ''}`, () => {
  const secret = 'chip-photo-test-secret';
  let vision: FaceSessionAnalyzer;
  let analyzed = 0;
  let sim: BackendSimulator;
  let backend: BackendClient;
  let identity: IdentityStore;
  let rig: IdCardRig;
  let cardEvents: IdCardSessionEvent[];
  const chipOwner = 'faceapi__amy/amy2.png';

  beforeAll(async () => {
    // Composited still photos are not what passive liveness is for: its threshold is out of these tests (0).
    vision = (await createVisionFaceAnalyzer(log, { livenessThreshold: 0, requiredChallenges: 1 }))!;
    expect(vision).not.toBeNull();
  });
  afterAll(async () => vision?.close());

  beforeEach(async () => {
    sim = await createBackendSimulator({ secret, kioskId: 'kiosk-test', sharedDataDir });
    backend = createBackendClient({ baseUrl: sim.url, kioskId: 'kiosk-test', secret, timeoutMs: 2_000 });
    const db = openDatabase(':memory:', kioskMigrations);
    identity = openIdentityStore(db, createFieldCipher({ keyFile: path.join(mkdtempSync(path.join(os.tmpdir(), 'chip-key-')), 'k') }));
    rig = await startIdCardRig();
    cardEvents = [];
    const decoder = demoWltDecoder({ 'no-photo-on-file': await chipLike(chipOwner) });
    rig.reader.subscribe(createIdCardSessionAdapter({ reader: rig.reader, decoder, send: (e) => cardEvents.push(e), log }));
  });
  afterEach(async () => {
    await rig?.close();
    await sim?.close();
  });

  function startCheck() {
    const counted: FaceSessionAnalyzer = {
      ...vision,
      analyzeFrame: async (jpeg, at) => {
        const m = await vision.analyzeFrame(jpeg, at);
        analyzed++;
        return m;
      },
    };
    const photosAsked = vi.spyOn(backend, 'getReferencePhoto');
    const service = createIdentityCheckService({ backend, analyzer: counted, attempts: identity.attempts, audit: identity.audit, log });
    const clock = new SimulatedClock();
    const actor = createActor(service.machine, {
      clock,
      input: identityInput(clock, {
        timing: { challengeMs: 8_000, positioningMs: 15_000, positionedFrames: 1 },
        challengePool: ['nod'],
        challengesPerAttempt: { min: 1, max: 1 },
        maxAttempts: 1,
        random: () => 0,
        cardReaderState: () => 'ready',
      }),
    });
    actor.start();
    let seq = 0;
    const frame = async (file: string) => {
      const before = analyzed;
      const jpeg = await cameraFrame(file);
      actor.send({ type: 'auth.frame', frame: { jpegBase64: jpeg.toString('base64'), width: 640, height: 480, capturedAt: seq * 200, seq: seq++ } });
      await vi.waitFor(() => expect(analyzed).toBeGreaterThan(before), { timeout: 10_000 });
    };
    /** Places the card on the simulated reader and hands its read to the check, as the session forwards it. */
    const placeCard = async () => {
      rig.sim.putCard('no-photo-on-file');
      await vi.waitFor(() => expect(cardEvents.some((e) => e.type === 'idcard.read')).toBe(true), { timeout: 10_000 });
      actor.send(cardEvents.find((e) => e.type === 'idcard.read') as Extract<IdCardSessionEvent, { type: 'idcard.read' }>);
    };
    const nod = async (who: 'amy' | 'penny') => {
      const files = who === 'amy' ? ['faceapi__amy/amy4.png', 'faceapi__amy/amy4.png', 'faceapi__amy/amy5.png', 'faceapi__amy/amy4.png'] : ['faceapi__penny/penny1.png', 'faceapi__penny/penny1.png', 'faceapi__penny/penny2.png', 'faceapi__penny/penny1.png'];
      for (const file of files) if (actor.getSnapshot().status === 'active') await frame(file);
    };
    const positioning = () => waitFor(actor, (s) => JSON.stringify(s.value).includes('positioning'), { timeout: 10_000 });
    return { actor, clock, photosAsked, placeCard, nod, positioning };
  }

  it('the card fills the number (masked on screen with the card\'s name), the chip photo is the reference, and its holder is verified', async () => {
    const { actor, photosAsked, placeCard, nod, positioning } = startCheck();
    expect(faceAuthView(actor.getSnapshot(), 0)).toMatchObject({ step: 'idInput', cardHint: identityLines.cardHint });
    await placeCard();
    expect(faceAuthView(actor.getSnapshot(), 0)).toMatchObject({ idNumberMasked: WU.masked, cardNameMasked: '吴*华' });
    await positioning();
    expect(actor.getSnapshot().context).toMatchObject({ citizenId: 'QD0010', reference: true, referenceSource: 'chip' });
    await nod('amy');
    const end = await waitFor(actor, (s) => s.status === 'done', { timeout: 20_000 });
    expect(end.output).toMatchObject({ outcome: 'verified', citizenId: 'QD0010', idNumberMasked: WU.masked, nameMasked: '吴*华' });
    expect(end.output!.similarity).toBeGreaterThan(0.4);
    // Nothing on file was fetched (there is nothing for him anyway).
    expect(photosAsked).not.toHaveBeenCalled();
    expect(identity.audit.recent(1)).toEqual([expect.objectContaining({ citizenId: 'QD0010', outcome: 'verified', reference: 'chip' })]);
    expect(JSON.stringify(identity.audit.recent(1))).not.toMatch(/370285|吴国华/);
    // The chip photo was zeroed at the check's end.
    expect(end.context.chipPhoto!.every((b) => b === 0)).toBe(true);
  });

  it('someone else in front of the camera, with the card: refused with the neutral line, counted against the number', async () => {
    const { actor, placeCard, nod, positioning } = startCheck();
    await placeCard();
    await positioning();
    await nod('penny');
    const end = await waitFor(actor, (s) => s.status === 'done', { timeout: 20_000 });
    expect(end.output).toMatchObject({ outcome: 'not-verified', line: identityLines.notVerified, staffReason: 'identity-review' });
    expect(end.output!.similarity).toBeLessThan(0.4);
    expect(end.context.instruction).toBe(identityLines.notVerified);
    expect(identity.attempts.failuresToday({ idNumber: WU.idNumber })).toBe(1);
    expect(identity.audit.recent(1)[0]).toMatchObject({ citizenId: 'QD0010', outcome: 'not-verified', reference: 'chip' });
  });

  it('the same citizen typing his number: no chip photo, nothing on file — the same face is not verified (the same words)', async () => {
    const { actor, nod, positioning } = startCheck();
    actor.send({ type: 'auth.idNumber', idNumber: WU.idNumber });
    await positioning();
    expect(actor.getSnapshot().context).toMatchObject({ citizenId: 'QD0010', reference: false, referenceSource: null });
    await nod('amy');
    const end = await waitFor(actor, (s) => s.status === 'done', { timeout: 20_000 });
    expect(end.output).toMatchObject({ outcome: 'not-verified', line: identityLines.notVerified });
    expect(identity.audit.recent(1)[0]).toMatchObject({ citizenId: 'QD0010', reference: null });
  });
});
