/**
 * How a detector writes its boxes: 'corners' when the box decoding is inside the ONNX graph (fr_detect's
 * export: x1 y1 x2 y2 relative to the input), 'offsets' for the raw SSD regression against the priors.
 */
export type BoxEncoding = 'corners' | 'offsets';

/** SSD box variances (centre, size), as in the RFB-320 training code. */
export const DEFAULT_BOX_VARIANCE: readonly [number, number] = [0.1, 0.2];

/**
 * Box i as relative corners [x1, y1, x2, y2]. For 'offsets': centre = prior centre + d·variance₀·prior size,
 * size = prior size · exp(d·variance₁).
 */
export function decodeDetectorBox(
  raw: ArrayLike<number>,
  i: number,
  encoding: BoxEncoding,
  priors: Float32Array | undefined,
  variance: readonly [number, number] = DEFAULT_BOX_VARIANCE,
): [number, number, number, number] {
  const o = i * 4;
  if (encoding === 'corners') return [raw[o]!, raw[o + 1]!, raw[o + 2]!, raw[o + 3]!];
  if (!priors) throw new Error('offset-encoded boxes need the prior boxes');
  const pcx = priors[o]!;
  const pcy = priors[o + 1]!;
  const pw = priors[o + 2]!;
  const ph = priors[o + 3]!;
  const cx = pcx + raw[o]! * variance[0] * pw;
  const cy = pcy + raw[o + 1]! * variance[0] * ph;
  const w = pw * Math.exp(raw[o + 2]! * variance[1]);
  const h = ph * Math.exp(raw[o + 3]! * variance[1]);
  return [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2];
}

/** The inverse of the 'offsets' decoding (used to check the prior layout against the model's own decoding). */
export function encodeDetectorBox(
  corners: readonly [number, number, number, number],
  i: number,
  priors: Float32Array,
  variance: readonly [number, number] = DEFAULT_BOX_VARIANCE,
): [number, number, number, number] {
  const o = i * 4;
  const [x1, y1, x2, y2] = corners;
  const w = x2 - x1;
  const h = y2 - y1;
  return [
    ((x1 + w / 2 - priors[o]!) / (variance[0] * priors[o + 2]!)),
    ((y1 + h / 2 - priors[o + 1]!) / (variance[0] * priors[o + 3]!)),
    Math.log(w / priors[o + 2]!) / variance[1],
    Math.log(h / priors[o + 3]!) / variance[1],
  ];
}
