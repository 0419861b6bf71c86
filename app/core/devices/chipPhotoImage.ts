import sharp from 'sharp';
import { photoFormatOf } from '../../../idcard/index.js';

/**
 * The chip photo as vision/ can read it. A WLT decoder gives a BMP (the vendors' libraries write a 102 × 126,
 * 24-bit BMP) or a JPEG; vision/ decodes with sharp, which reads JPEG and PNG but not BMP. A JPEG passes as it is;
 * a BMP is turned into a PNG (lossless) here. Rejects when the bytes are neither, or a BMP this does not read.
 */
export async function chipPhotoForVision(image: Uint8Array): Promise<Uint8Array> {
  const format = photoFormatOf(image);
  if (format === 'jpeg') return image;
  if (format !== 'bmp') throw new Error('the chip photo is neither a BMP nor a JPEG');
  const { width, height, rgb } = readBmp(image);
  try {
    return new Uint8Array(await sharp(rgb, { raw: { width, height, channels: 3 } }).png().toBuffer());
  } finally {
    rgb.fill(0);
  }
}

/**
 * Uncompressed Windows bitmaps (BITMAPINFOHEADER or later): 24 and 32 bits per pixel (BI_RGB, or BI_BITFIELDS with
 * the usual BGRA masks), and 8 bits with a palette; bottom-up or top-down. That covers what WLT decoders write.
 */
export function readBmp(bytes: Uint8Array): { width: number; height: number; rgb: Buffer } {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (why: string): never => {
    throw new Error(`unreadable BMP: ${why}`);
  };
  if (b.length < 54 || b[0] !== 0x42 || b[1] !== 0x4d) fail('no BMP header');
  const dataOffset = b.readUInt32LE(10);
  const headerSize = b.readUInt32LE(14);
  if (headerSize < 40) fail(`header of ${headerSize} bytes (only BITMAPINFOHEADER and later)`);
  const width = b.readInt32LE(18);
  const rawHeight = b.readInt32LE(22);
  const bpp = b.readUInt16LE(28);
  const compression = b.readUInt32LE(30);
  const height = Math.abs(rawHeight);
  const topDown = rawHeight < 0;
  if (width <= 0 || height <= 0 || width > 4096 || height > 4096) fail(`size ${width} × ${height}`);
  if (compression !== 0 && !(compression === 3 && bpp === 32)) fail(`compression ${compression}`);
  if (bpp !== 24 && bpp !== 32 && bpp !== 8) fail(`${bpp} bits per pixel`);
  const stride = Math.ceil((width * bpp) / 32) * 4;
  if (dataOffset + stride * height > b.length) fail('pixel data shorter than the header says');
  let palette: Buffer | null = null;
  if (bpp === 8) {
    const colours = b.readUInt32LE(46) || 256;
    const start = 14 + headerSize;
    if (start + colours * 4 > dataOffset) fail('palette overlaps the pixels');
    palette = b.subarray(start, start + colours * 4);
  }
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const row = dataOffset + (topDown ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const out = (y * width + x) * 3;
      if (palette) {
        const index = b[row + x]! * 4;
        if (index + 2 >= palette.length) fail('palette index out of range');
        rgb[out] = palette[index + 2]!;
        rgb[out + 1] = palette[index + 1]!;
        rgb[out + 2] = palette[index]!;
      } else {
        const at = row + x * (bpp / 8);
        rgb[out] = b[at + 2]!;
        rgb[out + 1] = b[at + 1]!;
        rgb[out + 2] = b[at]!;
      }
    }
  }
  return { width, height, rgb };
}
