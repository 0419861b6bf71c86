import sharp from 'sharp';
import type { RgbImage } from './rgbImage.js';

export interface DecodeOptions {
  /**
   * Larger images are shrunk (area-averaged by sharp) so their longer side is at most this. A camera frame is
   * 640–1280 px; a 4000 px photo only costs time in every later stage without helping a 112 px face crop.
   */
  maxSide?: number;
}

export interface DecodedImage {
  image: RgbImage;
  /** Size of the encoded picture before any shrinking. */
  originalWidth: number;
  originalHeight: number;
  /** image pixels per original pixel (1 when not shrunk). */
  scale: number;
}

export const DEFAULT_MAX_SIDE = 1280;

/**
 * Decodes any JPEG/PNG/WebP (file path or bytes) into 8-bit RGB: EXIF orientation applied, alpha dropped,
 * grey and CMYK pictures converted to sRGB.
 */
export async function decodeImage(input: string | Buffer | Uint8Array, options: DecodeOptions = {}): Promise<DecodedImage> {
  const maxSide = options.maxSide ?? DEFAULT_MAX_SIDE;
  const source = typeof input === 'string' ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const oriented = sharp(source, { failOn: 'error' }).rotate();
  const meta = await oriented.metadata();
  // metadata() reports the stored size; orientations 5–8 swap width and height.
  const swap = (meta.orientation ?? 1) >= 5;
  const originalWidth = (swap ? meta.height : meta.width) ?? 0;
  const originalHeight = (swap ? meta.width : meta.height) ?? 0;
  let pipeline = oriented.removeAlpha().toColourspace('srgb');
  const longer = Math.max(originalWidth, originalHeight);
  if (longer > maxSide) pipeline = pipeline.resize({ width: originalWidth >= originalHeight ? maxSide : undefined, height: originalHeight > originalWidth ? maxSide : undefined, fit: 'inside' });
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`decoded image has ${info.channels} channels, expected 3`);
  return {
    image: { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) },
    originalWidth,
    originalHeight,
    scale: originalWidth > 0 ? info.width / originalWidth : 1,
  };
}

/** Wraps raw RGBA or RGB pixels (a canvas ImageData, a camera buffer) as an RgbImage without decoding. */
export function rgbImageFromPixels(width: number, height: number, pixels: Uint8Array | Uint8ClampedArray, channels: 3 | 4): RgbImage {
  if (pixels.length !== width * height * channels) throw new Error(`expected ${width * height * channels} bytes, got ${pixels.length}`);
  if (channels === 3) return { width, height, data: new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength) };
  const data = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; j < data.length; i += 4, j += 3) {
    data[j] = pixels[i]!;
    data[j + 1] = pixels[i + 1]!;
    data[j + 2] = pixels[i + 2]!;
  }
  return { width, height, data };
}
