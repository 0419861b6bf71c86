import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SpeechSynthesisError } from './speechSynthesisError.js';

/**
 * The model-manifest entry of a sherpa-onnx Chinese voice, as documented for the k2-fsa TTS releases
 * (e.g. vits-zh-aishell3, sherpa-onnx-vits-zh-ll, matcha-icefall-zh-baker + vocos vocoder). File names are
 * relative to the voice folder; the manifest (speech/models) checks their sha256, this checks they are usable.
 */
export const sherpaVoiceEntrySchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['vits', 'matcha']),
  files: z.object({
    /** vits: the single ONNX model. */
    model: z.string().optional(),
    /** matcha: acoustic model + vocoder. */
    acousticModel: z.string().optional(),
    vocoder: z.string().optional(),
    tokens: z.string(),
    lexicon: z.string().optional(),
    /** jieba dictionary folder of older zh voices (sherpa-onnx-node 1.13 no longer reads it; checked, passed on). */
    dictDir: z.string().optional(),
    /** Text-normalisation FSTs (phone.fst, date.fst, number.fst): they read numbers out in Chinese. */
    ruleFsts: z.array(z.string()).default([]),
  }),
  speakerId: z.number().int().min(0).default(0),
  /** Default pace: length scale > 1 is slower. 1.15 suits elderly listeners. */
  lengthScale: z.number().positive().default(1.15),
  numThreads: z.number().int().min(1).default(1),
});

export type SherpaVoiceEntry = z.output<typeof sherpaVoiceEntrySchema>;

/** The OfflineTts config of nodejs-addon-examples/test_tts_non_streaming_*_zh*.js, with absolute paths. */
export interface SherpaTtsConfig {
  model: {
    vits?: { model: string; tokens: string; lexicon?: string; dictDir?: string };
    matcha?: { acousticModel: string; vocoder: string; tokens: string; lexicon?: string; dictDir?: string };
    numThreads: number;
    debug: boolean;
    provider: 'cpu';
  };
  maxNumSentences: number;
  ruleFsts: string;
}

function requiredFiles(entry: SherpaVoiceEntry): Array<[role: string, file: string | undefined]> {
  const f = entry.files;
  const common: Array<[string, string | undefined]> = [['tokens', f.tokens], ...f.ruleFsts.map((r): [string, string] => ['ruleFsts', r])];
  if (f.lexicon !== undefined) common.push(['lexicon', f.lexicon]);
  if (f.dictDir !== undefined) common.push(['dictDir', f.dictDir]);
  return entry.kind === 'vits' ? [['model', f.model], ...common] : [['acousticModel', f.acousticModel], ['vocoder', f.vocoder], ...common];
}

/**
 * Validates a voice entry against its folder and builds the OfflineTts config. Every problem is reported at once,
 * in one SpeechSynthesisError of kind 'voiceInvalid', so the diagnostics screen can show the whole list.
 */
export function sherpaTtsConfigFor(folder: string, rawEntry: unknown): { entry: SherpaVoiceEntry; config: SherpaTtsConfig } {
  const parsed = sherpaVoiceEntrySchema.safeParse(rawEntry);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(entry)'}: ${i.message}`).join('; ');
    throw new SpeechSynthesisError('voiceInvalid', `TTS voice manifest entry is invalid: ${issues}`);
  }
  const entry = parsed.data;
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new SpeechSynthesisError('voiceInvalid', `TTS voice "${entry.id}": folder ${folder} does not exist`);
  }
  const problems: string[] = [];
  const resolve = (role: string, file: string | undefined): string => {
    if (file === undefined) {
      problems.push(`${entry.kind} voice needs files.${role}`);
      return '';
    }
    const full = path.resolve(folder, file);
    if (!existsSync(full)) problems.push(`${file} (${role}) is missing`);
    else if (role !== 'dictDir' && statSync(full).size === 0) problems.push(`${file} (${role}) is empty`);
    return full;
  };
  const files = Object.fromEntries(requiredFiles(entry).map(([role, file]) => [role, resolve(role, file)])) as Record<string, string>;
  const ruleFsts = entry.files.ruleFsts.map((r) => path.resolve(folder, r));
  if (problems.length > 0) {
    throw new SpeechSynthesisError('voiceInvalid', `TTS voice "${entry.id}" in ${folder}: ${problems.join('; ')}`);
  }
  const optional = { ...(files.lexicon ? { lexicon: files.lexicon } : {}), ...(files.dictDir ? { dictDir: files.dictDir } : {}) };
  const model: SherpaTtsConfig['model'] = { numThreads: entry.numThreads, debug: false, provider: 'cpu' };
  if (entry.kind === 'vits') model.vits = { model: files.model!, tokens: files.tokens!, ...optional };
  else model.matcha = { acousticModel: files.acousticModel!, vocoder: files.vocoder!, tokens: files.tokens!, ...optional };
  // One sentence per generate call: the pipeline already feeds sentence by sentence.
  return { entry, config: { model, maxNumSentences: 1, ruleFsts: ruleFsts.join(',') } };
}
