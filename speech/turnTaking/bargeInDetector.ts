import type { AudioFrame } from '../audio/audioFrame.js';
import { ENGINE_SAMPLE_RATE } from '../audio/audioFrame.js';
import { rootMeanSquare } from '../playback/pcmAudio.js';

export interface BargeInSettings {
  /** Voice that must pass the echo gate before it counts as the citizen talking: a cough or a click is shorter. */
  minVoiceMs: number;
  /** Gaps up to this long (between syllables) do not break a run of citizen voice. */
  maxGapMs: number;
  /**
   * How much quieter than the robot's own output its echo at the microphone is assumed to be at least (echo
   * return loss). 6 dB is the classic Geigel double-talk assumption; measure it on site (docs/speech.md) and raise
   * it when the microphone sits far from the speaker.
   */
  echoReturnLossDb: number;
  /** The echo reaches the microphone late and rings on: compare against the loudest output of this window. */
  echoWindowMs: number;
  /** Microphone RMS below this is room noise, whatever the VAD says (≈ -46 dBFS). */
  noiseFloorRms: number;
}

export const DEFAULT_BARGE_IN_SETTINGS: BargeInSettings = {
  minVoiceMs: 300,
  maxGapMs: 250,
  echoReturnLossDb: 6,
  echoWindowMs: 250,
  noiseFloorRms: 0.005,
};

export type BargeInDecision = { bargeIn: false } | { bargeIn: true; atMs: number; voiceStartedAtMs: number };

export interface BargeInDetector {
  /**
   * Feeds one microphone frame (16 kHz) with the VAD's verdict for it and the speaker's output level sampled now.
   * Reports a barge-in once per robot turn, at the frame where the citizen's voice has lasted minVoiceMs.
   */
  accept(frame: AudioFrame, voiceActive: boolean, playbackLevel: number): BargeInDecision;
  /** Forgets the run and the echo history: call when the robot starts a new turn. */
  reset(): void;
}

const STEP_MS = 20;

/**
 * Decides whether the citizen is talking over the robot. A 20 ms step counts as citizen voice only when the VAD
 * hears speech AND the microphone is louder than the robot's own echo could be (Geigel-style double-talk gate:
 * mic RMS above the loudest recent output × echo gain). The robot's voice alone stays under the gate; a cough
 * passes it but is too short.
 */
export function createBargeInDetector(settings: Partial<BargeInSettings> = {}): BargeInDetector {
  const s: BargeInSettings = { ...DEFAULT_BARGE_IN_SETTINGS, ...settings };
  const echoGain = 10 ** (-s.echoReturnLossDb / 20);
  const stepSamples = (ENGINE_SAMPLE_RATE * STEP_MS) / 1000;
  let levels: Array<{ atMs: number; level: number }> = [];
  let runStartMs: number | undefined;
  let voicedMs = 0;
  let lastVoicedEndMs = -Infinity;
  let fired = false;

  const echoReference = (atMs: number) => {
    levels = levels.filter((l) => l.atMs >= atMs - s.echoWindowMs);
    return levels.reduce((max, l) => Math.max(max, l.level), 0);
  };

  return {
    accept(frame, voiceActive, playbackLevel) {
      const frameEndMs = frame.startMs + (frame.samples.length / ENGINE_SAMPLE_RATE) * 1000;
      levels.push({ atMs: frameEndMs, level: playbackLevel });
      if (fired) return { bargeIn: false };
      const echo = echoReference(frameEndMs);
      for (let from = 0; from < frame.samples.length; from += stepSamples) {
        const to = Math.min(frame.samples.length, from + stepSamples);
        const stepStartMs = frame.startMs + (from / ENGINE_SAMPLE_RATE) * 1000;
        const stepEndMs = frame.startMs + (to / ENGINE_SAMPLE_RATE) * 1000;
        const mic = rootMeanSquare(frame.samples, from, to);
        const citizen = voiceActive && mic > s.noiseFloorRms && mic > echo * echoGain;
        if (!citizen) continue;
        if (runStartMs === undefined || stepStartMs - lastVoicedEndMs > s.maxGapMs) {
          runStartMs = stepStartMs;
          voicedMs = 0;
        }
        voicedMs += stepEndMs - stepStartMs;
        lastVoicedEndMs = stepEndMs;
        if (voicedMs >= s.minVoiceMs) {
          fired = true;
          return { bargeIn: true, atMs: stepEndMs, voiceStartedAtMs: runStartMs };
        }
      }
      return { bargeIn: false };
    },
    reset() {
      levels = [];
      runStartMs = undefined;
      voicedMs = 0;
      lastVoicedEndMs = -Infinity;
      fired = false;
    },
  };
}
