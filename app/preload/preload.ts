// The only thing the kiosk page gets from Electron: the typed KioskApi. Never ipcRenderer itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { KioskApi, KioskView } from '../api/kioskApi.js';
import { kioskIpcChannels } from '../api/kioskIpcChannels.js';

const kioskApi: KioskApi = {
  send(input) {
    ipcRenderer.send(kioskIpcChannels.send, input);
  },
  subscribe(listener) {
    const onView = (_event: IpcRendererEvent, view: KioskView): void => listener(view);
    ipcRenderer.on(kioskIpcChannels.view, onView);
    ipcRenderer.send(kioskIpcChannels.subscribe);
    return () => {
      ipcRenderer.removeListener(kioskIpcChannels.view, onView);
    };
  },
};

contextBridge.exposeInMainWorld('kioskApi', kioskApi);
