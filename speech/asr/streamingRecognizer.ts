import { ENGINE_SAMPLE_RATE, type AudioFrame } from '../audio/audioFrame.js';
import { loadSherpaOnnx, type SherpaOnlineRecognizerConfig, type SherpaOnlineResult, type SherpaOnlineStream } from '../models/sherpaOnnx.js';
import type { SpeechEvent } from '../speechEvents.js';
import { ENDPOINT_PROFILES, endpointReached, type EndpointProfileName, type EndpointRule, type EndpointRules } from './endpointRules.js';
import { recognizedText, type RecognizedText } from './recognizedText.js';
import type { RecognizerModel } from './recognizerModel.js';
import { createStreamClock, type StreamClock } from './streamClock.js';

export type AsrEvent = Extract<SpeechEvent, { type: 'asr.partial' | 'asr.final' }>;

export interface StreamingRecognizerOptions {
  model: RecognizerModel;
  /** 1 is fastest on the 2-core kiosk (measured: bench/results/speech-input.json). */
  numThreads?: number;
  decodingMethod?: 'greedy_search' | 'modified_beam_search';
  endpointProfile?: EndpointProfileName;
  /** Overrides of the measured profiles. */
  profiles?: Partial<Record<EndpointProfileName, EndpointRules>>;
  /** Duration of one decoder output frame: 10 ms features subsampled 4× in the streaming zipformers. */
  outputFrameMs?: number;
}

export interface StreamingRecognizer {
  readonly model: RecognizerModel;
  /** Feeds audio; returns `asr.partial` when the text changed and `asr.final` when an endpoint rule fires. */
  accept(frame: AudioFrame): AsrEvent[];
  /** The audio has ended: decodes the rest (padded with silence) and returns the final, if anything was heard. */
  finish(): AsrEvent[];
  /** Drops the utterance in progress. */
  reset(): void;
  /** Applies from the current utterance on (e.g. 'number' when the screen asks for an ID number). */
  setEndpointProfile(profile: EndpointProfileName): void;
  readonly endpointProfile: EndpointProfileName;
  /** Audio has been fed since the last final or reset. */
  readonly inUtterance: boolean;
  /** The rule and source time of the last endpoint (for measurements and diagnostics). */
  readonly lastEndpoint: { rule: EndpointRule; atMs: number } | undefined;
}

const TAIL_PADDING_SECONDS = 0.5;

export function recognizerConfig(model: RecognizerModel, numThreads: number, decodingMethod: 'greedy_search' | 'modified_beam_search'): SherpaOnlineRecognizerConfig {
  return {
    featConfig: { sampleRate: ENGINE_SAMPLE_RATE, featureDim: 80 },
    modelConfig: {
      transducer: { encoder: model.encoder, decoder: model.decoder, joiner: model.joiner },
      tokens: model.tokens,
      numThreads,
      provider: 'cpu',
      debug: 0,
      ...(model.modelType ? { modelType: model.modelType } : {}),
    },
    decodingMethod,
    maxActivePaths: 4,
    // Endpointing is done here (endpointRules.ts) so the rules can change per utterance.
    enableEndpoint: 0,
  };
}

/** sherpa-onnx's OnlineRecognizer (streaming transducer) with partial results and switchable endpoint rules. */
export function createStreamingRecognizer(options: StreamingRecognizerOptions): StreamingRecognizer {
  const { model } = options;
  const profiles = { ...ENDPOINT_PROFILES, ...options.profiles };
  const outputFrameMs = options.outputFrameMs ?? 40;
  const sherpa = loadSherpaOnnx();
  const recognizer = new sherpa.OnlineRecognizer(recognizerConfig(model, options.numThreads ?? 1, options.decodingMethod ?? 'greedy_search'));

  let stream: SherpaOnlineStream = recognizer.createStream();
  let clock: StreamClock = createStreamClock();
  let profile: EndpointProfileName = options.endpointProfile ?? 'default';
  let utteranceStartSamples: number | undefined;
  let lastPartial = '';
  let lastEndpoint: { rule: EndpointRule; atMs: number } | undefined;

  function heardIn(result: SherpaOnlineResult): RecognizedText {
    return recognizedText(result, model.output);
  }

  // sherpa gives token times in seconds from the start of the current segment (start_time, stream seconds).
  function finalEvent(result: SherpaOnlineResult, heard: RecognizedText): AsrEvent {
    const first = result.timestamps[0] ?? 0;
    const last = result.timestamps[result.timestamps.length - 1] ?? first;
    return {
      type: 'asr.final',
      text: heard.text,
      pinyin: heard.pinyin,
      startMs: Math.round(clock.toSourceMs(result.start_time + first)),
      endMs: Math.round(clock.toSourceMs(result.start_time + last) + outputFrameMs),
    };
  }

  function decodeReady(): void {
    while (recognizer.isReady(stream)) recognizer.decode(stream);
  }

  function startAfresh(): void {
    stream = recognizer.createStream();
    clock = createStreamClock();
    utteranceStartSamples = undefined;
    lastPartial = '';
  }

  return {
    model,
    accept(frame) {
      stream.acceptWaveform({ samples: frame.samples, sampleRate: ENGINE_SAMPLE_RATE });
      clock.fed(frame.startMs, frame.samples.length);
      utteranceStartSamples ??= clock.fedSamples - frame.samples.length;
      decodeReady();
      const result = recognizer.getResult(stream);
      const heard = heardIn(result);
      const events: AsrEvent[] = [];
      const key = `${heard.text}\u0000${heard.pinyin}`;
      if (heard.text !== '' && key !== lastPartial) {
        lastPartial = key;
        events.push({ type: 'asr.partial', text: heard.text, pinyin: heard.pinyin, atMs: Math.round(clock.nowMs) });
      }
      const rule = endpointReached(profiles[profile], {
        utteranceMs: ((clock.fedSamples - utteranceStartSamples) * 1000) / ENGINE_SAMPLE_RATE,
        trailingSilenceMs: (result.num_trailing_blanks ?? 0) * outputFrameMs,
        hasText: heard.text !== '',
      });
      if (rule) {
        lastEndpoint = { rule, atMs: Math.round(clock.nowMs) };
        if (heard.text !== '') events.push(finalEvent(result, heard));
        recognizer.reset(stream);
        utteranceStartSamples = undefined;
        lastPartial = '';
      }
      return events;
    },
    finish() {
      const events: AsrEvent[] = [];
      if (utteranceStartSamples !== undefined) {
        const padding = new Float32Array(Math.round(TAIL_PADDING_SECONDS * ENGINE_SAMPLE_RATE));
        stream.acceptWaveform({ samples: padding, sampleRate: ENGINE_SAMPLE_RATE });
        clock.fed(clock.nowMs, padding.length);
        stream.inputFinished();
        decodeReady();
        const result = recognizer.getResult(stream);
        const heard = heardIn(result);
        if (heard.text !== '') events.push(finalEvent(result, heard));
      }
      // A finished stream takes no more audio.
      startAfresh();
      return events;
    },
    reset() {
      startAfresh();
    },
    setEndpointProfile(next) {
      if (!(next in profiles)) throw new Error(`unknown endpoint profile "${String(next)}"`);
      profile = next;
    },
    get endpointProfile() {
      return profile;
    },
    get inUtterance() {
      return utteranceStartSamples !== undefined;
    },
    get lastEndpoint() {
      return lastEndpoint;
    },
  };
}
