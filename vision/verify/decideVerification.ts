import { decidePassiveLiveness, PASSIVE_LIVENESS_THRESHOLD, type PassiveLivenessDecision } from '../liveness/passiveLivenessDecision.js';
import { VERIFICATION_THRESHOLD } from './verificationThreshold.js';

export type VerificationOutcome =
  /** No usable frame was seen: nothing to decide on (ask the citizen to try again). */
  | 'no-frames'
  /** Passive liveness or an action challenge failed: the face was not compared (GB/T 38671). */
  | 'spoof'
  /** The person changed during the attempt: not compared either. */
  | 'identity-changed'
  | 'match'
  | 'no-match';

/** Which check settled the decision (for the log and the audit; no personal data). */
export type VerificationReason =
  | 'no-usable-frames'
  | 'passive-liveness-failed'
  | 'challenges-not-passed'
  | 'identity-continuity-broken'
  | 'similarity-at-or-above-threshold'
  | 'similarity-below-threshold';

export interface VerificationDecision {
  outcome: VerificationOutcome;
  reason: VerificationReason;
  match: boolean;
  /** Cosine similarity with the reference; null when the comparison was not made. */
  similarity: number | null;
  threshold: number;
  liveness: PassiveLivenessDecision;
}

export interface VerificationInput {
  /** Passive liveness scores of the attempt's usable frames. */
  livenessScores: readonly number[];
  /** False when the action challenges were not all passed: that too is a liveness failure. */
  challengesPassed: boolean;
  /** False when the identity-continuity check broke during the attempt. */
  identityContinuous: boolean;
  /** Computes the similarity with the reference; called only when every check before it passed. */
  compare: () => number | Promise<number>;
  threshold?: number;
  livenessThreshold?: number;
}

/**
 * The 1:1 decision in the order GB/T 38671 asks for: liveness first (passive, then the action challenges), then
 * identity continuity, and only then the comparison with the reference — a failed check before it means the face
 * is not compared at all. Returns a value; never throws for a failed check.
 */
export async function decideVerification(input: VerificationInput): Promise<VerificationDecision> {
  const threshold = input.threshold ?? VERIFICATION_THRESHOLD;
  const liveness = decidePassiveLiveness(input.livenessScores, input.livenessThreshold ?? PASSIVE_LIVENESS_THRESHOLD);
  const refused = (outcome: VerificationOutcome, reason: VerificationReason): VerificationDecision => ({ outcome, reason, match: false, similarity: null, threshold, liveness });
  if (liveness.reason === 'no-frames') return refused('no-frames', 'no-usable-frames');
  if (!liveness.live) return refused('spoof', 'passive-liveness-failed');
  if (!input.challengesPassed) return refused('spoof', 'challenges-not-passed');
  if (!input.identityContinuous) return refused('identity-changed', 'identity-continuity-broken');
  const similarity = await input.compare();
  const match = similarity >= threshold;
  return { outcome: match ? 'match' : 'no-match', reason: match ? 'similarity-at-or-above-threshold' : 'similarity-below-threshold', match, similarity, threshold, liveness };
}
