import { ipcMain, type BrowserWindow } from 'electron';
import type { KioskApi } from '../api/kioskApi.js';
import { connectKioskIpc } from './connectKioskIpc.js';
import type { KioskPage } from './kioskPage.js';

/** Connects the kiosk window to the KioskApi over Electron's IPC; returns a function that disconnects. */
export function bridgeKioskApi(api: KioskApi, window: BrowserWindow, page: KioskPage): () => void {
  return connectKioskIpc({ api, ipc: ipcMain, window, page });
}
