import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseModelManifest, type ModelManifest } from '../modelManifest.js';

/** models/manifest.json of this repository (relative to this file, so it holds when run from the sources). */
export const DEFAULT_MANIFEST_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../models/manifest.json');

export function readModelManifest(file = DEFAULT_MANIFEST_PATH): ModelManifest {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the model manifest ${file}: ${(error as Error).message}`, { cause: error });
  }
  return parseModelManifest(json, file);
}
