import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lower-case hex digits');

export const FACE_MODEL_ROLES = ['face-detect', 'face-landmark', 'face-embed', 'face-liveness', 'face-eye'] as const;
export type FaceModelRole = (typeof FACE_MODEL_ROLES)[number];

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

/** Same shape as the speech entries of models/manifest.json (id, role, tier, licence, source, location, files, config). */
export const faceModelEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  role: z.enum(FACE_MODEL_ROLES),
  tier: z.enum(['production', 'development']),
  description: z.string(),
  licence: z.string().min(1),
  source: z.object({ url: z.url(), page: z.url().optional(), note: z.string().optional() }),
  location: z.discriminatedUnion('base', [
    z.object({ base: z.literal('modelDir'), dir: z.string().min(1) }),
    z.object({ base: z.literal('npm'), package: z.string().min(1), dir: z.string().default('') }),
  ]),
  files: z
    .array(z.object({ name: z.string().min(1), path: z.string().min(1), sha256: sha256.nullable(), size: z.number().int().nonnegative().nullable() }))
    .length(1, 'a face model is one ONNX file'),
  config: z.record(z.string(), z.unknown()).default({}),
});

export type FaceModelEntry = z.output<typeof faceModelEntrySchema>;

/** models/manifest.json of this repository (relative to this file, so it holds when run from the sources). */
export const DEFAULT_FACE_MANIFEST_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../models/manifest.json');

const isFaceRole = (role: unknown) => typeof role === 'string' && role.startsWith('face-');

/**
 * The face entries of a model manifest. They are read from `faceModels` and from `models` alike: the speech
 * schema of `models` does not know the face roles yet, so the face entries live in their own list until it does.
 */
export function parseFaceModelEntries(json: unknown, origin = 'model manifest'): FaceModelEntry[] {
  const root = (json ?? {}) as { models?: unknown; faceModels?: unknown };
  const candidates = [...(Array.isArray(root.models) ? root.models : []), ...(Array.isArray(root.faceModels) ? root.faceModels : [])].filter((m) =>
    isFaceRole((m as { role?: unknown } | null)?.role),
  );
  const entries: FaceModelEntry[] = [];
  const problems: string[] = [];
  candidates.forEach((candidate, i) => {
    const parsed = faceModelEntrySchema.safeParse(candidate);
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((issue) => `face model ${i} ${issue.path.join('.')}: ${issue.message}`));
      return;
    }
    const configCheck = faceModelConfigSchemas[parsed.data.role].safeParse(parsed.data.config);
    if (!configCheck.success) problems.push(...configCheck.error.issues.map((issue) => `${parsed.data.id} config.${issue.path.join('.')}: ${issue.message}`));
    entries.push(parsed.data);
  });
  const ids = entries.map((e) => e.id);
  for (const id of new Set(ids)) if (ids.filter((x) => x === id).length > 1) problems.push(`face model id "${id}" is used twice`);
  if (problems.length > 0) throw new Error(`${origin} is invalid: ${problems.join('; ')}`);
  return entries;
}

export function readFaceModelEntries(file = DEFAULT_FACE_MANIFEST_PATH): FaceModelEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the model manifest ${file}: ${(error as Error).message}`, { cause: error });
  }
  return parseFaceModelEntries(json, file);
}

/** The entry's config with the role's defaults filled in. */
export function faceModelConfig<R extends FaceModelRole>(role: R, entry: FaceModelEntry): FaceModelConfigs[R] {
  return faceModelConfigSchemas[role].parse(entry.config) as FaceModelConfigs[R];
}
