import * as ort from 'onnxruntime-node';
import { contextCrop } from '../detect/contextCrop.js';
import { squareFaceBox, type FaceBox } from '../detect/faceBox.js';
import { cropMatrix } from '../image/affineMatrix.js';
import type { RgbImage } from '../image/rgbImage.js';
import { rgbToPlanar, softmax } from '../image/toInputTensor.js';
import { warpAffine } from '../image/warpAffine.js';
import type { LoadedFaceModel } from '../models/loadFaceModels.js';

export interface PassiveLivenessScore {
  /** Probability of the live class (0–1). */
  live: number;
  /** The model's full softmax output. */
  probabilities: number[];
}

/**
 * Single-frame liveness of one face: the model sees the face with its surroundings (box × 2.7, kept inside the
 * frame), because the cues of a print or a screen (its edge, moiré, hands holding it) lie around the face.
 * BGR input as the model wants (with RGB, live faces score as spoofs).
 */
export async function passiveLiveness(model: LoadedFaceModel<'face-liveness'>, image: RgbImage, box: FaceBox): Promise<PassiveLivenessScore> {
  const c = model.config;
  const square = squareFaceBox(box, image.width, image.height);
  const rect = contextCrop(square, image.width, image.height, c.cropScale);
  const crop = warpAffine(image, cropMatrix(rect, c.inputSize, c.inputSize), c.inputSize, c.inputSize);
  const tensor = new ort.Tensor('float32', rgbToPlanar(crop, c.channelOrder, c.mean, c.std), [1, 3, c.inputSize, c.inputSize]);
  const out = await model.session.run({ [model.session.inputNames[0]!]: tensor });
  const probabilities = softmax(out[model.session.outputNames[0]!]!.data as Float32Array);
  for (const t of Object.values(out)) t.dispose();
  tensor.dispose();
  crop.data.fill(0);
  return { live: probabilities[c.liveIndex] ?? 0, probabilities };
}
