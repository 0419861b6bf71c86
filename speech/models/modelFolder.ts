import { createRequire } from 'node:module';
import path from 'node:path';
import type { ModelEntry } from '../../common/modelManifest.js';

/** Where a model's files live: under the model folder, or inside an installed npm package. */
export function modelFolder(entry: ModelEntry, modelDir: string): { folder: string } | { folder: undefined; reason: string } {
  const location = entry.location;
  if (location.base === 'modelDir') return { folder: path.resolve(modelDir, location.dir) };
  try {
    // The package's main entry locates its folder; package.json may be hidden by an "exports" map.
    const main = createRequire(import.meta.url).resolve(location.package);
    let root = path.dirname(main);
    while (path.basename(root) !== location.package.split('/').pop() && path.dirname(root) !== root) root = path.dirname(root);
    return { folder: path.join(root, location.dir) };
  } catch {
    return { folder: undefined, reason: `the npm package ${location.package} is not installed (run npm install)` };
  }
}
