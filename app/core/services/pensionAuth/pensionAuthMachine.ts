import { assign, enqueueActions, fromCallback, fromPromise, sendTo, setup, type EventObject, type SnapshotFrom } from 'xstate';
import type { CameraLostReason, LivenessChallengeKind } from '../../../api/kioskApi.js';
import { isValidIdNumber } from '../../backend/idNumber.js';
import { faceAuthLines, guidanceFor } from './faceAuthLines.js';
import type { AttemptDecision, AuthOutcome, AuthStaffReason, CitizenForAuth, FrameMeasurement, SubmissionOutcome } from './faceAuthTypes.js';
import type { AuthListenProfile, PensionAuthEvent, PensionAuthOutput, PensionAuthParentEvent, RobotSayEvent } from './pensionAuthEvents.js';

export interface PensionAuthTiming {
  /** How long one challenge may take. */
  challengeMs: number;
  /** How long the citizen has to get into position before the attempt fails. */
  positioningMs: number;
  /** Usable frames in a row that count as "in position". */
  positionedFrames: number;
  /** How long the result stays before the visit goes on. */
  resultShowMs: number;
}

export interface PensionAuthInput {
  timing: PensionAuthTiming;
  /** The challenge kinds to draw from. */
  challengePool: LivenessChallengeKind[];
  /** Each attempt draws a random number of challenges in this range (2–3 in production). */
  challengesPerAttempt: { min: number; max: number };
  maxAttempts: number;
  random: () => number;
  /** The machine's clock (the actor's clock in tests): when a challenge was prompted, for the countdown. */
  now: () => number;
}

export interface PensionAuthContext extends PensionAuthInput {
  /** The robot's current line, on the screen and said once (robot.say to the parent) whenever it changes. */
  instruction: string;
  guidance: string | null;
  idNumber: string | null;
  citizen: CitizenForAuth | null;
  /** The camera failed before the face check began (remembered until it is restored or needed). */
  cameraFault: CameraLostReason | null;
  /** Number of the current attempt (1…maxAttempts), 0 before the first. */
  attempt: number;
  challenges: LivenessChallengeKind[];
  challengeIndex: number;
  /** When the current challenge was prompted (the machine's clock), for the countdown. */
  challengeStartedAt: number | null;
  /** Usable frames in a row while positioning. */
  positionedRun: number;
  /** vision/'s last decision: similarity (null when not compared) and the median passive liveness score. */
  similarity: number | null;
  liveness: number | null;
  outcome: AuthOutcome | null;
  staffReason: AuthStaffReason | null;
  nextDueDate: string | null;
  /** Why the last attempt failed (the start of the retry line). */
  failure: string | null;
}

/** Draws `count` different challenges, so a replayed video of one action does not pass. */
export function drawChallenges(pool: LivenessChallengeKind[], count: number, random: () => number): LivenessChallengeKind[] {
  const bag = [...pool];
  const out: LivenessChallengeKind[] = [];
  while (out.length < count) {
    if (bag.length === 0) bag.push(...pool);
    out.push(bag.splice(Math.floor(random() * bag.length), 1)[0]!);
  }
  return out;
}

/** What the audit keeps of one authentication (no image, no embedding, no ID number). */
export interface PensionAuthRecord {
  citizenId: string | null;
  outcome: AuthOutcome;
  attempts: number;
  similarity: number | null;
  liveness: number | null;
  challenges: LivenessChallengeKind[];
}

/** Reads how an authentication ended from its last snapshot: also when it was stopped from outside mid-way. */
export function pensionAuthRecordOf(snapshot: { context: PensionAuthContext; value: unknown }): PensionAuthRecord {
  const ctx = snapshot.context;
  // Stopped while submitting: the result is in the outbox already and will be delivered.
  const outcome = ctx.outcome ?? (snapshot.value === 'submitting' ? 'queued' : 'cancelled');
  return { citizenId: ctx.citizen?.citizenId ?? null, outcome, attempts: ctx.attempt, similarity: ctx.similarity, liveness: ctx.liveness, challenges: ctx.challenges };
}

