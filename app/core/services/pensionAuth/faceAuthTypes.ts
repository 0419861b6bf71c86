import type { CameraLostReason } from '../../../api/kioskApi.js';

export type { AttemptDecision, FrameMeasurement } from '../../../../vision/verify/faceVerificationSession.js';
export type { ChallengeStatus } from '../../../../vision/action/challengeTracker.js';

export interface CitizenForAuth {
  citizenId: string;
  isPensioner: boolean;
  /** 有效 | 即将到期 | 已到期 | 不适用 */
  standing: string;
  nextDueDate: string | null;
}

export interface SubmissionOutcome {
  /**
   * accepted: the business system has it; queued: saved and will be sent when it is reachable; rejected: the
   * business system refused it (`reason`, its code): the citizen is told so and staff are called.
   */
  state: 'accepted' | 'queued' | 'rejected';
  nextDueDate: string | null;
  reason?: string;
  /** The business system's submission number (accepted only), for the receipt. */
  reference?: string | null;
}

/**
 * How an authentication ended. `camera-lost`: the camera failed after the ID number, staff are called;
 * `cancelled`: the citizen cancelled, or the visit ended before a result; `staff-review`: the identity check failed
 * every attempt, staff are called; `not-verified`: an attempt limit stopped the identity check (go to a window);
 * `failed`: the business system or the face check could not be used.
 */
export type AuthOutcome =
  | 'authenticated'
  | 'failed'
  | 'not-verified'
  | 'already-authenticated'
  | 'not-pensioner'
  | 'queued'
  | 'staff-review'
  | 'camera-lost'
  | 'cancelled';

/** Why the parent must call staff when the authentication ends. */
export type AuthStaffReason = 'pension-auth-review' | 'camera-lost';

export type { CameraLostReason };
