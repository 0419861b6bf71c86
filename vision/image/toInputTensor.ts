import type { GreyImage, RgbImage } from './rgbImage.js';

/** Planar (CHW) float input from RGB pixels: (pixel − mean) / std, channels in the order the model wants. */
export function rgbToPlanar(image: RgbImage, order: 'rgb' | 'bgr', mean: number, std: number): Float32Array {
  const plane = image.width * image.height;
  const out = new Float32Array(plane * 3);
  const first = order === 'rgb' ? 0 : 2;
  const last = 2 - first;
  const inv = 1 / std;
  const d = image.data;
  for (let i = 0, j = 0; i < plane; i++, j += 3) {
    out[i] = (d[j + first]! - mean) * inv;
    out[plane + i] = (d[j + 1]! - mean) * inv;
    out[2 * plane + i] = (d[j + last]! - mean) * inv;
  }
  return out;
}

export function greyToPlanar(image: GreyImage, divisor: number): Float32Array {
  const out = new Float32Array(image.width * image.height);
  for (let i = 0; i < out.length; i++) out[i] = image.data[i]! / divisor;
  return out;
}

export function softmax(logits: ArrayLike<number>): number[] {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]!);
  const exps = Array.from({ length: logits.length }, (_, i) => Math.exp(logits[i]! - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}
