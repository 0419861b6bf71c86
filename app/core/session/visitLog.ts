import { describeEvent } from './describeEvent.js';

/** What happens in the session, in the order it happens, as the visit log is told it. */
export type VisitLogInput =
  /** `devices`: what the machine knew of its devices when the visit began (a replay starts from them). */
  | { kind: 'visit.started'; sessionId: string; at: number; devices?: Record<string, unknown> }
  | { kind: 'visit.ended'; sessionId: string; reason: string; at: number }
  /** An event the session machine received (from the screen, a device, an actor, its own timers). */
  | { kind: 'event'; event: { type: string } & Record<string, unknown>; at: number }
  /** The machine moved from one state to another (state values as dotted paths). */
  | { kind: 'transition'; from: string; to: string; at: number }
  /** The machine asked the speech actor to say a line. */
  | { kind: 'said'; line: string; listen: string; at: number };

interface VisitLogEntry {
  seq: number;
  /** Milliseconds since the visit began. */
  atMs: number;
  type: string;
  /** What may be read in clear. */
  detail: Record<string, unknown>;
  /** The whole thing, to be sealed by the writer (null: nothing may be kept, e.g. a camera frame). */
  payload: unknown;
}

export type VisitLogWrite =
  | { op: 'begin'; sessionId: string; at: number }
  | { op: 'append'; sessionId: string; entry: VisitLogEntry }
  | { op: 'end'; sessionId: string; reason: string; at: number };

export interface VisitLogState {
  open: { sessionId: string; startedAt: number; seq: number } | null;
  /** The last event seen outside a visit: the one that opened the next visit, if one opens. */
  held: Extract<VisitLogInput, { kind: 'event' }> | null;
}

export const emptyVisitLog: VisitLogState = { open: null, held: null };

/**
 * Events whose content never leaves memory: a camera frame is biometric data; an ID card read carries the full
 * number, the name and the chip photo (the identity check has them in memory; the log keeps only its summary).
 */
const NOT_KEPT = new Set(['auth.frame', 'idcard.read']);

/**
 * The visit log as a pure reducer (the shape of Home Assistant's assist pipeline): each input gives the next state
 * and the writes to make. Outside a visit nothing is written; the event that opens a visit is written as its first
 * entry, because the machine announces the visit while handling that event.
 */
export function reduceVisitLog(state: VisitLogState, input: VisitLogInput): { state: VisitLogState; writes: VisitLogWrite[] } {
  switch (input.kind) {
    case 'visit.started': {
      const writes: VisitLogWrite[] = [];
      let current = state;
      if (state.open) {
        writes.push({ op: 'end', sessionId: state.open.sessionId, reason: 'next-citizen', at: input.at });
        current = { ...current, open: null };
      }
      writes.push({ op: 'begin', sessionId: input.sessionId, at: input.at });
      let open = { sessionId: input.sessionId, startedAt: input.at, seq: 0 };
      const started = entryOf(open, { kind: 'event', event: { type: 'visit.started', devices: input.devices ?? {} }, at: input.at });
      writes.push({ op: 'append', sessionId: open.sessionId, entry: { ...started.entry, detail: { devices: input.devices ?? {} } } });
      open = started.next;
      if (current.held) {
        const { entry, next } = entryOf(open, current.held);
        writes.push({ op: 'append', sessionId: open.sessionId, entry });
        open = next;
      }
      return { state: { open, held: null }, writes };
    }
    case 'visit.ended': {
      if (!state.open || state.open.sessionId !== input.sessionId) return { state, writes: [] };
      const { entry } = entryOf(state.open, { kind: 'event', event: { type: 'visit.ended', reason: input.reason }, at: input.at });
      return {
        state: { open: null, held: null },
        writes: [
          { op: 'append', sessionId: state.open.sessionId, entry },
          { op: 'end', sessionId: state.open.sessionId, reason: input.reason, at: input.at },
        ],
      };
    }
    default: {
      if (!state.open) return { state: input.kind === 'event' ? { ...state, held: input } : state, writes: [] };
      const { entry, next } = entryOf(state.open, input);
      return { state: { ...state, open: next }, writes: [{ op: 'append', sessionId: next.sessionId, entry }] };
    }
  }
}

function entryOf(open: NonNullable<VisitLogState['open']>, input: Exclude<VisitLogInput, { kind: 'visit.started' | 'visit.ended' }>) {
  const next = { ...open, seq: open.seq + 1 };
  const atMs = Math.max(0, input.at - open.startedAt);
  let entry: VisitLogEntry;
  switch (input.kind) {
    case 'event':
      entry = {
        seq: next.seq,
        atMs,
        type: input.event.type,
        detail: describeEvent(input.event),
        payload: NOT_KEPT.has(input.event.type) ? null : input.event,
      };
      break;
    case 'transition':
      entry = { seq: next.seq, atMs, type: 'transition', detail: { from: input.from, to: input.to }, payload: null };
      break;
    case 'said':
      entry = { seq: next.seq, atMs, type: 'said', detail: describeEvent({ type: 'speak', line: input.line, listen: input.listen }), payload: { line: input.line, listen: input.listen } };
      break;
  }
  return { entry, next };
}
