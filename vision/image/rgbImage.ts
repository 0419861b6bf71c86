/** Decoded pixels, 8-bit RGB interleaved, top row first. Frames stay in memory only (never written anywhere). */
export interface RgbImage {
  width: number;
  height: number;
  /** width × height × 3 bytes, R G B. */
  data: Uint8Array;
}

/** One 8-bit channel (luma), top row first. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** ITU-R BT.601 luma, the weighting OpenCV's RGB→GRAY uses (the grey-input models were trained on it). */
export function lumaOf(r: number, g: number, b: number): number {
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

export function toGrey(image: RgbImage): GreyImage {
  const n = image.width * image.height;
  const out = new Uint8Array(n);
  const src = image.data;
  for (let i = 0, j = 0; i < n; i++, j += 3) out[i] = Math.round(lumaOf(src[j]!, src[j + 1]!, src[j + 2]!));
  return { width: image.width, height: image.height, data: out };
}

/** Mean luma (0–255) of the whole image, or of a rectangle of it. */
export function meanLuma(image: RgbImage, rect?: { x: number; y: number; width: number; height: number }): number {
  const x0 = Math.max(0, Math.floor(rect?.x ?? 0));
  const y0 = Math.max(0, Math.floor(rect?.y ?? 0));
  const x1 = Math.min(image.width, Math.ceil(rect ? rect.x + rect.width : image.width));
  const y1 = Math.min(image.height, Math.ceil(rect ? rect.y + rect.height : image.height));
  let sum = 0;
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const j = (y * image.width + x) * 3;
      sum += lumaOf(image.data[j]!, image.data[j + 1]!, image.data[j + 2]!);
      n++;
    }
  }
  return n === 0 ? 0 : sum / n;
}

/** Overwrites the pixels with zeros (frames are personal data; the session drops them when it ends). */
export function wipeImage(image: { data: Uint8Array }): void {
  image.data.fill(0);
}
