import { childUnderParent } from './childUnderParent.js';
import { fromCallback, fromPromise, SimulatedClock, type AnyActorRef, type EventObject } from 'xstate';
import type { AttemptDecision, FrameMeasurement } from '../../../app/core/services/pensionAuth/faceAuthTypes.js';
import type { PensionAuthParentEvent } from '../../../app/core/services/pensionAuth/pensionAuthEvents.js';
import {
  identityCheckMachine,
  identityCheckRecordOf,
  type Admission,
  type IdentityCheckContext,
  type IdentityCheckInput,
  type IdentityCheckOutput,
  type IdentityCheckRecord,
  type IdentitySubject,
  type PreparedIdentity,
} from '../../../app/core/identity/identityCheckMachine.js';

// The real identity check machine with recording fakes at its edges (lookup, limits, vision/), under a parent that
// records what the child tells it, on a simulated clock. Frames arrive as vision/'s measurements.

export const validId = '370203196203150422';
export const validIdMasked = '3702**********0422';
/** Three other well-formed numbers (check character right). */
export const otherIds = ['370202199001011237', '370202198503150021', '370211195511110014'] as const;

/** The face side's settings as the kiosk gives them, with what a test changes. */
export function identityInput(clock: { now(): number }, over: Partial<IdentityCheckInput> = {}): IdentityCheckInput {
  return {
    timing: { challengeMs: 8_000, positioningMs: 15_000, positionedFrames: 3 },
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

export interface IdentityFakes {
  /** The citizen id the business system has for the number (null: unknown number). Default QD0001. */
  citizenId?: string | null;
  /** A usable reference photo on file (default true); 'pending' never answers. */
  reference?: boolean | 'pending';
  /** The business system is down: the lookup fails. */
  lookupFails?: boolean;
  /**
   * vision/'s decision on each attempt; 'pending' never answers, 'fails' rejects (vision/ broke). Default as vision/
   * decides: a match when there is a reference, no-match (similarity −1) when there is nothing to compare with.
   */
  decide?: (attempt: number) => AttemptDecision | 'pending' | 'fails';
  /** The attempt limits (default: admitted, 5 checks left). */
  admit?: (subject: IdentitySubject, visitId: string | null) => Admission;
  /** Nothing answers by itself: lookups, decisions and frames come only as events (replaying a graph path). */
  manual?: boolean;
}

export interface IdentityCalls {
  admitted: { subject: IdentitySubject; visitId: string | null }[];
  prepared: IdentitySubject[];
  newAttempt: number;
  startChallenge: string[];
  verify: number;
  /** Raw frames the frames actor received (a frame outside the wanting states never gets here). */
  framesReceived: number;
  failedChecks: IdentitySubject[];
  audit: IdentityCheckRecord[];
  clear: number;
}

const never = () => new Promise<never>(() => {});

/** The identity machine with recording fakes; `answer` is what vision/ measures on the next raw frame. */
export function fakeIdentityCheck(options: IdentityFakes, calls: IdentityCalls, answer: () => (context: IdentityCheckContext) => FrameMeasurement) {
  let attempt = 0;
  let referenceSet = false;
  return identityCheckMachine.provide({
    actions: {
      newAttempt: () => {
        calls.newAttempt++;
        attempt++;
      },
      startChallenge: ({ context }) => {
        calls.startChallenge.push(context.challenges[context.challengeIndex]!);
      },
      recordFailedCheck: ({ context }) => {
        calls.failedChecks.push(context.known ? { citizenId: context.known.citizenId } : { idNumber: context.idNumber! });
      },
    },
    actors: {
      admitSubject: fromPromise<Admission, { subject: IdentitySubject; visitId: string | null }>(({ input }) => {
        calls.admitted.push(input);
        if (options.manual) return never();
        return Promise.resolve(options.admit ? options.admit(input.subject, input.visitId) : { admitted: true, checksLeft: 5 });
      }),
      prepareIdentity: fromPromise<PreparedIdentity, { subject: IdentitySubject }>(({ input }) => {
        calls.prepared.push(input.subject);
        if (options.manual || options.reference === 'pending') return never();
        if (options.lookupFails) return Promise.reject(new Error('business system down'));
        const citizenId = 'citizenId' in input.subject ? input.subject.citizenId : options.citizenId === undefined ? 'QD0001' : options.citizenId;
        referenceSet = citizenId !== null && (options.reference ?? true) === true;
        return Promise.resolve({ citizenId, nameMasked: citizenId !== null && !('citizenId' in input.subject) ? '王*兰' : null, reference: referenceSet });
      }),
      analyzeFrames: fromCallback<Extract<PensionAuthParentEvent, { type: 'auth.frame' }>, unknown>(({ receive, sendBack, self }) => {
        receive(() => {
          calls.framesReceived++;
          if (options.manual) return;
          const parent = (self as unknown as { _parent: AnyActorRef })._parent;
          sendBack({ type: 'frame.analyzed', frame: answer()(parent.getSnapshot().context as IdentityCheckContext) });
        });
      }),
      verifyAttempt: fromPromise<AttemptDecision>(() => {
        calls.verify++;
        const next = options.manual ? 'pending' : options.decide ? options.decide(attempt) : referenceSet ? decision('match') : decision('no-match', -1);
        if (next === 'fails') return Promise.reject(new Error('onnx session failed'));
        return next === 'pending' ? never() : Promise.resolve(next);
      }),
      endOfCheck: fromCallback<EventObject, { snapshot: () => { context: IdentityCheckContext } }>(({ input }) => () => {
        calls.audit.push(identityCheckRecordOf(input.snapshot()));
        calls.clear++;
      }),
    },
  });
}

export const newIdentityCalls = (): IdentityCalls => ({
  admitted: [],
  prepared: [],
  newAttempt: 0,
  startChallenge: [],
  verify: 0,
  framesReceived: 0,
  failedChecks: [],
  audit: [],
  clear: 0,
});


/** The identity check under a parent that records robot.say, identity.verified and the output. */
export function startIdentity(options: IdentityFakes & { input?: Partial<IdentityCheckInput> } = {}) {
  const clock = new SimulatedClock();
  const calls = newIdentityCalls();
  let answer: (context: IdentityCheckContext) => FrameMeasurement = () => measured();
  const child = fakeIdentityCheck(options, calls, () => answer);
  const rig = childUnderParent<typeof child, IdentityCheckOutput>(child, identityInput(clock, options.input), clock);
  return {
    ...rig,
    clock,
    calls,
    check: rig.child,
    /** The state value of the check, flattened (attempt.challenge → challenge). */
    state: () => leafOf(rig.snapshot().value),
    measure: (next: (context: IdentityCheckContext) => FrameMeasurement) => {
      answer = next;
    },
  };
}

export type IdentityHarness = ReturnType<typeof startIdentity>;

export function leafOf(value: unknown): string {
  return typeof value === 'string' ? value : Object.values(value as Record<string, unknown>)[0] as string;
}

/** vision/ says the current challenge is passed. */
export const challengePassed = (context: IdentityCheckContext) =>
  measured({ challenge: { kind: context.challenges[context.challengeIndex]!, state: 'passed', miss: null } });

/** Something that drives an identity check: the standalone harness or 养老认证's (its check inside). */
export interface Drivable {
  send(event: PensionAuthParentEvent): void;
  frame(): void;
  measure(next: (context: IdentityCheckContext) => FrameMeasurement): void;
  state(): string;
}

/** ID number in, the check prepared: the first attempt's positioning. */
export async function toPositioning(t: Drivable, idNumber: string = validId) {
  t.send({ type: 'auth.idNumber', idNumber });
  await settle();
}

/** Positioned: the first challenge is prompted. */
export async function toChallenge(t: Drivable, idNumber: string = validId) {
  if (t.state() === 'idInput') await toPositioning(t, idNumber);
  t.measure(() => measured());
  for (let i = 0; i < 3; i++) t.frame();
}

/** Every challenge of the attempt done: vision/ is asked to decide. */
export async function passChallenges(t: Drivable) {
  t.measure(challengePassed);
  for (let i = 0; i < 10 && t.state() === 'challenge'; i++) t.frame();
  await settle();
}

/** One whole attempt: positioned, challenges done, decided. */
export async function oneAttempt(t: Drivable, idNumber: string = validId) {
  await toChallenge(t, idNumber);
  await passChallenges(t);
}

/** Lets the fake promise actors settle. */
export const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

/** Every change of a machine's instruction, in order (subscribe before driving it). */
export function instructionChanges(child: AnyActorRef): string[] {
  const seen: string[] = [];
  let last: string | undefined;
  const note = (snapshot: { context: { instruction: string } }) => {
    if (snapshot.context.instruction !== last) {
      last = snapshot.context.instruction;
      seen.push(last);
    }
  };
  note(child.getSnapshot() as { context: { instruction: string } });
  child.subscribe(note);
  return seen;
}
