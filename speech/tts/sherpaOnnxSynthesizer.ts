import { createRequire } from 'node:module';
import type { PcmAudio } from '../playback/pcmAudio.js';
import type { SpeechSynthesizer, SynthesisOptions } from './speechSynthesizer.js';
import { SpeechSynthesisError } from './speechSynthesisError.js';
import { sherpaTtsConfigFor, type SherpaTtsConfig } from './sherpaVoiceEntry.js';

// The part of sherpa-onnx-node's OfflineTts this file uses (the package ships no type declarations).
interface NativeOfflineTts {
  readonly sampleRate: number;
  readonly numSpeakers: number;
  generateAsync(request: {
    text: string;
    sid: number;
    speed: number;
    enableExternalBuffer?: boolean;
    onProgress?: (info: { samples: Float32Array; progress: number }) => number;
  }): Promise<{ samples: Float32Array; sampleRate: number }>;
}
interface NativeTtsModule {
  OfflineTts: { createAsync(config: SherpaTtsConfig): Promise<NativeOfflineTts> };
}

function loadNativeTts(): NativeTtsModule {
  return createRequire(import.meta.url)('sherpa-onnx-node') as NativeTtsModule;
}

export interface SherpaSynthesizerOptions {
  /** The voice folder (from the model manager). */
  folder: string;
  /** Its manifest entry (validated here: see sherpaVoiceEntrySchema). */
  entry: unknown;
  /** Overrides the entry's thread count (1 is usually fastest on the 2-core kiosk). */
  numThreads?: number;
}

/**
 * A sherpa-onnx OfflineTts Chinese voice (VITS or Matcha). Loading validates the folder first, so a missing or
 * broken voice is a SpeechSynthesisError 'voiceInvalid' naming the files, never a crash in native code.
 * `rate` is the length scale: it becomes sherpa's speed = 1 / lengthScale.
 */
export async function loadSherpaOnnxSynthesizer(options: SherpaSynthesizerOptions): Promise<SpeechSynthesizer> {
  const { entry, config } = sherpaTtsConfigFor(options.folder, options.entry);
  if (options.numThreads !== undefined) config.model.numThreads = options.numThreads;
  let tts: NativeOfflineTts | undefined;
  try {
    tts = await loadNativeTts().OfflineTts.createAsync(config);
  } catch (error) {
    throw new SpeechSynthesisError('voiceInvalid', `TTS voice "${entry.id}" in ${options.folder} did not load: ${(error as Error).message}`, { cause: error });
  }
  const speakerId = Math.min(entry.speakerId, Math.max(0, tts.numSpeakers - 1));
  return {
    engine: `sherpa-onnx:${entry.id}`,
    async synthesize(text: string, synthesis: SynthesisOptions = {}): Promise<PcmAudio> {
      if (!tts) throw new SpeechSynthesisError('engineFailed', 'synthesizer closed');
      const signal = synthesis.signal;
      if (signal?.aborted) throw new SpeechSynthesisError('aborted', 'synthesis aborted before it started');
      const lengthScale = synthesis.rate ?? entry.lengthScale;
      try {
        const audio = await tts.generateAsync({
          text,
          sid: speakerId,
          speed: 1 / lengthScale,
          enableExternalBuffer: false,
          // Returning 0 tells sherpa to stop generating: that is how an abort reaches the worker thread.
          onProgress: () => (signal?.aborted ? 0 : 1),
        });
        if (signal?.aborted) throw new SpeechSynthesisError('aborted', 'synthesis aborted');
        return { samples: audio.samples, sampleRate: audio.sampleRate };
      } catch (error) {
        if (error instanceof SpeechSynthesisError) throw error;
        throw new SpeechSynthesisError('engineFailed', `sherpa-onnx TTS failed: ${(error as Error).message}`, { cause: error });
      }
    },
    rateForSpeed(speed: number): number {
      return 1 / speed; // length scale: a longer utterance is a slower one
    },
    close() {
      // The addon frees the native engine when the handle is garbage-collected; dropping it is the release.
      tts = undefined;
    },
  };
}
