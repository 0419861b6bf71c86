import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The Electron binary's path, or null where it was not downloaded (the npm package installs without it
 * under ELECTRON_SKIP_BINARY_DOWNLOAD, and then `require('electron')` throws).
 */
export function findElectronBinary(): string | null {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
