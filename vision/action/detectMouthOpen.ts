import { actionMissed, actionSeen, singleFaceFrames, type ActionFrame, type ActionResult } from './actionFrame.js';

export interface MouthThresholds {
  /** Mouth aspect ratio at most this is closed (closed lips measure 0–0.15; a smile with teeth about 0.3). */
  closed: number;
  /** At least this is open (a wide "ah" measures 0.5–0.6). */
  open: number;
  /** Also require the mouth to close again. */
  requireClose: boolean;
}

export const DEFAULT_MOUTH_THRESHOLDS: MouthThresholds = { closed: 0.2, open: 0.45, requireClose: false };

/** Open the mouth: closed, then open wide (then, if asked, closed again). */
export function detectMouthOpen(frames: readonly ActionFrame[], thresholds: MouthThresholds = DEFAULT_MOUTH_THRESHOLDS): ActionResult {
  const seq = singleFaceFrames(frames).filter((f) => f.mouthOpenness !== null);
  if (seq.length === 0) return actionMissed('no-frames');
  let closedAt: number | null = null;
  let openedAt: number | null = null;
  for (const f of seq) {
    const mar = f.mouthOpenness!;
    if (openedAt === null) {
      if (mar <= thresholds.closed) closedAt = f.at;
      else if (closedAt !== null && mar >= thresholds.open) {
        openedAt = f.at;
        if (!thresholds.requireClose) return actionSeen(f.at, f.at - closedAt);
      }
    } else if (mar <= thresholds.closed) return actionSeen(openedAt, f.at - openedAt);
  }
  if (openedAt !== null) return actionMissed('no-return');
  return actionMissed(closedAt === null ? 'no-start' : 'no-action');
}
