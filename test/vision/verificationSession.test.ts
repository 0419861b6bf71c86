import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeImage } from '../../vision/analysis/analyzeFrame.js';
import { decodeImage } from '../../vision/image/decodeImage.js';
import type { FaceModels } from '../../vision/models/loadFaceModels.js';
import { createFaceVerificationSession } from '../../vision/verify/faceVerificationSession.js';
import { ID_CARD_PHOTO, idStyleReference } from '../../vision/verify/idStyleReference.js';
import { VERIFICATION_THRESHOLD } from '../../vision/verify/verificationThreshold.js';
import sharp from 'sharp';
import { composeScene, toJpeg } from './fixtures/craftedFrames.js';
import { faceModels, facesDir, missingFaces, reportMissingFaces } from './fixtures/visionFixtures.js';

const skip = missingFaces();
reportMissingFaces();

describe.skipIf(skip !== null)('a verification session (in memory only)', () => {
  let models: FaceModels;
  const liveFile = path.join(facesDir, '_liveness/silentface_old_sample_T1.jpg');
  beforeAll(async () => {
    models = await faceModels();
  });

  it('matches a live citizen against an ID-style (102×126, JPEG q30) reference of their face', async () => {
    const { image } = await decodeImage(liveFile);
    const first = await analyzeImage(models, liveFile, { liveness: false, eyes: false });
    const reference = await idStyleReference(image, first.face!.box);
    const meta = await sharp(reference).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([ID_CARD_PHOTO.width, ID_CARD_PHOTO.height, 'jpeg']);

    // A still photo cannot do an action: this session is the 1:1 check without challenges (requiredChallenges 0).
    const session = createFaceVerificationSession(models, { requiredChallenges: 0 });
    expect((await session.setReference(reference)).ok).toBe(true);
    const jpeg = readFileSync(liveFile);
    const measured = [];
    for (let i = 0; i < 3; i++) measured.push(await session.analyzeFrame(jpeg, 1000 + i * 150));
    expect(measured.map((m) => [m.usable, m.sameFace, m.faces, m.challenge])).toEqual(Array(3).fill([true, true, 1, null]));
    const decision = await session.verify();
    expect(decision.outcome).toBe('match');
    expect(decision.similarity!).toBeGreaterThan(VERIFICATION_THRESHOLD);
    session.dispose();
  });

  it('says no-match for another person, and identity-changed when the person is swapped mid-attempt', async () => {
    const session = createFaceVerificationSession(models, { requiredChallenges: 0 });
    // Reference: an ID-style photo of someone else (an LFW face).
    const other = path.join(facesDir, 'lfw__Zhang_Ziyi/Zhang_Ziyi_0003.jpg');
    const otherFace = await analyzeImage(models, other, { mainFace: 'central', liveness: false, eyes: false });
    expect((await session.setReference(await idStyleReference((await decodeImage(other)).image, otherFace.face!.box))).ok).toBe(true);
    const jpeg = readFileSync(liveFile);
    for (let i = 0; i < 3; i++) await session.analyzeFrame(jpeg, 1000 + i * 150);
    expect((await session.verify()).outcome).toBe('no-match');

    // Same place in the frame, another face: continuity breaks and the attempt is not compared.
    session.newAttempt();
    const scene = async (file: string) => toJpeg(await composeScene([{ file, size: 420, cx: 0.5, cy: 0.5 }]));
    const a = await session.analyzeFrame(await scene(path.join(facesDir, 'lfw__Hu_Jintao/Hu_Jintao_0006.jpg')), 0);
    const b = await session.analyzeFrame(await scene(path.join(facesDir, 'lfw__Jiang_Zemin/Jiang_Zemin_0001.jpg')), 150);
    expect(a.sameFace).toBe(true);
    expect(b).toMatchObject({ sameFace: false, continuityBreak: 'face-changed', usable: false });
    expect((await session.verify()).outcome).not.toBe('match');
    session.dispose();
  });

  it('refuses a live, matching face that did not do the challenges it was asked (and does not compare it)', async () => {
    const session = createFaceVerificationSession(models);
    const jpeg = readFileSync(liveFile);
    expect((await session.setReference(jpeg)).ok).toBe(true);
    for (let i = 0; i < 3; i++) await session.analyzeFrame(jpeg, 1000 + i * 150);
    // Nothing prompted: fewer than the one required challenge.
    expect(await session.verify()).toMatchObject({ outcome: 'spoof', reason: 'challenges-not-passed', similarity: null, challenges: { started: 0, passed: 0, required: 1 } });
    // Prompted but the still face never blinks.
    expect(session.startChallenge('blink')).toEqual({ kind: 'blink', state: 'pending', miss: 'no-frames' });
    const frame = await session.analyzeFrame(jpeg, 1500);
    expect(frame.challenge).toMatchObject({ kind: 'blink', state: 'pending' });
    expect(await session.verify()).toMatchObject({ outcome: 'spoof', reason: 'challenges-not-passed', similarity: null, challenges: { started: 1, passed: 0 } });
    session.dispose();
  });

  it('tracks a real nod through its own challenge (amy looking up, down, up) and then compares', async () => {
    // faceapi__amy: amy4 pitch +14°, amy5 −14° (measured): the same person nodding, composited where the camera sees her.
    const scene = async (file: string) => toJpeg(await composeScene([{ file: path.join(facesDir, 'faceapi__amy', file), size: 230, cx: 0.5, cy: 0.5 }]));
    const [up, down] = [await scene('amy4.png'), await scene('amy5.png')];
    // Composited still photos are not what passive liveness is for: its threshold is out of this test (0).
    const session = createFaceVerificationSession(models, { livenessThreshold: 0 });
    expect((await session.setReference(readFileSync(path.join(facesDir, 'faceapi__amy/amy1.png')))).ok).toBe(true);
    await session.analyzeFrame(up, 0);
    // Frames before the prompt do not count for it.
    session.startChallenge('nod');
    const seen = [];
    for (const [i, jpeg] of [up, down, up].entries()) seen.push(await session.analyzeFrame(jpeg, 200 + i * 200));
    expect(seen.map((f) => f.challenge?.state)).toEqual(['pending', 'pending', 'passed']);
    expect(seen.every((f) => f.sameFace)).toBe(true);
    expect(session.challengeStatus()).toEqual({ kind: 'nod', state: 'passed', miss: null });
    const decision = await session.verify();
    expect(decision).toMatchObject({ outcome: 'match', challenges: { started: 1, passed: 1, required: 1 } });
    expect(decision.similarity!).toBeGreaterThan(VERIFICATION_THRESHOLD);
    // A new attempt starts without challenges.
    session.newAttempt();
    expect(session.challengeStatus()).toBeNull();
    expect((await session.verify()).outcome).toBe('no-frames');
    session.dispose();
  });

  it('zeroes embeddings on dispose: the frame analysis, the reference, the session', async () => {
    const analysis = await analyzeImage(models, liveFile, { liveness: false, eyes: false });
    const embedding = analysis.face!.embedding!;
    expect(embedding.some((v) => v !== 0)).toBe(true);
    analysis.dispose();
    expect(embedding.every((v) => v === 0)).toBe(true);
    expect(analysis.face).toBeNull();
    expect(analysis.disposed).toBe(true);

    const session = createFaceVerificationSession(models);
    const reference = await session.setReference(readFileSync(liveFile));
    expect(reference.ok).toBe(true);
    const refEmbedding = reference.ok ? reference.reference.embedding : new Float32Array(1);
    expect(refEmbedding.some((v) => v !== 0)).toBe(true);
    session.dispose();
    expect(refEmbedding.every((v) => v === 0)).toBe(true);
    // After dispose nothing is left to compare with.
    expect((await session.verify()).outcome).toBe('no-frames');
  });

  it('refuses an unreadable or faceless reference as a value', async () => {
    const session = createFaceVerificationSession(models);
    expect(await session.setReference(new Uint8Array([1, 2, 3]))).toMatchObject({ ok: false, reason: 'unreadable' });
    const blank = await sharp({ create: { width: 102, height: 126, channels: 3, background: { r: 200, g: 200, b: 200 } } }).jpeg().toBuffer();
    expect(await session.setReference(blank)).toMatchObject({ ok: false, reason: 'no-face' });
    session.dispose();
  });
});
