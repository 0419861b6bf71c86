import path from 'node:path';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { analyzeImage } from '../../vision/analysis/analyzeFrame.js';
import { decidePassiveLiveness, PASSIVE_LIVENESS_THRESHOLD } from '../../vision/liveness/passiveLivenessDecision.js';
import type { FaceModels } from '../../vision/models/loadFaceModels.js';
import { decideVerification } from '../../vision/verify/decideVerification.js';
import { createFaceVerificationSession } from '../../vision/verify/faceVerificationSession.js';
import { livenessPhotos } from './fixtures/faceDataset.js';
import { faceModels, facesDir, missingFaces, reportMissingFaces } from './fixtures/visionFixtures.js';

describe('passive liveness decision and the verification order (pure)', () => {
  it('takes the median of the frames, so one lucky frame does not pass a replay', () => {
    expect(decidePassiveLiveness([0.9, 0.95, 0.7])).toMatchObject({ live: true, reason: 'live', frames: 3 });
    expect(decidePassiveLiveness([0.05, 0.97, 0.1])).toMatchObject({ live: false, reason: 'spoof' });
    expect(decidePassiveLiveness([])).toMatchObject({ live: false, reason: 'no-frames', score: null });
  });

  it('does not compare with the reference when liveness, a challenge or continuity failed (GB/T 38671), and says which', async () => {
    const compare = vi.fn(() => 0.9);
    const ok = { livenessScores: [0.9], challengesPassed: true, identityContinuous: true, compare };
    expect(await decideVerification({ ...ok, livenessScores: [0.1, 0.2] })).toMatchObject({ outcome: 'spoof', reason: 'passive-liveness-failed', match: false, similarity: null });
    expect(await decideVerification({ ...ok, challengesPassed: false })).toMatchObject({ outcome: 'spoof', reason: 'challenges-not-passed', similarity: null });
    expect(await decideVerification({ ...ok, identityContinuous: false })).toMatchObject({ outcome: 'identity-changed', reason: 'identity-continuity-broken', similarity: null });
    expect(await decideVerification({ ...ok, livenessScores: [] })).toMatchObject({ outcome: 'no-frames', reason: 'no-usable-frames' });
    // Liveness comes first: a replay that also broke continuity is a spoof.
    expect(await decideVerification({ ...ok, livenessScores: [0.1], identityContinuous: false, challengesPassed: false })).toMatchObject({ reason: 'passive-liveness-failed' });
    expect(compare).not.toHaveBeenCalled();
    expect(await decideVerification(ok)).toMatchObject({ outcome: 'match', reason: 'similarity-at-or-above-threshold', match: true, similarity: 0.9 });
    expect(await decideVerification({ ...ok, compare: () => 0.2 })).toMatchObject({ outcome: 'no-match', reason: 'similarity-below-threshold', match: false });
    expect(compare).toHaveBeenCalledTimes(1);
  });
});

const skip = missingFaces();
reportMissingFaces();

describe.skipIf(skip !== null)('passive liveness on the shared _liveness/ photos', () => {
  let models: FaceModels;
  const scores = new Map<string, number>();
  beforeAll(async () => {
    models = await faceModels();
    for (const photo of livenessPhotos()) {
      const a = await analyzeImage(models, photo.file, { embedding: false, eyes: false });
      expect(a.faceCount, photo.name).toBe(1);
      scores.set(photo.name, a.face!.liveness!.live);
    }
  }, 60_000);

  it('rejects every attack (prints, hand-held ID-style prints, screen replays) with margin', () => {
    const attacks = livenessPhotos().filter((p) => p.label === 'spoof');
    expect(attacks).toHaveLength(6);
    for (const attack of attacks) expect(scores.get(attack.name), attack.name).toBeLessThan(PASSIVE_LIVENESS_THRESHOLD - 0.25);
  });

  it('scores the live captures as measured (3 of 4 pass; the small backlit face is a known miss)', () => {
    const live = livenessPhotos().filter((p) => p.label === 'live').map((p) => [p.name, scores.get(p.name)!] as const);
    expect(live).toHaveLength(4);
    const passing = live.filter(([, s]) => s >= PASSIVE_LIVENESS_THRESHOLD).map(([n]) => n);
    expect(passing.sort()).toEqual(['silentface_image_T1.jpg', 'silentface_old_images_T1.jpg', 'silentface_old_sample_T1.jpg']);
    // Measured: T1 0.77, old T1 0.98, old sample T1 0.94, old sample T2 0.12.
    expect(scores.get('silentface_old_images_T1.jpg')!).toBeGreaterThan(0.9);
    expect(scores.get('silentface_old_sample_T2.jpg')!).toBeLessThan(PASSIVE_LIVENESS_THRESHOLD);
  });

  it('refuses to verify a phone-screen replay against its own reference: no comparison is made', async () => {
    // No action challenge in this session (requiredChallenges 0): passive liveness alone must stop the replay.
    const session = createFaceVerificationSession(models, { requiredChallenges: 0 });
    const spoof = readFileSync(path.join(facesDir, '_liveness/silentface_image_F2.jpg'));
    const reference = await session.setReference(spoof);
    expect(reference.ok).toBe(true);
    const frames = [];
    for (let i = 0; i < 3; i++) frames.push(await session.analyzeFrame(spoof, i * 200));
    // Good frames by every quality gate, and the same face throughout: only liveness stops it.
    expect(frames.every((f) => f.usable && f.sameFace && f.liveness !== null && f.liveness < 0.3)).toBe(true);
    const decision = await session.verify();
    expect(decision).toMatchObject({ outcome: 'spoof', reason: 'passive-liveness-failed', match: false, similarity: null });
    session.dispose();
  });
});
