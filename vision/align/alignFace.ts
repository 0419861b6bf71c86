import { invertAffine, type AffineMatrix, type Point } from '../image/affineMatrix.js';
import type { RgbImage } from '../image/rgbImage.js';
import { warpAffine } from '../image/warpAffine.js';
import { ALIGNED_FACE_SIZE, ARCFACE_TEMPLATE_112 } from './arcfaceTemplate.js';
import { alignmentResidual, similarityTransform } from './similarityTransform.js';

export interface AlignedFace {
  /** 112×112 RGB crop with the 5 points on the ArcFace template. */
  image: RgbImage;
  /** The image→crop transform. */
  transform: AffineMatrix;
  /** RMS distance (crop pixels) between the mapped points and the template: large when the landmarks are odd. */
  residual: number;
}

/** Warps the face so its 5 points land on the ArcFace 112×112 template (similarity transform, bilinear). */
export function alignFace(image: RgbImage, fivePoints: readonly Point[]): AlignedFace {
  const transform = similarityTransform(fivePoints, ARCFACE_TEMPLATE_112);
  const aligned = warpAffine(image, invertAffine(transform), ALIGNED_FACE_SIZE, ALIGNED_FACE_SIZE);
  return { image: aligned, transform, residual: alignmentResidual(transform, fivePoints, ARCFACE_TEMPLATE_112) };
}
