// Face verification figures: per-stage latency (decode, detect, landmarks, align, embed, liveness, eyes) median
// and p95 on camera-like frames, frames per second of the full per-frame check, memory with the models loaded,
// onnxruntime thread count, our bilinear warp against sharp's affine for alignment, and the calibration on the
// shared photos (EER, TAR at FAR 1e-2/1e-3, FAR/FRR at the chosen threshold; full-quality and ID-style
// 102×126 JPEG q30 references; all pairs and East-Asian pairs).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';
import { alignFace } from '../vision/align/alignFace.js';
import { ARCFACE_TEMPLATE_112 } from '../vision/align/arcfaceTemplate.js';
import { similarityTransform } from '../vision/align/similarityTransform.js';
import { analyzeFrame } from '../vision/analysis/analyzeFrame.js';
import type { AnalysisStage } from '../vision/analysis/frameAnalysis.js';
import { equalErrorRate, errorRatesAt, tarAtFar } from '../vision/calibration/errorRates.js';
import { decodeImage } from '../vision/image/decodeImage.js';
import type { RgbImage } from '../vision/image/rgbImage.js';
import { fivePointsFrom68 } from '../vision/landmarks/landmarkPoints.js';
import { FACE_SESSION_OPTIONS, loadFaceModels } from '../vision/models/loadFaceModels.js';
import { PASSIVE_LIVENESS_THRESHOLD } from '../vision/liveness/passiveLivenessDecision.js';
import { VERIFICATION_THRESHOLD } from '../vision/verify/verificationThreshold.js';
import { runCalibration, type PairScores } from '../test/vision/fixtures/calibrationRun.js';
import { composeScene, toJpeg } from '../test/vision/fixtures/craftedFrames.js';
import { facesDir, missingFaces } from '../test/vision/fixtures/faceDataset.js';
import { summarizeMs, writeBenchResult } from './benchResult.js';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const mib = (bytes: number) => round(bytes / 2 ** 20, 1);

const missing = missingFaces();
if (missing) {
  writeBenchResult('face-verification', { skipped: missing });
  process.exit(0);
}

const ITERATIONS = 15;

// ── memory with the models loaded ───────────────────────────────────────────────────────────────────────
global.gc?.();
const before = process.memoryUsage();
const loadStart = performance.now();
const models = await loadFaceModels();
const loadMs = performance.now() - loadStart;
const after = process.memoryUsage();

// ── camera-like frames: 640×480 JPEGs (a face composed in the middle) and the phone captures of _liveness/ ──
const frames: { name: string; jpeg: Buffer }[] = [];
for (const name of ['lfw__Hu_Jintao/Hu_Jintao_0006.jpg', 'lfw__Alan_Greenspan/Alan_Greenspan_0003.jpg', 'lfw__Yao_Ming/Yao_Ming_0002.jpg']) {
  frames.push({ name: `640x480 ${name}`, jpeg: await toJpeg(await composeScene([{ file: path.join(facesDir, name), size: 400, cx: 0.5, cy: 0.5 }]), 85) });
}
for (const name of ['silentface_image_T1.jpg', 'silentface_old_sample_T1.jpg']) frames.push({ name: `_liveness/${name}`, jpeg: readFileSync(path.join(facesDir, '_liveness', name)) });

const stageSamples: Record<AnalysisStage | 'decode' | 'total', number[]> = { decode: [], detect: [], landmarks: [], align: [], embed: [], liveness: [], eyes: [], total: [] };
for (let i = 0; i < 3; i++) for (const f of frames) (await analyzeFrame(models, (await decodeImage(f.jpeg)).image)).dispose(); // warm-up
for (let i = 0; i < ITERATIONS; i++) {
  for (const f of frames) {
    const start = performance.now();
    const { image } = await decodeImage(f.jpeg);
    const decoded = performance.now();
    const analysis = await analyzeFrame(models, image);
    const end = performance.now();
    stageSamples.decode.push(decoded - start);
    for (const [stage, ms] of Object.entries(analysis.timings)) stageSamples[stage as AnalysisStage].push(ms);
    stageSamples.total.push(end - start);
    analysis.dispose();
  }
}
const stages = Object.fromEntries(Object.entries(stageSamples).map(([k, v]) => [k, summarizeMs(v)]));
const fullCheckMedian = stages.total!.median;

// Geometry-only frames (no embedding / liveness / eyes), e.g. between verified frames during a challenge.
const geometryOnly: number[] = [];
for (let i = 0; i < ITERATIONS; i++) {
  for (const f of frames) {
    const start = performance.now();
    const a = await analyzeFrame(models, (await decodeImage(f.jpeg)).image, { embedding: false, liveness: false, eyes: false });
    geometryOnly.push(performance.now() - start);
    a.dispose();
  }
}

