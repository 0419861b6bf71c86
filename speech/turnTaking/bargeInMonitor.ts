import type { AudioFrame } from '../audio/audioFrame.js';
import { ENGINE_SAMPLE_RATE } from '../audio/audioFrame.js';
import type { AudioSink } from '../playback/audioSink.js';
import type { SpeechEvent } from '../speechEvents.js';
import { createBargeInDetector, type BargeInSettings } from './bargeInDetector.js';
import type { RobotVoice } from './robotVoice.js';

/** The VAD's verdict for one microphone frame (an adapter over speech/vad, kept as a function so any VAD fits). */
export type VoiceActivityProbe = (frame: AudioFrame) => boolean;

export interface BargeInMonitorOptions {
  voice: RobotVoice;
  /** The sink the voice plays into: its output level is the echo reference. */
  sink: AudioSink;
  voiceActivity: VoiceActivityProbe;
  onEvent: (event: Extract<SpeechEvent, { type: 'speech.bargeIn' }>) => void;
  /**
   * The microphone audio from just before the citizen started talking up to the barge-in, so the recognizer hears
   * the whole of the new utterance and not only what follows the robot falling silent.
   */
  onInterruptingSpeech?: (frames: AudioFrame[]) => void;
  settings?: Partial<BargeInSettings>;
  /** Audio kept before the detected voice onset (the VAD and the echo gate both start late). */
  preRollMs?: number;
}

export interface BargeInMonitor {
  /** Feed every microphone frame, whether or not the robot is talking. */
  accept(frame: AudioFrame): void;
}

/**
 * Turn-taking while the robot talks: microphone frames → VAD + echo-gated barge-in detector → robot silenced
 * (the stop is issued in the same turn of the event loop) and speech.bargeIn raised.
 */
export function createBargeInMonitor(options: BargeInMonitorOptions): BargeInMonitor {
  const detector = createBargeInDetector(options.settings);
  const preRollMs = options.preRollMs ?? 300;
  const historyMs = 3_000;
  let recent: AudioFrame[] = [];
  let turn: string | undefined;

  const remember = (frame: AudioFrame) => {
    recent.push(frame);
    const keepFromMs = frame.startMs - historyMs;
    recent = recent.filter((f) => f.startMs + (f.samples.length / ENGINE_SAMPLE_RATE) * 1000 >= keepFromMs);
  };

  return {
    accept(frame) {
      remember(frame);
      const voiceActive = options.voiceActivity(frame);
      if (!options.voice.isSpeaking()) return;
      // Each utterance is a new robot turn: one barge-in each, with a fresh echo history.
      const utterance = options.voice.currentUtteranceId();
      if (utterance !== turn) {
        turn = utterance;
        detector.reset();
      }
      const decision = detector.accept(frame, voiceActive, options.sink.outputLevel());
      if (!decision.bargeIn) return;
      void options.voice.stop();
      options.onEvent({ type: 'speech.bargeIn', atMs: decision.atMs });
      const fromMs = decision.voiceStartedAtMs - preRollMs;
      options.onInterruptingSpeech?.(recent.filter((f) => f.startMs + (f.samples.length / ENGINE_SAMPLE_RATE) * 1000 > fromMs));
    },
  };
}
