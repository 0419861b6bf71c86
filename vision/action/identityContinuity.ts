import { boxCentre, boxHeight, type FaceBox } from '../detect/faceBox.js';
import { cosineSimilarity } from '../embed/cosineSimilarity.js';
import { IDENTITY_CONTINUITY_THRESHOLD } from '../verify/verificationThreshold.js';

/** One analysed frame as the continuity check sees it. */
export interface IdentityFrame {
  at: number;
  faces: number;
  box: FaceBox | null;
  /** Embedding of the frame's face (null when not computed). */
  embedding: Float32Array | null;
  /** Degrees; embeddings of strongly turned faces are not compared (a profile scores low against a frontal face). */
  yaw: number | null;
}

export interface ContinuityThresholds {
  /** Cosine similarity to the last compared frontal frame. */
  minSimilarity: number;
  /** Only frames with |yaw| at most this are compared by embedding. */
  maxYawForEmbedding: number;
  /** The face may be missing for at most this long. */
  maxGapMs: number;
  /** Box centre may move at most this many face heights between consecutive face frames… */
  maxCentreShift: number;
  /** …and the box height may change at most by this factor. */
  maxSizeChange: number;
}

export const DEFAULT_CONTINUITY_THRESHOLDS: ContinuityThresholds = {
  minSimilarity: IDENTITY_CONTINUITY_THRESHOLD,
  maxYawForEmbedding: 25,
  maxGapMs: 1000,
  maxCentreShift: 0.6,
  maxSizeChange: 1.5,
};

export type ContinuityBreak = 'face-changed' | 'face-jumped' | 'face-lost' | 'several-faces';

export interface ContinuityStep {
  same: boolean;
  reason: ContinuityBreak | null;
  /** Embedding similarity to the previous compared frame, when compared. */
  similarity: number | null;
}

/** Whether two boxes can be the same face a moment apart: no jump across the frame, no sudden change of size. */
export function boxesContinuous(a: FaceBox, b: FaceBox, thresholds: ContinuityThresholds = DEFAULT_CONTINUITY_THRESHOLDS): boolean {
  const h = Math.max(1, (boxHeight(a) + boxHeight(b)) / 2);
  const ca = boxCentre(a);
  const cb = boxCentre(b);
  const shift = Math.hypot(ca.x - cb.x, ca.y - cb.y) / h;
  const ratio = Math.max(boxHeight(a), boxHeight(b)) / Math.max(1, Math.min(boxHeight(a), boxHeight(b)));
  return shift <= thresholds.maxCentreShift && ratio <= thresholds.maxSizeChange;
}

export interface ContinuityTracker {
  /** Compares the frame with the ones before it and remembers it. */
  push(frame: IdentityFrame): ContinuityStep;
  /** Forgets the frames (a new attempt) and zeroes its copy of the last embedding. */
  reset(): void;
}

/**
 * Frame-by-frame identity continuity: never two faces, never gone longer than maxGapMs, no jump of the face box
 * between consecutive face frames, and each frontal frame's embedding similar to the previous frontal frame's.
 */
export function createContinuityTracker(thresholds: ContinuityThresholds = DEFAULT_CONTINUITY_THRESHOLDS): ContinuityTracker {
  let lastFace: IdentityFrame | null = null;
  let lastEmbedded: Float32Array | null = null;
  const step = (same: boolean, reason: ContinuityBreak | null, similarity: number | null = null): ContinuityStep => ({ same, reason, similarity });
  return {
    push(f) {
      if (f.faces > 1) return step(false, 'several-faces');
      if (f.faces === 0 || !f.box) return step(true, null);
      const previous = lastFace;
      lastFace = f;
      if (previous) {
        if (f.at - previous.at > thresholds.maxGapMs) return step(false, 'face-lost');
        if (!boxesContinuous(previous.box!, f.box, thresholds)) return step(false, 'face-jumped');
      }
      if (f.embedding && f.yaw !== null && Math.abs(f.yaw) <= thresholds.maxYawForEmbedding) {
        const before = lastEmbedded;
        // A copy: the caller may zero its frame's embedding as soon as the frame is handled.
        lastEmbedded = Float32Array.from(f.embedding);
        if (before) {
          const similarity = cosineSimilarity(before, f.embedding);
          before.fill(0);
          return step(similarity >= thresholds.minSimilarity, similarity >= thresholds.minSimilarity ? null : 'face-changed', similarity);
        }
      }
      return step(true, null);
    },
    reset() {
      lastFace = null;
      lastEmbedded?.fill(0);
      lastEmbedded = null;
    },
  };
}

export interface ContinuityResult {
  continuous: boolean;
  /** Index (into the frames given) of the first frame that broke continuity. */
  breakAt: number | null;
  reason: ContinuityBreak | null;
  /** Lowest embedding similarity between compared frames (null when none were compared). */
  minSimilarity: number | null;
}

/** The same check over a whole sequence: pure, frames in, verdict out (the first break ends it). */
export function checkIdentityContinuity(frames: readonly IdentityFrame[], thresholds: ContinuityThresholds = DEFAULT_CONTINUITY_THRESHOLDS): ContinuityResult {
  const tracker = createContinuityTracker(thresholds);
  let minSimilarity: number | null = null;
  for (let i = 0; i < frames.length; i++) {
    const s = tracker.push(frames[i]!);
    if (s.similarity !== null) minSimilarity = minSimilarity === null ? s.similarity : Math.min(minSimilarity, s.similarity);
    if (!s.same) return { continuous: false, breakAt: i, reason: s.reason, minSimilarity };
  }
  return { continuous: true, breakAt: null, reason: null, minSimilarity };
}
