import type { Logger } from 'pino';
import { loadFaceModels } from '../../../../vision/models/loadFaceModels.js';
import { createFaceVerificationSession } from '../../../../vision/verify/faceVerificationSession.js';
import type { FaceSessionAnalyzer } from './faceSessionAnalyzer.js';

/**
 * The vision/ verification session as the 养老认证 needs it, or null when the face models cannot be loaded (the
 * service is then not offered). vision/ keeps embeddings in memory only and orders the decision as GB/T 38671
 * asks: passive liveness, then identity continuity, then the comparison with the reference.
 */
export async function createVisionFaceAnalyzer(
  log: Logger,
  options: { modelDirs?: readonly string[]; livenessThreshold?: number } = {},
): Promise<FaceSessionAnalyzer | null> {
  try {
    const models = await loadFaceModels({ modelDirs: options.modelDirs ?? [] });
    const session = createFaceVerificationSession(models, options.livenessThreshold === undefined ? {} : { livenessThreshold: options.livenessThreshold });
    return {
      async setReference(image) {
        session.dispose();
        return (await session.setReference(image)).ok;
      },
      async analyzeFrame(jpeg, at) {
        const m = await session.analyzeFrame(jpeg, at);
        return {
          at,
          usable: m.usable,
          guidance: m.guidance,
          faces: m.faces,
          yaw: m.yaw,
          pitch: m.pitch,
          eyeOpenness: m.eyeOpenness,
          mouthOpenness: m.mouthOpenness,
          liveness: m.liveness,
          sameFace: m.sameFace,
        };
      },
      async verify() {
        // The machine only asks once every challenge of the attempt has passed.
        const decision = await session.verify({ challengesPassed: true });
        return { similarity: decision.similarity ?? 0, match: decision.match };
      },
      newAttempt: () => session.newAttempt(),
      clear: () => session.dispose(),
    };
  } catch (error) {
    log.warn({ err: error }, 'face models unavailable: 养老认证 by face is off');
    return null;
  }
}
