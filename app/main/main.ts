// Electron main process, kept thin: load the config, start the kiosk core, open the locked-down window,
// bridge the KioskApi over IPC. Everything the kiosk decides lives in app/core.
import { app, Menu } from 'electron';
import { loadConfig } from '../core/config/loadConfig.js';
import { createKioskRuntime } from '../core/kioskRuntime.js';
import { bridgeKioskApi } from './bridgeKioskApi.js';
import { createKioskWindow } from './createKioskWindow.js';
import { kioskPageBeside } from './kioskPage.js';
import { lockDownContents } from './lockDownContents.js';

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // This file only ever runs as the CommonJS bundle dist/electron/main.cjs, where __dirname is defined.
  const page = kioskPageBeside(__dirname);
  lockDownContents(page);
  await app.whenReady();
  Menu.setApplicationMenu(null);

  const { config } = loadConfig();
  const runtime = await createKioskRuntime(config);
  const window = createKioskWindow(page);
  const disconnect = bridgeKioskApi(runtime.api, window, page);

  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopping) return;
    // Let the core finish its writes (print jobs, submissions) before the process goes away.
    event.preventDefault();
    stopping = true;
    disconnect();
    runtime
      .close()
      .catch((error: unknown) => console.error('[kiosk] runtime close failed', error))
      .finally(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());
}

start().catch((error: unknown) => {
  console.error('[kiosk] failed to start', error);
  // A supervisor (systemd) restarts the kiosk; a half-started window would only confuse citizens.
  app.exit(1);
});
