import type { ActionFrame } from '../action/actionFrame.js';
import type { ActionChallengeKind } from '../action/checkChallenge.js';
import { createChallengeTracker, type ChallengeStatus, type ChallengeSummary } from '../action/challengeTracker.js';
import { createContinuityTracker, type ContinuityBreak, type ContinuityThresholds } from '../action/identityContinuity.js';
import { analyzeFrame, type AnalyzeOptions } from '../analysis/analyzeFrame.js';
import type { FaceBox } from '../detect/faceBox.js';
import { cosineSimilarity } from '../embed/cosineSimilarity.js';
import { decodeImage } from '../image/decodeImage.js';
import type { RgbImage } from '../image/rgbImage.js';
import type { FaceModels } from '../models/loadFaceModels.js';
import type { QualityFailure } from '../quality/qualityFailure.js';
import { decideVerification, type VerificationDecision } from './decideVerification.js';
import { analyzeReference, type FaceReference, type ReferenceResult } from './faceReference.js';
import { fuseEmbeddings } from './fuseEmbeddings.js';

/** One camera frame as measured by the session: the one frame type of 养老认证 (app/core uses this one). */
export interface FrameMeasurement extends ActionFrame {
  /** Passed every quality gate (and continuity): this frame counts for liveness and comparison. */
  usable: boolean;
  /** Why the frame's quality does not count, most important first (empty when the gates passed). */
  failures: QualityFailure[];
  /** Passive liveness score (0–1) of the face, null without a face. */
  liveness: number | null;
  /** Same person as the frames before (box and embedding continuity). */
  sameFace: boolean;
  /** Why not, when sameFace is false. */
  continuityBreak: ContinuityBreak | null;
  box: FaceBox | null;
  /** The running action challenge after this frame (null when none was started this attempt). */
  challenge: ChallengeStatus | null;
}

/** The decision on one attempt, with what the challenges showed. */
export interface AttemptDecision extends VerificationDecision {
  challenges: ChallengeSummary & { required: number };
}

export interface FaceVerificationSession {
  /** Analyses the reference photo; a failure is a value (unreadable, no face). */
  setReference(image: Uint8Array): Promise<ReferenceResult>;
  /** Measures one frame (JPEG/PNG bytes or decoded pixels) captured at `at` ms, and feeds the running challenge. */
  analyzeFrame(frame: Uint8Array | RgbImage, at: number): Promise<FrameMeasurement>;
  /** Prompts an action challenge: the frames from now on are judged for it (blink, turn, open mouth, nod). */
  startChallenge(kind: ActionChallengeKind): ChallengeStatus;
  /** The running challenge: passed or pending (null before the first). */
  challengeStatus(): ChallengeStatus | null;
  /**
   * Decides the attempt in GB/T 38671 order: passive liveness over the usable frames, then the action challenges
   * (at least `requiredChallenges` prompted, every one passed), then identity continuity, and only then the fused
   * embedding of the usable frames against the reference.
   */
  verify(): Promise<AttemptDecision>;
  /** Forgets the frames and challenges of this attempt (keeps the reference): a new attempt. */
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
  /**
   * Action challenges an attempt must have passed to be live (default 1). 0 makes the session a passive-liveness
   * 1:1 check (the command line and calibration); the kiosk asks 2–3.
   */
  requiredChallenges?: number;
}

interface KeptFrame {
  embedding: Float32Array;
  liveness: number;
}

/**
 * The face side of one authentication: reference, frames, challenges, continuity and the decision, in memory only.
 * Frames are decoded, measured and dropped; only embeddings of usable frames are kept, and dispose() zeroes them.
 */
export function createFaceVerificationSession(models: FaceModels, options: FaceVerificationSessionOptions = {}): FaceVerificationSession {
  const maxFrames = options.maxFrames ?? 30;
  const requiredChallenges = options.requiredChallenges ?? 1;
  let reference: FaceReference | null = null;
  let kept: KeptFrame[] = [];
  let broken = false;
  const tracker = createContinuityTracker(options.continuity);
  const challenges = createChallengeTracker();
  // A frame measured across newAttempt() or startChallenge() belongs to neither side: it was captured before.
  let attemptEpoch = 0;
  let challengeEpoch = 0;

  const forgetFrames = () => {
    for (const f of kept) f.embedding.fill(0);
    kept = [];
    broken = false;
    tracker.reset();
    challenges.reset();
    attemptEpoch++;
    challengeEpoch++;
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
      const epochs = { attempt: attemptEpoch, challenge: challengeEpoch };
      const decoded = frame instanceof Uint8Array ? (await decodeImage(frame)).image : null;
      const image = decoded ?? (frame as RgbImage);
      const analysis = await analyzeFrame(models, image, { ...options.analyze, padSmallImages: false });
      decoded?.data.fill(0);
      const face = analysis.face;
      const current = epochs.attempt === attemptEpoch;
      const step = current
        ? tracker.push({ at, faces: analysis.faceCount, box: face?.box ?? null, embedding: face?.embedding ?? null, yaw: face?.pose.yaw ?? null })
        : { same: true, reason: null };
      if (!step.same) broken = true;
      const usable = analysis.quality.ok && step.same;
      if (current && usable && face?.embedding && face.liveness) {
        kept.push({ embedding: face.embedding, liveness: face.liveness.live });
        if (kept.length > maxFrames) kept.shift()!.embedding.fill(0);
      } else {
        face?.embedding?.fill(0);
      }
      const action: ActionFrame = {
        at,
        faces: analysis.faceCount,
        yaw: face?.pose.yaw ?? null,
        pitch: face?.pose.pitch ?? null,
        eyeOpenness: face?.eyeOpenness ?? null,
        eyesOpenProbability: face?.eyes?.open ?? null,
        mouthOpenness: face?.mouthOpenness ?? null,
      };
      const challenge = epochs.challenge === challengeEpoch ? challenges.push(action) : challenges.status();
      return {
        ...action,
        usable,
        failures: analysis.quality.failures,
        liveness: face?.liveness?.live ?? null,
        sameFace: step.same,
        continuityBreak: step.reason,
        box: face?.box ?? null,
        challenge,
      };
    },

    startChallenge(kind) {
      challengeEpoch++;
      return challenges.start(kind);
    },

    challengeStatus: () => challenges.status(),

    async verify() {
      const ref = reference;
      const summary = challenges.summary();
      const decision = await decideVerification({
        ...(options.livenessThreshold === undefined ? {} : { livenessThreshold: options.livenessThreshold }),
        livenessScores: kept.map((f) => f.liveness),
        challengesPassed: summary.started >= requiredChallenges && summary.passed === summary.started,
        identityContinuous: !broken,
        compare: () => {
          if (!ref) return -1;
          const fused = fuseEmbeddings(kept.map((f) => f.embedding));
          const similarity = fused ? cosineSimilarity(fused, ref.embedding) : -1;
          fused?.fill(0);
          return similarity;
        },
      });
      return { ...decision, challenges: { ...summary, required: requiredChallenges } };
    },

    newAttempt: forgetFrames,

    dispose() {
      forgetFrames();
      reference?.dispose();
      reference = null;
    },
  };
}
