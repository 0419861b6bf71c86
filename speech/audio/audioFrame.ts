/** The one audio format the speech engines see: 16 kHz mono, float samples in [-1, 1]. */
export const ENGINE_SAMPLE_RATE = 16_000;

/** A run of audio from a source, already converted to the engine format. */
export interface AudioFrame {
  samples: Float32Array;
  /** Milliseconds since the source started, of the first sample. */
  startMs: number;
}
