import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeDetectorBox, encodeDetectorBox } from '../../vision/detect/decodeDetectorBoxes.js';
import { detectFaces } from '../../vision/detect/detectFaces.js';
import { detectorPriors } from '../../vision/detect/detectorPriors.js';
import { boxCentre, boxHeight, type FaceBox } from '../../vision/detect/faceBox.js';
import { nonMaxSuppression } from '../../vision/detect/nonMaxSuppression.js';
import { decodeImage } from '../../vision/image/decodeImage.js';
import { padIfSmall } from '../../vision/image/padImage.js';
import type { FaceModels } from '../../vision/models/loadFaceModels.js';
import { faceModels, facesDir, missingFaces, reportMissingFaces } from './fixtures/visionFixtures.js';

const box = (x1: number, y1: number, x2: number, y2: number, score: number): FaceBox => ({ x1, y1, x2, y2, score });

describe('detector priors and box decoding', () => {
  it('lays out the 4420 RFB-320 priors: 40×30×3 + 20×15×2 + 10×8×2 + 5×4×3', () => {
    const priors = detectorPriors(320, 240);
    expect(priors.length / 4).toBe(4420);
    // First prior: top-left cell of the stride-8 map, 10 px anchor.
    expect([...priors.subarray(0, 4)].map((v) => +v.toFixed(5))).toEqual([+(4 / 320).toFixed(5), +(4 / 240).toFixed(5), +(10 / 320).toFixed(5), +(10 / 240).toFixed(5)]);
    // Anchor sizes innermost: priors 1 and 2 are the same cell with 16 and 24 px anchors.
    expect(priors[4 + 2]! * 320).toBeCloseTo(16, 4);
    expect(priors[8 + 0]).toBe(priors[0]);
    // Last prior: bottom-right cell of the stride-64 map, 256 px anchor.
    expect(priors[4419 * 4]! * 320).toBeCloseTo(4.5 * 64, 3);
    expect(priors[4419 * 4 + 1]! * 240).toBeCloseTo(3.5 * 64, 3);
  });

  it('decodes SSD offsets against the priors (round trip with the encoding)', () => {
    const priors = detectorPriors(320, 240);
    const corners: [number, number, number, number] = [0.3, 0.25, 0.62, 0.8];
    const raw = new Float32Array(4420 * 4);
    raw.set(encodeDetectorBox(corners, 777, priors), 777 * 4);
    decodeDetectorBox(raw, 777, 'offsets', priors).forEach((v, i) => expect(v).toBeCloseTo(corners[i]!, 5));
    expect(decodeDetectorBox(raw, 777, 'corners', undefined)).toEqual([...raw.subarray(777 * 4, 778 * 4)]);
  });

  it('suppresses overlapping boxes, keeping the most confident, and keeps separate faces', () => {
    const kept = nonMaxSuppression([box(0, 0, 10, 10, 0.8), box(1, 1, 11, 11, 0.95), box(50, 50, 60, 60, 0.9), box(0, 0, 10, 10, 0.7)], 0.3);
    expect(kept.map((b) => b.score)).toEqual([0.95, 0.9]);
  });
});

const skip = missingFaces();
reportMissingFaces();

describe.skipIf(skip !== null)('face detection on real photos', () => {
  let models: FaceModels;
  beforeAll(async () => {
    models = await faceModels();
  });

  it('emits boxes already decoded, each near its prior (so the graph holds the decoding and the layout is right)', async () => {
    const { image } = await decodeImage(path.join(facesDir, 'lfw__Yao_Ming/Yao_Ming_0002.jpg'));
    const input = new Float32Array(3 * 240 * 320);
    for (let y = 0; y < 240; y++) for (let x = 0; x < 320; x++) for (let c = 0; c < 3; c++) input[c * 76800 + y * 320 + x] = (image.data[(Math.floor((y * image.height) / 240) * image.width + Math.floor((x * image.width) / 320)) * 3 + 2 - c]! - 127) / 128;
    const out = await models.detect.session.run({ input: new ort.Tensor('float32', input, [1, 3, 240, 320]) });
    const boxes = out.boxes!.data as Float32Array;
    const priors = detectorPriors(320, 240);
    const offsets: number[] = [];
    for (let i = 0; i < 4420; i++) {
      const cx = (boxes[i * 4]! + boxes[i * 4 + 2]!) / 2;
      const cy = (boxes[i * 4 + 1]! + boxes[i * 4 + 3]!) / 2;
      offsets.push(Math.hypot((cx - priors[i * 4]!) / priors[i * 4 + 2]!, (cy - priors[i * 4 + 1]!) / priors[i * 4 + 3]!));
    }
    offsets.sort((a, b) => a - b);
    // Median centre offset well under one anchor size: the boxes are corners tied to their priors.
    expect(offsets[2210]).toBeLessThan(0.3);
  });

  it('finds the one face of an LFW photo where LFW puts it (the centre)', async () => {
    const { image } = await decodeImage(path.join(facesDir, 'lfw__Hu_Jintao/Hu_Jintao_0006.jpg'));
    const faces = await detectFaces(models.detect, image);
    expect(faces.length).toBeGreaterThanOrEqual(1);
    const c = boxCentre(faces[0]!);
    expect(Math.abs(c.x - 125)).toBeLessThan(20);
    expect(Math.abs(c.y - 125)).toBeLessThan(25);
    expect(boxHeight(faces[0]!)).toBeGreaterThan(80);
    expect(faces[0]!.score).toBeGreaterThan(0.9);
  });

  it('needs the border on a tight 150×150 grey crop: without it the face is missed, with it found', async () => {
    const { image } = await decodeImage(path.join(facesDir, 'faceapi__leonard/leonard5.png'));
    expect(image.width).toBe(150);
    expect(await detectFaces(models.detect, image)).toHaveLength(0);
    const padded = padIfSmall(image);
    expect(padded.image.width).toBeGreaterThan(150);
    const faces = await detectFaces(models.detect, padded.image);
    expect(faces).toHaveLength(1);
    // The face lies inside the original crop.
    const c = boxCentre(faces[0]!);
    expect(c.x - padded.offset.left).toBeGreaterThan(30);
    expect(c.x - padded.offset.left).toBeLessThan(120);
  });
});
