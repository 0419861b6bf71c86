import { speakerFault, speakerRestored, type AudioSink, type PlaybackOutcome, type PlayOptions, type SpeakerStatusEvent } from './audioSink.js';
import { PacedPlayback, type PacingOptions } from './pacedPlayback.js';
import type { PcmAudio } from './pcmAudio.js';

export interface PlayedChunk {
  writtenAtMs: number;
  /** When the chunk is due at the (imaginary) speaker, and when it ends. */
  playsFromMs: number;
  playsUntilMs: number;
  samples: Float32Array;
  sampleRate: number;
}

export interface StopRecord {
  requestedAtMs: number;
  /**
   * When the last written sample has gone out. The memory device plays out what was already written (the
   * worst case of a device that cannot drop its buffer), so this is the honest upper bound of the stop latency.
   */
  silentAtMs: number;
}

export interface MemoryAudioSink extends AudioSink {
  chunks(): readonly PlayedChunk[];
  stops(): readonly StopRecord[];
  /** Everything written so far, concatenated (all at one rate). */
  playedSamples(): Float32Array;
  /** Makes the next play() fail as a dead speaker would. */
  failNextPlay(reason: string): void;
}

/** A sink for tests and the simulator: paced in real time like the speaker, recording what was "played" and when. */
export function createMemoryAudioSink(options: PacingOptions = {}): MemoryAudioSink {
  const now = options.now ?? (() => performance.now());
  const chunks: PlayedChunk[] = [];
  const stops: StopRecord[] = [];
  const statusListeners = new Set<(event: SpeakerStatusEvent) => void>();
  let faulted = false;
  let pendingFailure: string | undefined;
  const playback = new PacedPlayback(
    {
      write(samples, sampleRate, playsFromMs) {
        const playsUntilMs = playsFromMs + (samples.length / sampleRate) * 1000;
        chunks.push({ writtenAtMs: now(), playsFromMs, playsUntilMs, samples: samples.slice(), sampleRate });
      },
      idle() {
        if (!faulted) return;
        faulted = false;
        const restored = speakerRestored(now());
        for (const listener of statusListeners) listener(restored);
      },
      async silence() {
        const requestedAtMs = now();
        const lastWrittenEnd = chunks.reduce((latest, c) => Math.max(latest, c.playsUntilMs), requestedAtMs);
        stops.push({ requestedAtMs, silentAtMs: lastWrittenEnd });
      },
    },
    { ...options, now },
  );
  return {
    play(audio: PcmAudio, playOptions?: PlayOptions): Promise<PlaybackOutcome> {
      if (pendingFailure !== undefined) {
        const fault = speakerFault(pendingFailure);
        pendingFailure = undefined;
        faulted = true;
        for (const listener of statusListeners) listener(fault);
        return Promise.resolve({ reason: 'fault', playedMs: 0 });
      }
      return playback.enqueue(audio, playOptions);
    },
    stop: () => playback.drop('stopped'),
    isPlaying: () => playback.isPlaying(),
    outputLevel: () => playback.outputLevel(),
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    close: () => playback.drop('stopped'),
    chunks: () => chunks,
    stops: () => stops,
    playedSamples() {
      const total = chunks.reduce((n, c) => n + c.samples.length, 0);
      const out = new Float32Array(total);
      let offset = 0;
      for (const c of chunks) {
        out.set(c.samples, offset);
        offset += c.samples.length;
      }
      return out;
    },
    failNextPlay(reason: string) {
      pendingFailure = reason;
    },
  };
}
