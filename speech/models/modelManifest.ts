import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lower-case hex digits');

export const modelFileSchema = z.object({
  /** What the file is to its engine (encoder, tokens, …), unique within the model. */
  name: z.string().min(1),
  path: z.string().min(1),
  /** null: not recorded yet (the file can be found but not verified). */
  sha256: sha256.nullable(),
  size: z.number().int().nonnegative().nullable(),
});

export const modelLocationSchema = z.discriminatedUnion('base', [
  /** A folder under the kiosk's configured model folder. */
  z.object({ base: z.literal('modelDir'), dir: z.string().min(1) }),
  /** A folder inside an installed npm package (comes with `npm install`). */
  z.object({ base: z.literal('npm'), package: z.string().min(1), dir: z.string().default('') }),
]);

export const modelEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  role: z.enum(['asr', 'kws', 'vad', 'tts']),
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
  /** Engine settings handed to the loader as they are (e.g. the TTS voice entry). */
  config: z.record(z.string(), z.unknown()).optional(),
});

export const modelManifestSchema = z
  .object({
    schemaVersion: z.literal(1),
    note: z.string().optional(),
    models: z.array(modelEntrySchema),
  })
  .superRefine((manifest, ctx) => {
    const ids = new Set<string>();
    for (const model of manifest.models) {
      if (ids.has(model.id)) ctx.addIssue({ code: 'custom', message: `model id "${model.id}" is used twice` });
      ids.add(model.id);
      if (model.role === 'asr' && !model.output) ctx.addIssue({ code: 'custom', message: `asr model "${model.id}" must say its output (characters or pinyin)` });
      const names = model.files.map((f) => f.name);
      if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', message: `model "${model.id}" names a file twice` });
    }
  });

export type ModelManifest = z.output<typeof modelManifestSchema>;
export type ModelEntry = ModelManifest['models'][number];
export type ModelFile = ModelEntry['files'][number];
export type ModelRole = ModelEntry['role'];

/** models/manifest.json of this repository (relative to this file, so it holds when run from the sources). */
export const DEFAULT_MANIFEST_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../models/manifest.json');

/** Parses and checks a manifest; throws an Error that names the file and each problem. */
export function parseModelManifest(json: unknown, origin = 'model manifest'): ModelManifest {
  const parsed = modelManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
    throw new Error(`${origin} is invalid: ${issues}`);
  }
  return parsed.data;
}

export function readModelManifest(file = DEFAULT_MANIFEST_PATH): ModelManifest {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the model manifest ${file}: ${(error as Error).message}`, { cause: error });
  }
  return parseModelManifest(json, file);
}
