import { actionMissed, actionSeen, median, singleFaceFrames, type ActionFrame, type ActionResult } from './actionFrame.js';

export interface NodThresholds {
  /** Degrees the head must drop below its starting pitch. */
  nodDegrees: number;
  /** Back within this many degrees of the start. */
  returnDegrees: number;
  /** The start must be frontal enough: |pitch| at most this. */
  maxStartPitch: number;
}

export const DEFAULT_NOD_THRESHOLDS: NodThresholds = { nodDegrees: 12, returnDegrees: 6, maxStartPitch: 25 };

/** Nod: pitch drops (looking down) by nodDegrees below the citizen's starting pitch, then comes back up. */
export function detectNod(frames: readonly ActionFrame[], thresholds: NodThresholds = DEFAULT_NOD_THRESHOLDS): ActionResult {
  const seq = singleFaceFrames(frames).filter((f) => f.pitch !== null);
  if (seq.length === 0) return actionMissed('no-frames');
  let start: number[] = [];
  let downAt: number | null = null;
  let lowest = 0;
  let lowestAt = 0;
  for (const f of seq) {
    const pitch = f.pitch!;
    if (downAt === null) {
      if (start.length > 0 && median(start) - pitch >= thresholds.nodDegrees) {
        downAt = f.at;
        lowest = pitch;
        lowestAt = f.at;
        continue;
      }
      if (Math.abs(pitch) <= thresholds.maxStartPitch) {
        start.push(pitch);
        if (start.length > 10) start = start.slice(-10);
      }
    } else {
      if (pitch < lowest) {
        lowest = pitch;
        lowestAt = f.at;
      }
      if (Math.abs(pitch - median(start)) <= thresholds.returnDegrees) return actionSeen(lowestAt, f.at - downAt);
    }
  }
  if (downAt !== null) return actionMissed('no-return');
  return actionMissed(start.length === 0 ? 'no-start' : 'no-action');
}
