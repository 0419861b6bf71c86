import type { GreyImage } from '../image/rgbImage.js';

/**
 * Variance of the 4-neighbour Laplacian over a rectangle of a grey image (Pech-Pacheco et al. 2000): motion
 * blur and defocus remove the fine edges it responds to. Measured on the aligned 112×112 face, so the value
 * does not depend on how large the face is in the frame.
 */
export function laplacianVariance(image: GreyImage, rect = { x: 0, y: 0, width: image.width, height: image.height }): number {
  const x0 = Math.max(1, rect.x);
  const y0 = Math.max(1, rect.y);
  const x1 = Math.min(image.width - 1, rect.x + rect.width);
  const y1 = Math.min(image.height - 1, rect.y + rect.height);
  const w = image.width;
  const d = image.data;
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = y * w + x;
      const lap = d[i - 1]! + d[i + 1]! + d[i - w]! + d[i + w]! - 4 * d[i]!;
      sum += lap;
      sumSq += lap * lap;
      n++;
    }
  }
  if (n === 0) return 0;
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

/** The part of the aligned 112×112 crop that is face (brow to chin, cheek to cheek), without the black warp border. */
export const ALIGNED_FACE_INNER = { x: 24, y: 28, width: 64, height: 80 };
