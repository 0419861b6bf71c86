import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the built kiosk lives, relative to the app folder (the repo root when run with `electron .`). */
export interface KioskPage {
  indexFile: string;
  indexUrl: string;
  preloadFile: string;
}

export function kioskPageIn(appPath: string): KioskPage {
  const indexFile = path.join(appPath, 'dist', 'renderer', 'index.html');
  return {
    indexFile,
    indexUrl: pathToFileURL(indexFile).href,
    preloadFile: path.join(appPath, 'dist', 'electron', 'preload.cjs'),
  };
}

/** True for the kiosk page itself (any hash or query), false for every other URL. */
export function isKioskPageUrl(page: KioskPage, url: string): boolean {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    parsed.search = '';
    return parsed.href === page.indexUrl;
  } catch {
    return false;
  }
}
