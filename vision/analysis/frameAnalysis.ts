import type { FaceBox } from '../detect/faceBox.js';
import type { EyeState } from '../eyes/eyeState.js';
import type { Point } from '../image/affineMatrix.js';
import type { HeadPose } from '../landmarks/headPose.js';
import type { Landmarks68 } from '../landmarks/landmarkPoints.js';
import type { PassiveLivenessScore } from '../liveness/passiveLiveness.js';
import type { QualityMeasures, QualityVerdict } from '../quality/qualityGates.js';

/** Everything measured on the main face of a frame. Coordinates are pixels of the frame as given. */
export interface FaceAnalysis {
  box: FaceBox;
  landmarks: Landmarks68;
  fivePoints: readonly Point[];
  pose: HeadPose;
  /** Eye aspect ratio from the landmarks (both eyes' mean). */
  eyeOpenness: number;
  /** Mouth aspect ratio from the landmarks. */
  mouthOpenness: number;
  /** RMS misfit (aligned-crop pixels) of the 5 points to the template; large for odd landmarks. */
  alignmentResidual: number;
  /** Variance of the Laplacian on the aligned face. */
  sharpness: number;
  /** Mean luma of the aligned face. */
  luma: number;
  /** fr_eye per eye (null when that stage was skipped). */
  eyes: EyeState | null;
  /** fr_liveness (null when skipped). */
  liveness: PassiveLivenessScore | null;
  /** L2-normalised embedding (null when skipped). Biometric data: in memory only, zeroed by dispose(). */
  embedding: Float32Array | null;
}

export type AnalysisStage = 'detect' | 'landmarks' | 'align' | 'embed' | 'liveness' | 'eyes';

export interface FrameAnalysis {
  width: number;
  height: number;
  /** Every detection, most confident first. */
  faces: FaceBox[];
  /** Faces that count for "exactly one face" (background faces much smaller than the main one do not). */
  faceCount: number;
  /** The main (largest) face, analysed; null without a face. */
  face: FaceAnalysis | null;
  measures: QualityMeasures;
  quality: QualityVerdict;
  /** Milliseconds per stage for this frame. */
  timings: Partial<Record<AnalysisStage, number>>;
  /** Zeroes the embedding and forgets the face (call at session end; idempotent). */
  dispose(): void;
  readonly disposed: boolean;
}

/** Zeroes the embeddings of the given analyses (those already disposed are skipped). */
export function disposeAnalyses(analyses: Iterable<FrameAnalysis | null | undefined>): void {
  for (const a of analyses) a?.dispose();
}

/** Zeroes one embedding in place. */
export function wipeEmbedding(embedding: Float32Array | null | undefined): void {
  embedding?.fill(0);
}
