import type { AudioSourceEvent, AudioSourceListener } from './audioSource.js';

/** The listener list every source keeps. A listener that throws is isolated from the source and the others. */
export function createAudioSourceListeners() {
  const listeners = new Set<AudioSourceListener>();
  return {
    subscribe(listener: AudioSourceListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event: AudioSourceEvent): void {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          // A consumer's bug must not stop the microphone; surface it without rethrowing into the stream.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
  };
}
