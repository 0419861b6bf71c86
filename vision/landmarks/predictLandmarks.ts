import * as ort from 'onnxruntime-node';
import { contextCrop } from '../detect/contextCrop.js';
import { squareFaceBox, type FaceBox } from '../detect/faceBox.js';
import { cropMatrix } from '../image/affineMatrix.js';
import { toGrey, type RgbImage } from '../image/rgbImage.js';
import { greyToPlanar } from '../image/toInputTensor.js';
import { warpAffine } from '../image/warpAffine.js';
import type { LoadedFaceModel } from '../models/loadFaceModels.js';
import type { Landmarks68 } from './landmarkPoints.js';

/** 68 landmarks of the face in `box`, in image pixels: the model sees a grey square crop of the face box. */
export async function predictLandmarks(model: LoadedFaceModel<'face-landmark'>, image: RgbImage, box: FaceBox): Promise<Landmarks68> {
  const c = model.config;
  const square = squareFaceBox(box, image.width, image.height);
  const rect = contextCrop(square, image.width, image.height, c.cropScale);
  const crop = toGrey(warpAffine(image, cropMatrix(rect, c.inputSize, c.inputSize), c.inputSize, c.inputSize));
  const tensor = new ort.Tensor('float32', greyToPlanar(crop, c.divisor), [1, 1, c.inputSize, c.inputSize]);
  const out = await model.session.run({ [model.session.inputNames[0]!]: tensor });
  const values = out[model.session.outputNames[0]!]!.data as Float32Array;
  if (values.length !== c.points * 2) throw new Error(`landmark model ${model.id} gave ${values.length} values, expected ${c.points * 2}`);
  const points = Array.from({ length: c.points }, (_, i) => ({ x: rect.x + values[2 * i]! * rect.width, y: rect.y + values[2 * i + 1]! * rect.height }));
  for (const t of Object.values(out)) t.dispose();
  tensor.dispose();
  return points;
}
