import type { ClientMessage, KioskView, ServerMessage } from '../api/kioskApi.js';
import type { ConnectionState, KioskClient } from './kioskClient.js';

const firstRetryMs = 500;
const maxRetryMs = 5_000;

/**
 * The web kiosk transport: one WebSocket that reconnects by itself with a growing pause.
 * The server sends the current view on every (re)connect, so nothing has to be replayed here.
 */
export function connectWebSocketKiosk(url: string): KioskClient {
  const viewListeners = new Set<(view: KioskView) => void>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  const errorListeners = new Set<(message: string) => void>();
  let latestView: KioskView | null = null;
  let state: ConnectionState = 'connecting';
  let socket: WebSocket | null = null;
  let retryMs = firstRetryMs;

  function setState(next: ConnectionState): void {
    if (next === state) return;
    state = next;
    for (const listener of connectionListeners) listener(state);
  }

  function connect(): void {
    setState('connecting');
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      retryMs = firstRetryMs;
      setState('open');
    });
    ws.addEventListener('message', (event) => handleMessage(event.data));
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = null;
      setState('closed');
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, maxRetryMs);
    });
    // An error is always followed by close, which schedules the retry.
  }

  function handleMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: ServerMessage;
    try {
      message = JSON.parse(data) as ServerMessage;
    } catch {
      return;
    }
    if (message.type === 'view') {
      latestView = message.view;
      for (const listener of viewListeners) listener(message.view);
    } else if (message.type === 'error') {
      for (const listener of errorListeners) listener(message.message);
    }
  }

  connect();

  return {
    send(input) {
      if (!socket || socket.readyState !== WebSocket.OPEN) return false;
      const message: ClientMessage = { type: 'input', input };
      socket.send(JSON.stringify(message));
      return true;
    },
    subscribe(listener) {
      viewListeners.add(listener);
      if (latestView) listener(latestView);
      return () => viewListeners.delete(listener);
    },
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      listener(state);
      return () => connectionListeners.delete(listener);
    },
    onError(listener) {
      errorListeners.add(listener);
      return () => errorListeners.delete(listener);
    },
  };
}
