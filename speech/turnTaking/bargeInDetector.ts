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
  /**
   * The VAD reports speech only after it has lasted a while (speech/vad: minSpeechMs plus about three windows).
   * Voice heard this long before the VAD switched on still counts, so the barge-in is not late by that lag.
   */
  vadConfirmationLagMs: number;
}

export const DEFAULT_BARGE_IN_SETTINGS: BargeInSettings = {
  minVoiceMs: 300,
  maxGapMs: 250,
  echoReturnLossDb: 6,
  echoWindowMs: 250,
  noiseFloorRms: 0.005,
  vadConfirmationLagMs: 400,
};

export type BargeInDecision = { bargeIn: false } | { bargeIn: true; atMs: number; voiceStartedAtMs: number };

export interface BargeInDetector {
  /**
   * Feeds one microphone frame (16 kHz) with the VAD's verdict (in speech or not) and the speaker's output level
   * sampled now. Reports a barge-in once per robot turn, at the step where the citizen's voice has lasted minVoiceMs.
   */
  accept(frame: AudioFrame, voiceActive: boolean, playbackLevel: number): BargeInDecision;
  /** Forgets the run and the echo history: call when the robot starts a new turn. */
  reset(): void;
}

const STEP_MS = 20;
const HISTORY_MS = 2_000;

interface Step {
  startMs: number;
  endMs: number;
  /** Louder than room noise and than the robot's echo could be. */
  aboveEcho: boolean;
}

/**
 * Decides whether the citizen is talking over the robot. A 20 ms step counts as citizen voice only when it is
 * louder than the robot's own echo could be (Geigel-style double-talk gate: mic RMS above the loudest recent
 * output × echo gain) while the VAD hears speech. The robot's voice alone stays under the gate; a cough passes
 * it but is too short, and steps separated by more than maxGapMs do not add up.
 */
export function createBargeInDetector(settings: Partial<BargeInSettings> = {}): BargeInDetector {
  const s: BargeInSettings = { ...DEFAULT_BARGE_IN_SETTINGS, ...settings };
  const echoGain = 10 ** (-s.echoReturnLossDb / 20);
  const stepSamples = (ENGINE_SAMPLE_RATE * STEP_MS) / 1000;
  let levels: Array<{ atMs: number; level: number }> = [];
  let steps: Step[] = [];
  let vadActiveSinceMs: number | undefined;
  let fired = false;

  const echoReference = (atMs: number) => {
    levels = levels.filter((l) => l.atMs >= atMs - s.echoWindowMs);
    return levels.reduce((max, l) => Math.max(max, l.level), 0);
  };

  /** The run of above-echo voice ending at the newest step, walking back over gaps no longer than maxGapMs. */
  const currentRun = (): { voicedMs: number; startMs: number } => {
    let voicedMs = 0;
    let startMs = Infinity;
    const earliest = (vadActiveSinceMs ?? Infinity) - s.vadConfirmationLagMs;
    for (let i = steps.length - 1; i >= 0; i--) {
      const step = steps[i]!;
      if (step.startMs < earliest) break;
      if (!step.aboveEcho) continue;
      if (startMs !== Infinity && startMs - step.endMs > s.maxGapMs) break;
      voicedMs += step.endMs - step.startMs;
      startMs = step.startMs;
    }
    return { voicedMs, startMs };
  };

  return {
    accept(frame, voiceActive, playbackLevel) {
      const frameEndMs = frame.startMs + (frame.samples.length / ENGINE_SAMPLE_RATE) * 1000;
      levels.push({ atMs: frameEndMs, level: playbackLevel });
      const echo = echoReference(frameEndMs);
      for (let from = 0; from < frame.samples.length; from += stepSamples) {
        const to = Math.min(frame.samples.length, from + stepSamples);
        const mic = rootMeanSquare(frame.samples, from, to);
        const step: Step = {
          startMs: frame.startMs + (from / ENGINE_SAMPLE_RATE) * 1000,
          endMs: frame.startMs + (to / ENGINE_SAMPLE_RATE) * 1000,
          aboveEcho: mic > s.noiseFloorRms && mic > echo * echoGain,
        };
        steps.push(step);
        if (!voiceActive) {
          vadActiveSinceMs = undefined;
          continue;
        }
        vadActiveSinceMs ??= step.startMs;
        if (fired || !step.aboveEcho) continue;
        const run = currentRun();
        if (run.voicedMs >= s.minVoiceMs) {
          fired = true;
          return { bargeIn: true, atMs: step.endMs, voiceStartedAtMs: run.startMs };
        }
      }
      steps = steps.filter((step) => step.endMs >= frameEndMs - HISTORY_MS);
      return { bargeIn: false };
    },
    reset() {
      levels = [];
      steps = [];
      vadActiveSinceMs = undefined;
      fired = false;
    },
  };
}