interface SayParams {
  line: string;
  /** How the robot listens after the line (default: default). */
  listen?: AuthListenProfile;
  /** Set when the line tells how the check ended. */
  outcome?: AuthOutcome;
  staffReason?: AuthStaffReason;
}

/** The part of xstate's `enqueue` that saying a line needs. */
interface SayEnqueue {
  assign(values: Partial<PensionAuthContext>): void;
  sendParent(event: RobotSayEvent): void;
}

/**
 * The one way the instruction changes: shown, and said once to the parent (robot.say) with how to listen after it.
 * With an outcome it is the end of the check: the outcome, whether staff are needed, and the line that tells it.
 * An unchanged line is not said again; a machine run on its own (a graph walk) has nobody to tell.
 */
function say(enqueue: SayEnqueue, context: PensionAuthContext, hasParent: boolean, params: SayParams): void {
  enqueue.assign({ guidance: null, instruction: params.line, ...(params.outcome ? { outcome: params.outcome, staffReason: params.staffReason ?? null } : {}) });
  if (params.line !== context.instruction && hasParent) enqueue.sendParent({ type: 'robot.say', line: params.line, listen: params.listen ?? 'default' });
}

/** What the screen shows over the preview after a frame: nothing for a usable one, else what to fix first. */
function frameGuidance(frame: FrameMeasurement): string | null {
  return frame.usable ? null : guidanceFor(frame.failures);
}

const notProvided = (name: string) => () => {
  throw new Error(`${name} not provided (createPensionAuthService provides it)`);
};
// Actions are declared as action creators, not plain functions: a plain function beside enqueueActions (or one
// returning `never`) breaks setup()'s type inference of the whole action map.
function unprovided(name: string): void {
  notProvided(name)();
}

/**
 * 养老认证 for one citizen: ID number → status and reference → attempts of positioning, 2–3 random action
 * challenges and vision/'s decision (passive liveness, challenges, continuity, then comparison: GB/T 38671) →
 * submission. Failed attempts retry up to maxAttempts, then staff review. Every face decision is vision/'s; the
 * guards here only read its answers. Side effects are the machine's: a new attempt on entering one, robot.say to
 * the parent whenever the instruction changes, and at its end (final state or stopped from outside) the audit and
 * the wiping of every frame and embedding (the `endOfAuthentication` actor lives exactly as long as the machine).
 */
