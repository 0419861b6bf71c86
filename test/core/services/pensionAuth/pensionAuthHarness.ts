import { createActor, fromCallback, fromPromise, sendTo, setup, SimulatedClock, type ActorRefFrom, type AnyActorRef, type EventObject } from 'xstate';
import type { LivenessChallengeKind } from '../../../../app/api/kioskApi.js';
import type { AttemptDecision, CitizenForAuth, FrameMeasurement, SubmissionOutcome } from '../../../../app/core/services/pensionAuth/faceAuthTypes.js';
import type { PensionAuthOutput, PensionAuthParentEvent, RobotSayEvent } from '../../../../app/core/services/pensionAuth/pensionAuthEvents.js';
import {
  pensionAuthMachine,
  pensionAuthRecordOf,
  type PensionAuthContext,
  type PensionAuthInput,
  type PensionAuthRecord,
} from '../../../../app/core/services/pensionAuth/pensionAuthMachine.js';
import { decideVerification } from '../../../../vision/verify/decideVerification.js';

// The real 养老认证 machine under a parent that records what the child tells it, on a simulated clock. The actors and
// actions at its edges are fakes that record their calls; frames arrive as vision/'s measurements.

export const pensioner: CitizenForAuth = { citizenId: 'QD0001', isPensioner: true, standing: '即将到期', nextDueDate: '2026-12-10' };
export const validId = '370203196203150422';

/** The machine's settings as the kiosk gives them, with what a test changes. */
export function authInput(clock: { now(): number }, over: Partial<PensionAuthInput> = {}): PensionAuthInput {
  return {
    timing: { challengeMs: 8_000, positioningMs: 15_000, positionedFrames: 3, resultShowMs: 10_000 },
    challengePool: ['blink', 'turnLeft', 'turnRight', 'openMouth', 'nod'],
    challengesPerAttempt: { min: 2, max: 2 },
    maxAttempts: 3,
    random: () => 0.3,
    now: () => clock.now(),
    ...over,
  };
}

/** A measured frame: one usable, frontal face, the same as before, no challenge running. */
export function measured(over: Partial<FrameMeasurement> = {}): FrameMeasurement {
  return {
    at: 0,
    faces: 1,
    yaw: 0,
    pitch: 0,
    eyeOpenness: 0.3,
    eyesOpenProbability: 0.99,
    mouthOpenness: 0.05,
    usable: true,
    failures: [],
    liveness: 0.9,
    sameFace: true,
    continuityBreak: null,
    box: { x1: 200, y1: 100, x2: 440, y2: 380, score: 0.99 },
    challenge: null,
    ...over,
  };
}

export function decision(outcome: AttemptDecision['outcome'], similarity: number | null = outcome === 'match' ? 0.8 : outcome === 'no-match' ? 0.2 : null): AttemptDecision {
  const reasons = {
    match: 'similarity-at-or-above-threshold',
    'no-match': 'similarity-below-threshold',
    spoof: 'passive-liveness-failed',
    'identity-changed': 'identity-continuity-broken',
    'no-frames': 'no-usable-frames',
  } as const;
  return {
    outcome,
    reason: reasons[outcome],
    match: outcome === 'match',
    similarity,
    threshold: 0.4,
    liveness: { live: outcome !== 'spoof', score: outcome === 'spoof' ? 0.1 : 0.9, frames: 5, threshold: 0.5, reason: outcome === 'spoof' ? 'spoof' : 'live' },
    challenges: { started: 2, passed: 2, required: 1 },
  };
}

export interface HarnessOptions {
  citizen?: CitizenForAuth | null;
  reference?: boolean | 'pending';
  /** vision/'s decision on each attempt (default: match); 'pending' never answers. */
  decide?: (attempt: number) => AttemptDecision | 'pending';
  submit?: () => Promise<SubmissionOutcome>;
  input?: Partial<PensionAuthInput>;
  /** Nothing answers by itself: lookups, decisions and frames come only as events (replaying a graph path). */
  manual?: boolean;
}

export interface Calls {
  newAttempt: number;
  startChallenge: LivenessChallengeKind[];
  verify: number;
  submitted: unknown[];
  /** Raw frames the frames actor received (a frame outside the wanting states never gets here). */
  framesReceived: number;
  audit: PensionAuthRecord[];
  clear: number;
}

const never = () => new Promise<never>(() => {});

