import * as ort from 'onnxruntime-node';
import { cropMatrix, type Point } from '../image/affineMatrix.js';
import { toGrey, type RgbImage } from '../image/rgbImage.js';
import { greyToPlanar, softmax } from '../image/toInputTensor.js';
import { warpAffine } from '../image/warpAffine.js';
import { pointAt, type Landmarks68 } from '../landmarks/landmarkPoints.js';
import type { LoadedFaceModel } from '../models/loadFaceModels.js';

export interface EyeState {
  /** Probability that the eye is open (0–1), image-left and image-right eye. */
  imageLeftOpen: number;
  imageRightOpen: number;
  /** Mean of the two. */
  open: number;
}

/** Square crop around one eye: centred on the lid points, side = corner-to-corner width × paddingRate. */
function eyeRect(landmarks: Landmarks68, corners: [number, number], lids: number[], paddingRate: number) {
  const centre: Point = { x: lids.reduce((s, i) => s + pointAt(landmarks, i).x, 0) / lids.length, y: lids.reduce((s, i) => s + pointAt(landmarks, i).y, 0) / lids.length };
  const side = Math.max(2, Math.abs(pointAt(landmarks, corners[1]).x - pointAt(landmarks, corners[0]).x) * paddingRate);
  return { x: centre.x - side / 2, y: centre.y - side / 2, width: side, height: side };
}

async function openProbability(model: LoadedFaceModel<'face-eye'>, image: RgbImage, rect: { x: number; y: number; width: number; height: number }): Promise<number> {
  const c = model.config;
  const crop = toGrey(warpAffine(image, cropMatrix(rect, c.inputSize, c.inputSize), c.inputSize, c.inputSize));
  const tensor = new ort.Tensor('float32', greyToPlanar(crop, c.divisor), [1, 1, c.inputSize, c.inputSize]);
  const out = await model.session.run({ [model.session.inputNames[0]!]: tensor });
  const p = softmax(out[model.session.outputNames[0]!]!.data as Float32Array);
  for (const t of Object.values(out)) t.dispose();
  tensor.dispose();
  return p[c.openIndex] ?? 0;
}

/** fr_eye on each eye (24×24 grey crops placed by the landmarks). */
export async function eyeState(model: LoadedFaceModel<'face-eye'>, image: RgbImage, landmarks: Landmarks68): Promise<EyeState> {
  const pad = model.config.paddingRate;
  const imageLeftOpen = await openProbability(model, image, eyeRect(landmarks, [36, 39], [37, 38, 40, 41], pad));
  const imageRightOpen = await openProbability(model, image, eyeRect(landmarks, [42, 45], [43, 44, 46, 47], pad));
  return { imageLeftOpen, imageRightOpen, open: (imageLeftOpen + imageRightOpen) / 2 };
}
