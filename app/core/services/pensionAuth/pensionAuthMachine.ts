import { assign, fromPromise, setup } from 'xstate';
import type { LivenessChallengeKind } from '../../../api/kioskApi.js';
import { isValidIdNumber } from '../../backend/idNumber.js';
import { faceAuthLines } from './faceAuthLines.js';
import type { AuthOutcome, ChallengeDetector, CitizenForAuth, FrameMeasurement, SubmissionOutcome, VerificationResult } from './faceAuthTypes.js';

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
  /** The challenge kinds to draw from and how many per attempt (2–3). */
  challengePool: LivenessChallengeKind[];
  /** Each attempt draws a random number of challenges in this range (2–3 in production). */
  challengesPerAttempt: { min: number; max: number };
  maxAttempts: number;
  /** Passive liveness: the median frame score must reach this (GB/T 38671: fail here and nothing else is done). */
  livenessThreshold: number;
  detectChallenge: ChallengeDetector;
  random: () => number;
}

export type PensionAuthEvent =
  | { type: 'auth.idNumber'; idNumber: string }
  | { type: 'auth.cancel' }
  | { type: 'frame.analyzed'; frame: FrameMeasurement };

interface Ctx extends PensionAuthInput {
  instruction: string;
  guidance: string | null;
  idNumber: string | null;
  citizen: CitizenForAuth | null;
  attempt: number;
  challenges: LivenessChallengeKind[];
  challengeIndex: number;
  /** Frames of the current challenge, for its detector. */
  challengeFrames: FrameMeasurement[];
  /** Usable frames in a row while positioning. */
  positionedRun: number;
  livenessScores: number[];
  similarity: number | null;
  outcome: AuthOutcome | null;
  nextDueDate: string | null;
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)]!;
}

const freshAttempt = (ctx: Ctx) => {
  const { min, max } = ctx.challengesPerAttempt;
  const count = min + Math.floor(ctx.random() * (max - min + 1));
  const challenges = drawChallenges(ctx.challengePool, Math.min(count, max), ctx.random);
  return { challenges, challengeIndex: 0, challengeFrames: [], positionedRun: 0, livenessScores: [], similarity: null, guidance: null };
};

/**
 * 养老认证 for one citizen: ID number → status and reference → positioning → 2–3 random action challenges with
 * passive liveness on the same frames → verification against the reference → submission. Failed attempts retry up
 * to three times, then staff review. Every decision here runs in the main process on measured frames.
 */
