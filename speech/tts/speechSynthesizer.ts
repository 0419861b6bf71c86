import type { PcmAudio } from '../playback/pcmAudio.js';

export interface SynthesisOptions {
  /**
   * Speaking rate in the engine's own unit: words per minute for espeak-ng (120 is slow and clear),
   * length scale for sherpa-onnx voices (1 = the voice's natural pace, 1.2 = 20 % slower). Omitted: the engine's default.
   */
  rate?: number;
  /** Aborting kills the running synthesis; the promise then rejects with a SpeechSynthesisError of kind 'aborted'. */
  signal?: AbortSignal;
}

/** One TTS engine: Chinese text in, mono audio out. Engines fail with SpeechSynthesisError, never with a bare Error. */
export interface SpeechSynthesizer {
  /** 'espeak-ng' or 'sherpa-onnx:<voice>', for diagnostics and benchmarks. */
  readonly engine: string;
  synthesize(text: string, options?: SynthesisOptions): Promise<PcmAudio>;
  /**
   * The engine rate for a relative speed (1 = the engine's normal pace, 0.85 = 15 % slower), which is how the kiosk
   * configuration states it (speech.rate): pass the result as SynthesisOptions.rate or RobotVoiceOptions.rate.
   */
  rateForSpeed(speed: number): number;
  /** Frees native resources; later calls to synthesize() fail. */
  close(): void;
}