/** The child machine with recording fakes; `parent` forwards every other event to it and records robot.say. */
export function startAuth(options: HarnessOptions = {}) {
  const clock = new SimulatedClock();
  const calls: Calls = { newAttempt: 0, startChallenge: [], verify: 0, submitted: [], framesReceived: 0, audit: [], clear: 0 };
  const said: RobotSayEvent[] = [];
  const outputs: PensionAuthOutput[] = [];
  let attempt = 0;
  // What vision/ measures on the next raw frames (tests change it with `measure`).
  let answer: (context: PensionAuthContext) => FrameMeasurement = () => measured();
  const child = pensionAuthMachine.provide({
    actions: {
      newAttempt: () => {
        calls.newAttempt++;
        attempt++;
      },
      startChallenge: ({ context }) => {
        calls.startChallenge.push(context.challenges[context.challengeIndex]!);
      },
    },
    actors: {
      lookUpCitizen: fromPromise<CitizenForAuth | null, { idNumber: string }>(() =>
        options.manual ? never() : Promise.resolve(options.citizen === undefined ? pensioner : options.citizen),
      ),
      prepareReference: fromPromise<boolean, { citizenId: string }>(() =>
        options.manual || options.reference === 'pending' ? never() : Promise.resolve(options.reference ?? true),
      ),
      analyzeFrames: fromCallback<Extract<PensionAuthParentEvent, { type: 'auth.frame' }>>(({ receive, sendBack }) => {
        receive(() => {
          calls.framesReceived++;
          if (options.manual) return;
          sendBack({ type: 'frame.analyzed', frame: answer(snapshot().context) });
        });
      }),
      verifyAttempt: fromPromise<AttemptDecision>(() => {
        calls.verify++;
        const answer = options.manual ? 'pending' : options.decide ? options.decide(attempt) : decision('match');
        return answer === 'pending' ? never() : Promise.resolve(answer);
      }),
      submitResult: fromPromise<SubmissionOutcome, { citizenId: string; similarity: number; liveness: number; challenges: LivenessChallengeKind[] }>(({ input }) => {
        calls.submitted.push(input);
        if (options.manual) return never();
        return options.submit ? options.submit() : Promise.resolve({ state: 'accepted' as const, nextDueDate: '2027-11-30' });
      }),
      endOfAuthentication: fromCallback<EventObject, { snapshot: () => { context: PensionAuthContext; value: unknown } }>(({ input }) => () => {
        calls.audit.push(pensionAuthRecordOf(input.snapshot()));
        calls.clear++;
      }),
    },
  });
  const parent = setup({
    types: { events: {} as PensionAuthParentEvent | RobotSayEvent | { type: 'leave' } | { type: 'frame.analyzed'; frame: FrameMeasurement } },
    actors: { child },
  }).createMachine({
    initial: 'running',
    states: {
      running: {
        invoke: {
          id: 'auth',
          src: 'child',
          input: () => authInput(clock, options.input),
          onDone: { target: 'ended', actions: ({ event }) => outputs.push(event.output) },
        },
        on: {
          'robot.say': { actions: ({ event }) => said.push(event) },
          leave: 'ended',
          '*': { actions: sendTo('auth', ({ event }) => event as never) },
        },
      },
      ended: {},
    },
  });
  const actor = createActor(parent, { clock });
  actor.start();
  const auth = () => actor.getSnapshot().children.auth as ActorRefFrom<typeof child> | undefined;
  const snapshot = () => auth()!.getSnapshot();
  let seq = 0;
  return {
    actor,
    clock,
    calls,
    said,
    outputs,
    auth,
    snapshot,
    /** The state value of the child, flattened (attempt.challenge → challenge). */
    state: () => {
      const value = snapshot().value;
      return typeof value === 'string' ? value : Object.values(value)[0]!;
    },
    send: (event: PensionAuthParentEvent | { type: 'leave' }) => actor.send(event),
    /** Any event straight to the child (a graph path's done and delay events). */
    sendToChild: (event: EventObject) => auth()!.send(event as never),
    /** What vision/ measures on the raw frames from now on. */
    measure: (next: (context: PensionAuthContext) => FrameMeasurement) => {
      answer = next;
    },
    /** A raw camera frame from the screen, as the parent forwards it. */
    frame: () => actor.send({ type: 'auth.frame', frame: { jpegBase64: '/9j/', width: 640, height: 480, capturedAt: clock.now(), seq: seq++ } }),
  };
}

export type Harness = ReturnType<typeof startAuth>;

/** vision/ says the current challenge is passed. */
export const challengePassed = (context: PensionAuthContext) =>
  measured({ challenge: { kind: context.challenges[context.challengeIndex]!, state: 'passed', miss: null } });

/** ID number in, reference ready: the first attempt's positioning. */
export async function toPositioning(t: Harness) {
  t.send({ type: 'auth.idNumber', idNumber: validId });
  await settle();
}

/** Positioned: the first challenge is prompted. */
export async function toChallenge(t: Harness) {
  if (t.state() === 'idInput') await toPositioning(t);
  t.measure(() => measured());
  for (let i = 0; i < 3; i++) t.frame();
}

/** Every challenge of the attempt done: vision/ is asked to decide. */
export async function passChallenges(t: Harness) {
  t.measure(challengePassed);
  for (let i = 0; i < 10 && t.state() === 'challenge'; i++) t.frame();
  await settle();
}

/** Lets the fake promise actors settle. */
export const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

/** Every change of the child's instruction, in order (subscribe before driving it). */
export function instructionChanges(child: AnyActorRef): string[] {
  const seen: string[] = [];
  let last: string | undefined;
  const note = (snapshot: { context: PensionAuthContext }) => {
    if (snapshot.context.instruction !== last) {
      last = snapshot.context.instruction;
      seen.push(last);
    }
  };
  note(child.getSnapshot());
  child.subscribe(note);
  return seen;
}

export { decideVerification };
