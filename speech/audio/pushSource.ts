import { ENGINE_SAMPLE_RATE } from './audioFrame.js';
import { microphoneFault, type AudioSource, type AudioSourceEvent } from './audioSource.js';
import { createListenerSet } from './listenerSet.js';
import { createFrameSplitter } from './frameSplitter.js';
import { createResampler, type Resampler } from './resampler.js';

export interface PushSource extends AudioSource {
  readonly kind: 'push';
  /** Audio at the source's sample rate, mono float; it is cut into frames and timed by its sample count. */
  push(samples: Float32Array): void;
  /** Ends the stream: the partial last frame is emitted, then `audio.ended`. */
  end(): void;
  /** Makes the source report a microphone fault, as a failing recorder would. */
  fail(reason: string): void;
  /** Reports the microphone back after a fault. */
  restore(): void;
}

export interface PushSourceOptions {
  sampleRate?: number;
  frameMs?: number;
}

/** A source a test (or another process bridge) writes to. Frames are emitted synchronously from `push`. */
export function createPushSource(options: PushSourceOptions = {}): PushSource {
  const sampleRate = options.sampleRate ?? ENGINE_SAMPLE_RATE;
  const splitter = createFrameSplitter(Math.round(((options.frameMs ?? 20) * ENGINE_SAMPLE_RATE) / 1000));
  const resampler: Resampler | undefined = sampleRate === ENGINE_SAMPLE_RATE ? undefined : createResampler(sampleRate, ENGINE_SAMPLE_RATE);
  const listeners = createListenerSet<AudioSourceEvent>();
  let running = false;
  let emittedSamples = 0;

  function emitFrames(frames: Float32Array[]): void {
    for (const frame of frames) {
      listeners.emit({ type: 'audio.frame', frame: { samples: frame, startMs: (emittedSamples * 1000) / ENGINE_SAMPLE_RATE } });
      emittedSamples += frame.length;
    }
  }
  const nowMs = () => (emittedSamples * 1000) / ENGINE_SAMPLE_RATE;

  return {
    kind: 'push',
    subscribe: listeners.subscribe,
    start() {
      running = true;
    },
    async stop() {
      running = false;
    },
    push(samples) {
      if (!running) throw new Error('push source: start() it before pushing audio');
      emitFrames(splitter.push(resampler ? resampler.process(samples) : samples));
    },
    end() {
      if (!running) return;
      if (resampler) emitFrames(splitter.push(resampler.flush()));
      const rest = splitter.drain();
      if (rest.length > 0) emitFrames([rest]);
      running = false;
      listeners.emit({ type: 'audio.ended', atMs: nowMs() });
    },
    fail(reason) {
      listeners.emit(microphoneFault(reason));
    },
    restore() {
      listeners.emit({ type: 'audio.restored', device: 'microphone', atMs: nowMs() });
    },
  };
}
