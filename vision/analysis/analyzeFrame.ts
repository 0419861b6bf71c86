import { alignFace } from '../align/alignFace.js';
import { detectFaces } from '../detect/detectFaces.js';
import { boxCentre, boxHeight, type FaceBox } from '../detect/faceBox.js';
import { embedFace } from '../embed/embedFace.js';
import { eyeState } from '../eyes/eyeState.js';
import { decodeImage, type DecodeOptions } from '../image/decodeImage.js';
import { padIfSmall } from '../image/padImage.js';
import { meanLuma, toGrey, type RgbImage } from '../image/rgbImage.js';
import { headPose } from '../landmarks/headPose.js';
import { fivePointsFrom68 } from '../landmarks/landmarkPoints.js';
import { eyeOpenness, mouthAspectRatio } from '../landmarks/opennessRatios.js';
import { predictLandmarks } from '../landmarks/predictLandmarks.js';
import { passiveLiveness } from '../liveness/passiveLiveness.js';
import type { FaceModels } from '../models/loadFaceModels.js';
import { DEFAULT_QUALITY_GATES, evaluateQuality, type QualityGates, type QualityMeasures } from '../quality/qualityGates.js';
import { ALIGNED_FACE_INNER, laplacianVariance } from '../quality/sharpness.js';
import type { AnalysisStage, FaceAnalysis, FrameAnalysis } from './frameAnalysis.js';

export interface AnalyzeOptions {
  /** Stages after landmarks and alignment; all on by default. Skipping saves time on frames that only need geometry. */
  embedding?: boolean;
  liveness?: boolean;
  eyes?: boolean;
  gates?: QualityGates;
  /** Other faces smaller than this share of the main face's height are background, not a second person. */
  backgroundFaceRatio?: number;
  /**
   * Pad small crops (ID photos, tight face crops) before detection. On by default; pixel coordinates in the
   * result are those of the image as given either way.
   */
  padSmallImages?: boolean;
  /**
   * Which face to analyse when there are several: the largest (default: the citizen stands closest), or the one
   * nearest the image centre (photo collections such as LFW centre the subject).
   */
  mainFace?: 'largest' | 'central';
}

export const DEFAULT_BACKGROUND_FACE_RATIO = 0.5;

const shift = (b: FaceBox, dx: number, dy: number): FaceBox => ({ ...b, x1: b.x1 - dx, x2: b.x2 - dx, y1: b.y1 - dy, y2: b.y2 - dy });

/**
 * Runs the face pipeline on one frame: detect → 68 landmarks → align → embed, passive liveness, eye state, and
 * the quality gates. Returns values (a frame without a face is a result with a `no-face` failure, not an error).
 */
export async function analyzeFrame(models: FaceModels, frame: RgbImage, options: AnalyzeOptions = {}): Promise<FrameAnalysis> {
  const timings: Partial<Record<AnalysisStage, number>> = {};
  const timed = async <T>(stage: AnalysisStage, work: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
    }
  };

  const { image, offset } = options.padSmallImages === false ? { image: frame, offset: { left: 0, top: 0 } } : padIfSmall(frame);
  const detected = await timed('detect', () => detectFaces(models.detect, image));
  const faces = detected.map((b) => shift(b, offset.left, offset.top));
  const byHeight = [...detected].sort((a, b) => boxHeight(b) - boxHeight(a));
  const centreDistance = (b: FaceBox) => Math.hypot(boxCentre(b).x - image.width / 2, boxCentre(b).y - image.height / 2);
  const main = options.mainFace === 'central' ? [...detected].sort((a, b) => centreDistance(a) - centreDistance(b))[0] : byHeight[0];
  const ratio = options.backgroundFaceRatio ?? DEFAULT_BACKGROUND_FACE_RATIO;
  const largest = byHeight[0];
  const faceCount = largest ? byHeight.filter((b) => boxHeight(b) >= ratio * boxHeight(largest)).length : 0;
  const frameLuma = meanLuma(frame);

  let face: FaceAnalysis | null = null;
  if (main) {
    const landmarks = await timed('landmarks', () => predictLandmarks(models.landmark, image, main));
    const fivePoints = fivePointsFrom68(landmarks);
    const aligned = await timed('align', () => alignFace(image, fivePoints));
    const grey = toGrey(aligned.image);
    const embedding = options.embedding === false ? null : await timed('embed', () => embedFace(models.embed, aligned.image));
    const liveness = options.liveness === false ? null : await timed('liveness', () => passiveLiveness(models.liveness, image, main));
    const eyes = options.eyes === false ? null : await timed('eyes', () => eyeState(models.eye, image, landmarks));
    const inner = ALIGNED_FACE_INNER;
    const luma = meanLuma(aligned.image, inner);
    const sharpness = laplacianVariance(grey, inner);
    aligned.image.data.fill(0);
    grey.data.fill(0);
    const toFrame = (p: { x: number; y: number }) => ({ x: p.x - offset.left, y: p.y - offset.top });
    face = {
      box: shift(main, offset.left, offset.top),
      landmarks: landmarks.map(toFrame),
      fivePoints: fivePoints.map(toFrame),
      pose: headPose(landmarks),
      eyeOpenness: eyeOpenness(landmarks),
      mouthOpenness: mouthAspectRatio(landmarks),
      alignmentResidual: aligned.residual,
      sharpness,
      luma,
      eyes,
      liveness,
      embedding,
    };
  }

  // The padded copy holds the frame's pixels too.
  if (image !== frame) image.data.fill(0);

  const measures: QualityMeasures = {
    faceCount,
    frameWidth: frame.width,
    frameHeight: frame.height,
    frameLuma,
    ...(face
      ? {
          face: {
            heightPx: boxHeight(face.box),
            centreDx: boxCentre(face.box).x / frame.width - 0.5,
            centreDy: boxCentre(face.box).y / frame.height - 0.5,
            yaw: face.pose.yaw,
            pitch: face.pose.pitch,
            sharpness: face.sharpness,
            luma: face.luma,
          },
        }
      : {}),
  };
  let disposed = false;
  const analysis: FrameAnalysis = {
    width: frame.width,
    height: frame.height,
    faces,
    faceCount,
    face,
    measures,
    quality: evaluateQuality(measures, options.gates ?? DEFAULT_QUALITY_GATES),
    timings,
    dispose() {
      if (disposed) return;
      disposed = true;
      analysis.face?.embedding?.fill(0);
      analysis.face = null;
    },
    get disposed() {
      return disposed;
    },
  };
  return analysis;
}

/** Decodes a JPEG/PNG (file path or bytes) and analyses it. The decoded pixels are zeroed afterwards. */
export async function analyzeImage(models: FaceModels, input: string | Buffer | Uint8Array, options: AnalyzeOptions & DecodeOptions = {}): Promise<FrameAnalysis> {
  const { image } = await decodeImage(input, options);
  try {
    return await analyzeFrame(models, image, options);
  } finally {
    image.data.fill(0);
  }
}
