import { ENGINE_SAMPLE_RATE } from './audioFrame.js';
import { microphoneFault, type AudioSource, type AudioSourceEvent } from './audioSource.js';
import { createListenerSet } from './listenerSet.js';
import { readAudioFile } from './readAudioFile.js';

export interface WavFileSourceOptions {
  /** Pace frames at the speed of speech (default) or emit them as fast as the listener takes them. */
  realTime?: boolean;
  frameMs?: number;
  /** Silence appended after the recording, so an endpoint rule can see the speaker stop. */
  trailingSilenceMs?: number;
  /** The clock real-time pacing follows (ms); tests move it by hand. Default: performance.now(). */
  now?: () => number;
}

/**
 * A WAV file played as if it were the microphone: any rate, channel count or sample format, converted to 16 kHz
 * mono. A file that cannot be read becomes an `audio.fault` (device 'microphone': it stands in for one).
 */
export function createWavFileSource(file: string, options: WavFileSourceOptions = {}): AudioSource & { readonly kind: 'file' } {
  const realTime = options.realTime ?? true;
  const now = options.now ?? (() => performance.now());
  const frameSamples = Math.round(((options.frameMs ?? 20) * ENGINE_SAMPLE_RATE) / 1000);
  const trailingSamples = Math.round(((options.trailingSilenceMs ?? 0) * ENGINE_SAMPLE_RATE) / 1000);
  const listeners = createListenerSet<AudioSourceEvent>();
  let running = false;
  let timer: NodeJS.Timeout | undefined;

  async function play(): Promise<void> {
    let samples: Float32Array;
    try {
      const audio = await readAudioFile(file);
      samples = new Float32Array(audio.samples.length + trailingSamples);
      samples.set(audio.samples);
    } catch (error) {
      if (running) listeners.emit(microphoneFault(`cannot read the recording ${file}: ${(error as Error).message}`));
      running = false;
      return;
    }
    const startedAt = now();
    let offset = 0;
    const emitDue = () => {
      timer = undefined;
      if (!running) return;
      // Real time: emit every frame whose start is due (catches up after a late timer instead of drifting).
      const dueSamples = realTime ? ((now() - startedAt) * ENGINE_SAMPLE_RATE) / 1000 + frameSamples : Infinity;
      let emitted = 0;
      while (running && offset < samples.length && offset < dueSamples && (realTime || emitted < 50)) {
        const frame = samples.slice(offset, offset + frameSamples);
        listeners.emit({ type: 'audio.frame', frame: { samples: frame, startMs: (offset * 1000) / ENGINE_SAMPLE_RATE } });
        offset += frame.length;
        emitted++;
      }
      if (!running) return;
      if (offset >= samples.length) {
        running = false;
        listeners.emit({ type: 'audio.ended', atMs: (samples.length * 1000) / ENGINE_SAMPLE_RATE });
        return;
      }
      const nextDueMs = realTime ? (offset * 1000) / ENGINE_SAMPLE_RATE - (now() - startedAt) : 0;
      timer = realTime ? setTimeout(emitDue, Math.max(0, nextDueMs)) : setTimeout(emitDue, 0);
    };
    emitDue();
  }

  return {
    kind: 'file',
    subscribe: listeners.subscribe,
    start() {
      if (running) return;
      running = true;
      void play();
    },
    async stop() {
      running = false;
      clearTimeout(timer);
    },
  };
}
