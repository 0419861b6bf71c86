import { median } from '../action/actionFrame.js';

/**
 * A frame is live when fr_liveness gives the live class at least this probability. Measured on the shared
 * _liveness/ photos: the 6 attacks score at most 0.16, 3 of the 4 live captures 0.77–0.98 and one live capture
 * (small face in a wide, backlit scene) 0.12 — so 0.5 rejects every attack with margin and costs that live
 * photo a retry (docs/face-verification.md).
 */
export const PASSIVE_LIVENESS_THRESHOLD = 0.5;

export interface PassiveLivenessDecision {
  live: boolean;
  /** Median live score of the frames (null without frames). */
  score: number | null;
  frames: number;
  threshold: number;
  /** Plain reason for the log (no personal data). */
  reason: 'live' | 'spoof' | 'no-frames';
}

/**
 * Passive liveness over the usable frames of an attempt: the median live score must reach the threshold. The
 * median, not the best frame, so a replay cannot pass on one lucky frame.
 */
export function decidePassiveLiveness(scores: readonly number[], threshold = PASSIVE_LIVENESS_THRESHOLD): PassiveLivenessDecision {
  if (scores.length === 0) return { live: false, score: null, frames: 0, threshold, reason: 'no-frames' };
  const score = median(scores);
  const live = score >= threshold;
  return { live, score, frames: scores.length, threshold, reason: live ? 'live' : 'spoof' };
}
