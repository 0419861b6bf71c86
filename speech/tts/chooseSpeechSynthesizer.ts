import { createEspeakSynthesizer, type EspeakSettings } from './espeakSynthesizer.js';
import { loadSherpaOnnxSynthesizer } from './sherpaOnnxSynthesizer.js';
import type { SpeechSynthesizer } from './speechSynthesizer.js';
import { SpeechSynthesisError } from './speechSynthesisError.js';

export interface SpeechSynthesizerChoice {
  synthesizer: SpeechSynthesizer;
  /** Set when a voice was configured but could not be used: diagnostics shows it, the kiosk speaks with espeak-ng. */
  voiceProblem?: SpeechSynthesisError;
}

/**
 * The sherpa-onnx voice when one is configured and loads; otherwise espeak-ng through numbered pinyin, so the
 * kiosk always has a voice. A broken voice is returned as voiceProblem, not thrown.
 */
export async function chooseSpeechSynthesizer(config: {
  voice?: { folder: string; entry: unknown; numThreads?: number };
  espeak?: Partial<EspeakSettings>;
}): Promise<SpeechSynthesizerChoice> {
  if (config.voice) {
    try {
      return { synthesizer: await loadSherpaOnnxSynthesizer(config.voice) };
    } catch (error) {
      const problem = error instanceof SpeechSynthesisError ? error : new SpeechSynthesisError('voiceInvalid', String(error), { cause: error });
      return { synthesizer: createEspeakSynthesizer(config.espeak), voiceProblem: problem };
    }
  }
  return { synthesizer: createEspeakSynthesizer(config.espeak) };
}
