import { z } from 'zod';

// models/manifest.json: every model the kiosk runs (speech and face), with its files, sha256, source and licence.
// Speech models are listed under `models`, face models under `faceModels`; one entry schema serves both.

const SPEECH_MODEL_ROLES = ['asr', 'kws', 'vad', 'tts'] as const;
export const FACE_MODEL_ROLES = ['face-detect', 'face-landmark', 'face-embed', 'face-liveness', 'face-eye'] as const;
export type FaceModelRole = (typeof FACE_MODEL_ROLES)[number];

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lower-case hex digits');

const modelFileSchema = z.object({
  /** What the file is to its engine (encoder, tokens, …), unique within the model. */
  name: z.string().min(1),
  path: z.string().min(1),
  /** null: not recorded yet (the file can be found but not verified). */
  sha256: sha256.nullable(),
  size: z.number().int().nonnegative().nullable(),
});

const modelLocationSchema = z.discriminatedUnion('base', [
  /** A folder under the kiosk's configured model folder. */
  z.object({ base: z.literal('modelDir'), dir: z.string().min(1) }),
  /** A folder inside an installed npm package (comes with `npm install`). */
  z.object({ base: z.literal('npm'), package: z.string().min(1), dir: z.string().default('') }),
]);

const modelEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  role: z.enum([...SPEECH_MODEL_ROLES, ...FACE_MODEL_ROLES]),
  /** production models are preferred; development ones are the fallback the test machines have. */
  tier: z.enum(['production', 'development']),
  /** asr only: what the recognizer writes. */
  output: z.enum(['characters', 'pinyin']).optional(),
  description: z.string(),
  licence: z.string().min(1),
  source: z.object({
    url: z.url(),
    archive: z.object({ format: z.enum(['tar.bz2', 'tar.gz']), size: z.number().int().positive().nullable(), sha256: sha256.nullable() }).optional(),
    page: z.url().optional(),
    note: z.string().optional(),
  }),
  location: modelLocationSchema,
  files: z.array(modelFileSchema).min(1),
  /** Engine settings handed to the loader as they are (a TTS voice entry, a face model's pre-processing). */
  config: z.record(z.string(), z.unknown()).optional(),
});

const isFaceRole = (role: string) => (FACE_MODEL_ROLES as readonly string[]).includes(role);

const modelManifestSchema = z
  .object({
    schemaVersion: z.literal(1),
    note: z.string().optional(),
    models: z.array(modelEntrySchema),
    faceModels: z.array(modelEntrySchema).default([]),
  })
  .superRefine((manifest, ctx) => {
    const ids = new Set<string>();
    for (const model of [...manifest.models, ...manifest.faceModels]) {
      if (ids.has(model.id)) ctx.addIssue({ code: 'custom', message: `model id "${model.id}" is used twice` });
      ids.add(model.id);
      if (model.role === 'asr' && !model.output) ctx.addIssue({ code: 'custom', message: `asr model "${model.id}" must say its output (characters or pinyin)` });
      const names = model.files.map((f) => f.name);
      if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', message: `model "${model.id}" names a file twice` });
      if (isFaceRole(model.role) && model.files.length !== 1) ctx.addIssue({ code: 'custom', message: `face model "${model.id}" must be one ONNX file` });
    }
  });

export type ModelManifest = z.output<typeof modelManifestSchema>;
export type ModelEntry = ModelManifest['models'][number];
export type ModelRole = ModelEntry['role'];

/** Parses and checks a manifest; throws an Error that names where it came from and each problem. */
export function parseModelManifest(json: unknown, origin = 'model manifest'): ModelManifest {
  const parsed = modelManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
    throw new Error(`${origin} is invalid: ${issues}`);
  }
  return parsed.data;
}
