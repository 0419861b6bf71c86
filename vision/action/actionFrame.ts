/**
 * What the action-liveness checks read from one analysed frame. Field names match the core's FrameMeasurement,
 * so its frames can be passed as they are; values come from toActionFrame() or from any other landmark source.
 */
export interface ActionFrame {
  /** Capture time, milliseconds. */
  at: number;
  /** Faces in the frame (the checks only read frames with exactly one). */
  faces: number;
  /** Degrees; + when the citizen turns to their own left. */
  yaw: number | null;
  /** Degrees; + looking up, − looking down. */
  pitch: number | null;
  /** Eye aspect ratio (both eyes' mean). */
  eyeOpenness: number | null;
  /** fr_eye's probability that the eyes are open (optional second opinion). */
  eyesOpenProbability?: number | null;
  /** Mouth aspect ratio. */
  mouthOpenness: number | null;
}

/** Why a challenge was not seen (null when it was). */
export type ActionMiss =
  | 'no-frames'
  | 'no-start'
  | 'no-action'
  | 'no-return'
  | 'too-slow'
  | 'wrong-direction'
  | 'face-lost';

export interface ActionResult {
  detected: boolean;
  miss: ActionMiss | null;
  /** When the action was seen (time of its peak frame), if it was. */
  at: number | null;
  /** Milliseconds from the start of the action to the return (e.g. how long the eyes were closed). */
  durationMs: number | null;
}

export const actionSeen = (at: number, durationMs: number): ActionResult => ({ detected: true, miss: null, at, durationMs });
export const actionMissed = (miss: ActionMiss): ActionResult => ({ detected: false, miss, at: null, durationMs: null });

/** Frames with exactly one face, in time order. */
export function singleFaceFrames<T extends ActionFrame>(frames: readonly T[]): T[] {
  return frames.filter((f) => f.faces === 1).sort((a, b) => a.at - b.at);
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
