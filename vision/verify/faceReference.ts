import { analyzeImage } from '../analysis/analyzeFrame.js';
import type { HeadPose } from '../landmarks/headPose.js';
import type { FaceModels } from '../models/loadFaceModels.js';

/** The reference photo's face, reduced to what comparison needs. In memory only. */
export interface FaceReference {
  embedding: Float32Array;
  /** Faces found in the photo (the largest is used). */
  faces: number;
  sharpness: number;
  luma: number;
  pose: HeadPose;
  /** Zeroes the embedding. */
  dispose(): void;
}

export type ReferenceResult = { ok: true; reference: FaceReference } | { ok: false; reason: 'unreadable' | 'no-face'; message: string };

/**
 * Analyses a reference photo (ID-card chip photo, business-system photo: any JPEG/PNG, small ones padded before
 * detection) and keeps its embedding. Fails as a value when the photo cannot be read or shows no face.
 */
export async function analyzeReference(models: FaceModels, input: string | Uint8Array): Promise<ReferenceResult> {
  let analysis;
  try {
    analysis = await analyzeImage(models, input, { liveness: false, eyes: false });
  } catch (error) {
    return { ok: false, reason: 'unreadable', message: `reference photo cannot be decoded: ${(error as Error).message}` };
  }
  const face = analysis.face;
  if (!face?.embedding) return { ok: false, reason: 'no-face', message: 'no face found in the reference photo' };
  const embedding = face.embedding;
  return {
    ok: true,
    reference: { embedding, faces: analysis.faceCount, sharpness: face.sharpness, luma: face.luma, pose: face.pose, dispose: () => embedding.fill(0) },
  };
}
