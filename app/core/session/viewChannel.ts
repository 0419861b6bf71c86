import type { KioskView } from '../../api/kioskApi.js';

/** The latest screen view and whoever listens for it (the web server's sockets, the Electron bridge). */
export function createViewChannel() {
  const listeners = new Set<(view: KioskView) => void>();
  let latest: KioskView | null = null;
  return {
    publish(view: KioskView): void {
      latest = view;
      for (const listener of listeners) listener(view);
    },
    /** A new listener gets the current view at once. */
    subscribe(listener: (view: KioskView) => void): () => void {
      listeners.add(listener);
      if (latest) listener(latest);
      return () => listeners.delete(listener);
    },
    clear(): void {
      listeners.clear();
    },
  };
}
