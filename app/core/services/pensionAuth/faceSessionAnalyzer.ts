import type { LivenessChallengeKind } from '../../../api/kioskApi.js';
import type { AttemptDecision, FrameMeasurement } from './faceAuthTypes.js';

/**
 * The face pipeline as one authentication needs it — vision/'s verification session, which makes every face
 * decision. It keeps the reference and the frames' embeddings in memory only; `clear()` zeroes them.
 */
export interface FaceSessionAnalyzer {
  /** Analyses the reference photo (any JPEG/PNG from the business system); false when it shows no usable face. */
  setReference(image: Uint8Array): Promise<boolean>;
  /** Measures one camera frame: quality (its failures), pose, eyes, mouth, liveness, continuity, the running challenge. */
  analyzeFrame(jpeg: Uint8Array, at: number): Promise<FrameMeasurement>;
  /** Prompts an action challenge: frames from now on are judged for it. */
  startChallenge(kind: LivenessChallengeKind): void;
  /** Decides the attempt: passive liveness, challenges, continuity, then the comparison (GB/T 38671 order). */
  verify(): Promise<AttemptDecision>;
  /** A new attempt: forget this attempt's frames and challenges, keep the reference. */
  newAttempt(): void;
  /** The authentication ended: zero the reference and every embedding. */
  clear(): void;
  /** Shutdown: clear, and release the ONNX Runtime sessions. */
  close(): Promise<void>;
}
