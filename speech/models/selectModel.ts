import type { ModelEntry, ModelManifest, ModelRole } from '../../common/modelManifest.js';
import type { ModelStatus } from './checkModels.js';

export interface SelectModelOptions {
  /** Refuse models whose sha256 is not recorded (a deployment should set this once the hashes are filled in). */
  requireVerified?: boolean;
}

export type ModelSelection =
  | { entry: ModelEntry; status: ModelStatus; reason: string }
  | { entry: undefined; status: undefined; reason: string };

/**
 * The best usable model of a role: production before development, in manifest order. The reason says which model
 * was taken and why the ones before it were passed over, in one line for the log and the diagnostics screen.
 */
export function selectModel(manifest: ModelManifest, statuses: readonly ModelStatus[], role: ModelRole, options: SelectModelOptions = {}): ModelSelection {
  const candidates = manifest.models
    .filter((m) => m.role === role)
    .sort((a, b) => (a.tier === b.tier ? 0 : a.tier === 'production' ? -1 : 1));
  const passedOver: string[] = [];
  for (const entry of candidates) {
    const status = statuses.find((s) => s.id === entry.id);
    if (!status) {
      passedOver.push(`${entry.id}: not checked`);
      continue;
    }
    const acceptable = status.state === 'ok' || (status.state === 'unverified' && !options.requireVerified);
    if (acceptable) {
      const note = status.state === 'unverified' ? ' (files present, sha256 not recorded)' : '';
      const skipped = passedOver.length > 0 ? `; passed over ${passedOver.join('; ')}` : '';
      return { entry, status, reason: `using ${entry.id} (${entry.tier})${note}${skipped}` };
    }
    passedOver.push(`${entry.id}: ${status.reason}`);
  }
  if (candidates.length === 0) return { entry: undefined, status: undefined, reason: `the manifest has no ${role} model` };
  return { entry: undefined, status: undefined, reason: `no usable ${role} model: ${passedOver.join('; ')}` };
}

/** Absolute path of a named file of a selected model. */
export function modelFilePath(status: ModelStatus, name: string): string {
  const file = status.files.find((f) => f.name === name);
  if (!file?.path) throw new Error(`model ${status.id} has no file named "${name}"`);
  return file.path;
}
