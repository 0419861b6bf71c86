import { describe, expect, it } from 'vitest';
import { alignFace } from '../../vision/align/alignFace.js';
import { ARCFACE_TEMPLATE_112 } from '../../vision/align/arcfaceTemplate.js';
import { alignmentResidual, similarityTransform } from '../../vision/align/similarityTransform.js';
import { applyAffine, cropMatrix, invertAffine, type AffineMatrix, type Point } from '../../vision/image/affineMatrix.js';
import type { RgbImage } from '../../vision/image/rgbImage.js';
import { warpAffine } from '../../vision/image/warpAffine.js';
import { fivePointsFrom68 } from '../../vision/landmarks/landmarkPoints.js';

/** A similarity transform: rotate by `deg`, scale by `s`, translate. */
function similarity(deg: number, s: number, tx: number, ty: number): AffineMatrix {
  const r = (deg * Math.PI) / 180;
  return [s * Math.cos(r), -s * Math.sin(r), tx, s * Math.sin(r), s * Math.cos(r), ty];
}

/** A grey image with a bright disc at each point (radius r). */
function dotsImage(width: number, height: number, points: readonly Point[], r: number): RgbImage {
  const data = new Uint8Array(width * height * 3).fill(20);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (points.some((p) => (x - p.x) ** 2 + (y - p.y) ** 2 <= r * r)) data.fill(250, (y * width + x) * 3, (y * width + x) * 3 + 3);
    }
  }
  return { width, height, data };
}

/** Brightness-weighted centroid of the bright pixels within `radius` of `near`. */
function centroidNear(image: RgbImage, near: Point, radius: number): Point {
  let sx = 0;
  let sy = 0;
  let sw = 0;
  for (let y = Math.floor(near.y - radius); y <= near.y + radius; y++) {
    for (let x = Math.floor(near.x - radius); x <= near.x + radius; x++) {
      if (x < 0 || y < 0 || x >= image.width || y >= image.height) continue;
      const w = Math.max(0, image.data[(y * image.width + x) * 3]! - 20);
      sx += w * x;
      sy += w * y;
      sw += w;
    }
  }
  return { x: sx / sw, y: sy / sw };
}

describe('similarity transform (least squares, Umeyama)', () => {
  it('recovers a known rotation, scale and translation exactly from noise-free points', () => {
    const truth = similarity(17, 2.3, 140, -35);
    const src = ARCFACE_TEMPLATE_112.map((p) => ({ x: p.x * 1.7 + 200, y: p.y * 1.7 + 90 }));
    const dst = src.map((p) => applyAffine(truth, p));
    const m = similarityTransform(src, dst);
    m.forEach((v, i) => expect(v).toBeCloseTo(truth[i]!, 9));
    expect(alignmentResidual(m, src, dst)).toBeLessThan(1e-9);
  });

  it('is the least-squares fit for noisy points: no other similarity has a smaller residual', () => {
    const truth = similarity(-8, 0.45, 12, 30);
    const noise = [[1.2, -0.7], [-0.9, 1.1], [0.4, 0.8], [-1.3, -0.2], [0.6, -1.0]];
    const src = ARCFACE_TEMPLATE_112.map((p, i) => ({ x: p.x * 2.2 + 50 + noise[i]![0]!, y: p.y * 2.2 + 70 + noise[i]![1]! }));
    const dst = ARCFACE_TEMPLATE_112.map((p) => applyAffine(truth, { x: p.x * 2.2 + 50, y: p.y * 2.2 + 70 }));
    const m = similarityTransform(src, dst);
    const best = alignmentResidual(m, src, dst);
    for (const [i, delta] of [[0, 0.01], [1, 0.01], [2, 0.5], [5, -0.5]] as const) {
      const nudged = [...m] as unknown as [number, number, number, number, number, number];
      nudged[i] += delta;
      if (i === 0) nudged[4] += delta; // keep it a similarity
      if (i === 1) nudged[3] -= delta;
      expect(alignmentResidual(nudged, src, dst)).toBeGreaterThan(best);
    }
    // A similarity has no shear: equal scale on both axes, orthogonal rows.
    expect(m[0]).toBeCloseTo(m[4], 12);
    expect(m[1]).toBeCloseTo(-m[3], 12);
  });
});

