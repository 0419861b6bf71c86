import type { ModelManifest } from '../../common/modelManifest.js';
import type { RecognizerModel } from '../asr/recognizerModel.js';
import type { KeywordSpotterModel } from '../kws/keywordSpotter.js';
import type { ModelStatus } from './checkModels.js';
import { modelFilePath, selectModel, type SelectModelOptions } from './selectModel.js';

export type RecognizerSelection = { model: RecognizerModel; reason: string } | { model: undefined; reason: string };

/**
 * The speech recognizer to load: the production character model when it is present and valid, else the small
 * pinyin model, else none — voice input off, with the reason.
 */
export function selectRecognizer(manifest: ModelManifest, statuses: readonly ModelStatus[], options: SelectModelOptions = {}): RecognizerSelection {
  const selected = selectModel(manifest, statuses, 'asr', options);
  if (!selected.entry) return { model: undefined, reason: `voice input off: ${selected.reason}` };
  const { entry, status } = selected;
  return {
    model: {
      id: entry.id,
      output: entry.output ?? 'characters',
      encoder: modelFilePath(status, 'encoder'),
      decoder: modelFilePath(status, 'decoder'),
      joiner: modelFilePath(status, 'joiner'),
      tokens: modelFilePath(status, 'tokens'),
    },
    reason: selected.reason,
  };
}

export type KeywordSpotterSelection = { model: KeywordSpotterModel; reason: string } | { model: undefined; reason: string };

/** The keyword-spotting model, or none (spoken commands off) with the reason. */
export function selectKeywordSpotterModel(manifest: ModelManifest, statuses: readonly ModelStatus[], options: SelectModelOptions = {}): KeywordSpotterSelection {
  const selected = selectModel(manifest, statuses, 'kws', options);
  if (!selected.entry) return { model: undefined, reason: `spoken commands off: ${selected.reason}` };
  const { status } = selected;
  return {
    model: {
      id: selected.entry.id,
      encoder: modelFilePath(status, 'encoder'),
      decoder: modelFilePath(status, 'decoder'),
      joiner: modelFilePath(status, 'joiner'),
      tokens: modelFilePath(status, 'tokens'),
    },
    reason: selected.reason,
  };
}

export type VadSelection = { modelPath: string; reason: string } | { modelPath: undefined; reason: string };

/** The Silero weights for the voice-activity detector, or none (voice input off) with the reason. */
export function selectVadModel(manifest: ModelManifest, statuses: readonly ModelStatus[], options: SelectModelOptions = {}): VadSelection {
  const selected = selectModel(manifest, statuses, 'vad', options);
  if (!selected.entry) return { modelPath: undefined, reason: `voice input off: ${selected.reason}` };
  return { modelPath: modelFilePath(selected.status, 'model'), reason: selected.reason };
}
