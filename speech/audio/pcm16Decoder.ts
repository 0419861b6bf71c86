/**
 * Turns raw interleaved signed 16-bit little-endian PCM, as a recorder writes it to stdout in arbitrary chunk
 * sizes, into mono float samples. Keeps the bytes of a sample frame split across two chunks for the next call.
 */
export interface Pcm16Decoder {
  decode(chunk: Buffer): Float32Array;
  /** Forgets a partial frame (after the recorder restarts). */
  reset(): void;
}

export function createPcm16Decoder(channels = 1): Pcm16Decoder {
  if (!Number.isInteger(channels) || channels < 1) throw new Error(`channels must be a positive integer, not ${channels}`);
  const frameBytes = 2 * channels;
  let carry = Buffer.alloc(0);
  return {
    decode(chunk) {
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const frames = Math.floor(bytes.length / frameBytes);
      const out = new Float32Array(frames);
      for (let f = 0; f < frames; f++) {
        let sum = 0;
        for (let c = 0; c < channels; c++) sum += bytes.readInt16LE(f * frameBytes + 2 * c);
        out[f] = sum / channels / 32768;
      }
      carry = Buffer.from(bytes.subarray(frames * frameBytes));
      return out;
    },
    reset() {
      carry = Buffer.alloc(0);
    },
  };
}
