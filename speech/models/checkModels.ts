import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ModelEntry, ModelManifest } from '../../common/modelManifest.js';
import { fileSha256 } from '../../common/node/fileSha256.js';
import { modelFolder } from './modelFolder.js';

export type ModelFileState = 'ok' | 'unverified' | 'missing' | 'wrong-size' | 'wrong-hash';

export interface ModelFileStatus {
  name: string;
  /** Absolute path (undefined when the model's folder itself cannot be found). */
  path: string | undefined;
  state: ModelFileState;
  size?: number;
  sha256?: string;
}

/**
 * - ok: every file is there and matches its recorded sha256;
 * - unverified: every file is there with the recorded size, but some sha256 is not recorded yet;
 * - missing: some file is not there;
 * - corrupt: some file has the wrong size or sha256.
 */
export type ModelState = 'ok' | 'unverified' | 'missing' | 'corrupt';

export interface ModelStatus {
  id: string;
  role: ModelEntry['role'];
  tier: ModelEntry['tier'];
  state: ModelState;
  /** ok or unverified: the files are there and nothing contradicts the manifest. */
  usable: boolean;
  folder: string | undefined;
  /** One plain sentence for the diagnostics screen and the log. */
  reason: string;
  files: ModelFileStatus[];
}

export interface CheckModelsOptions {
  /** Only these models. */
  ids?: readonly string[];
}

async function checkFile(folder: string, file: ModelEntry['files'][number]): Promise<ModelFileStatus> {
  const full = path.join(folder, file.path);
  let size: number;
  try {
    const info = await stat(full);
    if (!info.isFile()) return { name: file.name, path: full, state: 'missing' };
    size = info.size;
  } catch {
    return { name: file.name, path: full, state: 'missing' };
  }
  if (file.size !== null && size !== file.size) return { name: file.name, path: full, state: 'wrong-size', size };
  if (file.sha256 === null) return { name: file.name, path: full, state: 'unverified', size };
  const sha256 = await fileSha256(full);
  return { name: file.name, path: full, state: sha256 === file.sha256 ? 'ok' : 'wrong-hash', size, sha256 };
}

const listOf = (files: ModelFileStatus[], entry: ModelEntry) =>
  files.map((f) => entry.files.find((m) => m.name === f.name)?.path ?? f.name).join(', ');

async function checkModel(entry: ModelEntry, modelDir: string): Promise<ModelStatus> {
  const base = { id: entry.id, role: entry.role, tier: entry.tier };
  const located = modelFolder(entry, modelDir);
  if (located.folder === undefined) {
    return { ...base, state: 'missing', usable: false, folder: undefined, reason: located.reason, files: entry.files.map((f) => ({ name: f.name, path: undefined, state: 'missing' })) };
  }
  const folder = located.folder;
  const files = await Promise.all(entry.files.map((f) => checkFile(folder, f)));
  const missing = files.filter((f) => f.state === 'missing');
  const wrongSize = files.filter((f) => f.state === 'wrong-size');
  const wrongHash = files.filter((f) => f.state === 'wrong-hash');
  const unverified = files.filter((f) => f.state === 'unverified');
  const fetchHint = entry.location.base === 'npm' ? 'run npm install' : 'run `npm run models` on a machine with internet and copy the folder';
  if (missing.length === files.length) {
    return { ...base, state: 'missing', usable: false, folder, reason: `not installed: ${folder} has none of its ${files.length} files (${fetchHint})`, files };
  }
  if (missing.length > 0) {
    return { ...base, state: 'missing', usable: false, folder, reason: `incomplete: ${listOf(missing, entry)} missing in ${folder} (${fetchHint})`, files };
  }
  if (wrongSize.length > 0 || wrongHash.length > 0) {
    const parts = [
      ...wrongSize.map((f) => `${listOf([f], entry)} is ${f.size} bytes, the manifest says ${entry.files.find((m) => m.name === f.name)?.size}`),
      ...(wrongHash.length > 0 ? [`sha256 of ${listOf(wrongHash, entry)} does not match the manifest`] : []),
    ];
    return { ...base, state: 'corrupt', usable: false, folder, reason: `damaged or a different version: ${parts.join('; ')} (${fetchHint})`, files };
  }
  if (unverified.length > 0) {
    return {
      ...base,
      state: 'unverified',
      usable: true,
      folder,
      reason: `present, but the manifest records no sha256 for ${listOf(unverified, entry)}: not verified (\`npm run models -- --record\` records them)`,
      files,
    };
  }
  return { ...base, state: 'ok', usable: true, folder, reason: `all ${files.length} files present, sha256 verified`, files };
}

/**
 * Checks each model of the manifest against the model folders (searched in order: a model is taken from the first
 * folder that holds it whole): presence, size and sha256 (streamed).
 */
export async function checkModels(manifest: ModelManifest, modelDirs: string | readonly string[], options: CheckModelsOptions = {}): Promise<ModelStatus[]> {
  const dirs = typeof modelDirs === 'string' ? [modelDirs] : modelDirs;
  if (dirs.length === 0) throw new Error('checkModels needs at least one model folder');
  const entries = options.ids ? manifest.models.filter((m) => options.ids!.includes(m.id)) : manifest.models;
  const statuses: ModelStatus[] = [];
  // One at a time: hashing several 70 MB files at once only thrashes the two cores.
  for (const entry of entries) statuses.push(await checkModelInFolders(entry, dirs));
  return statuses;
}

async function checkModelInFolders(entry: ModelEntry, dirs: readonly string[]): Promise<ModelStatus> {
  if (entry.location.base === 'npm') return checkModel(entry, dirs[0]!);
  const tried: ModelStatus[] = [];
  for (const dir of dirs) {
    const status = await checkModel(entry, dir);
    if (status.usable) return status;
    tried.push(status);
  }
  // Nothing usable: report the folder that came closest (a damaged copy says more than an absent one).
  const partial = tried.find((s) => s.files.some((f) => f.state !== 'missing'));
  if (partial || tried.length === 1) return partial ?? tried[0]!;
  const hint = 'run `npm run models` on a machine with internet and copy the folder';
  return { ...tried[0]!, reason: `not installed: none of ${tried.map((s) => s.folder).join(', ')} exists or holds its files (${hint})` };
}
