import type { AudioFrame } from '../audio/audioFrame.js';
import { ENGINE_SAMPLE_RATE } from '../audio/audioFrame.js';
import type { AudioSink } from '../playback/audioSink.js';
import type { SpeechEvent } from '../speechEvents.js';
import type { VoiceActivityDetector } from '../vad/voiceActivityDetector.js';
import { createBargeInDetector, type BargeInSettings } from './bargeInDetector.js';
import type { RobotVoice } from './robotVoice.js';

export interface BargeInMonitorOptions {
  voice: RobotVoice;
  /** The sink the voice plays into: its output level is the echo reference. */
  sink: AudioSink;
  /**
   * The VAD whose verdict gates the detector. While the robot speaks the monitor switches it to its raised
   * `whileSpeaking` settings, so the robot's own voice is less likely to count as speech at all.
   */
  vad: VoiceActivityDetector;
  /**
   * true (default): the monitor feeds the VAD every frame (a VAD of its own). false: the speech pipeline already
   * feeds it; call monitor.accept(frame) after the pipeline has, and the monitor only reads `inSpeech`.
   */
  feedVad?: boolean;
  onEvent: (event: Extract<SpeechEvent, { type: 'speech.bargeIn' }>) => void;
  /**
   * The microphone audio from just before the citizen started talking up to the barge-in, so the recognizer hears
   * the whole of the new utterance and not only what follows the robot falling silent.
   */
  onInterruptingSpeech?: (frames: AudioFrame[]) => void;
  settings?: Partial<BargeInSettings>;
  /** Audio kept before the detected voice onset. */
  preRollMs?: number;
}

export interface BargeInMonitor {
  /** Feed every microphone frame, whether or not the robot is talking. */
  accept(frame: AudioFrame): void;
}

const frameEndMs = (frame: AudioFrame) => frame.startMs + (frame.samples.length / ENGINE_SAMPLE_RATE) * 1000;

/**
 * Turn-taking while the robot talks: microphone frames → VAD + echo-gated barge-in detector → robot silenced
 * (the stop is issued in the same turn of the event loop as the deciding frame) and speech.bargeIn raised.
 */
export function createBargeInMonitor(options: BargeInMonitorOptions): BargeInMonitor {
  const detector = createBargeInDetector(options.settings);
  const preRollMs = options.preRollMs ?? 300;
  const feedVad = options.feedVad ?? true;
  const historyMs = 3_000;
  let recent: AudioFrame[] = [];
  let turn: string | undefined;
  let vadRaised = false;

  const remember = (frame: AudioFrame) => {
    recent.push(frame);
    recent = recent.filter((f) => frameEndMs(f) >= frame.startMs - historyMs);
  };

  return {
    accept(frame) {
      remember(frame);
      const speaking = options.voice.isSpeaking();
      if (speaking !== vadRaised) {
        vadRaised = speaking;
        options.vad.setWhileSpeaking(speaking);
      }
      if (feedVad) options.vad.accept(frame);
      if (!speaking) return;
      // Each utterance is a new robot turn: one barge-in each, with a fresh echo history.
      const utterance = options.voice.currentUtteranceId();
      if (utterance !== turn) {
        turn = utterance;
        detector.reset();
      }
      const decision = detector.accept(frame, options.vad.inSpeech, options.sink.outputLevel());
      if (!decision.bargeIn) return;
      void options.voice.stop();
      options.onEvent({ type: 'speech.bargeIn', atMs: decision.atMs });
      const fromMs = decision.voiceStartedAtMs - preRollMs;
      options.onInterruptingSpeech?.(recent.filter((f) => frameEndMs(f) > fromMs));
    },
  };
}
