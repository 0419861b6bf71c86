import type { AudioSink, PlaybackOutcome, SpeakerStatusEvent } from '../playback/audioSink.js';
import { speakerFault } from '../playback/audioSink.js';
import type { SpeechEvent } from '../speechEvents.js';
import type { SpeechSynthesizer } from '../tts/speechSynthesizer.js';
import { isSpeechSynthesisError } from '../tts/speechSynthesisError.js';
import { synthesizeSentenceBySentence } from '../tts/synthesizeSentenceBySentence.js';

export type RobotVoiceEvent = Extract<SpeechEvent, { type: 'tts.started' | 'tts.finished' }> | SpeakerStatusEvent;

export interface SayOptions {
  /** 'replace' (default): a new answer cuts off what is being said. 'queue': it waits its turn. */
  whenBusy?: 'replace' | 'queue';
  /** Engine rate for this utterance (see SynthesisOptions.rate). */
  rate?: number;
}

export interface RobotVoiceOptions {
  synthesizer: SpeechSynthesizer;
  sink: AudioSink;
  onEvent: (event: RobotVoiceEvent) => void;
  /** Default engine rate for every utterance. */
  rate?: number;
  /** Longest piece synthesized at once (characters); see splitIntoSpokenPieces. */
  maxSentenceChars?: number;
  /** The session's audio clock (ms since the audio source started), for event times. */
  now?: () => number;
}

export interface RobotVoice {
  /** Starts speaking (or queues) and returns the utterance id that its tts.started / tts.finished events carry. */
  say(text: string, options?: SayOptions): string;
  /** Silences the robot and drops everything queued (the 停 keyword, a barge-in). Resolves once the speaker is silent. */
  stop(): Promise<void>;
  /** True from say() until the last queued utterance has finished. */
  isSpeaking(): boolean;
  /** The utterance being spoken now. */
  currentUtteranceId(): string | undefined;
  /** Resolves when nothing is being said or queued. */
  idle(): Promise<void>;
  /** Stops, and stops forwarding the sink's status events. */
  close(): Promise<void>;
}

interface Utterance {
  id: string;
  text: string;
  rate: number | undefined;
  abort: AbortController;
  started: boolean;
}

/**
 * The robot's mouth: text in, sentence-by-sentence synthesis into the sink, the next sentence synthesized while the
 * current one plays. Every utterance id gets exactly one tts.finished (interrupted when it was cut off, replaced,
 * or failed); tts.started comes when its first sample is due at the speaker, so an utterance stopped before it
 * made a sound has no tts.started.
 */
export function createRobotVoice(options: RobotVoiceOptions): RobotVoice {
  const { synthesizer, sink, onEvent } = options;
  const now = options.now ?? (() => performance.now());
  const queue: Utterance[] = [];
  let active: Utterance | undefined;
  let loop: Promise<void> | undefined;
  let counter = 0;
  const unsubscribe = sink.onStatus(onEvent);

  const finish = (u: Utterance, interrupted: boolean) => onEvent({ type: 'tts.finished', utteranceId: u.id, atMs: now(), interrupted });

  const markStarted = (u: Utterance) => {
    if (u.started || u.abort.signal.aborted) return;
    u.started = true;
    onEvent({ type: 'tts.started', utteranceId: u.id, atMs: now() });
  };

  async function speak(u: Utterance): Promise<void> {
    let interrupted = false;
    try {
      // Keep at most one sentence queued behind the one playing: enough to be gapless, little to throw away on a stop.
      let previous: Promise<PlaybackOutcome> | undefined;
      const sentences = synthesizeSentenceBySentence(synthesizer, u.text, {
        signal: u.abort.signal,
        ...(u.rate !== undefined ? { rate: u.rate } : {}),
        ...(options.maxSentenceChars !== undefined ? { maxChars: options.maxSentenceChars } : {}),
      });
      for await (const sentence of sentences) {
        if (u.abort.signal.aborted) break;
        const playing = sink.play(sentence.audio, { onStart: () => markStarted(u) });
        if (previous && (await previous).reason !== 'finished') {
          interrupted = true;
          break;
        }
        previous = playing;
      }
      if (!interrupted && previous) interrupted = (await previous).reason !== 'finished';
    } catch (error) {
      interrupted = true;
      if (!(isSpeechSynthesisError(error) && error.kind === 'aborted')) {
        onEvent(speakerFault(`speech synthesis failed (${synthesizer.engine}): ${(error as Error).message}`));
      }
    }
    finish(u, interrupted || u.abort.signal.aborted);
  }

  const run = async () => {
    while (queue.length > 0) {
      active = queue.shift()!;
      await speak(active);
      active = undefined;
    }
  };

  const ensureRunning = () => {
    loop ??= run().finally(() => {
      loop = undefined;
      if (queue.length > 0) ensureRunning();
    });
  };

  const dropQueued = () => {
    for (const u of queue.splice(0)) finish(u, true);
  };

  const interruptActive = (): Promise<void> => {
    if (!active) return Promise.resolve();
    active.abort.abort();
    return sink.stop();
  };

  return {
    say(text, sayOptions = {}) {
      const u: Utterance = { id: `tts-${++counter}`, text, rate: sayOptions.rate ?? options.rate, abort: new AbortController(), started: false };
      if ((sayOptions.whenBusy ?? 'replace') === 'replace') {
        dropQueued();
        void interruptActive();
      }
      queue.push(u);
      ensureRunning();
      return u.id;
    },
    async stop() {
      dropQueued();
      await interruptActive();
      await loop;
    },
    isSpeaking: () => active !== undefined || queue.length > 0,
    currentUtteranceId: () => active?.id,
    async idle() {
      while (loop) await loop;
    },
    async close() {
      await this.stop();
      unsubscribe();
    },
  };
}
