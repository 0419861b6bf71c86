import * as ort from 'onnxruntime-node';
import { cropMatrix } from '../image/affineMatrix.js';
import type { RgbImage } from '../image/rgbImage.js';
import { rgbToPlanar } from '../image/toInputTensor.js';
import { warpAffine } from '../image/warpAffine.js';
import type { LoadedFaceModel } from '../models/loadFaceModels.js';
import { decodeDetectorBox } from './decodeDetectorBoxes.js';
import { detectorPriors } from './detectorPriors.js';
import type { FaceBox } from './faceBox.js';
import { nonMaxSuppression } from './nonMaxSuppression.js';

const priorCache = new Map<string, Float32Array>();

function priorsFor(model: LoadedFaceModel<'face-detect'>): Float32Array {
  const c = model.config;
  const key = JSON.stringify([c.inputWidth, c.inputHeight, c.priors]);
  let priors = priorCache.get(key);
  if (!priors) {
    priors = detectorPriors(c.inputWidth, c.inputHeight, c.priors);
    priorCache.set(key, priors);
  }
  return priors;
}

export interface DetectOptions {
  /** Overrides the model's configured candidate threshold. */
  scoreThreshold?: number;
}

/**
 * Faces in the image, most confident first, in image pixels. The frame is stretched to the detector's input
 * (as the package does; the detector was trained that way), candidates below the score threshold are dropped,
 * overlapping ones suppressed.
 */
export async function detectFaces(model: LoadedFaceModel<'face-detect'>, image: RgbImage, options: DetectOptions = {}): Promise<FaceBox[]> {
  const c = model.config;
  const input = warpAffine(image, cropMatrix({ x: 0, y: 0, width: image.width, height: image.height }, c.inputWidth, c.inputHeight), c.inputWidth, c.inputHeight);
  const tensor = new ort.Tensor('float32', rgbToPlanar(input, c.channelOrder, c.mean, c.std), [1, 3, c.inputHeight, c.inputWidth]);
  const out = await model.session.run({ [model.session.inputNames[0]!]: tensor });
  const scores = out[c.scoresOutput]?.data as Float32Array | undefined;
  const boxes = out[c.boxesOutput]?.data as Float32Array | undefined;
  if (!scores || !boxes) throw new Error(`detector ${model.id} lacks the outputs ${c.scoresOutput}/${c.boxesOutput}`);
  const count = scores.length / 2;
  const priors = c.boxEncoding === 'offsets' ? priorsFor(model) : undefined;
  if (priors && priors.length / 4 !== count) throw new Error(`detector ${model.id} emits ${count} boxes but its prior layout has ${priors.length / 4}`);
  const threshold = options.scoreThreshold ?? c.scoreThreshold;
  const candidates: FaceBox[] = [];
  for (let i = 0; i < count; i++) {
    const score = scores[i * 2 + 1]!;
    if (score < threshold) continue;
    const [x1, y1, x2, y2] = decodeDetectorBox(boxes, i, c.boxEncoding, priors, c.variance);
    if (x2 <= x1 || y2 <= y1) continue;
    candidates.push({ x1: x1 * image.width, y1: y1 * image.height, x2: x2 * image.width, y2: y2 * image.height, score });
  }
  for (const t of Object.values(out)) t.dispose();
  tensor.dispose();
  return nonMaxSuppression(candidates, c.nmsIou);
}
