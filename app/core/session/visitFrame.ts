import type { SnapshotFrom } from 'xstate';
import type { SessionMachine } from './sessionMachine.js';
import { phaseOf } from './toKioskView.js';

/** What a citizen sees of a visit at one moment: the part of the screen the session machine decides. */
export interface VisitFrame {
  state: string;
  phase: string;
  robotLine: string;
  notice: string | null;
  answer: string | null;
  subtitles: number;
}

export function visitFrameOf(snapshot: SnapshotFrom<SessionMachine>): VisitFrame {
  const ctx = snapshot.context;
  return {
    state: JSON.stringify(snapshot.value),
    phase: phaseOf(snapshot.value),
    robotLine: ctx.robotLine,
    notice: ctx.notice,
    answer: ctx.answer?.spoken ?? null,
    subtitles: ctx.subtitles.length,
  };
}

/** Appends a frame unless it repeats the last one (snapshots that changed nothing the citizen sees). */
export function pushFrame(frames: VisitFrame[], frame: VisitFrame): void {
  const last = frames.at(-1);
  if (!last || JSON.stringify(last) !== JSON.stringify(frame)) frames.push(frame);
}
