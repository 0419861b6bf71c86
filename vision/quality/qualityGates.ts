import type { QualityFailure } from './qualityFailure.js';

/** What the gates look at, measured on one frame (see analyzeFrame). */
export interface QualityMeasures {
  /** Faces that count: the largest one and any at least `backgroundFaceRatio` of its height. */
  faceCount: number;
  frameWidth: number;
  frameHeight: number;
  /** Mean luma (0–255) of the whole frame. */
  frameLuma: number;
  /** Present when a face was found. */
  face?: {
    /** Face box height in frame pixels. */
    heightPx: number;
    /** Face box centre relative to the frame centre, as fractions of the frame size (−0.5 … 0.5). */
    centreDx: number;
    centreDy: number;
    yaw: number;
    pitch: number;
    /** Variance of the Laplacian on the aligned face. */
    sharpness: number;
    /** Mean luma of the aligned face. */
    luma: number;
  };
}

export interface QualityGates {
  /** Smaller faces are too far: the embedding needs about 112 px of face. */
  minFaceHeightPx: number;
  /** …and the face should fill at least this share of the frame height. */
  minFaceHeightFraction: number;
  maxFaceHeightFraction: number;
  maxCentreOffsetX: number;
  maxCentreOffsetY: number;
  maxAbsYaw: number;
  maxAbsPitch: number;
  minSharpness: number;
  minFaceLuma: number;
  maxFaceLuma: number;
  /** A frame without a face this dark is "too dark", not "nobody there". */
  minFrameLumaWithoutFace: number;
}

/** Defaults for the kiosk camera (640×480 or 1280×720, citizen at 40–80 cm); measured values in docs/face-verification.md. */
export const DEFAULT_QUALITY_GATES: QualityGates = {
  minFaceHeightPx: 90,
  minFaceHeightFraction: 0.18,
  maxFaceHeightFraction: 0.85,
  maxCentreOffsetX: 0.22,
  maxCentreOffsetY: 0.28,
  maxAbsYaw: 20,
  maxAbsPitch: 20,
  minSharpness: 40,
  minFaceLuma: 55,
  maxFaceLuma: 225,
  minFrameLumaWithoutFace: 40,
};

export interface QualityVerdict {
  /** The frame counts (one face, and every gate passed). */
  ok: boolean;
  /** Every failed gate, most important first (QUALITY_FAILURES order): the first is what the citizen should fix. */
  failures: QualityFailure[];
}

/** Applies the gates to one frame's measures. A value, never an exception. */
export function evaluateQuality(m: QualityMeasures, gates: QualityGates = DEFAULT_QUALITY_GATES): QualityVerdict {
  const failures: QualityFailure[] = [];
  const face = m.face;
  if (m.faceCount === 0 || !face) {
    failures.push(m.frameLuma < gates.minFrameLumaWithoutFace ? 'too-dark' : 'no-face');
  } else {
    if (m.faceCount > 1) failures.push('several-faces');
    if (face.luma < gates.minFaceLuma) failures.push('too-dark');
    if (face.luma > gates.maxFaceLuma) failures.push('too-bright');
    const fraction = face.heightPx / m.frameHeight;
    if (face.heightPx < gates.minFaceHeightPx || fraction < gates.minFaceHeightFraction) failures.push('too-far');
    if (fraction > gates.maxFaceHeightFraction) failures.push('too-close');
    if (Math.abs(face.centreDx) > gates.maxCentreOffsetX || Math.abs(face.centreDy) > gates.maxCentreOffsetY) failures.push('off-centre');
    if (Math.abs(face.yaw) > gates.maxAbsYaw || Math.abs(face.pitch) > gates.maxAbsPitch) failures.push('not-frontal');
    if (face.sharpness < gates.minSharpness) failures.push('blurred');
  }
  return { ok: failures.length === 0, failures };
}
