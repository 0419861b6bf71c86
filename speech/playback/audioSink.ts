import type { SpeechEvent } from '../speechEvents.js';
import type { PcmAudio } from './pcmAudio.js';

export type SpeakerFault = Extract<SpeechEvent, { type: 'audio.fault' }>;
export type SpeakerRestored = Extract<SpeechEvent, { type: 'audio.restored' }>;
/** A speaker failure, and its recovery once audio plays through again. */
export type SpeakerStatusEvent = SpeakerFault | SpeakerRestored;

export interface PlaybackOutcome {
  /** 'finished': all of it was heard; 'stopped': stop() cut it off; 'fault': the speaker failed. */
  reason: 'finished' | 'stopped' | 'fault';
  /** How much of it went out before the end, in ms of audio. */
  playedMs: number;
}

export interface PlayOptions {
  /** Called when the first sample of this audio is due at the speaker (sink clock, ms). */
  onStart?: (atMs: number) => void;
}

/**
 * Where synthesized speech goes. play() queues behind audio already playing, gapless, so the next sentence
 * can be handed over while the current one plays. It never rejects: a dead speaker resolves as 'fault' and
 * raises an audio.fault for the session to see.
 */
export interface AudioSink {
  play(audio: PcmAudio, options?: PlayOptions): Promise<PlaybackOutcome>;
  /** Silences the speaker within 200 ms and drops everything queued; pending play() calls resolve 'stopped'. */
  stop(): Promise<void>;
  /** True while audio is queued or sounding. */
  isPlaying(): boolean;
  /** RMS of the last 20 ms due at the speaker, 0 when silent: the echo reference for barge-in. */
  outputLevel(): number;
  /** Failures (once per run of failures, never thrown) and the recovery after them. Returns the unsubscribe function. */
  onStatus(listener: (event: SpeakerStatusEvent) => void): () => void;
  /** Stops and releases the device. */
  close(): Promise<void>;
}

export function speakerFault(reason: string): SpeakerFault {
  return { type: 'audio.fault', device: 'speaker', reason };
}

export function speakerRestored(atMs: number): SpeakerRestored {
  return { type: 'audio.restored', device: 'speaker', atMs };
}
