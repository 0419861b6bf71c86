/** A 2-D affine map (x, y) → (a·x + b·y + c, d·x + e·y + f), stored as [a, b, c, d, e, f]. */
export type AffineMatrix = readonly [number, number, number, number, number, number];

export interface Point {
  x: number;
  y: number;
}

export function applyAffine(m: AffineMatrix, p: Point): Point {
  return { x: m[0] * p.x + m[1] * p.y + m[2], y: m[3] * p.x + m[4] * p.y + m[5] };
}

export function invertAffine(m: AffineMatrix): AffineMatrix {
  const [a, b, c, d, e, f] = m;
  const det = a * e - b * d;
  if (Math.abs(det) < 1e-12) throw new Error('affine matrix is singular');
  const ia = e / det;
  const ib = -b / det;
  const id = -d / det;
  const ie = a / det;
  return [ia, ib, -(ia * c + ib * f), id, ie, -(id * c + ie * f)];
}

/** The dst→src map of an axis-aligned crop of `rect` resized to outWidth × outHeight (pixel centres aligned, as OpenCV's resize). */
export function cropMatrix(rect: { x: number; y: number; width: number; height: number }, outWidth: number, outHeight: number): AffineMatrix {
  const sx = rect.width / outWidth;
  const sy = rect.height / outHeight;
  return [sx, 0, rect.x + 0.5 * sx - 0.5, 0, sy, rect.y + 0.5 * sy - 0.5];
}
