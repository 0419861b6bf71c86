import { z } from 'zod';
import { FACE_MODEL_ROLES, parseModelManifest, type FaceModelRole, type ModelEntry, type ModelManifest } from '../../common/modelManifest.js';
import { DEFAULT_MANIFEST_PATH, readModelManifest } from '../../common/node/readModelManifest.js';

// The face roles belong to the one manifest schema; vision's callers take them from here.
export { FACE_MODEL_ROLES, type FaceModelRole };

const channelOrder = z.enum(['rgb', 'bgr']);

/**
 * Pre- and post-processing each role needs, so another model can replace a faceplugin one by a manifest edit.
 * The defaults are the faceplugin models' (read from the package's lib/fr_*.js and measured, see
 * docs/face-verification.md).
 */
export const detectConfigSchema = z.object({
  inputWidth: z.number().int().positive().default(320),
  inputHeight: z.number().int().positive().default(240),
  channelOrder: channelOrder.default('bgr'),
  /** input = (pixel − mean) / std */
  mean: z.number().default(127),
  std: z.number().positive().default(128),
  boxEncoding: z.enum(['corners', 'offsets']).default('corners'),
  priors: z
    .object({ minSizes: z.array(z.array(z.number().positive()).min(1)).min(1), steps: z.array(z.number().positive()).min(1) })
    .default({ minSizes: [[10, 16, 24], [32, 48], [64, 96], [128, 192, 256]], steps: [8, 16, 32, 64] }),
  variance: z.tuple([z.number(), z.number()]).default([0.1, 0.2]),
  scoresOutput: z.string().default('scores'),
  boxesOutput: z.string().default('boxes'),
  /** Candidates below this face probability are dropped before NMS. */
  scoreThreshold: z.number().min(0).max(1).default(0.7),
  nmsIou: z.number().min(0).max(1).default(0.3),
});

export const landmarkConfigSchema = z.object({
  inputSize: z.number().int().positive().default(64),
  /** Grey input = pixel / divisor (the package divides by 256). */
  divisor: z.number().positive().default(256),
  /** The crop is the square face box scaled by this (1: the box itself). */
  cropScale: z.number().positive().default(1),
  points: z.literal(68).default(68),
});

export const embedConfigSchema = z.object({
  inputSize: z.literal(112).default(112),
  channelOrder: channelOrder.default('bgr'),
  mean: z.number().default(127),
  std: z.number().positive().default(128),
  embeddingSize: z.number().int().positive().default(512),
});

export const livenessConfigSchema = z.object({
  inputSize: z.number().int().positive().default(128),
  /** Context around the face: the square box scaled by this, shifted to stay inside the frame. */
  cropScale: z.number().positive().default(2.7),
  channelOrder: channelOrder.default('bgr'),
  mean: z.number().default(0),
  std: z.number().positive().default(1),
  /** Index of the "live" class in the softmax output (fr_liveness: 0 live, 1 print, 2 replay — measured on _liveness/). */
  liveIndex: z.number().int().nonnegative().default(0),
});

export const eyeConfigSchema = z.object({
  inputSize: z.number().int().positive().default(24),
  divisor: z.number().positive().default(255),
  /** Eye crop side = eye width (corner to corner) × this. */
  paddingRate: z.number().positive().default(1.6),
  /** Index of the "open" class in the softmax output (fr_eye: 1, measured on _eyes/). */
  openIndex: z.number().int().nonnegative().default(1),
});

export interface FaceModelConfigs {
  'face-detect': z.output<typeof detectConfigSchema>;
  'face-landmark': z.output<typeof landmarkConfigSchema>;
  'face-embed': z.output<typeof embedConfigSchema>;
  'face-liveness': z.output<typeof livenessConfigSchema>;
  'face-eye': z.output<typeof eyeConfigSchema>;
}

export const faceModelConfigSchemas = {
  'face-detect': detectConfigSchema,
  'face-landmark': landmarkConfigSchema,
  'face-embed': embedConfigSchema,
  'face-liveness': livenessConfigSchema,
  'face-eye': eyeConfigSchema,
} as const;

/** A face model: one entry of the model manifest with a face role. */
export type FaceModelEntry = ModelEntry & { role: FaceModelRole };

/** Face models are listed in the kiosk's one model manifest. */
export const DEFAULT_FACE_MANIFEST_PATH = DEFAULT_MANIFEST_PATH;

const isFaceEntry = (entry: ModelEntry): entry is FaceModelEntry => (FACE_MODEL_ROLES as readonly string[]).includes(entry.role);

/** The face entries of a manifest (from `faceModels`, or from `models` should one be listed there), each config checked against its role. */
export function faceModelEntries(manifest: ModelManifest, origin = 'model manifest'): FaceModelEntry[] {
  const entries = [...manifest.models, ...manifest.faceModels].filter(isFaceEntry);
  const problems = entries.flatMap((entry) => {
    const check = faceModelConfigSchemas[entry.role].safeParse(entry.config ?? {});
    return check.success ? [] : check.error.issues.map((issue) => `${entry.id} config.${issue.path.join('.')}: ${issue.message}`);
  });
  if (problems.length > 0) throw new Error(`${origin} is invalid: ${problems.join('; ')}`);
  return entries;
}

export function parseFaceModelEntries(json: unknown, origin = 'model manifest'): FaceModelEntry[] {
  return faceModelEntries(parseModelManifest(json, origin), origin);
}

export function readFaceModelEntries(file = DEFAULT_FACE_MANIFEST_PATH): FaceModelEntry[] {
  return faceModelEntries(readModelManifest(file), file);
}

/** The entry's config with the role's defaults filled in. */
export function faceModelConfig<R extends FaceModelRole>(role: R, entry: FaceModelEntry): FaceModelConfigs[R] {
  return faceModelConfigSchemas[role].parse(entry.config ?? {}) as FaceModelConfigs[R];
}
