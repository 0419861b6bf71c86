/**
 * Presence from face tracking: someone close and facing the screen for `arriveMs` has arrived; nobody in view
 * for `leaveMs` has left. Nobody in view for `changeGapMs` (but less than `leaveMs`) and then someone facing the
 * screen again may be another person: `presence.changed`, so the visit forgets who it verified (the face check
 * is cheap to repeat; showing one citizen's record to the next is not). Each crossing is reported once. A pure
 * state machine over (observation, time), so the timing is tested without a camera.
 */
export type PresenceEvent = 'presence.arrived' | 'presence.left' | 'presence.changed';

export interface PresenceTiming {
  /** Attending this long (ms) → arrived. */
  arriveMs: number;
  /** Nobody this long (ms) after arriving → left. */
  leaveMs: number;
  /** A gap in attention shorter than this (a missed frame, a glance aside) does not restart the arrival count. */
  toleranceMs: number;
  /** Nobody in view this long, then a face again: perhaps another person. */
  changeGapMs: number;
}

export const defaultPresenceTiming: PresenceTiming = { arriveMs: 1_000, leaveMs: 5_000, toleranceMs: 400, changeGapMs: 2_000 };

export interface PresenceSample {
  /** A face is in view at all (any size, any pose). */
  someone: boolean;
  /** Close enough and facing the screen. */
  attending: boolean;
  /** Milliseconds, monotonic. */
  at: number;
}

export interface PresenceDetector {
  update(sample: PresenceSample): PresenceEvent | null;
  readonly present: boolean;
}

export function createPresenceDetector(timing: PresenceTiming = defaultPresenceTiming): PresenceDetector {
  let present = false;
  let attendingSince: number | null = null;
  let lastAttendingAt: number | null = null;
  let lastSomeoneAt: number | null = null;

  return {
    get present() {
      return present;
    },
    update({ someone, attending, at }) {
      // Present, nobody seen for a while but not long enough to have left, and now a face attends again.
      const changed = present && attending && lastSomeoneAt !== null && at - lastSomeoneAt >= timing.changeGapMs && at - lastSomeoneAt < timing.leaveMs;
      if (someone) lastSomeoneAt = at;
      if (attending) {
        if (attendingSince === null || lastAttendingAt === null || at - lastAttendingAt > timing.toleranceMs) attendingSince = at;
        lastAttendingAt = at;
      }
      if (!present) {
        if (attending && attendingSince !== null && at - attendingSince >= timing.arriveMs) {
          present = true;
          return 'presence.arrived';
        }
        return null;
      }
      if (lastSomeoneAt === null || at - lastSomeoneAt >= timing.leaveMs) {
        present = false;
        attendingSince = null;
        lastAttendingAt = null;
        return 'presence.left';
      }
      return changed ? 'presence.changed' : null;
    },
  };
}
