/** A 24-bit bottom-up BMP (BITMAPINFOHEADER, rows padded to 4 bytes), as WLT decoders write them. */
export function bmp24(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Uint8Array {
  return bmp(width, height, 24, pixel);
}

/** The same picture as a BMP of the given depth: 24 or 32 bits, bottom-up (default) or top-down. */
export function bmp(width: number, height: number, bits: 24 | 32, pixel: (x: number, y: number) => [number, number, number], topDown = false): Uint8Array {
  const stride = Math.ceil((width * bits) / 32) * 4;
  const offset = 54;
  const out = Buffer.alloc(offset + stride * height);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(offset, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(width, 18);
  out.writeInt32LE(topDown ? -height : height, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(bits, 28);
  out.writeUInt32LE(0, 30);
  out.writeUInt32LE(stride * height, 34);
  for (let y = 0; y < height; y++) {
    const row = offset + (topDown ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      const at = row + x * (bits / 8);
      out[at] = b;
      out[at + 1] = g;
      out[at + 2] = r;
      if (bits === 32) out[at + 3] = 255;
    }
  }
  return new Uint8Array(out);
}

/** An 8-bit paletted bottom-up BMP: each pixel an index into `palette` ([r, g, b] entries). */
export function bmp8(width: number, height: number, palette: [number, number, number][], index: (x: number, y: number) => number): Uint8Array {
  const stride = Math.ceil(width / 4) * 4;
  const offset = 54 + palette.length * 4;
  const out = Buffer.alloc(offset + stride * height);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(offset, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(width, 18);
  out.writeInt32LE(height, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(8, 28);
  out.writeUInt32LE(palette.length, 46);
  palette.forEach(([r, g, b], i) => {
    out[54 + i * 4] = b;
    out[54 + i * 4 + 1] = g;
    out[54 + i * 4 + 2] = r;
  });
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[offset + (height - 1 - y) * stride + x] = index(x, y);
  return new Uint8Array(out);
}
