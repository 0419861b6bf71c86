import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The built kiosk files the window needs. */
export interface KioskPage {
  indexFile: string;
  indexUrl: string;
  preloadFile: string;
}

/**
 * Finds them from the folder of the main bundle (dist/electron): preload.cjs sits beside it and the
 * renderer in dist/renderer. Not from app.getAppPath(), which depends on how Electron was started
 * (`electron .` gives the repo root, `electron dist/electron/main.cjs` gives dist/electron).
 */
export function kioskPageBeside(bundleDir: string): KioskPage {
  const indexFile = path.join(bundleDir, '..', 'renderer', 'index.html');
  return {
    indexFile: path.resolve(indexFile),
    indexUrl: pathToFileURL(path.resolve(indexFile)).href,
    preloadFile: path.join(bundleDir, 'preload.cjs'),
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
