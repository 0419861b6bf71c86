import type { KioskApi, KioskView } from '../api/kioskApi.js';
import { kioskIpcChannels } from '../api/kioskIpcChannels.js';
import { parseKioskInput } from '../api/parseKioskInput.js';
import { isKioskPageUrl, type KioskPage } from './kioskPage.js';

/** What the bridge needs of an IPC message's event: who sent it, from which frame. */
export interface KioskIpcEvent {
  sender: unknown;
  senderFrame: { url: string } | null;
}

/** The part of Electron's ipcMain the bridge uses (injected, so the bridge runs in tests without Electron). */
export interface KioskIpcMain {
  on(channel: string, listener: (event: KioskIpcEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: KioskIpcEvent, ...args: unknown[]) => void): unknown;
}

/** The part of a BrowserWindow the bridge uses. */
export interface KioskIpcWindow {
  isDestroyed(): boolean;
  webContents: { send(channel: string, ...args: unknown[]): void; mainFrame: unknown };
}

export interface KioskIpcLog {
  warn(message: string): void;
  error(message: string, error: unknown): void;
}

export interface KioskIpcOptions {
  api: KioskApi;
  ipc: KioskIpcMain;
  window: KioskIpcWindow;
  page: KioskPage;
  log?: KioskIpcLog;
}

const consoleLog: KioskIpcLog = {
  warn: (message) => console.warn(`[kiosk] ${message}`),
  error: (message, error) => console.error(`[kiosk] ${message}`, error),
};

/**
 * Connects the kiosk window to the KioskApi over IPC. Only the kiosk page's own main frame is listened to, and
 * its input is checked with parseKioskInput (app/api), the same check the web kiosk makes. A refused input is
 * logged by its reason, never its content. Returns a function that disconnects.
 */
export function connectKioskIpc({ api, ipc, window, page, log = consoleLog }: KioskIpcOptions): () => void {
  let latest: KioskView | null = null;

  const push = (): void => {
    // Sent before the page has loaded, a view is simply dropped: the page asks for it on subscribe.
    if (latest && !window.isDestroyed()) window.webContents.send(kioskIpcChannels.view, latest);
  };
  const fromKioskPage = (event: KioskIpcEvent): boolean =>
    !window.isDestroyed() &&
    event.sender === window.webContents &&
    event.senderFrame !== null &&
    event.senderFrame === window.webContents.mainFrame &&
    isKioskPageUrl(page, event.senderFrame.url);

  const onSubscribe = (event: KioskIpcEvent): void => {
    if (fromKioskPage(event)) push();
  };
  const onSend = (event: KioskIpcEvent, raw: unknown): void => {
    if (!fromKioskPage(event)) {
      log.warn('ignored IPC input from an unknown frame');
      return;
    }
    const parsed = parseKioskInput(raw);
    if (!parsed.ok) {
      log.warn(`rejected input: ${parsed.error.reason}`);
      return;
    }
    try {
      api.send(parsed.input);
    } catch (error) {
      log.error('api.send failed', error);
    }
  };

  const unsubscribe = api.subscribe((view) => {
    latest = view;
    push();
  });
  ipc.on(kioskIpcChannels.subscribe, onSubscribe);
  ipc.on(kioskIpcChannels.send, onSend);

  return () => {
    ipc.removeListener(kioskIpcChannels.subscribe, onSubscribe);
    ipc.removeListener(kioskIpcChannels.send, onSend);
    unsubscribe();
  };
}
