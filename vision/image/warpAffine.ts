import type { AffineMatrix } from './affineMatrix.js';
import type { RgbImage } from './rgbImage.js';

export interface WarpOptions {
  /**
   * Sub-samples per output pixel along each axis. Default: enough to cover the source footprint (ceil of the
   * scale, at most 8), so shrinking a large face to 112 px averages instead of aliasing.
   */
  samples?: number;
}

/**
 * Resamples `src` into a width × height image: output pixel (u, v) takes the bilinear colour at dstToSrc(u, v)
 * (pixel centres at integer coordinates, as OpenCV's warpAffine). Outside the source it is black, as the
 * ArcFace alignment was trained with.
 */
export function warpAffine(src: RgbImage, dstToSrc: AffineMatrix, width: number, height: number, options: WarpOptions = {}): RgbImage {
  const [a, b, c, d, e, f] = dstToSrc;
  const footprint = Math.sqrt(Math.abs(a * e - b * d));
  const n = Math.max(1, Math.min(8, options.samples ?? Math.ceil(footprint - 1e-6)));
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
