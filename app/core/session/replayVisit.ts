import { createActor, createMachine, fromCallback, fromPromise, SimulatedClock } from 'xstate';
import type { StoredSessionEvent } from '../store/sessionEventStore.js';
import type { DeviceStates, SessionTiming } from './sessionContext.js';
import type { AnswerView } from '../../api/kioskApi.js';
import type { GuideInput, GuideOutcome } from '../services/guideOutcome.js';
import { sessionMachine, type AnswerQuestionInput, type CallStaffInput, type SessionMachineInput, type SpeakRequest } from './sessionMachine.js';
import type { SessionEvent } from './sessionEvents.js';
import { pushFrame, visitFrameOf, type VisitFrame } from './visitFrame.js';

export interface ReplaySettings {
  timing: SessionTiming;
  robotName: string;
  places: SessionMachineInput['places'];
  /** The 养老认证 settings when the kiosk offered it (the child itself is not re-run: its messages are in the log). */
  pensionAuth?: SessionMachineInput['pensionAuth'];
  /** Opens an entry's sealed payload (the kiosk's data key). */
  unseal: (sealed: string) => string;
}

export interface ReplayResult {
  frames: VisitFrame[];
  said: string[];
}

/** Entries that are the machine's own output, or its own timers: a fresh machine makes them again by itself. */
function isReplayedInput(type: string): boolean {
  return !['transition', 'said', 'visit.started', 'visit.ended'].includes(type) && !type.startsWith('xstate.after');
}

/** An actor that never finishes: its completion, if there was one, comes from the log. */
function pending<TOutput, TInput>() {
  return fromPromise<TOutput, TInput>(() => new Promise<never>(() => undefined));
}

/**
 * Replays a recorded visit through a fresh session machine on a simulated clock: every event the machine received,
 * at the time it received it, with each actor's completion taken from the log instead of re-run (no business system,
 * no robot, no LLM is touched). Returns the frames the citizen saw and the lines the robot said.
 */
export function replayVisit(entries: readonly StoredSessionEvent[], settings: ReplaySettings): ReplayResult {
  const clock = new SimulatedClock();
  const said: string[] = [];
  const frames: VisitFrame[] = [];
  const open = (entry: StoredSessionEvent): unknown => (entry.sealed ? JSON.parse(settings.unseal(entry.sealed)) : null);
  const start = entries.find((e) => e.type === 'visit.started');
  const devices = start ? ((open(start) as { devices?: DeviceStates } | null)?.devices ?? undefined) : undefined;

  const machine = sessionMachine.provide({
    actors: {
      answerQuestion: pending<AnswerView, AnswerQuestionInput>(),
      callStaff: pending<void, CallStaffInput>(),
      guide: pending<GuideOutcome, GuideInput>(),
      pensionAuth: createMachine({}) as never,
      printJob: createMachine({}) as never,
      speech: fromCallback<SpeakRequest>(({ receive }) => receive((request) => said.push(request.line))),
    },
  });
  const actor = createActor(machine, {
    clock,
    input: {
      timing: settings.timing,
      robotName: settings.robotName,
      places: settings.places,
      ...(settings.pensionAuth ? { pensionAuth: settings.pensionAuth } : {}),
      ...(devices ? { devices } : {}),
      newSessionId: () => 'replay',
      now: () => clock.now(),
    },
  });
  actor.subscribe((snapshot) => pushFrame(frames, visitFrameOf(snapshot)));
  actor.start();

  const advanceTo = (atMs: number) => clock.increment(Math.max(0, atMs - clock.now()));
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    advanceTo(entry.atMs);
    if (!isReplayedInput(entry.type)) continue;
    const event = open(entry) as SessionEvent | null;
    if (event) actor.send(event);
  }
  actor.stop();
  return { frames, said };
}
