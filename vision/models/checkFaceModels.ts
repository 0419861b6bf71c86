import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileSha256 } from '../../common/node/fileSha256.js';
import { FACE_MODEL_ROLES, type FaceModelEntry, type FaceModelRole } from './faceModelManifest.js';

const require = createRequire(import.meta.url);

/** ok: present and the sha256 matches; unverified: present, no sha256 recorded; missing; corrupt: size or sha256 differ. */
export type FaceModelState = 'ok' | 'unverified' | 'missing' | 'corrupt';

export interface FaceModelStatus {
  id: string;
  role: FaceModelRole;
  tier: FaceModelEntry['tier'];
  state: FaceModelState;
  usable: boolean;
  /** Absolute path of the ONNX file (undefined when its folder cannot be found). */
  file: string | undefined;
  /** One plain sentence for the diagnostics screen and the log. */
  reason: string;
}

export interface LocateOptions {
  /** Folders searched, in order, for entries located under the model folder. */
  modelDirs?: readonly string[];
}

/** The folder an entry's files live in: inside an installed npm package, or the first model folder that has them. */
export function modelFolderOf(entry: FaceModelEntry, options: LocateOptions = {}): string | undefined {
  const location = entry.location;
  if (location.base === 'npm') {
    try {
      return path.join(path.dirname(require.resolve(`${location.package}/package.json`)), location.dir);
    } catch {
      return undefined;
    }
  }
  for (const dir of options.modelDirs ?? []) {
    const folder = path.join(dir, location.dir);
    if (existsSync(path.join(folder, entry.files[0]!.path))) return folder;
  }
  return undefined;
}

export async function checkFaceModel(entry: FaceModelEntry, options: LocateOptions = {}): Promise<FaceModelStatus> {
  const base = { id: entry.id, role: entry.role, tier: entry.tier };
  const spec = entry.files[0]!;
  const folder = modelFolderOf(entry, options);
  const hint = entry.location.base === 'npm' ? `run npm install (package ${entry.location.package})` : 'copy the model folder to the kiosk';
  if (folder === undefined) return { ...base, state: 'missing', usable: false, file: undefined, reason: `not installed: cannot find its folder (${hint})` };
  const file = path.join(folder, spec.path);
  if (!existsSync(file) || !statSync(file).isFile()) return { ...base, state: 'missing', usable: false, file, reason: `not installed: ${file} is missing (${hint})` };
  const size = statSync(file).size;
  if (spec.size !== null && size !== spec.size) {
    return { ...base, state: 'corrupt', usable: false, file, reason: `damaged or a different version: ${spec.path} is ${size} bytes, the manifest says ${spec.size}` };
  }
  if (spec.sha256 === null) return { ...base, state: 'unverified', usable: true, file, reason: `present, but the manifest records no sha256 for ${spec.path}: not verified` };
  const digest = await fileSha256(file);
  if (digest !== spec.sha256) return { ...base, state: 'corrupt', usable: false, file, reason: `damaged or a different version: the sha256 of ${spec.path} does not match the manifest` };
  return { ...base, state: 'ok', usable: true, file, reason: 'present, sha256 verified' };
}

/** Checks every face entry (one at a time: hashing in parallel only thrashes two cores). */
export async function checkFaceModels(entries: readonly FaceModelEntry[], options: LocateOptions = {}): Promise<FaceModelStatus[]> {
  const statuses: FaceModelStatus[] = [];
  for (const entry of entries) statuses.push(await checkFaceModel(entry, options));
  return statuses;
}

/**
 * The model to use for each role: the first usable production entry, else the first usable development one.
 * Roles with no usable entry are absent from the map.
 */
export function chooseFaceModels(statuses: readonly FaceModelStatus[]): Map<FaceModelRole, FaceModelStatus> {
  const chosen = new Map<FaceModelRole, FaceModelStatus>();
  for (const role of FACE_MODEL_ROLES) {
    const usable = statuses.filter((s) => s.role === role && s.usable);
    const pick = usable.find((s) => s.tier === 'production') ?? usable[0];
    if (pick) chosen.set(role, pick);
  }
  return chosen;
}
