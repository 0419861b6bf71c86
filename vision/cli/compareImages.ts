import { analyzeImage } from '../analysis/analyzeFrame.js';
import { cosineSimilarity } from '../embed/cosineSimilarity.js';
import { loadFaceModels, type FaceModels } from '../models/loadFaceModels.js';
import { VERIFICATION_THRESHOLD } from '../verify/verificationThreshold.js';

export interface CompareImagesResult {
  /** Cosine similarity of the two largest faces; null when either image has no face or cannot be read. */
  score: number | null;
  threshold: number;
  match: boolean;
  faces: [number, number];
  error?: string;
}

/** For `kiosk face compare a b`: 1:1 similarity of the largest face in each image against the calibrated threshold. */
export async function compareImages(a: string, b: string, models?: FaceModels): Promise<CompareImagesResult> {
  const m = models ?? (await loadFaceModels());
  const threshold = VERIFICATION_THRESHOLD;
  try {
    const first = await analyzeImage(m, a, { liveness: false, eyes: false });
    const second = await analyzeImage(m, b, { liveness: false, eyes: false });
    const faces: [number, number] = [first.faceCount, second.faceCount];
    const ea = first.face?.embedding;
    const eb = second.face?.embedding;
    const score = ea && eb ? Math.round(cosineSimilarity(ea, eb) * 10000) / 10000 : null;
    first.dispose();
    second.dispose();
    const missing = [ea ? null : a, eb ? null : b].filter(Boolean);
    return { score, threshold, match: score !== null && score >= threshold, faces, ...(missing.length > 0 ? { error: `no face found in ${missing.join(' and ')}` } : {}) };
  } catch (error) {
    return { score: null, threshold, match: false, faces: [0, 0], error: (error as Error).message };
  }
}
