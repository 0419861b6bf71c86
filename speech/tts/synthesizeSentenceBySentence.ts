import type { PcmAudio } from '../playback/pcmAudio.js';
import { splitIntoSpokenPieces, type SpokenPieceOptions } from './splitIntoSpokenPieces.js';
import type { SpeechSynthesizer } from './speechSynthesizer.js';

export interface SynthesizedSentence {
  index: number;
  /** How many pieces the text was cut into. */
  count: number;
  text: string;
  audio: PcmAudio;
  synthesisStartedAtMs: number;
  readyAtMs: number;
}

export interface SentenceSynthesisOptions extends SpokenPieceOptions {
  rate?: number;
  signal?: AbortSignal;
  now?: () => number;
}

/**
 * Synthesizes an answer piece by piece: piece 1 is handed over as soon as it is ready, and piece n+1 is
 * synthesized while the caller plays piece n. Only one synthesis runs at a time, so on the 2-core kiosk the first
 * piece never competes with the rest. Leaving the loop early (or aborting) kills the synthesis in flight.
 */
export async function* synthesizeSentenceBySentence(
  synthesizer: SpeechSynthesizer,
  text: string,
  options: SentenceSynthesisOptions = {},
): AsyncGenerator<SynthesizedSentence> {
  const now = options.now ?? (() => performance.now());
  const sentences = splitIntoSpokenPieces(text, options);
  const abort = new AbortController();
  const stopOnOuterAbort = () => abort.abort();
  options.signal?.addEventListener('abort', stopOnOuterAbort, { once: true });
  const start = (index: number): Promise<SynthesizedSentence> => {
    const synthesisStartedAtMs = now();
    const sentence = sentences[index]!;
    const result = synthesizer
      .synthesize(sentence, { signal: abort.signal, ...(options.rate !== undefined ? { rate: options.rate } : {}) })
      .then((audio) => ({ index, count: sentences.length, text: sentence, audio, synthesisStartedAtMs, readyAtMs: now() }));
    result.catch(() => undefined); // a prefetch the caller never asks for must not become an unhandled rejection
    return result;
  };
  try {
    let pending = sentences.length > 0 ? start(0) : undefined;
    for (let index = 0; pending; index++) {
      const ready = await pending;
      pending = index + 1 < sentences.length ? start(index + 1) : undefined;
      yield ready;
    }
  } finally {
    abort.abort();
    options.signal?.removeEventListener('abort', stopOnOuterAbort);
  }
}
