import type { PlaybackOutcome, PlayOptions } from './audioSink.js';
import { rootMeanSquare, type PcmAudio } from './pcmAudio.js';

/** The device side of a sink: what PacedPlayback writes to. */
export interface PlaybackOutput {
  /** Writes one chunk that is due at the speaker at playsFromMs (PacedPlayback's clock). */
  write(chunk: Float32Array, sampleRate: number, playsFromMs: number): void;
  /** Everything queued has been played: the device may go idle. */
  idle(): void;
  /** Cuts the sound now, dropping what the device still holds; resolves once it is silent. */
  silence(): Promise<void>;
}

export interface PacingOptions {
  /** Size of each write. Small chunks are what make a stop quick. */
  chunkMs?: number;
  /** How far ahead of the speaker the writer runs: covers timer jitter without holding much unplayed audio. */
  leadMs?: number;
  now?: () => number;
}

interface ScheduledAudio {
  audio: PcmAudio;
  options: PlayOptions;
  resolve: (outcome: PlaybackOutcome) => void;
  /** When sample 0 is due at the speaker; set when writing starts. */
  anchorMs?: number;
  writtenSamples: number;
  startAnnounced: boolean;
}

const LEVEL_WINDOW_MS = 20;

function endMs(item: ScheduledAudio): number {
  return item.anchorMs! + (item.audio.samples.length / item.audio.sampleRate) * 1000;
}

/**
 * The real-time writer shared by every sink: keeps a queue of audio, writes it in small chunks no further
 * than `leadMs` ahead of the speaker, knows which sample is due now (for the output level), and can drop
 * everything at once.
 */
export class PacedPlayback {
  private readonly chunkMs: number;
  private readonly leadMs: number;
  private readonly now: () => number;
  private items: ScheduledAudio[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly output: PlaybackOutput,
    options: PacingOptions = {},
  ) {
    this.chunkMs = options.chunkMs ?? 20;
    this.leadMs = options.leadMs ?? 40;
    this.now = options.now ?? (() => performance.now());
  }

  enqueue(audio: PcmAudio, options: PlayOptions = {}): Promise<PlaybackOutcome> {
    if (audio.samples.length === 0) return Promise.resolve({ reason: 'finished', playedMs: 0 });
    return new Promise((resolve) => {
      this.items.push({ audio, options, resolve, writtenSamples: 0, startAnnounced: false });
      this.pump();
      this.timer ??= setInterval(() => this.pump(), this.chunkMs / 2);
    });
  }

  isPlaying(): boolean {
    return this.items.length > 0;
  }

  outputLevel(): number {
    const t = this.now();
    const item = this.items.find((i) => i.anchorMs !== undefined && i.anchorMs <= t && t < endMs(i));
    if (!item) return 0;
    const rate = item.audio.sampleRate;
    const due = Math.floor(((t - item.anchorMs!) / 1000) * rate);
    return rootMeanSquare(item.audio.samples, due - Math.round((LEVEL_WINDOW_MS / 1000) * rate), Math.min(due, item.writtenSamples));
  }

  /** Drops everything and silences the device; every pending play resolves with `reason`. */
  async drop(reason: 'stopped' | 'fault'): Promise<void> {
    const t = this.now();
    const dropped = this.items;
    this.items = [];
    this.stopTimer();
    if (reason === 'stopped') await this.output.silence();
    for (const item of dropped) {
      const playedMs = item.anchorMs === undefined ? 0 : Math.max(0, Math.min(t, endMs(item)) - item.anchorMs);
      item.resolve({ reason, playedMs });
    }
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private pump(): void {
    const t = this.now();
    for (const item of this.items) {
      if (!item.startAnnounced && item.anchorMs !== undefined && item.anchorMs <= t) {
        item.startAnnounced = true;
        item.options.onStart?.(item.anchorMs);
      }
    }
    while (this.items.length > 0) {
      const head = this.items[0]!;
      if (head.writtenSamples < head.audio.samples.length || t < endMs(head)) break;
      this.items.shift();
      head.resolve({ reason: 'finished', playedMs: endMs(head) - head.anchorMs! });
    }
    let previousEnd: number | undefined;
    for (const item of this.items) {
      const { samples, sampleRate } = item.audio;
      // Gapless after the previous audio when that is still sounding; otherwise as soon as possible.
      item.anchorMs ??= Math.max(t, previousEnd ?? t);
      const chunkSamples = Math.max(1, Math.round((this.chunkMs / 1000) * sampleRate));
      while (item.writtenSamples < samples.length && item.anchorMs + (item.writtenSamples / sampleRate) * 1000 < t + this.leadMs) {
        const from = item.writtenSamples;
        const to = Math.min(samples.length, from + chunkSamples);
        item.writtenSamples = to;
        this.output.write(samples.subarray(from, to), sampleRate, item.anchorMs + (from / sampleRate) * 1000);
        if (this.items.length === 0) return; // the write failed and the output dropped everything
      }
      if (item.writtenSamples < samples.length) break;
      previousEnd = endMs(item);
    }
    if (this.items.length === 0) {
      this.stopTimer();
      this.output.idle();
    }
  }
}
