import { beforeAll, describe, expect, it } from 'vitest';
import { equalErrorRate, errorRatesAt, tarAtFar } from '../../vision/calibration/errorRates.js';
import { VERIFICATION_THRESHOLD } from '../../vision/verify/verificationThreshold.js';
import { runCalibration, type CalibrationRun, type PairScores } from './fixtures/calibrationRun.js';
import { faceModels, missingFaces, reportMissingFaces } from './fixtures/visionFixtures.js';

describe('error rates (pure)', () => {
  const genuine = [0.9, 0.8, 0.7, 0.6, 0.35];
  const impostor = [0.1, 0.2, 0.3, 0.4, 0.05, 0.15, 0.25, 0.0, -0.1, 0.12];

  it('counts false accepts (≥ threshold) and false rejects (< threshold)', () => {
    expect(errorRatesAt(genuine, impostor, 0.4)).toMatchObject({ falseAccepts: 1, falseRejects: 1, far: 0.1, frr: 0.2, tar: 0.8 });
  });

  it('finds the EER where FAR and FRR cross, and the lowest threshold meeting a FAR', () => {
    const { eer, threshold } = equalErrorRate(genuine, impostor);
    // Closest at 0.35: FAR 1/10 (the 0.4 impostor), FRR 0/5.
    expect(eer).toBeCloseTo(0.05, 6);
    expect(threshold).toBe(0.35);
    // FAR 0.1 allows one impostor (0.4): the threshold sits just above the next one (0.3), every genuine passes.
    const at = tarAtFar(genuine, impostor, 0.1);
    expect(at).toMatchObject({ far: 0.1, tar: 1 });
    expect(at.threshold).toBeGreaterThan(0.3);
    expect(at.threshold).toBeLessThan(0.30001);
    // FAR 0: above the highest impostor, which costs the 0.35 genuine.
    expect(tarAtFar(genuine, impostor, 0)).toMatchObject({ falseAccepts: 0, tar: 0.8 });
  });
});

const skip = missingFaces();
reportMissingFaces();

/** Measured on the shared photos (docs/face-verification.md); the bounds leave a little slack. */
const PINNED: Record<'highQuality' | 'compressedReference', Record<'all' | 'eastAsian', { eer: number; tar1e2: number; tar1e3: number; frrAtThreshold: number }>> = {
  highQuality: {
    all: { eer: 0.012, tar1e2: 0.985, tar1e3: 0.98, frrAtThreshold: 0.03 },
    eastAsian: { eer: 0.02, tar1e2: 0.975, tar1e3: 0.97, frrAtThreshold: 0.03 },
  },
  compressedReference: {
    all: { eer: 0.015, tar1e2: 0.985, tar1e3: 0.975, frrAtThreshold: 0.035 },
    eastAsian: { eer: 0.025, tar1e2: 0.975, tar1e3: 0.97, frrAtThreshold: 0.03 },
  },
};

describe.skipIf(skip !== null)('1:1 verification calibration on the shared photos', () => {
  let run: CalibrationRun;
  beforeAll(async () => {
    run = await runCalibration(await faceModels());
  }, 300_000);

  it('finds a face in every photo and in every ID-style reference made from it', () => {
    expect(run.photos).toBe(166);
    expect(run.identities).toBe(33);
    expect(run.noFace).toEqual([]);
    expect(run.referenceNoFace).toEqual([]);
    expect(run.highQuality.all.genuine).toHaveLength(360);
    expect(run.highQuality.all.impostor).toHaveLength(13335);
    expect(run.compressedReference.all.genuine).toHaveLength(720);
  });

  for (const kind of ['highQuality', 'compressedReference'] as const) {
    for (const population of ['all', 'eastAsian'] as const) {
      it(`${kind} / ${population}: EER, TAR at FAR 1e-2 and 1e-3 within the pinned bounds; FAR ≤ 0.1 % at the chosen threshold`, () => {
        const { genuine, impostor }: PairScores = run[kind][population];
        const pin = PINNED[kind][population];
        expect(equalErrorRate(genuine, impostor).eer).toBeLessThanOrEqual(pin.eer);
        expect(tarAtFar(genuine, impostor, 1e-2).tar).toBeGreaterThanOrEqual(pin.tar1e2);
        expect(tarAtFar(genuine, impostor, 1e-3).tar).toBeGreaterThanOrEqual(pin.tar1e3);
        const atThreshold = errorRatesAt(genuine, impostor, VERIFICATION_THRESHOLD);
        expect(atThreshold.far).toBeLessThanOrEqual(1e-3);
        expect(atThreshold.frr).toBeLessThanOrEqual(pin.frrAtThreshold);
      });
    }
  }

  it('East-Asian impostors score higher than the population at large (why the threshold is set on them)', () => {
    const over = (scores: number[], t: number) => scores.filter((s) => s >= t).length / scores.length;
    expect(over(run.highQuality.eastAsian.impostor, 0.3)).toBeGreaterThan(over(run.highQuality.all.impostor, 0.3));
  });
});
