import { ipcMain, type BrowserWindow, type IpcMainEvent } from 'electron';
import type { KioskApi, KioskView } from '../api/kioskApi.js';
import { kioskIpcChannels } from '../preload/kioskIpcChannels.js';
import { parseKioskInput } from '../web/parseClientMessage.js';
import { isKioskPageUrl, type KioskPage } from './kioskPage.js';

/**
 * Connects the kiosk window to the KioskApi over IPC. Inputs are checked with the same parser the
 * web kiosk uses, and only the kiosk page's own frame is listened to. Returns a function that disconnects.
 */
export function bridgeKioskApi(api: KioskApi, window: BrowserWindow, page: KioskPage): () => void {
  let latest: KioskView | null = null;

  const push = (): void => {
    // Sent before the page has loaded, a view is simply dropped: the page asks for it on subscribe.
    if (latest && !window.isDestroyed()) window.webContents.send(kioskIpcChannels.view, latest);
  };
  const fromKioskPage = (event: IpcMainEvent): boolean =>
    !window.isDestroyed() &&
    event.sender === window.webContents &&
    event.senderFrame !== null &&
    event.senderFrame === window.webContents.mainFrame &&
    isKioskPageUrl(page, event.senderFrame.url);

  const onSubscribe = (event: IpcMainEvent): void => {
    if (fromKioskPage(event)) push();
  };
  const onSend = (event: IpcMainEvent, raw: unknown): void => {
    if (!fromKioskPage(event)) {
      console.warn('[kiosk] ignored IPC input from an unknown frame');
      return;
    }
    const parsed = parseKioskInput(raw);
    if (!parsed.ok) {
      console.warn(`[kiosk] rejected input: ${parsed.message}`);
      return;
    }
    try {
      api.send(parsed.value);
    } catch (error) {
      console.error('[kiosk] api.send failed', error);
    }
  };

  const unsubscribe = api.subscribe((view) => {
    latest = view;
    push();
  });
  ipcMain.on(kioskIpcChannels.subscribe, onSubscribe);
  ipcMain.on(kioskIpcChannels.send, onSend);

  return () => {
    ipcMain.removeListener(kioskIpcChannels.subscribe, onSubscribe);
    ipcMain.removeListener(kioskIpcChannels.send, onSend);
    unsubscribe();
  };
}
