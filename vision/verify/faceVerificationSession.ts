import type { ActionFrame } from '../action/actionFrame.js';
import { createContinuityTracker, type ContinuityBreak, type ContinuityThresholds } from '../action/identityContinuity.js';
import { analyzeFrame, type AnalyzeOptions } from '../analysis/analyzeFrame.js';
import type { FaceBox } from '../detect/faceBox.js';
import { cosineSimilarity } from '../embed/cosineSimilarity.js';
import { decodeImage } from '../image/decodeImage.js';
import type { RgbImage } from '../image/rgbImage.js';
import type { FaceModels } from '../models/loadFaceModels.js';
import type { QualityFailure } from '../quality/guidance.js';
import { decideVerification, type VerificationDecision } from './decideVerification.js';
import { analyzeReference, type FaceReference, type ReferenceResult } from './faceReference.js';
import { fuseEmbeddings } from './fuseEmbeddings.js';

/** One camera frame as the authentication machine needs it (compatible with the core's FrameMeasurement). */
export interface FrameMeasurement extends ActionFrame {
  /** Passed every quality gate. */
  usable: boolean;
  /** Plain Chinese guidance when not usable. */
  guidance: string | null;
  failures: QualityFailure[];
  /** Passive liveness score (0–1) of the face, null without a face. */
  liveness: number | null;
  /** Same person as the frames before (box and embedding continuity). */
  sameFace: boolean;
  /** Why not, when sameFace is false. */
  continuityBreak: ContinuityBreak | null;
  box: FaceBox | null;
}

export interface FaceVerificationSession {
  /** Analyses the reference photo; a failure is a value (unreadable, no face). */
  setReference(image: Uint8Array): Promise<ReferenceResult>;
  /** Measures one frame (JPEG/PNG bytes or decoded pixels) captured at `at` ms. */
  analyzeFrame(frame: Uint8Array | RgbImage, at: number): Promise<FrameMeasurement>;
  /**
   * Decides the attempt: passive liveness over the usable frames first (GB/T 38671), then identity continuity,
   * then the fused embedding of the usable frames against the reference.
   */
  verify(options?: { challengesPassed?: boolean }): Promise<VerificationDecision>;
  /** Forgets the frames of this attempt (keeps the reference): a new attempt. */
  newAttempt(): void;
  /** Zeroes and forgets the reference and every embedding (session end). */
  dispose(): void;
}

export interface FaceVerificationSessionOptions {
  analyze?: AnalyzeOptions;
  continuity?: ContinuityThresholds;
  /** Usable frames kept for the decision (the latest ones). */
  maxFrames?: number;
  /** Passive liveness threshold of the decision (default PASSIVE_LIVENESS_THRESHOLD; a site may calibrate its own). */
  livenessThreshold?: number;
}

interface KeptFrame {
  embedding: Float32Array;
  liveness: number;
}

/**
 * The face side of one authentication: reference, frames, continuity and the decision, in memory only.
 * Frames are decoded, measured and dropped; only embeddings of usable frames are kept, and dispose() zeroes them.
 */
export function createFaceVerificationSession(models: FaceModels, options: FaceVerificationSessionOptions = {}): FaceVerificationSession {
  const maxFrames = options.maxFrames ?? 30;
  let reference: FaceReference | null = null;
  let kept: KeptFrame[] = [];
  let broken = false;
  const tracker = createContinuityTracker(options.continuity);

  const forgetFrames = () => {
    for (const f of kept) f.embedding.fill(0);
    kept = [];
    broken = false;
    tracker.reset();
  };

  return {
    async setReference(image) {
      reference?.dispose();
      reference = null;
      const result = await analyzeReference(models, image);
      if (result.ok) reference = result.reference;
      return result;
    },

    async analyzeFrame(frame, at) {
      const decoded = frame instanceof Uint8Array ? (await decodeImage(frame)).image : null;
      const image = decoded ?? (frame as RgbImage);
      const analysis = await analyzeFrame(models, image, { ...options.analyze, padSmallImages: false });
      decoded?.data.fill(0);
      const face = analysis.face;
      const step = tracker.push({ at, faces: analysis.faceCount, box: face?.box ?? null, embedding: face?.embedding ?? null, yaw: face?.pose.yaw ?? null });
      if (!step.same) broken = true;
      const usable = analysis.quality.ok && step.same;
      if (usable && face?.embedding && face.liveness) {
        kept.push({ embedding: face.embedding, liveness: face.liveness.live });
        if (kept.length > maxFrames) kept.shift()!.embedding.fill(0);
      } else {
        face?.embedding?.fill(0);
      }
      return {
        at,
        usable,
        guidance: analysis.quality.guidance,
        failures: analysis.quality.failures,
        faces: analysis.faceCount,
        yaw: face?.pose.yaw ?? null,
        pitch: face?.pose.pitch ?? null,
        eyeOpenness: face?.eyeOpenness ?? null,
        eyesOpenProbability: face?.eyes?.open ?? null,
        mouthOpenness: face?.mouthOpenness ?? null,
        liveness: face?.liveness?.live ?? null,
        sameFace: step.same,
        continuityBreak: step.reason,
        box: face?.box ?? null,
      };
    },

    async verify(verifyOptions = {}) {
      const ref = reference;
      return decideVerification({
        ...(options.livenessThreshold === undefined ? {} : { livenessThreshold: options.livenessThreshold }),
        livenessScores: kept.map((f) => f.liveness),
        challengesPassed: verifyOptions.challengesPassed,
        identityContinuous: !broken,
        compare: () => {
          if (!ref) return -1;
          const fused = fuseEmbeddings(kept.map((f) => f.embedding));
          const similarity = fused ? cosineSimilarity(fused, ref.embedding) : -1;
          fused?.fill(0);
          return similarity;
        },
      });
    },

    newAttempt: forgetFrames,

    dispose() {
      forgetFrames();
      reference?.dispose();
      reference = null;
    },
  };
}
