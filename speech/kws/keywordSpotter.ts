import { ENGINE_SAMPLE_RATE, type AudioFrame } from '../audio/audioFrame.js';
import { loadSherpaOnnx, type SherpaOnlineStream } from '../models/sherpaOnnx.js';
import type { SpeechEvent } from '../speechEvents.js';
import { keywordLines, readTokens, type KeywordSpec } from './keywordLines.js';

export type KeywordEvent = Extract<SpeechEvent, { type: 'kws.keyword' }>;

/** A keyword-spotting transducer on disk (absolute paths). */
export interface KeywordSpotterModel {
  id: string;
  encoder: string;
  decoder: string;
  joiner: string;
  tokens: string;
}

export interface KeywordSpotterOptions {
  model: KeywordSpotterModel;
  keywords: readonly KeywordSpec[];
  /** Default trigger threshold (per-keyword `threshold` overrides it). */
  threshold?: number;
  /** Default boosting score (per-keyword `boost` overrides it). */
  boost?: number;
  /** Blank frames a keyword must be followed by: 1 answers fast, more avoids firing inside a longer word. */
  numTrailingBlanks?: number;
  numThreads?: number;
}

export interface KeywordSpotter {
  accept(frame: AudioFrame): KeywordEvent[];
  reset(): void;
  /** The keywords as sherpa got them (one line each), for diagnostics. */
  readonly keywordLines: readonly string[];
}

/**
 * sherpa-onnx's KeywordSpotter with keywords built at run time from phrases (pinyin-pro → toned syllables split
 * after the initial), passed as `keywordsBuf`. It runs on all audio, not only inside VAD segments, so a wake
 * phrase is not clipped by the detector's onset delay.
 */
export function createKeywordSpotter(options: KeywordSpotterOptions): KeywordSpotter {
  const lines = keywordLines(options.keywords, readTokens(options.model.tokens));
  const byPhrase = new Map(options.keywords.map((k) => [k.phrase, k]));
  const keywordsBuf = `${lines.join('\n')}\n`;
  const sherpa = loadSherpaOnnx();
  const spotter = new sherpa.KeywordSpotter({
    featConfig: { sampleRate: ENGINE_SAMPLE_RATE, featureDim: 80 },
    modelConfig: {
      transducer: { encoder: options.model.encoder, decoder: options.model.decoder, joiner: options.model.joiner },
      tokens: options.model.tokens,
      numThreads: options.numThreads ?? 1,
      provider: 'cpu',
      debug: 0,
    },
    maxActivePaths: 4,
    numTrailingBlanks: options.numTrailingBlanks ?? 1,
    keywordsScore: options.boost ?? 1.0,
    keywordsThreshold: options.threshold ?? 0.25,
    keywordsBuf,
    keywordsBufSize: Buffer.byteLength(keywordsBuf, 'utf8'),
  });
  let stream: SherpaOnlineStream = spotter.createStream();

  return {
    keywordLines: lines,
    accept(frame) {
      stream.acceptWaveform({ samples: frame.samples, sampleRate: ENGINE_SAMPLE_RATE });
      const atMs = Math.round(frame.startMs + (frame.samples.length * 1000) / ENGINE_SAMPLE_RATE);
      const events: KeywordEvent[] = [];
      while (spotter.isReady(stream)) {
        spotter.decode(stream);
        const phrase = spotter.getResult(stream).keyword;
        if (phrase === '') continue;
        // After a hit the stream must be reset, or the same keyword keeps matching.
        spotter.reset(stream);
        const spec = byPhrase.get(phrase);
        events.push({ type: 'kws.keyword', keyword: spec?.id ?? phrase, phrase, atMs });
      }
      return events;
    },
    reset() {
      stream = spotter.createStream();
    },
  };
}
