import { transcribe } from '../../speech/index.js';
import { loadConfig, resolveFromRoot } from '../core/config/loadConfig.js';
import { parseCliArgs, UsageError } from './cliOptions.js';

/**
 * `kiosk transcribe <wav>...`: VAD + streaming ASR over each file (any sample rate, resampled to 16 kHz), one JSON
 * line per file: {"file", "text", "pinyin", "segments": [{"start", "end", "text", "pinyin"}], "rtf"}.
 */
export async function transcribeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCliArgs(args, { threads: { type: 'string' } });
  if (positionals.length === 0) throw new UsageError('give one or more audio files: kiosk transcribe a.wav b.wav');
  const numThreads = values.threads === undefined ? 1 : Number(values.threads);
  if (!Number.isInteger(numThreads) || numThreads < 1 || numThreads > 8) throw new UsageError('--threads takes 1 to 8');
  const { config } = loadConfig(values.config ? { file: values.config } : {});
  const results = await transcribe(positionals, { modelDir: config.modelDirs.map(resolveFromRoot), numThreads });
  for (const r of results) {
    process.stdout.write(`${JSON.stringify({ file: r.file, text: r.text, pinyin: r.pinyin, segments: r.segments, rtf: r.rtf })}\n`);
  }
  return 0;
}
