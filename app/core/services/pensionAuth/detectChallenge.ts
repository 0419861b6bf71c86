import type { LivenessChallengeKind } from '../../../api/kioskApi.js';
import type { FrameMeasurement } from './faceAuthTypes.js';

/** Thresholds over the main process's landmark measurements (see docs/face-verification.md). */
export const CHALLENGE_THRESHOLDS = {
  /** Eye aspect ratio: open above, closed below. */
  eyesOpen: 0.2,
  eyesClosed: 0.14,
  /** Degrees of head turn that count as "turned", and the band that counts as "facing the screen" again. */
  turned: 18,
  facing: 10,
  /** Mouth aspect ratio. */
  mouthOpen: 0.45,
  mouthClosed: 0.25,
  /** Degrees of pitch travel for a nod. */
  nod: 12,
};

/** Index of the first frame after `from` that satisfies `test`, or -1. */
function firstAfter(frames: readonly FrameMeasurement[], from: number, test: (f: FrameMeasurement) => boolean): number {
  for (let i = from; i < frames.length; i++) if (test(frames[i]!)) return i;
  return -1;
}

/** An action seen as a sequence: a start condition, then the action, then (for most) back again. */
function sequence(frames: readonly FrameMeasurement[], steps: ((f: FrameMeasurement) => boolean)[]): boolean {
  let at = 0;
  for (const step of steps) {
    const found = firstAfter(frames, at, step);
    if (found < 0) return false;
    at = found + 1;
  }
  return true;
}

/**
 * Whether the frames of one challenge show the action done: a blink is open → closed → open, a turn is facing →
 * turned → facing again, a mouth is closed → open, a nod is a pitch swing. Usable frames only; a photo held up
 * cannot produce these sequences, and the passive liveness check runs on the same frames.
 */
export function detectChallenge(kind: LivenessChallengeKind, all: readonly FrameMeasurement[]): boolean {
  const frames = all.filter((f) => f.faces === 1 && f.yaw !== null);
  const t = CHALLENGE_THRESHOLDS;
  const facing = (f: FrameMeasurement) => Math.abs(f.yaw ?? 99) <= t.facing;
  switch (kind) {
    case 'blink':
      return sequence(frames, [
        (f) => (f.eyeOpenness ?? 0) >= t.eyesOpen,
        (f) => (f.eyeOpenness ?? 1) <= t.eyesClosed,
        (f) => (f.eyeOpenness ?? 0) >= t.eyesOpen,
      ]);
    case 'turnLeft':
      return sequence(frames, [facing, (f) => (f.yaw ?? 0) >= t.turned, facing]);
    case 'turnRight':
      return sequence(frames, [facing, (f) => (f.yaw ?? 0) <= -t.turned, facing]);
    case 'openMouth':
      return sequence(frames, [(f) => (f.mouthOpenness ?? 1) <= t.mouthClosed, (f) => (f.mouthOpenness ?? 0) >= t.mouthOpen]);
    case 'nod': {
      const pitches = frames.map((f) => f.pitch).filter((p): p is number => p !== null);
      if (pitches.length < 3) return false;
      const first = pitches[0]!;
      const lowest = Math.min(...pitches);
      const lowAt = pitches.indexOf(lowest);
      return first - lowest >= t.nod && pitches.slice(lowAt).some((p) => p - lowest >= t.nod * 0.7);
    }
  }
}
