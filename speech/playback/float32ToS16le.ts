/** Float samples in [-1, 1] → 16-bit little-endian PCM bytes, clipped rather than wrapped. */
export function float32ToS16le(samples: Float32Array): Buffer {
  const bytes = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]!));
    bytes.writeInt16LE(Math.round(s < 0 ? s * 32768 : s * 32767), i * 2);
  }
  return bytes;
}
