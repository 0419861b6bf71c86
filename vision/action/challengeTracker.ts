import type { ActionFrame, ActionMiss } from './actionFrame.js';
import { checkChallenge, type ActionChallengeKind } from './checkChallenge.js';

/** Where the current action challenge stands after the frames seen since its prompt. */
export interface ChallengeStatus {
  kind: ActionChallengeKind;
  /** passed: the action was seen (final for this challenge); pending: not (yet). */
  state: 'passed' | 'pending';
  /** Why not, while pending (no-start, no-action, no-return …). */
  miss: ActionMiss | null;
}

/** The challenges of one attempt: how many were prompted and how many of those were seen done. */
export interface ChallengeSummary {
  started: number;
  passed: number;
}

export interface ChallengeTracker {
  /** Prompts a new challenge: its frames start now (the previous challenge's frames are forgotten). */
  start(kind: ActionChallengeKind): ChallengeStatus;
  /** Adds one frame to the current challenge; null when no challenge is running. A passed challenge stays passed. */
  push(frame: ActionFrame): ChallengeStatus | null;
  status(): ChallengeStatus | null;
  summary(): ChallengeSummary;
  /** A new attempt: no challenge, nothing counted. */
  reset(): void;
}

/** Frames kept per challenge (the latest): 15 s at 8 frames/s, more than a challenge's deadline. */
export const MAX_CHALLENGE_FRAMES = 120;

/**
 * The action challenges of an attempt, judged by `checkChallenge` (the one set of calibrated detectors) over the
 * frames captured since each prompt. Keeps only the action measurements (pose, eye and mouth ratios), no pixels
 * and no embeddings.
 */
export function createChallengeTracker(maxFrames = MAX_CHALLENGE_FRAMES): ChallengeTracker {
  let current: { status: ChallengeStatus; frames: ActionFrame[] } | null = null;
  let started = 0;
  let passed = 0;
  return {
    start(kind) {
      current = { status: { kind, state: 'pending', miss: 'no-frames' }, frames: [] };
      started++;
      return current.status;
    },
    push(frame) {
      if (!current) return null;
      if (current.status.state === 'passed') return current.status;
      const { at, faces, yaw, pitch, eyeOpenness, mouthOpenness } = frame;
      current.frames.push({ at, faces, yaw, pitch, eyeOpenness, eyesOpenProbability: frame.eyesOpenProbability ?? null, mouthOpenness });
      if (current.frames.length > maxFrames) current.frames.shift();
      const result = checkChallenge(current.status.kind, current.frames);
      if (result.detected) {
        passed++;
        current = { status: { kind: current.status.kind, state: 'passed', miss: null }, frames: [] };
      } else {
        current.status = { kind: current.status.kind, state: 'pending', miss: result.miss };
      }
      return current.status;
    },
    status: () => current?.status ?? null,
    summary: () => ({ started, passed }),
    reset() {
      current = null;
      started = 0;
      passed = 0;
    },
  };
}