export const pensionAuthMachine = setup({
  types: { context: {} as Ctx, events: {} as PensionAuthEvent, input: {} as PensionAuthInput },
  actors: {
    lookUpCitizen: fromPromise<CitizenForAuth | null, { idNumber: string }>(async () => {
      throw new Error('lookUpCitizen not provided');
    }),
    prepareReference: fromPromise<boolean, { citizenId: string }>(async () => {
      throw new Error('prepareReference not provided');
    }),
    verifyIdentity: fromPromise<VerificationResult, { citizenId: string }>(async () => {
      throw new Error('verifyIdentity not provided');
    }),
    submitResult: fromPromise<SubmissionOutcome, { citizenId: string; similarity: number; liveness: number; challenges: LivenessChallengeKind[] }>(async () => {
      throw new Error('submitResult not provided');
    }),
  },
  delays: {
    challengeTime: ({ context }) => context.timing.challengeMs,
    positioningTime: ({ context }) => context.timing.positioningMs,
    resultShow: ({ context }) => context.timing.resultShowMs,
  },
  guards: {
    validIdNumber: ({ event }) => event.type === 'auth.idNumber' && isValidIdNumber(event.idNumber),
    notFound: ({ event }) => (event as unknown as { output: CitizenForAuth | null }).output === null,
    notPensioner: ({ event }) => (event as unknown as { output: CitizenForAuth }).output.isPensioner === false,
    alreadyAuthenticated: ({ event }) => (event as unknown as { output: CitizenForAuth }).output.standing === '有效',
    inPosition: ({ context, event }) =>
      event.type === 'frame.analyzed' && event.frame.usable && context.positionedRun + 1 >= context.timing.positionedFrames,
    personChanged: ({ event }) => event.type === 'frame.analyzed' && event.frame.faces > 0 && !event.frame.sameFace,
    challengeDone: ({ context, event }) =>
      event.type === 'frame.analyzed' && context.detectChallenge(context.challenges[context.challengeIndex]!, [...context.challengeFrames, event.frame]),
    lastChallenge: ({ context }) => context.challengeIndex + 1 >= context.challenges.length,
    livenessPassed: ({ context }) => context.livenessScores.length > 0 && median(context.livenessScores) >= context.livenessThreshold,
    // `attempt` is already the number of the next try here.
    attemptsLeft: ({ context }) => context.attempt <= context.maxAttempts,
  },
  actions: {
    say: assign((_, params: { line: string }) => ({ instruction: params.line, guidance: null })),
    keepFrame: assign(({ context, event }) => {
      if (event.type !== 'frame.analyzed') return {};
      const frame = event.frame;
      return {
        guidance: frame.usable ? null : frame.guidance,
        challengeFrames: [...context.challengeFrames, frame].slice(-90),
        livenessScores: frame.liveness !== null && frame.usable ? [...context.livenessScores, frame.liveness] : context.livenessScores,
      };
    }),
    countPosition: assign(({ context, event }) =>
      event.type === 'frame.analyzed' ? { positionedRun: event.frame.usable ? context.positionedRun + 1 : 0, guidance: event.frame.usable ? null : event.frame.guidance } : {},
    ),
    failAttempt: assign(({ context }, params: { reason: string }) => ({ attempt: context.attempt + 1, failure: params.reason })),
    finish: assign((_, params: { outcome: AuthOutcome; line: string }) => ({ outcome: params.outcome, instruction: params.line, guidance: null })),
  },
}).createMachine({
  id: 'pensionAuth',
  context: ({ input }) => ({
    ...input,
    instruction: faceAuthLines.explain,
    guidance: null,
    idNumber: null,
    citizen: null,
    attempt: 0,
    challenges: [],
    challengeIndex: 0,
    challengeFrames: [],
    positionedRun: 0,
    livenessScores: [],
    similarity: null,
    outcome: null,
    nextDueDate: null,
    failure: null,
  }),
  initial: 'idInput',
  on: {
    'auth.cancel': { target: '.done', actions: { type: 'finish', params: { outcome: 'failed', line: faceAuthLines.cancelled } } },
  },
  states: {
    idInput: {
      on: {
        'auth.idNumber': [
          {
            guard: 'validIdNumber',
            target: 'lookingUp',
            actions: assign(({ event }) => ({ idNumber: event.idNumber.toUpperCase(), instruction: faceAuthLines.lookingUp, guidance: null })),
          },
          { actions: assign({ guidance: faceAuthLines.badIdNumber }) },
        ],
      },
    },
    lookingUp: {
      invoke: {
        src: 'lookUpCitizen',
        input: ({ context }) => ({ idNumber: context.idNumber ?? '' }),
        onDone: [
          { guard: 'notFound', target: 'idInput', actions: assign({ guidance: faceAuthLines.notFound, instruction: faceAuthLines.explain }) },
          {
            guard: 'notPensioner',
            target: 'result',
            actions: [assign(({ event }) => ({ citizen: event.output })), { type: 'finish', params: { outcome: 'not-pensioner', line: faceAuthLines.notPensioner } }],
          },
          {
            guard: 'alreadyAuthenticated',
            target: 'result',
            actions: assign(({ event }) => ({
              citizen: event.output,
              nextDueDate: event.output!.nextDueDate,
              outcome: 'already-authenticated' as const,
              instruction: faceAuthLines.alreadyAuthenticated(event.output!.nextDueDate),
            })),
          },
          { target: 'preparingReference', actions: assign(({ event }) => ({ citizen: event.output })) },
        ],
        onError: { target: 'result', actions: { type: 'finish', params: { outcome: 'failed', line: faceAuthLines.backendDown } } },
      },
    },
    preparingReference: {
      invoke: {
        src: 'prepareReference',
        input: ({ context }) => ({ citizenId: context.citizen!.citizenId }),
        onDone: [
          {
            guard: ({ event }) => event.output,
            target: 'positioning',
            actions: [assign(({ context }) => ({ ...freshAttempt(context), attempt: 1 })), { type: 'say', params: { line: faceAuthLines.positioning } }],
          },
          { target: 'result', actions: { type: 'finish', params: { outcome: 'staff-review', line: faceAuthLines.noReference } } },
        ],
        onError: { target: 'result', actions: { type: 'finish', params: { outcome: 'failed', line: faceAuthLines.backendDown } } },
      },
    },
    positioning: {
      after: { positioningTime: { target: 'attemptFailed', actions: { type: 'failAttempt', params: { reason: faceAuthLines.timeout } } } },
      on: {
        'frame.analyzed': [
          { guard: 'inPosition', target: 'challenge', actions: assign({ challengeFrames: [], positionedRun: 0, guidance: null }) },
          { actions: 'countPosition' },
        ],
      },
    },
    challenge: {
      entry: assign(({ context }) => ({ instruction: faceAuthLines.challenge[context.challenges[context.challengeIndex]!], challengeFrames: [] })),
      after: { challengeTime: { target: 'attemptFailed', actions: { type: 'failAttempt', params: { reason: faceAuthLines.timeout } } } },
      on: {
        'frame.analyzed': [
          { guard: 'personChanged', target: 'attemptFailed', actions: { type: 'failAttempt', params: { reason: faceAuthLines.personChanged } } },
          { guard: 'challengeDone', actions: 'keepFrame', target: 'challengePassed' },
          { actions: 'keepFrame' },
        ],
      },
    },
    challengePassed: {
      always: [
        { guard: 'lastChallenge', target: 'checkingLiveness' },
        { target: 'challenge', reenter: true, actions: assign(({ context }) => ({ challengeIndex: context.challengeIndex + 1 })) },
      ],
    },
    checkingLiveness: {
      always: [
        { guard: 'livenessPassed', target: 'verifying', actions: { type: 'say', params: { line: faceAuthLines.verifying } } },
        // GB/T 38671: a failed liveness check ends the attempt; no comparison with the reference is made.
        { target: 'attemptFailed', actions: { type: 'failAttempt', params: { reason: faceAuthLines.spoof } } },
      ],
    },
    verifying: {
      invoke: {
        src: 'verifyIdentity',
        input: ({ context }) => ({ citizenId: context.citizen!.citizenId }),
        onDone: [
          {
            guard: ({ event }) => event.output.match,
            target: 'submitting',
            actions: [assign(({ event }) => ({ similarity: event.output.similarity })), { type: 'say', params: { line: faceAuthLines.submitting } }],
          },
          {
            target: 'attemptFailed',
            actions: [assign(({ event }) => ({ similarity: event.output.similarity })), { type: 'failAttempt', params: { reason: faceAuthLines.mismatch } }],
          },
        ],
        onError: { target: 'result', actions: { type: 'finish', params: { outcome: 'failed', line: faceAuthLines.backendDown } } },
      },
    },
    attemptFailed: {
      always: [
        {
          guard: 'attemptsLeft',
          target: 'positioning',
          actions: assign(({ context }) => ({
            ...freshAttempt(context),
            attempt: context.attempt,
            instruction: faceAuthLines.retry(context.failure ?? '', context.maxAttempts - context.attempt + 1),
          })),
        },
        { target: 'result', actions: { type: 'finish', params: { outcome: 'staff-review', line: faceAuthLines.staffReview } } },
      ],
    },
    submitting: {
      invoke: {
        src: 'submitResult',
        input: ({ context }) => ({
          citizenId: context.citizen!.citizenId,
          similarity: context.similarity ?? 0,
          liveness: median(context.livenessScores),
          challenges: context.challenges,
        }),
        onDone: {
          target: 'result',
          actions: assign(({ event }) => ({
            outcome: event.output.state === 'accepted' ? ('authenticated' as const) : ('queued' as const),
            nextDueDate: event.output.nextDueDate,
            instruction: event.output.state === 'accepted' ? faceAuthLines.authenticated(event.output.nextDueDate) : faceAuthLines.queued(event.output.nextDueDate),
          })),
        },
        onError: { target: 'result', actions: { type: 'finish', params: { outcome: 'failed', line: faceAuthLines.backendDown } } },
      },
    },
    result: {
      after: { resultShow: 'done' },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => ({ outcome: context.outcome, line: context.instruction }),
});

