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

export interface VerificationDecision {
  outcome: VerificationOutcome;
  match: boolean;
  /** Cosine similarity with the reference; null when the comparison was not made. */
  similarity: number | null;
  threshold: number;
  liveness: PassiveLivenessDecision;
}

export interface VerificationInput {
  /** Passive liveness scores of the attempt's usable frames. */
  livenessScores: readonly number[];
  /** Set false when the action challenges were not all passed: that too is a liveness failure. */
  challengesPassed?: boolean;
  /** Set false when the identity-continuity check broke during the attempt. */
  identityContinuous?: boolean;
  /** Computes the similarity with the reference; called only when every check before it passed. */
  compare: () => number | Promise<number>;
  threshold?: number;
  livenessThreshold?: number;
}

/**
 * The 1:1 decision in the order GB/T 38671 asks for: liveness first, and when it fails the face is not compared
 * with the reference at all. Returns a value; never throws for a failed check.
 */
export async function decideVerification(input: VerificationInput): Promise<VerificationDecision> {
  const threshold = input.threshold ?? VERIFICATION_THRESHOLD;
  const liveness = decidePassiveLiveness(input.livenessScores, input.livenessThreshold ?? PASSIVE_LIVENESS_THRESHOLD);
  const refused = (outcome: VerificationOutcome): VerificationDecision => ({ outcome, match: false, similarity: null, threshold, liveness });
  if (liveness.reason === 'no-frames') return refused('no-frames');
  if (!liveness.live || input.challengesPassed === false) return refused('spoof');
  if (input.identityContinuous === false) return refused('identity-changed');
  const similarity = await input.compare();
  const match = similarity >= threshold;
  return { outcome: match ? 'match' : 'no-match', match, similarity, threshold, liveness };
}
