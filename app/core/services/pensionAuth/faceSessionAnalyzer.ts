import type { FrameMeasurement, VerificationResult } from './faceAuthTypes.js';

/**
 * The face pipeline as one authentication needs it. It keeps the reference and the frames' embeddings in memory
 * only, and `clear()` zeroes them when the authentication ends.
 */
export interface FaceSessionAnalyzer {
  /** Analyses the reference photo (any JPEG/PNG from the business system); false when it shows no usable face. */
  setReference(image: Uint8Array): Promise<boolean>;
  /** Measures one camera frame: quality and guidance, pose, eyes, mouth, passive liveness, same face as before. */
  analyzeFrame(jpeg: Uint8Array, at: number): Promise<FrameMeasurement>;
  /** Compares the usable frames of this attempt with the reference. */
  verify(): Promise<VerificationResult>;
  /** A new attempt: forget this attempt's frames, keep the reference. */
  newAttempt(): void;
  clear(): void;
}
