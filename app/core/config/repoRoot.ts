import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file sits at app/core/config/. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