// ── alignment: our bilinear warp (supersampled) vs sharp's affine ─────────────────────────────────────────
async function sharpAlign(image: RgbImage, points: ReturnType<typeof fivePointsFrom68>): Promise<Uint8Array> {
  const m = similarityTransform(points, ARCFACE_TEMPLATE_112);
  // sharp's output canvas is the bounding box of the linear part applied to the image (odx/ody move the content,
  // not the canvas), so template point q sits at canvas pixel q − min(M·corners).
  const corners = [[0, 0], [image.width, 0], [0, image.height], [image.width, image.height]].map(([x, y]) => [m[0] * x! + m[1] * y!, m[3] * x! + m[4] * y!]);
  const minX = Math.min(...corners.map((c) => c[0]!));
  const minY = Math.min(...corners.map((c) => c[1]!));
  const out = await sharp(Buffer.from(image.data), { raw: { width: image.width, height: image.height, channels: 3 } })
    .affine([m[0], m[1], m[3], m[4]], { odx: m[2], ody: m[5], interpolator: sharp.interpolators.bilinear, background: '#000000' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  // The affine output covers the whole transformed image; the template crop starts at (−minX, −minY).
  return sharp(out.data, { raw: { width: out.info.width, height: out.info.height, channels: 3 } })
    .extract({ left: Math.round(-minX), top: Math.round(-minY), width: 112, height: 112 })
    .raw()
    .toBuffer();
}
const warpOwn: number[] = [];
const warpSharp: number[] = [];
const warpDiff: number[] = [];
for (const f of frames) {
  const { image } = await decodeImage(f.jpeg);
  const a = await analyzeFrame(models, image, { embedding: false, liveness: false, eyes: false });
  const points = fivePointsFrom68(a.face!.landmarks);
  for (let i = 0; i < ITERATIONS; i++) {
    let t = performance.now();
    const own = alignFace(image, points).image.data;
    warpOwn.push(performance.now() - t);
    t = performance.now();
    const viaSharp = await sharpAlign(image, points);
    warpSharp.push(performance.now() - t);
    if (i === 0) {
      let sum = 0;
      for (let k = 0; k < own.length; k++) sum += Math.abs(own[k]! - viaSharp[k]!);
      warpDiff.push(sum / own.length);
    }
  }
}

// ── onnxruntime threads: 1 vs 2 on the embedding and detector models ─────────────────────────────────────
async function runMs(file: string, dims: number[], threads: number): Promise<number> {
  const session = await ort.InferenceSession.create(file, { ...FACE_SESSION_OPTIONS, intraOpNumThreads: threads });
  const input = new ort.Tensor('float32', new Float32Array(dims.reduce((a, b) => a * b, 1)).fill(0.1), dims);
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) await session.run({ [session.inputNames[0]!]: input });
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    await session.run({ [session.inputNames[0]!]: input });
    samples.push(performance.now() - t);
  }
  await session.release();
  return summarizeMs(samples).median;
}
const threads = {
  embed: { one: await runMs(models.embed.file, [1, 3, 112, 112], 1), two: await runMs(models.embed.file, [1, 3, 112, 112], 2) },
  detect: { one: await runMs(models.detect.file, [1, 3, 240, 320], 1), two: await runMs(models.detect.file, [1, 3, 240, 320], 2) },
};

// ── calibration ───────────────────────────────────────────────────────────────────────────────────────
const calStart = performance.now();
const run = await runCalibration(models);
const calMs = performance.now() - calStart;
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
function figures({ genuine, impostor }: PairScores) {
  const eer = equalErrorRate(genuine, impostor);
  const at = (far: number) => {
    const r = tarAtFar(genuine, impostor, far);
    return { tar: round(r.tar), threshold: round(r.threshold), falseAccepts: r.falseAccepts };
  };
  const chosen = errorRatesAt(genuine, impostor, VERIFICATION_THRESHOLD);
  return {
    genuinePairs: genuine.length,
    impostorPairs: impostor.length,
    meanGenuine: round(mean(genuine)),
    meanImpostor: round(mean(impostor)),
    maxImpostor: round(Math.max(...impostor)),
    eer: round(eer.eer),
    eerThreshold: round(eer.threshold),
    tarAtFar1e2: at(1e-2),
    tarAtFar1e3: at(1e-3),
    atChosenThreshold: { threshold: VERIFICATION_THRESHOLD, far: round(chosen.far, 5), frr: round(chosen.frr), falseAccepts: chosen.falseAccepts, falseRejects: chosen.falseRejects },
  };
}
const calibration = {
  photos: run.photos,
  identities: run.identities,
  noFace: run.noFace,
  referenceNoFace: run.referenceNoFace,
  highQuality: { all: figures(run.highQuality.all), eastAsian: figures(run.highQuality.eastAsian), elderly: figures(run.highQuality.elderly) },
  compressedReference: { all: figures(run.compressedReference.all), eastAsian: figures(run.compressedReference.eastAsian), elderly: figures(run.compressedReference.elderly) },
  seconds: round(calMs / 1000, 1),
};

writeBenchResult('face-verification', {
  frames: frames.map((f) => f.name),
  iterations: ITERATIONS,
  latencyMs: stages,
  fullCheckFps: round(1000 / fullCheckMedian, 1),
  geometryOnlyMs: summarizeMs(geometryOnly),
  geometryOnlyFps: round(1000 / summarizeMs(geometryOnly).median, 1),
  memory: {
    rssBeforeMiB: mib(before.rss),
    rssWithModelsMiB: mib(after.rss),
    modelsAddMiB: mib(after.rss - before.rss),
    loadMs: round(loadMs, 1),
  },
  alignmentWarp: {
    ownBilinearMs: summarizeMs(warpOwn),
    sharpAffineMs: summarizeMs(warpSharp),
    meanAbsPixelDifference: warpDiff.map((d) => round(d, 2)),
    note: 'own: vision/image/warpAffine.ts (bilinear, supersampled when shrinking); sharp: affine() + extract of the 112×112 template crop',
  },
  onnxThreadsMedianMs: threads,
  thresholds: { verification: VERIFICATION_THRESHOLD, passiveLiveness: PASSIVE_LIVENESS_THRESHOLD },
  calibration,
});
await models.release();
