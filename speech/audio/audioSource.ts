import type { SpeechEvent } from '../speechEvents.js';
import type { AudioFrame } from './audioFrame.js';

export type AudioFault = Extract<SpeechEvent, { type: 'audio.fault' }>;
export type AudioRestored = Extract<SpeechEvent, { type: 'audio.restored' }>;

/** What a source tells its listener. A source never throws at its listener: failures arrive as faults. */
export type AudioSourceEvent =
  | { type: 'audio.frame'; frame: AudioFrame }
  | AudioFault
  | AudioRestored
  /** The source has nothing more to give (end of a file, a push source closed). A microphone never ends. */
  | { type: 'audio.ended'; atMs: number };

export type AudioSourceListener = (event: AudioSourceEvent) => void;

/**
 * A source of engine-format audio (16 kHz mono float frames) in real time: the microphone, a WAV file, or a push
 * source a test writes to. DESIGN.md rule 2: the speech pipeline takes its source from outside.
 */
export interface AudioSource {
  readonly kind: 'microphone' | 'file' | 'push';
  start(): void;
  stop(): Promise<void>;
  /** Returns the function that unsubscribes. */
  subscribe(listener: AudioSourceListener): () => void;
}

export function microphoneFault(reason: string): AudioFault {
  return { type: 'audio.fault', device: 'microphone', reason };
}
