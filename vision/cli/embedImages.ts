import { analyzeImage } from '../analysis/analyzeFrame.js';
import type { QualityFailure } from '../quality/qualityFailure.js';
import { loadFaceModels, type FaceModels } from '../models/loadFaceModels.js';

export interface ImageQualityReport {
  ok: boolean;
  /** Failed quality gates, most important first (codes; the command line adds the citizen's sentence). */
  failures: QualityFailure[];
  faceHeightPx: number | null;
  yaw: number | null;
  pitch: number | null;
  sharpness: number | null;
  luma: number | null;
}

export interface EmbedImageResult {
  file: string;
  faces: number;
  /** L2-normalised embedding of the largest face (null without a face or on error). */
  embedding: number[] | null;
  quality: ImageQualityReport;
  error?: string;
}

const round = (x: number | undefined, digits = 2) => (x === undefined ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/** For `kiosk face embed`: each image's face count, embedding and quality. An unreadable file is a result with `error`. */
export async function embedImages(files: readonly string[], models?: FaceModels): Promise<EmbedImageResult[]> {
  const m = models ?? (await loadFaceModels());
  const results: EmbedImageResult[] = [];
  for (const file of files) {
    try {
      const a = await analyzeImage(m, file, { liveness: false, eyes: false });
      const face = a.measures.face;
      results.push({
        file,
        faces: a.faceCount,
        embedding: a.face?.embedding ? Array.from(a.face.embedding) : null,
        quality: {
          ok: a.quality.ok,
          failures: a.quality.failures,
          faceHeightPx: round(face?.heightPx, 1),
          yaw: round(face?.yaw, 1),
          pitch: round(face?.pitch, 1),
          sharpness: round(face?.sharpness, 1),
          luma: round(face?.luma, 1),
        },
      });
      a.dispose();
    } catch (error) {
      results.push({
        file,
        faces: 0,
        embedding: null,
        quality: { ok: false, failures: [], faceHeightPx: null, yaw: null, pitch: null, sharpness: null, luma: null },
        error: (error as Error).message,
      });
    }
  }
  return results;
}
