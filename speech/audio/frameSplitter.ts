/** Cuts a stream of samples arriving in arbitrary sizes into frames of a fixed length. */
export interface FrameSplitter {
  push(samples: Float32Array): Float32Array[];
  /** What is left over (less than one frame), emptied. */
  drain(): Float32Array;
  reset(): void;
}

export function createFrameSplitter(frameSamples: number): FrameSplitter {
  if (!Number.isInteger(frameSamples) || frameSamples <= 0) throw new Error(`frame length must be a positive integer, not ${frameSamples}`);
  let pending = new Float32Array(frameSamples);
  let filled = 0;
  return {
    push(samples) {
      const frames: Float32Array[] = [];
      let read = 0;
      while (read < samples.length) {
        const take = Math.min(frameSamples - filled, samples.length - read);
        pending.set(samples.subarray(read, read + take), filled);
        filled += take;
        read += take;
        if (filled === frameSamples) {
          frames.push(pending);
          pending = new Float32Array(frameSamples);
          filled = 0;
        }
      }
      return frames;
    },
    drain() {
      const rest = pending.slice(0, filled);
      filled = 0;
      return rest;
    },
    reset() {
      filled = 0;
    },
  };
}
