import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The Electron binary's path, or null where it was not downloaded (installed with
 * ELECTRON_SKIP_BINARY_DOWNLOAD, or with npm's install scripts not approved). Reads the package's own
 * `path.txt` instead of `require('electron')`, which would try to download the binary on the spot.
 */
export function findElectronBinary(): string | null {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = readFileSync(pathFile, 'utf8').trim();
  const binary = override ? path.join(override, executable) : path.join(packageDir, 'dist', executable);
  return existsSync(binary) ? binary : null;
}
