import type { AffineMatrix, Point } from '../image/affineMatrix.js';

/**
 * The similarity transform (rotation, uniform scale, translation; no reflection) that maps `src` onto `dst` with
 * the least squared error — Umeyama (1991) in 2-D, where it has a closed form: with centred points,
 * scale·cos = Σ(x·x' + y·y') / Σ|p|², scale·sin = Σ(x·y' − y·x') / Σ|p|².
 */
export function similarityTransform(src: readonly Point[], dst: readonly Point[]): AffineMatrix {
  if (src.length !== dst.length || src.length < 2) throw new Error('similarityTransform needs two equally long lists of at least 2 points');
  const n = src.length;
  const sMean = { x: src.reduce((s, p) => s + p.x, 0) / n, y: src.reduce((s, p) => s + p.y, 0) / n };
  const dMean = { x: dst.reduce((s, p) => s + p.x, 0) / n, y: dst.reduce((s, p) => s + p.y, 0) / n };
  let dot = 0;
  let cross = 0;
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const sx = src[i]!.x - sMean.x;
    const sy = src[i]!.y - sMean.y;
    const dx = dst[i]!.x - dMean.x;
    const dy = dst[i]!.y - dMean.y;
    dot += sx * dx + sy * dy;
    cross += sx * dy - sy * dx;
    norm += sx * sx + sy * sy;
  }
  if (norm < 1e-12) throw new Error('similarityTransform: the source points coincide');
  const a = dot / norm;
  const b = cross / norm;
  // [x'] = [a −b] [x] + t
  // [y']   [b  a] [y]
  return [a, -b, dMean.x - (a * sMean.x - b * sMean.y), b, a, dMean.y - (b * sMean.x + a * sMean.y)];
}

/** Root-mean-square distance between the mapped source points and the destination points. */
export function alignmentResidual(m: AffineMatrix, src: readonly Point[], dst: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < src.length; i++) {
    const x = m[0] * src[i]!.x + m[1] * src[i]!.y + m[2];
    const y = m[3] * src[i]!.x + m[4] * src[i]!.y + m[5];
    sum += (x - dst[i]!.x) ** 2 + (y - dst[i]!.y) ** 2;
  }
  return Math.sqrt(sum / src.length);
}
