import type { Logger } from 'pino';
import { analyzeImage } from '../../../../vision/analysis/analyzeFrame.js';
import type { FrameAnalysis } from '../../../../vision/analysis/frameAnalysis.js';
import { cosineSimilarity } from '../../../../vision/embed/cosineSimilarity.js';
import { loadFaceModels, type FaceModels } from '../../../../vision/models/loadFaceModels.js';
import { VERIFICATION_THRESHOLD } from '../../../../vision/verify/verificationThreshold.js';
import type { FaceSessionAnalyzer } from './faceSessionAnalyzer.js';
import type { FrameMeasurement, VerificationResult } from './faceAuthTypes.js';

/** Consecutive frames of one person look alike far above the verification threshold; a swap falls well below it. */
const SAME_FACE_SIMILARITY = 0.5;
/** How many of the best-matching frames decide (a median of several resists one lucky frame). */
const FRAMES_FOR_DECISION = 3;

/**
 * The vision/ pipeline as the 养老认证 needs it, or null when the face models cannot be loaded (the service is
 * then not offered). Embeddings stay in this object's memory and are zeroed by clear().
 */
export async function createVisionFaceAnalyzer(log: Logger, modelDirs: readonly string[] = []): Promise<FaceSessionAnalyzer | null> {
  let models: FaceModels;
  try {
    models = await loadFaceModels({ modelDirs });
  } catch (error) {
    log.warn({ err: error }, 'face models unavailable: 养老认证 by face is off');
    return null;
  }
  return createFaceSessionAnalyzer(models);
}

export function createFaceSessionAnalyzer(models: FaceModels): FaceSessionAnalyzer {
  let reference: Float32Array | null = null;
  let previous: Float32Array | null = null;
  const seen: Float32Array[] = [];
  const analyses: FrameAnalysis[] = [];

  const forget = () => {
    for (const a of analyses.splice(0)) a.dispose();
    for (const e of seen.splice(0)) e.fill(0);
    previous?.fill(0);
    previous = null;
  };

  return {
    async setReference(image) {
      forget();
      reference?.fill(0);
      reference = null;
      const analysis = await analyzeImage(models, image, { liveness: false, eyes: false });
      const embedding = analysis.face?.embedding;
      if (analysis.faceCount < 1 || !embedding) {
        analysis.dispose();
        return false;
      }
      reference = Float32Array.from(embedding);
      analysis.dispose();
      return true;
    },

    async analyzeFrame(jpeg, at): Promise<FrameMeasurement> {
      const analysis = await analyzeImage(models, jpeg, { eyes: false });
      analyses.push(analysis);
      if (analyses.length > 120) analyses.shift()?.dispose();
      const face = analysis.face;
      const embedding = face?.embedding ?? null;
      const sameFace = !embedding || !previous || cosineSimilarity(embedding, previous) >= SAME_FACE_SIMILARITY;
      if (embedding) {
        previous?.fill(0);
        previous = Float32Array.from(embedding);
        if (analysis.quality.ok) seen.push(Float32Array.from(embedding));
      }
      return {
        at,
        usable: analysis.quality.ok,
        guidance: analysis.quality.guidance,
        faces: analysis.faceCount,
        yaw: face?.pose.yaw ?? null,
        pitch: face?.pose.pitch ?? null,
        eyeOpenness: face?.eyeOpenness ?? null,
        mouthOpenness: face?.mouthOpenness ?? null,
        liveness: face?.liveness?.live ?? null,
        sameFace,
      };
    },

    async verify(): Promise<VerificationResult> {
      if (!reference || seen.length === 0) return { similarity: 0, match: false };
      const scores = seen.map((e) => cosineSimilarity(e, reference!)).sort((a, b) => b - a);
      const best = scores.slice(0, FRAMES_FOR_DECISION);
      const similarity = best[Math.floor(best.length / 2)]!;
      return { similarity, match: similarity >= VERIFICATION_THRESHOLD };
    },

    clear() {
      forget();
      reference?.fill(0);
      reference = null;
    },
  };
}
