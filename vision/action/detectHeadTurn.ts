import { actionMissed, actionSeen, median, singleFaceFrames, type ActionFrame, type ActionResult } from './actionFrame.js';

export interface TurnThresholds {
  /** The start must be roughly frontal: |yaw| at most this. */
  maxStartYaw: number;
  /** Degrees of yaw away from the start that count as turned. */
  turnDegrees: number;
  /** Back within this many degrees of the start counts as facing the screen again. */
  returnDegrees: number;
}

export const DEFAULT_TURN_THRESHOLDS: TurnThresholds = { maxStartYaw: 15, turnDegrees: 20, returnDegrees: 10 };

/**
 * Turn the head to the citizen's own left (yaw rises) or right (yaw falls) beyond a threshold, then back.
 * Measured against the citizen's own starting yaw (median of the frontal frames before the turn), so someone
 * standing a little to the side is not penalised.
 */
export function detectHeadTurn(frames: readonly ActionFrame[], direction: 'left' | 'right', thresholds: TurnThresholds = DEFAULT_TURN_THRESHOLDS): ActionResult {
  const seq = singleFaceFrames(frames).filter((f) => f.yaw !== null);
  if (seq.length === 0) return actionMissed('no-frames');
  const sign = direction === 'left' ? 1 : -1;
  let start: number[] = [];
  let turnedAt: number | null = null;
  let peakAt = 0;
  let peak = 0;
  let wrongWay = false;
  for (const f of seq) {
    const yaw = f.yaw!;
    if (turnedAt === null) {
      if (start.length > 0) {
        const offset = (yaw - median(start)) * sign;
        if (offset >= thresholds.turnDegrees) {
          turnedAt = f.at;
          peak = offset;
          peakAt = f.at;
          continue;
        }
        if (-offset >= thresholds.turnDegrees) wrongWay = true;
      }
      if (Math.abs(yaw) <= thresholds.maxStartYaw) {
        start.push(yaw);
        if (start.length > 10) start = start.slice(-10);
      }
    } else {
      const offset = (yaw - median(start)) * sign;
      if (offset > peak) {
        peak = offset;
        peakAt = f.at;
      }
      if (Math.abs(offset) <= thresholds.returnDegrees) return actionSeen(peakAt, f.at - turnedAt);
    }
  }
  if (turnedAt !== null) return actionMissed('no-return');
  if (start.length === 0) return actionMissed('no-start');
  return actionMissed(wrongWay ? 'wrong-direction' : 'no-action');
}
