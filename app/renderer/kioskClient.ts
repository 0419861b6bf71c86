import type { KioskApi, KioskInput, KioskView } from '../api/kioskApi.js';
import { connectWebSocketKiosk } from './webSocketKiosk.js';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in a plain browser. */
    kioskApi?: KioskApi;
  }
}

export type ConnectionState = 'connecting' | 'open' | 'closed';

/** KioskApi plus what only a remote transport has: a connection state and transport errors. */
export interface KioskClient {
  /** False when the input could not be delivered (the WebSocket is down). */
  send(input: KioskInput): boolean;
  subscribe(listener: (view: KioskView) => void): () => void;
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
  /** Errors the transport reports in Chinese (for example a rejected message). */
  onError(listener: (message: string) => void): () => void;
}

/** Electron's preload bridge when present, otherwise the web kiosk's WebSocket at `/api` on this host. */
export function createKioskClient(): KioskClient {
  const bridged = window.kioskApi;
  if (bridged) return fromBridge(bridged);
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return connectWebSocketKiosk(`${scheme}//${location.host}/api`);
}

/** The IPC bridge lives as long as the page, so it is always "open". */
function fromBridge(api: KioskApi): KioskClient {
  return {
    send(input) {
      api.send(input);
      return true;
    },
    subscribe: (listener) => api.subscribe(listener),
    onConnectionChange(listener) {
      listener('open');
      return () => {};
    },
    onError: () => () => {},
  };
}
