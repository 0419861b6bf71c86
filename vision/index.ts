// vision/: face verification for 养老认证 in the main process (onnxruntime-node). Device library: imports nothing
// from app/ or other device folders. Frames and embeddings stay in memory; dispose() zeroes embeddings.

// ── models ──────────────────────────────────────────────────────────────────────────────────────────────
export {
  DEFAULT_FACE_MANIFEST_PATH,
  FACE_MODEL_ROLES,
  faceModelConfig,
  parseFaceModelEntries,
  readFaceModelEntries,
  type FaceModelConfigs,
  type FaceModelEntry,
  type FaceModelRole,
} from './models/faceModelManifest.js';
export { checkFaceModel, checkFaceModels, chooseFaceModels, modelFolderOf, type FaceModelState, type FaceModelStatus, type LocateOptions } from './models/checkFaceModels.js';
export { FACE_SESSION_OPTIONS, loadFaceModels, type FaceModels, type LoadedFaceModel, type LoadFaceModelsOptions } from './models/loadFaceModels.js';

// ── images ──────────────────────────────────────────────────────────────────────────────────────────────
export { decodeImage, DEFAULT_MAX_SIDE, rgbImageFromPixels, type DecodedImage, type DecodeOptions } from './image/decodeImage.js';
export { lumaOf, meanLuma, toGrey, wipeImage, type GreyImage, type RgbImage } from './image/rgbImage.js';
export { padIfSmall, padImage, SMALL_IMAGE_MAX_SIDE, SMALL_IMAGE_PADDING, type Padding } from './image/padImage.js';
export { applyAffine, cropMatrix, invertAffine, type AffineMatrix, type Point } from './image/affineMatrix.js';
export { warpAffine, type WarpOptions } from './image/warpAffine.js';

// ── stages ──────────────────────────────────────────────────────────────────────────────────────────────
export { boxArea, boxCentre, boxHeight, boxWidth, intersectionOverUnion, squareFaceBox, type FaceBox } from './detect/faceBox.js';
export { detectorPriors, RFB320_PRIORS, type PriorConfig } from './detect/detectorPriors.js';
export { decodeDetectorBox, encodeDetectorBox, DEFAULT_BOX_VARIANCE, type BoxEncoding } from './detect/decodeDetectorBoxes.js';
export { nonMaxSuppression } from './detect/nonMaxSuppression.js';
export { detectFaces, type DetectOptions } from './detect/detectFaces.js';
export { predictLandmarks } from './landmarks/predictLandmarks.js';
export { fivePointsFrom68, LANDMARK, type Landmarks68 } from './landmarks/landmarkPoints.js';
export { eyeAspectRatio, eyeOpenness, mouthAspectRatio } from './landmarks/opennessRatios.js';
export { headPose, type HeadPose } from './landmarks/headPose.js';
export { ALIGNED_FACE_SIZE, ARCFACE_TEMPLATE_112 } from './align/arcfaceTemplate.js';
export { alignmentResidual, similarityTransform } from './align/similarityTransform.js';
export { alignFace, type AlignedFace } from './align/alignFace.js';
export { embedFace } from './embed/embedFace.js';
export { cosineSimilarity, l2Normalise } from './embed/cosineSimilarity.js';
export { passiveLiveness, type PassiveLivenessScore } from './liveness/passiveLiveness.js';
export { decidePassiveLiveness, PASSIVE_LIVENESS_THRESHOLD, type PassiveLivenessDecision } from './liveness/passiveLivenessDecision.js';
export { eyeState, type EyeState } from './eyes/eyeState.js';

// ── quality ─────────────────────────────────────────────────────────────────────────────────────────────
export { QUALITY_FAILURES, type QualityFailure } from './quality/qualityFailure.js';
export { DEFAULT_QUALITY_GATES, evaluateQuality, type QualityGates, type QualityMeasures, type QualityVerdict } from './quality/qualityGates.js';
export { ALIGNED_FACE_INNER, laplacianVariance } from './quality/sharpness.js';

// ── one frame ───────────────────────────────────────────────────────────────────────────────────────────
export { analyzeFrame, analyzeImage, DEFAULT_BACKGROUND_FACE_RATIO, type AnalyzeOptions } from './analysis/analyzeFrame.js';
export { disposeAnalyses, wipeEmbedding, type AnalysisStage, type FaceAnalysis, type FrameAnalysis } from './analysis/frameAnalysis.js';

// ── action liveness (pure functions over per-frame measurements) ────────────────────────────────────────
export { actionMissed, actionSeen, type ActionFrame, type ActionMiss, type ActionResult } from './action/actionFrame.js';
export { toActionFrame } from './action/toActionFrame.js';
export { DEFAULT_BLINK_THRESHOLDS, detectBlink, type BlinkThresholds } from './action/detectBlink.js';
export { DEFAULT_TURN_THRESHOLDS, detectHeadTurn, type TurnThresholds } from './action/detectHeadTurn.js';
export { DEFAULT_MOUTH_THRESHOLDS, detectMouthOpen, type MouthThresholds } from './action/detectMouthOpen.js';
export { DEFAULT_NOD_THRESHOLDS, detectNod, type NodThresholds } from './action/detectNod.js';
export { checkChallenge, type ActionChallengeKind } from './action/checkChallenge.js';
export { createChallengeTracker, MAX_CHALLENGE_FRAMES, type ChallengeStatus, type ChallengeSummary, type ChallengeTracker } from './action/challengeTracker.js';
export {
  boxesContinuous,
  checkIdentityContinuity,
  createContinuityTracker,
  DEFAULT_CONTINUITY_THRESHOLDS,
  type ContinuityBreak,
  type ContinuityResult,
  type ContinuityStep,
  type ContinuityThresholds,
  type ContinuityTracker,
  type IdentityFrame,
} from './action/identityContinuity.js';

// ── verification ────────────────────────────────────────────────────────────────────────────────────────
export { VERIFICATION_THRESHOLD, IDENTITY_CONTINUITY_THRESHOLD } from './verify/verificationThreshold.js';
export { fuseEmbeddings } from './verify/fuseEmbeddings.js';
export { decideVerification, type VerificationDecision, type VerificationInput, type VerificationOutcome, type VerificationReason } from './verify/decideVerification.js';
export { analyzeReference, type FaceReference, type ReferenceResult } from './verify/faceReference.js';
export { ID_CARD_PHOTO, idStyleReference, type IdStyleOptions } from './verify/idStyleReference.js';
export {
  createFaceVerificationSession,
  type AttemptDecision,
  type FaceVerificationSession,
  type FaceVerificationSessionOptions,
  type FrameMeasurement,
} from './verify/faceVerificationSession.js';

// ── calibration ─────────────────────────────────────────────────────────────────────────────────────────
export { chooseThreshold, equalErrorRate, errorRatesAt, tarAtFar, type ErrorRates, type ThresholdChoice } from './calibration/errorRates.js';

// ── command line ────────────────────────────────────────────────────────────────────────────────────────
export { embedImages, type EmbedImageResult, type ImageQualityReport } from './cli/embedImages.js';
export { compareImages, type CompareImagesResult } from './cli/compareImages.js';
export { livenessOfImage, type LivenessOfImageResult } from './cli/livenessOfImage.js';
