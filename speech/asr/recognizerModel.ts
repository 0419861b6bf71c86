import type { RecognizerOutput } from './recognizedText.js';

/** A streaming transducer on disk, as the model manager resolves it (absolute paths). */
export interface RecognizerModel {
  id: string;
  /** Characters (production) or toned pinyin pieces (the small development model). */
  output: RecognizerOutput;
  encoder: string;
  decoder: string;
  joiner: string;
  tokens: string;
  /** sherpa's modelType hint (e.g. "zipformer2"); empty lets sherpa read it from the model's metadata. */
  modelType?: string;
}