export const pensionAuthMachine = setup({
  types: {
    context: {} as PensionAuthContext,
    events: {} as PensionAuthEvent,
    input: {} as PensionAuthInput,
    output: {} as PensionAuthOutput,
  },
  actors: {
    lookUpCitizen: fromPromise<CitizenForAuth | null, { idNumber: string }>(notProvided('lookUpCitizen')),
    prepareReference: fromPromise<boolean, { citizenId: string }>(notProvided('prepareReference')),
    /** Receives `auth.frame`, analyses one frame at a time (drops the rest), sends back `frame.analyzed`. */
    analyzeFrames: fromCallback<Extract<PensionAuthParentEvent, { type: 'auth.frame' }>>(notProvided('analyzeFrames')),
    verifyAttempt: fromPromise<AttemptDecision>(notProvided('verifyAttempt')),
    submitResult: fromPromise<SubmissionOutcome, { citizenId: string; similarity: number; liveness: number; challenges: LivenessChallengeKind[] }>(
      notProvided('submitResult'),
    ),
    /** Runs while the machine runs; its teardown (final state or stop) audits the authentication and wipes the faces. */
    endOfAuthentication: fromCallback<EventObject, { snapshot: () => { context: PensionAuthContext; value: unknown } }>(notProvided('endOfAuthentication')),
  },
  delays: {
    challengeTime: ({ context }) => context.timing.challengeMs,
    positioningTime: ({ context }) => context.timing.positioningMs,
    resultShow: ({ context }) => context.timing.resultShowMs,
  },
  guards: {
    validIdNumber: ({ event }) => event.type === 'auth.idNumber' && isValidIdNumber(event.idNumber),
    cameraFaulted: ({ context }) => context.cameraFault !== null,
    inPosition: ({ context, event }) => event.type === 'frame.analyzed' && event.frame.usable && context.positionedRun + 1 >= context.timing.positionedFrames,
    personChanged: ({ event }) => event.type === 'frame.analyzed' && event.frame.faces > 0 && !event.frame.sameFace,
    challengePassed: ({ context, event }) =>
      event.type === 'frame.analyzed' && event.frame.challenge?.state === 'passed' && event.frame.challenge.kind === context.challenges[context.challengeIndex],
    lastChallenge: ({ context }) => context.challengeIndex + 1 >= context.challenges.length,
    attemptsLeft: ({ context }) => context.attempt < context.maxAttempts,
  },
  actions: {
    /**
     * The one way the instruction changes: shown, and said once to the parent (robot.say) with how to listen after
     * it. With an outcome it is the end of the check: the outcome, whether staff are needed, and the line that tells it.
     */
    say: enqueueActions(({ context, self, enqueue }, params: SayParams) => say(enqueue, context, Boolean(self._parent), params)),
    beginAttempt: assign(({ context }) => {
      const { min, max } = context.challengesPerAttempt;
      const count = Math.min(max, min + Math.floor(context.random() * (max - min + 1)));
      return {
        attempt: context.attempt + 1,
        challenges: drawChallenges(context.challengePool, count, context.random),
        challengeIndex: 0,
        challengeStartedAt: null,
        positionedRun: 0,
        guidance: null,
      };
    }),
    countPosition: assign(({ context, event }) =>
      event.type === 'frame.analyzed' ? { positionedRun: event.frame.usable ? context.positionedRun + 1 : 0, guidance: frameGuidance(event.frame) } : {},
    ),
    showGuidance: assign(({ event }) => (event.type === 'frame.analyzed' ? { guidance: frameGuidance(event.frame) } : {})),
    forwardFrame: sendTo('frames', ({ event }) => event),
    noteCameraLost: assign(({ event }) => (event.type === 'camera.lost' ? { cameraFault: event.reason } : {})),
    noteCameraRestored: assign({ cameraFault: null }),
    /** What vision/ decided on the attempt: the scores for the submission and the audit. */
    keepDecision: assign(({ event }) => {
      const decision = (event as unknown as { output: AttemptDecision }).output;
      return { similarity: decision.similarity, liveness: decision.liveness.score };
    }),
    /** vision/: this attempt's frames and challenges start from nothing (the reference stays). */
    newAttempt: enqueueActions(() => unprovided('newAttempt')),
    /** vision/: judge the frames from now on for the current challenge (context.challenges[challengeIndex]). */
    startChallenge: enqueueActions(() => unprovided('startChallenge')),
  },
}).createMachine({
  id: 'pensionAuth',
  context: ({ input }) => ({
    ...input,
    instruction: '',
    guidance: null,
    idNumber: null,
    citizen: null,
    cameraFault: null,
    attempt: 0,
    challenges: [],
    challengeIndex: 0,
    challengeStartedAt: null,
    positionedRun: 0,
    similarity: null,
    liveness: null,
    outcome: null,
    staffReason: null,
    nextDueDate: null,
    failure: null,
  }),
  entry: { type: 'say', params: { line: faceAuthLines.explain, listen: 'number' } },
  invoke: { id: 'endOfAuthentication', src: 'endOfAuthentication', input: ({ self }) => ({ snapshot: () => self.getSnapshot() }) },
  initial: 'idInput',
  on: {
    'auth.cancel': { target: '.done', actions: { type: 'say', params: { outcome: 'cancelled', line: faceAuthLines.cancelled } } },
  },
  states: {
    idInput: {
      on: {
        'auth.idNumber': [
          {
            guard: 'validIdNumber',
            target: 'lookingUp',
            actions: [assign(({ event }) => ({ idNumber: event.idNumber.toUpperCase() })), { type: 'say', params: { line: faceAuthLines.lookingUp } }],
          },
          { actions: assign({ guidance: faceAuthLines.badIdNumber }) },
        ],
        'camera.lost': { actions: 'noteCameraLost' },
        'camera.restored': { actions: 'noteCameraRestored' },
      },
    },
    lookingUp: {
      invoke: {
        id: 'lookUpCitizen',
        src: 'lookUpCitizen',
        input: ({ context }) => ({ idNumber: context.idNumber ?? '' }),
        onDone: [
          {
            guard: ({ event }) => event.output === null,
            target: 'idInput',
            actions: [{ type: 'say', params: { line: faceAuthLines.explain, listen: 'number' } }, assign({ guidance: faceAuthLines.notFound })],
          },
          {
            guard: ({ event }) => event.output?.isPensioner === false,
            target: 'result',
            actions: [assign(({ event }) => ({ citizen: event.output })), { type: 'say', params: { outcome: 'not-pensioner', line: faceAuthLines.notPensioner } }],
          },
          {
            guard: ({ event }) => event.output?.standing === '有效',
            target: 'result',
            actions: [
              assign(({ event }) => ({ citizen: event.output, nextDueDate: event.output?.nextDueDate ?? null })),
              { type: 'say', params: ({ context }) => ({ outcome: 'already-authenticated', line: faceAuthLines.alreadyAuthenticated(context.nextDueDate) }) },
            ],
          },
          { target: 'preparingReference', actions: assign(({ event }) => ({ citizen: event.output })) },
        ],
        onError: { target: 'result', actions: { type: 'say', params: { outcome: 'failed', line: faceAuthLines.backendDown } } },
      },
      on: {
        'camera.lost': { actions: 'noteCameraLost' },
        'camera.restored': { actions: 'noteCameraRestored' },
      },
    },
    preparingReference: {
      invoke: {
        id: 'prepareReference',
        src: 'prepareReference',
        input: ({ context }) => ({ citizenId: context.citizen?.citizenId ?? '' }),
        onDone: [
          {
            guard: ({ event }) => !event.output,
            target: 'result',
            actions: { type: 'say', params: { outcome: 'staff-review', line: faceAuthLines.noReference, staffReason: 'pension-auth-review' } },
          },
          { guard: 'cameraFaulted', target: 'done', actions: { type: 'say', params: { outcome: 'camera-lost', line: faceAuthLines.cameraLost, staffReason: 'camera-lost' } } },
          { target: 'attempt', actions: { type: 'say', params: { line: faceAuthLines.positioning } } },
        ],
        onError: { target: 'result', actions: { type: 'say', params: { outcome: 'failed', line: faceAuthLines.backendDown } } },
      },
      on: {
        'camera.lost': { actions: 'noteCameraLost' },
        'camera.restored': { actions: 'noteCameraRestored' },
      },
    },
    attempt: {
      entry: ['beginAttempt', 'newAttempt'],
      initial: 'positioning',
      on: {
        // Without a camera the attempt cannot go on: say so, and staff are called.
        'camera.lost': {
          target: 'done',
          actions: [
            'noteCameraLost',
            { type: 'say', params: { outcome: 'camera-lost', line: faceAuthLines.cameraLost, staffReason: 'camera-lost' } },
          ],
        },
      },
      states: {
        positioning: {
          invoke: { id: 'frames', src: 'analyzeFrames' },
          after: { positioningTime: { target: '#pensionAuth.attemptFailed', actions: assign({ failure: faceAuthLines.timeout }) } },
          on: {
            'auth.frame': { actions: 'forwardFrame' },
            'frame.analyzed': [{ guard: 'inPosition', target: 'challenge' }, { actions: 'countPosition' }],
          },
        },
        challenge: {
          entry: [
            assign(({ context }) => ({ challengeStartedAt: context.now() })),
            { type: 'say', params: ({ context }) => ({ line: faceAuthLines.challenge[context.challenges[context.challengeIndex]!] }) },
            'startChallenge',
          ],
          invoke: { id: 'frames', src: 'analyzeFrames' },
          after: { challengeTime: { target: '#pensionAuth.attemptFailed', actions: assign({ failure: faceAuthLines.timeout }) } },
          on: {
            'auth.frame': { actions: 'forwardFrame' },
            'frame.analyzed': [
              { guard: 'personChanged', target: '#pensionAuth.attemptFailed', actions: assign({ failure: faceAuthLines.personChanged }) },
              { guard: 'challengePassed', target: 'nextChallenge' },
              { actions: 'showGuidance' },
            ],
          },
        },
        nextChallenge: {
          always: [
            { guard: 'lastChallenge', target: 'verifying' },
            { target: 'challenge', actions: assign(({ context }) => ({ challengeIndex: context.challengeIndex + 1 })) },
          ],
        },
        verifying: {
          entry: { type: 'say', params: { line: faceAuthLines.verifying } },
          invoke: {
            id: 'verifyAttempt',
            src: 'verifyAttempt',
            onDone: [
              {
                guard: ({ event }) => event.output.outcome === 'match',
                target: '#pensionAuth.submitting',
                actions: ['keepDecision', { type: 'say', params: { line: faceAuthLines.submitting } }],
              },
              {
                target: '#pensionAuth.attemptFailed',
                actions: [
                  'keepDecision',
                  assign(({ event }) => ({ failure: event.output.outcome === 'match' ? '' : faceAuthLines.decision[event.output.outcome] })),
                ],
              },
            ],
            onError: { target: '#pensionAuth.result', actions: { type: 'say', params: { outcome: 'failed', line: faceAuthLines.checkFailed } } },
          },
        },
      },
    },
    attemptFailed: {
      always: [
        {
          guard: 'attemptsLeft',
          target: 'attempt',
          actions: { type: 'say', params: ({ context }) => ({ line: faceAuthLines.retry(context.failure ?? '', context.maxAttempts - context.attempt) }) },
        },
        { target: 'result', actions: { type: 'say', params: { outcome: 'staff-review', line: faceAuthLines.staffReview, staffReason: 'pension-auth-review' } } },
      ],
    },
    submitting: {
      invoke: {
        id: 'submitResult',
        src: 'submitResult',
        input: ({ context }) => ({
          citizenId: context.citizen?.citizenId ?? '',
          similarity: context.similarity ?? 0,
          liveness: context.liveness ?? 0,
          challenges: context.challenges,
        }),
        onDone: {
          target: 'result',
          actions: [
            assign(({ event }) => ({ nextDueDate: event.output.nextDueDate })),
            {
              type: 'say',
              params: ({ event }) =>
                event.output.state === 'accepted'
                  ? { outcome: 'authenticated', line: faceAuthLines.authenticated(event.output.nextDueDate) }
                  : { outcome: 'queued', line: faceAuthLines.queued(event.output.nextDueDate) },
            },
          ],
        },
        onError: { target: 'result', actions: { type: 'say', params: { outcome: 'failed', line: faceAuthLines.backendDown } } },
      },
    },
    result: {
      after: { resultShow: 'done' },
      // The result stands; cancelling now only ends sooner.
      on: { 'auth.cancel': { target: 'done' } },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => ({ outcome: context.outcome ?? 'cancelled', line: context.instruction, staffReason: context.staffReason }),
});

export type PensionAuthMachine = typeof pensionAuthMachine;
export type PensionAuthSnapshot = SnapshotFrom<typeof pensionAuthMachine>;
