import type { LivenessChallengeKind } from '../../../api/kioskApi.js';

/** What the main process measured on one camera frame (the renderer's own tracking is never trusted). */
export interface FrameMeasurement {
  /** Milliseconds (the frame's capture clock). */
  at: number;
  /** Passed the quality gates: one face, large, centred, frontal enough, sharp, lit. */
  usable: boolean;
  /** Plain Chinese guidance when not usable (请靠近一点 …). */
  guidance: string | null;
  faces: number;
  /** Degrees: + is the citizen's left / looking up. Null without a face. */
  yaw: number | null;
  pitch: number | null;
  /** 0 (closed) … about 0.35 (wide open): eye aspect ratio from the landmarks. */
  eyeOpenness: number | null;
  /** 0 (closed) … 1: mouth aspect ratio. */
  mouthOpenness: number | null;
  /** Passive liveness score of the frame (0–1), when measured. */
  liveness: number | null;
  /** The same face as the frames before (embedding and box continuity). */
  sameFace: boolean;
}

export type ChallengeDetector = (kind: LivenessChallengeKind, frames: readonly FrameMeasurement[]) => boolean;

export interface CitizenForAuth {
  citizenId: string;
  isPensioner: boolean;
  /** 有效 | 即将到期 | 已到期 | 不适用 */
  standing: string;
  nextDueDate: string | null;
}

export interface VerificationResult {
  similarity: number;
  match: boolean;
}

export interface SubmissionOutcome {
  /** accepted: the business system has it; queued: saved and will be sent when it is reachable. */
  state: 'accepted' | 'queued';
  nextDueDate: string | null;
}

export type AuthOutcome = 'authenticated' | 'failed' | 'already-authenticated' | 'not-pensioner' | 'queued' | 'staff-review';
