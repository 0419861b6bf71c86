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

    const session = createFaceVerificationSession(models);
    expect((await session.setReference(reference)).ok).toBe(true);
    const jpeg = readFileSync(liveFile);
    const measured = [];
    for (let i = 0; i < 3; i++) measured.push(await session.analyzeFrame(jpeg, 1000 + i * 150));
    expect(measured.map((m) => [m.usable, m.sameFace, m.faces])).toEqual(Array(3).fill([true, true, 1]));
    const decision = await session.verify({ challengesPassed: true });
    expect(decision.outcome).toBe('match');
    expect(decision.similarity!).toBeGreaterThan(VERIFICATION_THRESHOLD);
    session.dispose();
  });

  it('says no-match for another person, and identity-changed when the person is swapped mid-attempt', async () => {
    const session = createFaceVerificationSession(models);
    // Reference: an ID-style photo of someone else (an LFW face).
    const other = path.join(facesDir, 'lfw__Zhang_Ziyi/Zhang_Ziyi_0003.jpg');
    const otherFace = await analyzeImage(models, other, { mainFace: 'central', liveness: false, eyes: false });
    expect((await session.setReference(await idStyleReference((await decodeImage(other)).image, otherFace.face!.box))).ok).toBe(true);
    const jpeg = readFileSync(liveFile);
    for (let i = 0; i < 3; i++) await session.analyzeFrame(jpeg, 1000 + i * 150);
    expect((await session.verify({ challengesPassed: true })).outcome).toBe('no-match');

    // Same place in the frame, another face: continuity breaks and the attempt is not compared.
    session.newAttempt();
    const scene = async (file: string) => toJpeg(await composeScene([{ file, size: 420, cx: 0.5, cy: 0.5 }]));
    const a = await session.analyzeFrame(await scene(path.join(facesDir, 'lfw__Hu_Jintao/Hu_Jintao_0006.jpg')), 0);
    const b = await session.analyzeFrame(await scene(path.join(facesDir, 'lfw__Jiang_Zemin/Jiang_Zemin_0001.jpg')), 150);
    expect(a.sameFace).toBe(true);
    expect(b).toMatchObject({ sameFace: false, continuityBreak: 'face-changed', usable: false });
    expect((await session.verify({ challengesPassed: true })).outcome).not.toBe('match');
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
