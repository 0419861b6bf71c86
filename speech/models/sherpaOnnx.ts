import { createRequire } from 'node:module';

// The part of sherpa-onnx-node the input side uses. The package ships no type declarations; these shapes follow
// its types.js and nodejs-addon-examples/ (test_asr_streaming_transducer.js, test_keyword_spotter_transducer.js,
// test_vad_asr_non_streaming_transducer_microphone.js).

export interface SherpaWaveform {
  samples: Float32Array;
  sampleRate: number;
}

export interface SherpaFeatureConfig {
  sampleRate: number;
  featureDim: number;
}

export interface SherpaOnlineModelConfig {
  transducer: { encoder: string; decoder: string; joiner: string };
  tokens: string;
  numThreads: number;
  provider: 'cpu';
  debug: 0 | 1;
  modelType?: string;
  modelingUnit?: string;
  bpeVocab?: string;
}

export interface SherpaOnlineRecognizerConfig {
  featConfig: SherpaFeatureConfig;
  modelConfig: SherpaOnlineModelConfig;
  decodingMethod: 'greedy_search' | 'modified_beam_search';
  maxActivePaths?: number;
  enableEndpoint: 0 | 1;
  rule1MinTrailingSilence?: number;
  rule2MinTrailingSilence?: number;
  rule3MinUtteranceLength?: number;
}

export interface SherpaKeywordSpotterConfig {
  featConfig: SherpaFeatureConfig;
  modelConfig: SherpaOnlineModelConfig;
  maxActivePaths: number;
  numTrailingBlanks: number;
  keywordsScore: number;
  keywordsThreshold: number;
  keywordsBuf: string;
  keywordsBufSize: number;
}

export interface SherpaVadConfig {
  sileroVad: { model: string; threshold: number; minSpeechDuration: number; minSilenceDuration: number; windowSize: number; maxSpeechDuration: number };
  sampleRate: number;
  numThreads: number;
  provider: 'cpu';
  debug: 0 | 1;
}

export interface SherpaOnlineStream {
  acceptWaveform(waveform: SherpaWaveform): void;
  inputFinished(): void;
}

export interface SherpaOnlineResult {
  text: string;
  tokens: string[];
  timestamps: number[];
  /** Decoder output frames since the last non-blank token (40 ms each for the streaming zipformers). */
  num_trailing_blanks?: number;
  start_time: number;
  segment: number;
}

export interface SherpaOnlineRecognizer {
  createStream(): SherpaOnlineStream;
  isReady(stream: SherpaOnlineStream): boolean;
  decode(stream: SherpaOnlineStream): void;
  reset(stream: SherpaOnlineStream): void;
  getResult(stream: SherpaOnlineStream): SherpaOnlineResult;
}

export interface SherpaKeywordResult {
  keyword: string;
  start_time: number;
  tokens: string[];
  timestamps: number[];
}

export interface SherpaKeywordSpotter {
  createStream(): SherpaOnlineStream;
  isReady(stream: SherpaOnlineStream): boolean;
  decode(stream: SherpaOnlineStream): void;
  reset(stream: SherpaOnlineStream): void;
  getResult(stream: SherpaOnlineStream): SherpaKeywordResult;
}

export interface SherpaSpeechSegment {
  /** First sample of the segment, counted from the detector's creation or last reset. */
  start: number;
  samples: Float32Array;
}

export interface SherpaVad {
  acceptWaveform(samples: Float32Array): void;
  isEmpty(): boolean;
  isDetected(): boolean;
  pop(): void;
  /** Pass false: an external buffer is freed by pop() and Electron's memory cage refuses external buffers. */
  front(enableExternalBuffer: false): SherpaSpeechSegment;
  reset(): void;
  flush(): void;
}

export interface SherpaOnnxInput {
  OnlineRecognizer: new (config: SherpaOnlineRecognizerConfig) => SherpaOnlineRecognizer;
  KeywordSpotter: new (config: SherpaKeywordSpotterConfig) => SherpaKeywordSpotter;
  Vad: new (config: SherpaVadConfig, bufferSizeInSeconds: number) => SherpaVad;
  version: string;
}

let loaded: SherpaOnnxInput | undefined;

/**
 * Loads the native addon once. Throws an Error with a plain reason when the platform package is missing, so the
 * caller can switch voice off instead of crashing.
 */
export function loadSherpaOnnx(): SherpaOnnxInput {
  if (loaded) return loaded;
  try {
    loaded = createRequire(import.meta.url)('sherpa-onnx-node') as SherpaOnnxInput;
    return loaded;
  } catch (error) {
    throw new Error(`the speech engine (sherpa-onnx-node) did not load: ${(error as Error).message}`, { cause: error });
  }
}
