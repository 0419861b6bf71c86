import type { AffineMatrix } from './affineMatrix.js';
import type { RgbImage } from './rgbImage.js';

export interface WarpOptions {
  /**
   * Sub-samples per output pixel along each axis. Default: enough to cover the source footprint, so shrinking
   * a large face to 112 px averages instead of aliasing.
   */
  samples?: number;
}

/**
 * Averages k×k blocks of the part of `src` inside [x0, x1) × [y0, y1): a cheap area filter that takes a large
 * shrink (a 1280 px frame to the detector's 320 px) down to a small one before bilinear sampling.
 */
function boxShrink(src: RgbImage, k: number, x0: number, y0: number, x1: number, y1: number): RgbImage {
  const width = Math.max(1, Math.floor((x1 - x0) / k));
  const height = Math.max(1, Math.floor((y1 - y0) / k));
  const out = new Uint8Array(width * height * 3);
  const s = src.data;
  const inv = 1 / (k * k);
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let j = 0; j < k; j++) {
        let p = ((y0 + v * k + j) * src.width + x0 + u * k) * 3;
        for (let i = 0; i < k; i++, p += 3) {
          r += s[p]!;
          g += s[p + 1]!;
          b += s[p + 2]!;
        }
      }
      const o = (v * width + u) * 3;
      out[o] = Math.round(r * inv);
      out[o + 1] = Math.round(g * inv);
      out[o + 2] = Math.round(b * inv);
    }
  }
  return { width, height, data: out };
}

/**
 * Resamples `src` into a width × height image: output pixel (u, v) takes the bilinear colour at dstToSrc(u, v)
 * (pixel centres at integer coordinates, as OpenCV's warpAffine). Outside the source it is black, as the
 * ArcFace alignment was trained with. Shrinking by more than 2× first box-averages the source region by the
 * whole factor, then supersamples the rest.
 */
export function warpAffine(src: RgbImage, dstToSrc: AffineMatrix, width: number, height: number, options: WarpOptions = {}): RgbImage {
  const footprint = Math.sqrt(Math.abs(dstToSrc[0] * dstToSrc[4] - dstToSrc[1] * dstToSrc[3]));
  const k = options.samples === undefined ? Math.floor(footprint) : 1;
  if (k >= 2) {
    // The source region the output reads (its corners mapped back), clipped to the image, on the k grid.
    const xs = [0, width].flatMap((u) => [0, height].map((v) => dstToSrc[0] * u + dstToSrc[1] * v + dstToSrc[2]));
    const ys = [0, width].flatMap((u) => [0, height].map((v) => dstToSrc[3] * u + dstToSrc[4] * v + dstToSrc[5]));
    const x0 = Math.max(0, Math.floor(Math.min(...xs)) - k);
    const y0 = Math.max(0, Math.floor(Math.min(...ys)) - k);
    const x1 = Math.min(src.width, Math.ceil(Math.max(...xs)) + k);
    const y1 = Math.min(src.height, Math.ceil(Math.max(...ys)) + k);
    if (x1 - x0 >= k && y1 - y0 >= k) {
      const small = boxShrink(src, k, x0, y0, x1, y1);
      // Source pixel x lies at (x − x0 − (k − 1)/2) / k in the shrunk image (block centres).
      const c = (k - 1) / 2;
      const m: AffineMatrix = [
        dstToSrc[0] / k,
        dstToSrc[1] / k,
        (dstToSrc[2] - x0 - c) / k,
        dstToSrc[3] / k,
        dstToSrc[4] / k,
        (dstToSrc[5] - y0 - c) / k,
      ];
      const warped = sampleBilinear(small, m, width, height, Math.max(1, Math.ceil(footprint / k - 1e-6)));
      small.data.fill(0);
      return warped;
    }
  }
  return sampleBilinear(src, dstToSrc, width, height, Math.max(1, Math.min(8, options.samples ?? Math.ceil(footprint - 1e-6))));
}

function sampleBilinear(src: RgbImage, dstToSrc: AffineMatrix, width: number, height: number, n: number): RgbImage {
  const [a, b, c, d, e, f] = dstToSrc;
  const out = new Uint8Array(width * height * 3);
  const sw = src.width;
  const sh = src.height;
  const s = src.data;
  const inv = 1 / (n * n);
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      let r = 0;
      let g = 0;
      let bl = 0;
      for (let j = 0; j < n; j++) {
        const vy = v + (j + 0.5) / n - 0.5;
        for (let i = 0; i < n; i++) {
          const ux = u + (i + 0.5) / n - 0.5;
          const x = a * ux + b * vy + c;
          const y = d * ux + e * vy + f;
          const x0 = Math.floor(x);
          const y0 = Math.floor(y);
          const fx = x - x0;
          const fy = y - y0;
          // Each of the four neighbours contributes only when it lies inside the source (black outside).
          for (let k = 0; k < 4; k++) {
            const xx = x0 + (k & 1);
            const yy = y0 + (k >> 1);
            if (xx < 0 || yy < 0 || xx >= sw || yy >= sh) continue;
            const w = ((k & 1) === 1 ? fx : 1 - fx) * ((k >> 1) === 1 ? fy : 1 - fy);
            if (w === 0) continue;
            const p = (yy * sw + xx) * 3;
            r += w * s[p]!;
            g += w * s[p + 1]!;
            bl += w * s[p + 2]!;
          }
        }
      }
      const o = (v * width + u) * 3;
      out[o] = Math.min(255, Math.round(r * inv));
      out[o + 1] = Math.min(255, Math.round(g * inv));
      out[o + 2] = Math.min(255, Math.round(bl * inv));
    }
  }
  return { width, height, data: out };
}
