import * as ort from 'onnxruntime-node';
import type { RgbImage } from '../image/rgbImage.js';
import { rgbToPlanar } from '../image/toInputTensor.js';
import type { LoadedFaceModel } from '../models/loadFaceModels.js';
import { l2Normalise } from './cosineSimilarity.js';

/**
 * The L2-normalised embedding of an aligned 112×112 face. fr_feature wants BGR: with RGB input it loses
 * about half a point of TAR (shared/models/README.md).
 */
export async function embedFace(model: LoadedFaceModel<'face-embed'>, aligned: RgbImage): Promise<Float32Array> {
  const c = model.config;
  if (aligned.width !== c.inputSize || aligned.height !== c.inputSize) throw new Error(`embedFace needs a ${c.inputSize}×${c.inputSize} aligned face`);
  const input = rgbToPlanar(aligned, c.channelOrder, c.mean, c.std);
  const tensor = new ort.Tensor('float32', input, [1, 3, c.inputSize, c.inputSize]);
  const out = await model.session.run({ [model.session.inputNames[0]!]: tensor });
  const embedding = Float32Array.from(out[model.session.outputNames[0]!]!.data as Float32Array);
  for (const t of Object.values(out)) t.dispose();
  tensor.dispose();
  input.fill(0);
  return l2Normalise(embedding);
}
