import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeFrame } from '../../vision/analysis/analyzeFrame.js';
import type { FaceModels } from '../../vision/models/loadFaceModels.js';
import { QUALITY_FAILURES, type QualityFailure } from '../../vision/quality/qualityFailure.js';
import { DEFAULT_QUALITY_GATES, evaluateQuality, type QualityMeasures } from '../../vision/quality/qualityGates.js';
import { composeScene, type Placement, type SceneOptions } from './fixtures/craftedFrames.js';
import { faceModels, facesDir, FRONTAL_PHOTO, missingFaces, OTHER_FRONTAL_PHOTO, reportMissingFaces } from './fixtures/visionFixtures.js';

const goodFace = { heightPx: 200, centreDx: 0.02, centreDy: -0.05, yaw: 3, pitch: -6, sharpness: 200, luma: 130 };
const frame = (face: Partial<typeof goodFace> | null, extra: Partial<QualityMeasures> = {}): QualityMeasures => ({
  faceCount: face ? 1 : 0,
  frameWidth: 640,
  frameHeight: 480,
  frameLuma: 120,
  ...(face ? { face: { ...goodFace, ...face } } : {}),
  ...extra,
});

describe('quality gates (pure)', () => {
  it('passes a good frame, and names each failed gate by its code', () => {
    expect(evaluateQuality(frame({}))).toStrictEqual({ ok: true, failures: [] });
    const cases: [QualityMeasures, QualityFailure][] = [
      [frame(null), 'no-face'],
      [frame(null, { frameLuma: 12 }), 'too-dark'],
      [frame({}, { faceCount: 2 }), 'several-faces'],
      [frame({ heightPx: 60 }), 'too-far'],
      [frame({ heightPx: 450 }), 'too-close'],
      [frame({ centreDx: 0.3 }), 'off-centre'],
      [frame({ centreDy: -0.35 }), 'off-centre'],
      [frame({ yaw: 32 }), 'not-frontal'],
      [frame({ pitch: -28 }), 'not-frontal'],
      [frame({ sharpness: 12 }), 'blurred'],
      [frame({ luma: 30 }), 'too-dark'],
      [frame({ luma: 240 }), 'too-bright'],
    ];
    for (const [m, failure] of cases) expect(evaluateQuality(m), failure).toEqual({ ok: false, failures: [failure] });
    expect(new Set(cases.map(([, failure]) => failure))).toEqual(new Set(QUALITY_FAILURES));
  });

  it('lists every failure, the most important first, and lets the gates be tuned', () => {
    const v = evaluateQuality(frame({ heightPx: 60, yaw: 40, sharpness: 5 }, { faceCount: 3 }));
    expect(v.failures).toEqual(['several-faces', 'too-far', 'not-frontal', 'blurred']);
    expect(evaluateQuality(frame({ yaw: 32 }), { ...DEFAULT_QUALITY_GATES, maxAbsYaw: 35 }).ok).toBe(true);
  });

  it('lists failures in QUALITY_FAILURES order (what to fix first comes first)', () => {
    const worst = frame({ heightPx: 450, luma: 240, centreDx: 0.4, yaw: 40, sharpness: 5 }, { faceCount: 2 });
    expect(evaluateQuality(worst).failures).toEqual(['several-faces', 'too-bright', 'too-close', 'off-centre', 'not-frontal', 'blurred']);
    const small = frame({ heightPx: 60, luma: 30 });
    expect(evaluateQuality(small).failures).toEqual(['too-dark', 'too-far']);
    for (const m of [worst, small]) {
      const ranks = evaluateQuality(m).failures.map((f) => QUALITY_FAILURES.indexOf(f));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });
});

const skip = missingFaces();
reportMissingFaces();

describe.skipIf(skip !== null)('quality gates on crafted frames (real models)', () => {
  let models: FaceModels;
  const photo = path.join(facesDir, FRONTAL_PHOTO);
  const other = path.join(facesDir, OTHER_FRONTAL_PHOTO);
  const analyse = async (placements: Placement[], options?: SceneOptions) => analyzeFrame(models, await composeScene(placements, options), { embedding: false, eyes: false, liveness: false });
  beforeAll(async () => {
    models = await faceModels();
  });

  it('passes a frontal face of good size in the middle of a lit frame', async () => {
    const a = await analyse([{ file: photo, size: 400, cx: 0.5, cy: 0.5 }]);
    expect(a.faceCount).toBe(1);
    expect(a.quality).toEqual({ ok: true, failures: [] });
  });

  it('reports too-dark for a dark room (face found or not)', async () => {
    const dim = await analyse([{ file: photo, size: 400, cx: 0.5, cy: 0.5 }], { brightness: 0.2 });
    expect(dim.quality.failures[0]).toBe('too-dark');
    const black = await analyse([{ file: photo, size: 400, cx: 0.5, cy: 0.5 }], { brightness: 0.06 });
    expect(black.quality.failures[0]).toBe('too-dark');
  });

  it('reports too-far for a tiny face and too-close for one filling the frame', async () => {
    const tiny = await analyse([{ file: photo, size: 120, cx: 0.5, cy: 0.5 }]);
    expect(tiny.faceCount).toBe(1);
    expect(tiny.quality.failures[0]).toBe('too-far');
    const close = await analyse([{ file: photo, size: 900, cx: 0.5, cy: 0.5 }]);
    expect(close.quality.failures[0]).toBe('too-close');
  });

  it('reports several-faces for two faces side by side', async () => {
    const two = await analyse([
      { file: photo, size: 300, cx: 0.27, cy: 0.5 },
      { file: other, size: 300, cx: 0.73, cy: 0.5 },
    ]);
    expect(two.faceCount).toBe(2);
    expect(two.quality.failures[0]).toBe('several-faces');
  });

  it('does not count a small face far in the background as a second person', async () => {
    const a = await analyse([
      { file: photo, size: 400, cx: 0.5, cy: 0.5 },
      { file: other, size: 110, cx: 0.1, cy: 0.2 },
    ]);
    expect(a.faces.length).toBe(2);
    expect(a.faceCount).toBe(1);
    expect(a.quality.ok).toBe(true);
  });

  it('reports off-centre off centre and blurred when blurred', async () => {
    expect((await analyse([{ file: photo, size: 300, cx: 0.2, cy: 0.5 }])).quality.failures[0]).toBe('off-centre');
    const blurred = await analyse([{ file: photo, size: 400, cx: 0.5, cy: 0.5 }], { blurSigma: 4 });
    expect(blurred.faceCount).toBe(1);
    expect(blurred.quality.failures[0]).toBe('blurred');
  });

  it('reports not-frontal for a face turned well to the side', async () => {
    const turned = await analyse([{ file: path.join(facesDir, '_eyes/open/Ariel_Sharon_0007.jpg'), size: 400, cx: 0.5, cy: 0.5 }]);
    expect(turned.faceCount).toBe(1);
    expect(Math.abs(turned.face!.pose.yaw)).toBeGreaterThan(25);
    expect(turned.quality.failures[0]).toBe('not-frontal');
  });

  it('reports no-face for an empty frame', async () => {
    expect((await analyse([])).quality).toEqual({ ok: false, failures: ['no-face'] });
  });
});
