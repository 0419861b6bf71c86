import type { ModelManifest } from '../../common/modelManifest.js';
import type { ModelStatus } from '../models/checkModels.js';
import { selectModel, type SelectModelOptions } from '../models/selectModel.js';

export type TtsVoiceSelection =
  | { voice: { folder: string; entry: unknown }; reason: string }
  | { voice: undefined; reason: string };

/**
 * The sherpa-onnx voice to load from the model manifest: the best usable 'tts' model, its folder, and the voice
 * entry in its `config.voice` (checked by sherpaVoiceEntrySchema when it loads). No usable voice means
 * espeak-ng, with the reason for the diagnostics screen.
 */
export function selectTtsVoice(manifest: ModelManifest, statuses: readonly ModelStatus[], options: SelectModelOptions = {}): TtsVoiceSelection {
  const selected = selectModel(manifest, statuses, 'tts', options);
  if (!selected.entry) return { voice: undefined, reason: `speaking with espeak-ng: ${selected.reason}` };
  const voiceEntry = selected.entry.config?.voice;
  if (!selected.status.folder || voiceEntry === undefined) {
    return { voice: undefined, reason: `speaking with espeak-ng: tts model ${selected.entry.id} has no ${selected.status.folder ? 'config.voice entry' : 'folder'}` };
  }
  return { voice: { folder: selected.status.folder, entry: voiceEntry }, reason: selected.reason };
}