describe('alignment to the ArcFace 112×112 template', () => {
  it('warps a synthetic face (5 dots placed by a rotated, scaled template) so the dots land on the template', () => {
    // A "face" 2.6× the template size, rotated 12°, somewhere in a 500×400 frame.
    const place = similarity(12, 2.6, 160, 40);
    const points = ARCFACE_TEMPLATE_112.map((p) => applyAffine(place, p));
    const frame = dotsImage(500, 400, points, 6);
    const aligned = alignFace(frame, points);
    expect(aligned.image.width).toBe(112);
    expect(aligned.residual).toBeLessThan(1e-6);
    for (const target of ARCFACE_TEMPLATE_112) {
      const found = centroidNear(aligned.image, target, 5);
      expect(Math.hypot(found.x - target.x, found.y - target.y)).toBeLessThan(0.35);
    }
  });

  it('derives the 5 points from 68 landmarks as the template expects (eye centres, nose tip, mouth corners)', () => {
    const lm = Array.from({ length: 68 }, (_, i) => ({ x: i, y: 1000 + i }));
    const [leftEye, rightEye, nose, mouthLeft, mouthRight] = fivePointsFrom68(lm);
    expect(leftEye).toEqual({ x: (37 + 38 + 40 + 41) / 4, y: 1000 + (37 + 38 + 40 + 41) / 4 });
    expect(rightEye!.x).toBe((43 + 44 + 46 + 47) / 4);
    expect(nose).toEqual({ x: 30, y: 1030 });
    expect(mouthLeft!.x).toBe((48 + 60) / 2);
    expect(mouthRight!.x).toBe((54 + 64) / 2);
  });
});

describe('bilinear warp', () => {
  it('keeps a flat image flat, maps pixel centres exactly, and averages when shrinking', () => {
    const flat: RgbImage = { width: 50, height: 40, data: new Uint8Array(50 * 40 * 3).fill(123) };
    const out = warpAffine(flat, cropMatrix({ x: 5, y: 5, width: 30, height: 30 }, 10, 10), 10, 10);
    expect(new Set(out.data)).toEqual(new Set([123]));
    // Horizontal ramp: value = 2x. Sampling at x = 10.5 gives 21.
    const ramp: RgbImage = { width: 64, height: 8, data: new Uint8Array(64 * 8 * 3).map((_, i) => 2 * Math.floor(i / 3) % 128) };
    const shifted = warpAffine(ramp, [1, 0, 10.5, 0, 1, 0], 4, 1, { samples: 1 });
    expect(shifted.data[0]).toBe(21);
    // Fine stripes (one bright column in three, mean 85) shrunk 4×: supersampling averages them, a single
    // bilinear sample per pixel aliases to 0 or 128.
    const stripes: RgbImage = { width: 64, height: 64, data: new Uint8Array(64 * 64 * 3).map((_, i) => (Math.floor(i / 3) % 64) % 3 === 0 ? 255 : 0) };
    const shrink = cropMatrix({ x: 0, y: 0, width: 64, height: 64 }, 16, 16);
    const averaged = warpAffine(stripes, shrink, 16, 16);
    const aliased = warpAffine(stripes, shrink, 16, 16, { samples: 1 });
    expect(Math.max(...averaged.data.map((v) => Math.abs(v - 85)))).toBeLessThan(45);
    expect(Math.max(...aliased.data.map((v) => Math.abs(v - 85)))).toBeGreaterThan(80);
  });

  it('inverts an affine map', () => {
    const m = similarity(33, 1.7, -4, 9);
    const back = invertAffine(m);
    const p = applyAffine(back, applyAffine(m, { x: 12.5, y: -7 }));
    expect(p.x).toBeCloseTo(12.5, 10);
    expect(p.y).toBeCloseTo(-7, 10);
  });
});
