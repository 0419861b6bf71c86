import { BrowserWindow } from 'electron';
import type { KioskPage } from './kioskPage.js';

/** Renderer crashes closer together than this count as a crash loop and back off. */
const crashWindowMs = 60_000;
const unresponsiveGraceMs = 15_000;

/** The one fullscreen kiosk window, locked down, that restarts its renderer when it dies or hangs. */
export function createKioskWindow(page: KioskPage): BrowserWindow {
  const window = new BrowserWindow({
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    backgroundColor: '#0a4fa3',
    show: false,
    webPreferences: {
      preload: page.preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: process.env.KIOSK_DEVTOOLS === '1',
    },
  });
  window.setMenu(null);
  window.once('ready-to-show', () => window.show());
  window.webContents.on('did-finish-load', () => {
    // No pinch zoom: an elder's two-finger touch must not leave the screen half-zoomed.
    void window.webContents.setVisualZoomLevelLimits(1, 1);
  });

  restartRendererWhenGone(window);
  void window.loadFile(page.indexFile);
  return window;
}

function restartRendererWhenGone(window: BrowserWindow): void {
  const recentCrashes: number[] = [];
  let unresponsiveTimer: ReturnType<typeof setTimeout> | undefined;

  window.webContents.on('render-process-gone', (_event, details) => {
    console.error(`[kiosk] renderer gone: ${details.reason} (exit code ${details.exitCode})`);
    if (details.reason === 'clean-exit') return;
    const now = Date.now();
    recentCrashes.push(now);
    while (recentCrashes.length > 0 && (recentCrashes[0] ?? now) < now - crashWindowMs) recentCrashes.shift();
    // 1 s, 2 s, 4 s … up to 30 s while it keeps crashing, so a crash loop does not spin the CPU.
    const delayMs = Math.min(1_000 * 2 ** (recentCrashes.length - 1), 30_000);
    setTimeout(() => {
      if (!window.isDestroyed()) window.webContents.reload();
    }, delayMs);
  });

  window.webContents.on('unresponsive', () => {
    clearTimeout(unresponsiveTimer);
    unresponsiveTimer = setTimeout(() => {
      console.error('[kiosk] renderer hung; restarting it');
      if (!window.isDestroyed()) window.webContents.forcefullyCrashRenderer();
    }, unresponsiveGraceMs);
  });
  window.webContents.on('responsive', () => clearTimeout(unresponsiveTimer));
}
