/** The listener list of an event source. A listener that throws is isolated from the source and the others. */
export interface ListenerSet<E> {
  subscribe(listener: (event: E) => void): () => void;
  emit(event: E): void;
}

export function createListenerSet<E>(): ListenerSet<E> {
  const listeners = new Set<(event: E) => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          // A consumer's bug must not stop the audio stream; surface it as an uncaught error afterwards.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
  };
}
