import { childUnderParent } from '../../identity/childUnderParent.js';
import { fromCallback, fromPromise, SimulatedClock, type EventObject } from 'xstate';
import type { LivenessChallengeKind } from '../../../../app/api/kioskApi.js';
import type { IdentityCheckContext, IdentityCheckSnapshot } from '../../../../app/core/identity/identityCheckMachine.js';
import type { CitizenForAuth, FrameMeasurement, SubmissionOutcome } from '../../../../app/core/services/pensionAuth/faceAuthTypes.js';
import type { PensionAuthOutput } from '../../../../app/core/services/pensionAuth/pensionAuthEvents.js';
import {
  pensionAuthMachine,
  pensionAuthRecordOf,
  type PensionAuthContext,
  type PensionAuthInput,
  type PensionAuthRecord,
} from '../../../../app/core/services/pensionAuth/pensionAuthMachine.js';
import { decideVerification } from '../../../../vision/verify/decideVerification.js';
import { fakeIdentityCheck, leafOf, measured, newIdentityCalls, type IdentityCalls, type IdentityFakes } from '../../identity/identityCheckHarness.js';

// The real 养老认证 machine, with the real identity check machine inside it, under a parent that records what the
// child tells it, on a simulated clock. The actors and actions at their edges are fakes that record their calls;
// frames arrive as vision/'s measurements.

export {
  challengePassed,
  decision,
  instructionChanges,
  measured,
  oneAttempt,
  otherIds,
  passChallenges,
  settle,
  toChallenge,
  toPositioning,
  validId,
  validIdMasked,
} from '../../identity/identityCheckHarness.js';

export const pensioner: CitizenForAuth = { citizenId: 'QD0001', isPensioner: true, standing: '即将到期', nextDueDate: '2026-12-10' };
export const verifiedVisit = { level: 'verified' as const, citizenId: 'QD0001', idNumberMasked: '3702**********0422', nameMasked: '王*兰', verifiedAt: 0 };

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

export interface HarnessOptions extends IdentityFakes {
  /** The business system's status of the verified citizen (default: due); 'fails': it is down; 'pending': no answer. */
  status?: CitizenForAuth | 'fails' | 'pending';
  submit?: () => Promise<SubmissionOutcome>;
  input?: Partial<PensionAuthInput>;
}

export interface Calls extends IdentityCalls {
  statusAsked: string[];
  submitted: unknown[];
  /** The 养老认证 audit (the identity check's is `audit`). */
  pensionAudit: PensionAuthRecord[];
}

const never = () => new Promise<never>(() => {});

/** The 养老认证 machine (and its identity check) with recording fakes at their edges. */
export function fakePensionAuth(options: HarnessOptions, calls: Calls, answer: () => (context: IdentityCheckContext) => FrameMeasurement) {
  return pensionAuthMachine.provide({
    actors: {
      identityCheck: fakeIdentityCheck(options, calls, answer),
      checkStatus: fromPromise<CitizenForAuth, { citizenId: string }>(({ input }) => {
        calls.statusAsked.push(input.citizenId);
        if (options.manual || options.status === 'pending') return never();
        if (options.status === 'fails') return Promise.reject(new Error('business system down'));
        return Promise.resolve(options.status ?? pensioner);
      }),
      submitResult: fromPromise<SubmissionOutcome, { citizenId: string; similarity: number; liveness: number; challenges: LivenessChallengeKind[] }>(({ input }) => {
        calls.submitted.push(input);
        if (options.manual) return never();
        return options.submit ? options.submit() : Promise.resolve({ state: 'accepted' as const, nextDueDate: '2027-11-30', reference: 'RZ20261130-0001' });
      }),
      endOfAuthentication: fromCallback<EventObject, { snapshot: () => { context: PensionAuthContext; value: unknown } }>(({ input }) => () => {
        calls.pensionAudit.push(pensionAuthRecordOf(input.snapshot()));
      }),
    },
  });
}

export const newCalls = (): Calls => ({ ...newIdentityCalls(), statusAsked: [], submitted: [], pensionAudit: [] });

/** The child machine with recording fakes; `parent` forwards every other event to it and records what it is told. */
export function startAuth(options: HarnessOptions = {}) {
  const clock = new SimulatedClock();
  const calls = newCalls();
  // What vision/ measures on the next raw frames (tests change it with `measure`).
  let answer: (context: IdentityCheckContext) => FrameMeasurement = () => measured();
  const child = fakePensionAuth(options, calls, () => answer);
  const rig = childUnderParent<typeof child, PensionAuthOutput>(child, authInput(clock, options.input), clock);
  /** The identity check running inside 养老认证 (undefined when none runs). */
  const identity = () => rig.snapshot().children.identityCheck?.getSnapshot() as IdentityCheckSnapshot | undefined;
  return {
    ...rig,
    clock,
    calls,
    auth: rig.child,
    identity,
    /** The state: the identity check's (flattened) while it runs, else 养老认证's own. */
    state: () => {
      const s = rig.snapshot();
      const check = identity();
      return s.value === 'identifying' && check ? leafOf(check.value) : leafOf(s.value);
    },
    /** What vision/ measures on the raw frames from now on. */
    measure: (next: (context: IdentityCheckContext) => FrameMeasurement) => {
      answer = next;
    },
  };
}

export type Harness = ReturnType<typeof startAuth>;

export { decideVerification };
