import type { InspectionEvent } from 'xstate';
import type { StoredSessionEvent } from '../store/sessionEventStore.js';
import type { SessionEmitted } from './sessionMachine.js';
import { emptyVisitLog, reduceVisitLog, type VisitLogInput, type VisitLogWrite } from './visitLog.js';

/** Where the visit log goes: the kiosk's SQLite store (or an array in tests). */
interface VisitLogSink {
  start(sessionId: string, at: Date): void;
  append(sessionId: string, event: StoredSessionEvent): void;
  end(sessionId: string, at: Date, reason: string): void;
}

export interface VisitLogRecorderOptions {
  sink: VisitLogSink;
  /** Seals an entry's whole payload with the data key. */
  seal: (plain: string) => string;
  now: () => number;
  /** The id of the machine's speech actor, whose requests are the robot's spoken lines. */
  speechActorId?: string;
}

/** A state value as a dotted path: { followUp: 'waiting' } → followUp.waiting. */
function stateValuePath(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${key}.${stateValuePath(inner)}`)
      .join(',');
  }
  return String(value);
}

/**
 * Subscribes the visit log to the session actor: every event the machine receives, every transition it makes and
 * every line it has said, from xstate's inspection API and the visit events the machine emits. It decides nothing
 * and infers nothing: the reducer turns what it is told into writes, and this applies them.
 */
export function createVisitLogRecorder(options: VisitLogRecorderOptions) {
  const speechActorId = options.speechActorId ?? 'speech';
  let state = emptyVisitLog;
  let lastPath: string | null = null;

  const write = (w: VisitLogWrite) => {
    switch (w.op) {
      case 'begin':
        options.sink.start(w.sessionId, new Date(w.at));
        return;
      case 'append': {
        const { payload, ...entry } = w.entry;
        options.sink.append(w.sessionId, { ...entry, sealed: payload === null ? null : options.seal(JSON.stringify(payload)) });
        return;
      }
      case 'end':
        options.sink.end(w.sessionId, new Date(w.at), w.reason);
        return;
    }
  };
  const apply = (input: VisitLogInput) => {
    const result = reduceVisitLog(state, input);
    state = result.state;
    result.writes.forEach(write);
  };

  return {
    /** Pass as `createActor(machine, { inspect })`. */
    inspect(inspection: InspectionEvent): void {
      const isRoot = inspection.actorRef.sessionId === inspection.rootId;
      if (inspection.type === '@xstate.event') {
        const event = inspection.event as { type: string } & Record<string, unknown>;
        if (isRoot && !event.type.startsWith('xstate.init')) apply({ kind: 'event', event, at: options.now() });
        else if (event.type === 'speak' && (inspection.actorRef as { id?: string }).id === speechActorId) {
          apply({ kind: 'said', line: String(event.line), listen: String(event.listen ?? 'default'), at: options.now() });
        }
      } else if (inspection.type === '@xstate.snapshot' && isRoot) {
        const path = stateValuePath((inspection.snapshot as { value?: unknown }).value);
        if (lastPath !== null && path !== lastPath) apply({ kind: 'transition', from: lastPath, to: path, at: options.now() });
        lastPath = path;
      }
    },
    /** Pass the machine's emitted visit events: `actor.on('*', recorder.onEmitted)`. */
    onEmitted(event: SessionEmitted): void {
      apply(event.type === 'visit.started' ? { kind: 'visit.started', sessionId: event.sessionId, devices: { ...event.devices }, at: options.now() } : { kind: 'visit.ended', sessionId: event.sessionId, reason: event.reason, at: options.now() });
    },
    /** The kiosk is stopping: an open visit ends with this reason. */
    close(reason: string): void {
      if (state.open) apply({ kind: 'visit.ended', sessionId: state.open.sessionId, reason, at: options.now() });
    },
  };
}

