import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeFrame } from '../../vision/analysis/analyzeFrame.js';
import type { FaceModels } from '../../vision/models/loadFaceModels.js';
import { QUALITY_GUIDANCE } from '../../vision/quality/guidance.js';
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
  it('passes a good frame, and maps each failure to its plain Chinese guidance', () => {
    expect(evaluateQuality(frame({}))).toEqual({ ok: true, failures: [], guidance: null });
    const cases: [QualityMeasures, string][] = [
      [frame(null), '请站到屏幕前，看着屏幕'],
      [frame(null, { frameLuma: 12 }), '光线太暗，请站到亮一点的地方'],
      [frame({}, { faceCount: 2 }), '请只留一人在镜头前'],
      [frame({ heightPx: 60 }), '请靠近一点'],
      [frame({ heightPx: 450 }), '请离远一点'],
      [frame({ centreDx: 0.3 }), '请站到屏幕正中'],
      [frame({ centreDy: -0.35 }), '请站到屏幕正中'],
      [frame({ yaw: 32 }), '请正对屏幕'],
      [frame({ pitch: -28 }), '请正对屏幕'],
      [frame({ sharpness: 12 }), '请保持不动'],
      [frame({ luma: 30 }), '光线太暗，请站到亮一点的地方'],
      [frame({ luma: 240 }), '光线太强，请避开强光'],
    ];
    for (const [m, guidance] of cases) {
      const v = evaluateQuality(m);
      expect(v.ok, guidance).toBe(false);
      expect(v.guidance).toBe(guidance);
    }
  });

  it('lists every failure, the most important first, and lets the gates be tuned', () => {
    const v = evaluateQuality(frame({ heightPx: 60, yaw: 40, sharpness: 5 }, { faceCount: 3 }));
    expect(v.failures).toEqual(['several-faces', 'too-far', 'not-frontal', 'blurred']);
    expect(v.guidance).toBe(QUALITY_GUIDANCE['several-faces']);
    expect(evaluateQuality(frame({ yaw: 32 }), { ...DEFAULT_QUALITY_GATES, maxAbsYaw: 35 }).ok).toBe(true);
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
    expect(a.quality).toEqual({ ok: true, failures: [], guidance: null });
  });

  it('says 光线太暗 for a dark room (face found or not)', async () => {
    const dim = await analyse([{ file: photo, size: 400, cx: 0.5, cy: 0.5 }], { brightness: 0.2 });
    expect(dim.quality.guidance).toBe('光线太暗，请站到亮一点的地方');
    const black = await analyse([{ file: photo, size: 400, cx: 0.5, cy: 0.5 }], { brightness: 0.06 });
    expect(black.quality.guidance).toBe('光线太暗，请站到亮一点的地方');
  });

  it('says 请靠近一点 for a tiny face and 请离远一点 for one filling the frame', async () => {
    const tiny = await analyse([{ file: photo, size: 120, cx: 0.5, cy: 0.5 }]);
    expect(tiny.faceCount).toBe(1);
    expect(tiny.quality.guidance).toBe('请靠近一点');
    const close = await analyse([{ file: photo, size: 900, cx: 0.5, cy: 0.5 }]);
    expect(close.quality.guidance).toBe('请离远一点');
  });

  it('says 请只留一人在镜头前 for two faces side by side', async () => {
    const two = await analyse([
      { file: photo, size: 300, cx: 0.27, cy: 0.5 },
      { file: other, size: 300, cx: 0.73, cy: 0.5 },
    ]);
    expect(two.faceCount).toBe(2);
    expect(two.quality.guidance).toBe('请只留一人在镜头前');
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

  it('says 请站到屏幕正中 off centre and 请保持不动 when blurred', async () => {
    expect((await analyse([{ file: photo, size: 300, cx: 0.2, cy: 0.5 }])).quality.guidance).toBe('请站到屏幕正中');
    const blurred = await analyse([{ file: photo, size: 400, cx: 0.5, cy: 0.5 }], { blurSigma: 4 });
    expect(blurred.faceCount).toBe(1);
    expect(blurred.quality.guidance).toBe('请保持不动');
  });

  it('says 请正对屏幕 to a face turned well to the side', async () => {
    const turned = await analyse([{ file: path.join(facesDir, '_eyes/open/Ariel_Sharon_0007.jpg'), size: 400, cx: 0.5, cy: 0.5 }]);
    expect(turned.faceCount).toBe(1);
    expect(Math.abs(turned.face!.pose.yaw)).toBeGreaterThan(25);
    expect(turned.quality.guidance).toBe('请正对屏幕');
  });

  it('says 请站到屏幕前 to an empty frame', async () => {
    expect((await analyse([])).quality.guidance).toBe('请站到屏幕前，看着屏幕');
  });
});
