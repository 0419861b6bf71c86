import type { Logger } from 'pino';
import { loadFaceModels, type FaceModels } from '../../../../vision/models/loadFaceModels.js';
import { createFaceVerificationSession } from '../../../../vision/verify/faceVerificationSession.js';
import type { FaceSessionAnalyzer } from './faceSessionAnalyzer.js';

export interface VisionFaceAnalyzerOptions {
  modelDirs?: readonly string[];
  /** Passive liveness threshold (default: vision's calibrated PASSIVE_LIVENESS_THRESHOLD). */
  livenessThreshold?: number;
  /** Action challenges an attempt must have passed (the kiosk's challengesPerAttempt.min; default 1). */
  requiredChallenges?: number;
  /** How the models are loaded (default loadFaceModels; tests pass their own). */
  loadModels?: (modelDirs: readonly string[]) => Promise<FaceModels>;
}

/**
 * vision/'s verification session as the 养老认证 needs it, or null when the face models cannot be loaded (the
 * service is then not offered). Nothing is decided here: vision/ tracks the challenges, judges liveness,
 * continuity and the comparison, and returns its decision.
 */
export async function createVisionFaceAnalyzer(log: Logger, options: VisionFaceAnalyzerOptions = {}): Promise<FaceSessionAnalyzer | null> {
  let models: FaceModels;
  try {
    models = await (options.loadModels ?? ((modelDirs) => loadFaceModels({ modelDirs })))(options.modelDirs ?? []);
  } catch (error) {
    log.warn({ err: error }, 'face models unavailable: 养老认证 by face is off');
    return null;
  }
  const session = createFaceVerificationSession(models, {
    ...(options.livenessThreshold === undefined ? {} : { livenessThreshold: options.livenessThreshold }),
    ...(options.requiredChallenges === undefined ? {} : { requiredChallenges: options.requiredChallenges }),
  });
  return {
    async setReference(image) {
      session.dispose();
      return (await session.setReference(image)).ok;
    },
    analyzeFrame: (jpeg, at) => session.analyzeFrame(jpeg, at),
    startChallenge: (kind) => void session.startChallenge(kind),
    verify: () => session.verify(),
    newAttempt: () => session.newAttempt(),
    clear: () => session.dispose(),
    async close() {
      session.dispose();
      await models.release();
    },
  };
}
