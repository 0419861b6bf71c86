/**
 * The last few hundred milliseconds of audio, addressed by absolute sample index since the stream began. The VAD
 * confirms speech only after it has lasted a while; this is where the first syllable is fetched back from.
 */
export interface RecentAudio {
  push(samples: Float32Array): void;
  /** Absolute index of the next sample to arrive. */
  readonly end: number;
  /** Samples from `fromIndex` (clipped to what is kept) to the newest, with the index they actually start at. */
  since(fromIndex: number): { startIndex: number; samples: Float32Array };
  clear(): void;
}

export function createRecentAudio(capacitySamples: number): RecentAudio {
  const ring = new Float32Array(capacitySamples);
  let end = 0;
  let kept = 0;
  return {
    push(samples) {
      const tail = samples.length > capacitySamples ? samples.subarray(samples.length - capacitySamples) : samples;
      end += samples.length - tail.length;
      for (let i = 0; i < tail.length; i++) ring[(end + i) % capacitySamples] = tail[i]!;
      end += tail.length;
      kept = Math.min(capacitySamples, kept + samples.length);
    },
    get end() {
      return end;
    },
    since(fromIndex) {
      const startIndex = Math.min(end, Math.max(fromIndex, end - kept, 0));
      const samples = new Float32Array(end - startIndex);
      for (let i = 0; i < samples.length; i++) samples[i] = ring[(startIndex + i) % capacitySamples]!;
      return { startIndex, samples };
    },
    /** Forgets the audio but keeps counting, so indices stay absolute. */
    clear() {
      kept = 0;
    },
  };
}
