import { analyzeImage } from '../analysis/analyzeFrame.js';
import { PASSIVE_LIVENESS_THRESHOLD } from '../liveness/passiveLivenessDecision.js';
import { loadFaceModels, type FaceModels } from '../models/loadFaceModels.js';

export interface LivenessOfImageResult {
  /** Live probability of the largest face (0 without a face). */
  live: number;
  decision: 'live' | 'spoof' | 'no-face';
  threshold: number;
}

/** For `kiosk face liveness file`: passive liveness of the largest face in one photo. */
export async function livenessOfImage(file: string, models?: FaceModels): Promise<LivenessOfImageResult> {
  const m = models ?? (await loadFaceModels());
  const a = await analyzeImage(m, file, { embedding: false, eyes: false });
  const live = a.face?.liveness?.live;
  a.dispose();
  const threshold = PASSIVE_LIVENESS_THRESHOLD;
  if (live === undefined) return { live: 0, decision: 'no-face', threshold };
  return { live: Math.round(live * 10000) / 10000, decision: live >= threshold ? 'live' : 'spoof', threshold };
}
