import type { ModelManifest } from '../../common/modelManifest.js';
import { readModelManifest } from '../../common/node/readModelManifest.js';
import { checkModels, type ModelStatus } from './checkModels.js';
import type { SelectModelOptions } from './selectModel.js';
import {
  selectKeywordSpotterModel,
  selectRecognizer,
  selectVadModel,
  type KeywordSpotterSelection,
  type RecognizerSelection,
  type VadSelection,
} from './selectRecognizer.js';

export interface SpeechModels {
  manifest: ModelManifest;
  /** Every model of the manifest, for the diagnostics screen. */
  statuses: ModelStatus[];
  recognizer: RecognizerSelection;
  keywordSpotter: KeywordSpotterSelection;
  vad: VadSelection;
}

export interface ResolveSpeechModelsOptions extends SelectModelOptions {
  /** The kiosk's model folders, searched in order (config speech.modelDirs). */
  modelDir: string | readonly string[];
  /** Default: models/manifest.json of the repository. */
  manifestPath?: string;
  manifest?: ModelManifest;
}

/** Checks the manifest against the model folder and picks the input-side models (what the kiosk does at start). */
export async function resolveSpeechModels(options: ResolveSpeechModelsOptions): Promise<SpeechModels> {
  const manifest = options.manifest ?? readModelManifest(options.manifestPath);
  const statuses = await checkModels(manifest, options.modelDir);
  return {
    manifest,
    statuses,
    recognizer: selectRecognizer(manifest, statuses, options),
    keywordSpotter: selectKeywordSpotterModel(manifest, statuses, options),
    vad: selectVadModel(manifest, statuses, options),
  };
}
