import * as ort from 'onnxruntime-node';
import { checkFaceModels, chooseFaceModels, type FaceModelStatus } from './checkFaceModels.js';
import {
  DEFAULT_FACE_MANIFEST_PATH,
  FACE_MODEL_ROLES,
  faceModelConfig,
  readFaceModelEntries,
  type FaceModelConfigs,
  type FaceModelEntry,
  type FaceModelRole,
} from './faceModelManifest.js';

export interface LoadedFaceModel<R extends FaceModelRole> {
  id: string;
  role: R;
  file: string;
  /** 'ok' (sha256 verified) or 'unverified' (no sha256 in the manifest). */
  state: FaceModelStatus['state'];
  config: FaceModelConfigs[R];
  session: ort.InferenceSession;
}

/** One ONNX session per role, created once and shared by every analysis. */
export interface FaceModels {
  detect: LoadedFaceModel<'face-detect'>;
  landmark: LoadedFaceModel<'face-landmark'>;
  embed: LoadedFaceModel<'face-embed'>;
  liveness: LoadedFaceModel<'face-liveness'>;
  eye: LoadedFaceModel<'face-eye'>;
  statuses: FaceModelStatus[];
  /**
   * Releases the five ONNX Runtime sessions (InferenceSession.release) and forgets them, so the next
   * loadFaceModels creates new ones. The models are shared by everyone who loaded them with the same options:
   * release at shutdown, by their owner. Calling it again does nothing.
   */
  release(): Promise<void>;
}

export interface LoadFaceModelsOptions {
  /** Default: models/manifest.json of the repository. */
  manifestPath?: string;
  /** Entries to use instead of reading a manifest. */
  entries?: readonly FaceModelEntry[];
  /** Folders searched for entries located under the model folder (npm entries need none). */
  modelDirs?: readonly string[];
}

/**
 * intraOpNumThreads 1: on the kiosk's two cores one thread per session is the fastest (measured), and it
 * leaves the other core to speech and the UI.
 */
export const FACE_SESSION_OPTIONS: ort.InferenceSession.SessionOptions = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all',
};

const loaded = new Map<string, Promise<FaceModels>>();

const roleKey = { 'face-detect': 'detect', 'face-landmark': 'landmark', 'face-embed': 'embed', 'face-liveness': 'liveness', 'face-eye': 'eye' } as const;

async function createFaceModels(options: LoadFaceModelsOptions): Promise<FaceModels> {
  const entries = options.entries ?? readFaceModelEntries(options.manifestPath ?? DEFAULT_FACE_MANIFEST_PATH);
  const statuses = await checkFaceModels(entries, { modelDirs: options.modelDirs ?? [] });
  const chosen = chooseFaceModels(statuses);
  const absent = FACE_MODEL_ROLES.filter((role) => !chosen.has(role));
  if (absent.length > 0) {
    const why = absent.map((role) => {
      const tried = statuses.filter((s) => s.role === role);
      return tried.length === 0 ? `${role}: no entry in the manifest` : `${role}: ${tried.map((s) => `${s.id} ${s.reason}`).join('; ')}`;
    });
    throw new Error(`face models unusable — ${why.join(' | ')}`);
  }
  const models: Partial<Record<(typeof roleKey)[FaceModelRole], LoadedFaceModel<FaceModelRole>>> = {};
  // Sequentially: session creation is CPU-bound.
  for (const role of FACE_MODEL_ROLES) {
    const status = chosen.get(role)!;
    const entry = entries.find((e) => e.id === status.id)!;
    const session = await ort.InferenceSession.create(status.file!, FACE_SESSION_OPTIONS);
    models[roleKey[role]] = { id: entry.id, role, file: status.file!, state: status.state, config: faceModelConfig(role, entry), session };
  }
  const loadedModels = models as Omit<FaceModels, 'statuses' | 'release'>;
  let released: Promise<void> | null = null;
  const faceModels: FaceModels = {
    ...loadedModels,
    statuses,
    release() {
      released ??= releaseFaceModels(faceModels);
      return released;
    },
  };
  return faceModels;
}

/**
 * Loads (once) the face models named in the manifest: locates each file, checks its size and sha256, and
 * creates its ONNX Runtime session. Rejects with one message naming every unusable role; a damaged file is
 * never loaded.
 */
export function loadFaceModels(options: LoadFaceModelsOptions = {}): Promise<FaceModels> {
  const key = options.entries ? undefined : JSON.stringify([options.manifestPath ?? DEFAULT_FACE_MANIFEST_PATH, options.modelDirs ?? []]);
  if (key === undefined) return createFaceModels(options);
  let pending = loaded.get(key);
  if (!pending) {
    pending = createFaceModels(options);
    loaded.set(key, pending);
    // A failed load is not remembered: the next call tries again (after npm install, a copied folder …).
    pending.catch(() => loaded.delete(key));
  }
  return pending;
}

async function releaseFaceModels(models: FaceModels): Promise<void> {
  for (const [key, pending] of loaded) {
    if ((await pending.catch(() => undefined)) === models) loaded.delete(key);
  }
  for (const model of [models.detect, models.landmark, models.embed, models.liveness, models.eye]) await model.session.release();
}
