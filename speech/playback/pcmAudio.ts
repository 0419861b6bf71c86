/** Mono audio as float samples in [-1, 1] at its own rate (TTS voices speak at 16–24 kHz; the sink plays what it gets). */
export interface PcmAudio {
  samples: Float32Array;
  sampleRate: number;
}

export function pcmDurationMs(audio: PcmAudio): number {
  return (audio.samples.length / audio.sampleRate) * 1000;
}

/** Root mean square of a run of samples; 0 for an empty run. */
export function rootMeanSquare(samples: Float32Array, from = 0, to = samples.length): number {
  const start = Math.max(0, from);
  const end = Math.min(samples.length, to);
  if (end <= start) return 0;
  let sum = 0;
  for (let i = start; i < end; i++) sum += samples[i]! * samples[i]!;
  return Math.sqrt(sum / (end - start));
}
