import { actionMissed, actionSeen, median, singleFaceFrames, type ActionFrame, type ActionResult } from './actionFrame.js';

export interface BlinkThresholds {
  /** An eye aspect ratio at least this is "open" enough to start from (narrow or elderly eyes sit near 0.2). */
  minOpen: number;
  /** Closed: eye aspect ratio at most this share of the open baseline… */
  closedRatio: number;
  /** …or fr_eye's open probability at most this. */
  closedProbability: number;
  /** Reopened: back to at least this share of the baseline. */
  reopenRatio: number;
  /** Longer closures are not a blink (a photo of closed eyes, eyes kept shut). */
  maxClosedMs: number;
  /** A face missing longer than this in the middle of the blink breaks it. */
  maxGapMs: number;
}

export const DEFAULT_BLINK_THRESHOLDS: BlinkThresholds = {
  minOpen: 0.18,
  closedRatio: 0.6,
  closedProbability: 0.2,
  reopenRatio: 0.85,
  maxClosedMs: 1200,
  maxGapMs: 700,
};

/**
 * A blink: open eyes, then closed, then open again within maxClosedMs. The baseline is the median openness of
 * the open frames before the closure, so narrow eyes are judged against themselves.
 */
export function detectBlink(frames: readonly ActionFrame[], thresholds: BlinkThresholds = DEFAULT_BLINK_THRESHOLDS): ActionResult {
  const seq = singleFaceFrames(frames).filter((f) => f.eyeOpenness !== null);
  if (seq.length === 0) return actionMissed('no-frames');
  let openRun: number[] = [];
  let closedSince: number | null = null;
  let baseline = 0;
  let lastAt = -Infinity;
  let missed: ActionResult = actionMissed('no-start');
  for (const f of seq) {
    const ear = f.eyeOpenness!;
    if (f.at - lastAt > thresholds.maxGapMs && closedSince !== null) {
      // The face vanished while the eyes were shut: start over.
      closedSince = null;
      openRun = [];
      missed = actionMissed('face-lost');
    }
    lastAt = f.at;
    if (closedSince === null) {
      const looksClosed = openRun.length > 0 && (ear <= median(openRun) * thresholds.closedRatio || (f.eyesOpenProbability ?? 1) <= thresholds.closedProbability);
      if (looksClosed) {
        baseline = median(openRun);
        closedSince = f.at;
        missed = actionMissed('no-return');
      } else if (ear >= thresholds.minOpen) {
        openRun.push(ear);
        if (openRun.length > 15) openRun.shift();
        if (missed.miss === 'no-start') missed = actionMissed('no-action');
      }
    } else if (ear >= baseline * thresholds.reopenRatio) {
      const closedMs = f.at - closedSince;
      if (closedMs <= thresholds.maxClosedMs) return actionSeen(closedSince, closedMs);
      missed = actionMissed('too-slow');
      closedSince = null;
      openRun = [ear];
    }
  }
  return missed;
}
