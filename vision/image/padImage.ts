import type { RgbImage } from './rgbImage.js';

export interface Padding {
  left: number;
  top: number;
}

/**
 * Images at most this big (longer side, px) are treated as crops: ID-card photos (102×126) and tight face crops
 * (150×150) where the face fills the frame. The detector's anchors are sized for faces inside a scene and
 * miss or misplace a face that touches all four edges, so such images get a border first.
 */
export const SMALL_IMAGE_MAX_SIDE = 400;

/** Border on each side as a fraction of the image's longer side. */
export const SMALL_IMAGE_PADDING = 0.3;

/**
 * Surrounds the image with a border of replicated edge pixels, so the border adds no artificial frame edge
 * around the face. Returns the padded image and where the original sits in it.
 */
export function padImage(image: RgbImage, border: number): { image: RgbImage; offset: Padding } {
  const pad = Math.max(0, Math.round(border));
  const width = image.width + 2 * pad;
  const height = image.height + 2 * pad;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(image.height - 1, Math.max(0, y - pad));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(image.width - 1, Math.max(0, x - pad));
      const s = (sy * image.width + sx) * 3;
      const o = (y * width + x) * 3;
      data[o] = image.data[s]!;
      data[o + 1] = image.data[s + 1]!;
      data[o + 2] = image.data[s + 2]!;
    }
  }
  return { image: { width, height, data }, offset: { left: pad, top: pad } };
}

/** Pads small crops (see SMALL_IMAGE_MAX_SIDE); larger images come back unchanged with a zero offset. */
export function padIfSmall(image: RgbImage): { image: RgbImage; offset: Padding } {
  const longer = Math.max(image.width, image.height);
  if (longer > SMALL_IMAGE_MAX_SIDE) return { image, offset: { left: 0, top: 0 } };
  return padImage(image, longer * SMALL_IMAGE_PADDING);
}
