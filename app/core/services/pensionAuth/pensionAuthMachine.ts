import { and, assign, enqueueActions, fromCallback, fromPromise, sendTo, setup, type EventObject, type SnapshotFrom } from 'xstate';
import type { CameraLostReason, LivenessChallengeKind } from '../../../api/kioskApi.js';
import {
  identityCheckMachine,
  type IdentityCheckInput,
  type IdentityCheckOutput,
  type IdentityCheckSettings,
  type IdentityCheckTiming,
  type KnownIdentity,
} from '../../identity/identityCheckMachine.js';
import type { VisitIdentity } from '../../identity/visitIdentity.js';
import { faceAuthLines } from './faceAuthLines.js';
import type { AuthOutcome, AuthStaffReason, CitizenForAuth, SubmissionOutcome } from './faceAuthTypes.js';
import type { AuthListenProfile, PensionAuthEvent, PensionAuthOutput, RobotSayEvent } from './pensionAuthEvents.js';

export { drawChallenges } from '../../identity/identityCheckMachine.js';

export interface PensionAuthTiming extends IdentityCheckTiming {
  /** How long the result stays before the visit goes on. */
  resultShowMs: number;
}

export interface PensionAuthInput extends IdentityCheckSettings {
  timing: PensionAuthTiming;
  /**
   * The visit's identity, as the session knows it. Verified: the number is not asked again and the status may be
   * told at once, but 养老认证 still runs a fresh live check against the photo on file before it submits.
   */
  identity?: VisitIdentity;
  /** The visit (the identity check's limit of different numbers per visit). */
  visitId?: string | null;
}

export interface PensionAuthContext extends IdentityCheckSettings {
  timing: PensionAuthTiming;
  known: KnownIdentity | null;
  visitId: string | null;
  /** The robot's current line: the identity check's while it runs (passed on), then this machine's own. */
  instruction: string;
  /** The camera failed outside the identity check (handed to a check that starts later). */
  cameraFault: CameraLostReason | null;
  /** Who the face check verified (null until then). */
  citizenId: string | null;
  idNumberMasked: string | null;
  /** The business system's status of the verified citizen (null until asked, and never asked before). */
  status: CitizenForAuth | null;
  /** A live check of this authentication matched (the standard asks a new one per authentication). */
  liveChecked: boolean;
  /** What the identity check reported (scores for the submission and the audit). */
  attempts: number;
  similarity: number | null;
  liveness: number | null;
  challenges: LivenessChallengeKind[];
  outcome: AuthOutcome | null;
  staffReason: AuthStaffReason | null;
  nextDueDate: string | null;
  /** The submission number of an accepted result (for the receipt). */
  reference: string | null;
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
  return { citizenId: ctx.citizenId, outcome, attempts: ctx.attempts, similarity: ctx.similarity, liveness: ctx.liveness, challenges: ctx.challenges };
}

interface SayParams {
  line: string;
  listen?: AuthListenProfile;
  /** Set when the line tells how the authentication ended. */
  outcome?: AuthOutcome;
  staffReason?: AuthStaffReason | null;
}

/** The part of xstate's `enqueue` that saying a line needs. */
interface SayEnqueue {
  assign(values: Partial<PensionAuthContext>): void;
  sendParent(event: RobotSayEvent): void;
}

/**
 * The one way the instruction changes: shown, and said once to the parent (robot.say). With an outcome it is the
 * end: the outcome, whether staff are needed, and the line that tells it. A line already said (the identity
 * check's last one) is not said again; a machine run on its own (a graph walk) has nobody to tell.
 */
function say(enqueue: SayEnqueue, context: PensionAuthContext, hasParent: boolean, params: SayParams): void {
  enqueue.assign({ instruction: params.line, ...(params.outcome ? { outcome: params.outcome, staffReason: params.staffReason ?? null } : {}) });
  if (params.line !== context.instruction && hasParent) enqueue.sendParent({ type: 'robot.say', line: params.line, listen: params.listen ?? 'default' });
}

/** How a failed identity check ends 养老认证 (its line is already said). */
function endOfIdentity(output: Exclude<IdentityCheckOutput, { outcome: 'verified' }>): { outcome: AuthOutcome; staffReason: AuthStaffReason | null } {
  switch (output.outcome) {
    case 'not-verified':
      return output.staffReason ? { outcome: 'staff-review', staffReason: 'pension-auth-review' } : { outcome: 'not-verified', staffReason: null };
    case 'camera-lost':
      return { outcome: 'camera-lost', staffReason: 'camera-lost' };
    case 'unavailable':
      return { outcome: 'failed', staffReason: null };
    default:
      return { outcome: 'cancelled', staffReason: null };
  }
}

type IdentityDone = { output: IdentityCheckOutput };
const identityOutput = (event: unknown) => (event as IdentityDone).output;

const notProvided = (name: string) => () => {
  throw new Error(`${name} not provided (createPensionAuthService provides it)`);
};

/**
 * 养老认证 for one citizen: who it is first (the identity check child: ID number, attempt limits, reference photo,
 * positioning, 2–3 random action challenges and vision/'s decision, liveness first — GB/T 38671), THEN the
 * business system's status (not a pensioner, already authenticated this cycle: told only now), then the
 * submission through the outbox. Until the face matched nothing said depends on the number. When the visit already
 * verified the citizen, the number is not asked: the status is told at once, and a due authentication still runs
 * a fresh live check before it is submitted. The child's lines and its `identity.verified` go up to the parent;
 * the face is wiped at the child's end, the authentication audited at this machine's end (final state or stopped).
 */
export const pensionAuthMachine = setup({
  types: {
    context: {} as PensionAuthContext,
    events: {} as PensionAuthEvent,
    input: {} as PensionAuthInput,
    output: {} as PensionAuthOutput,
  },
  actors: {
    /** Who is in front of the robot (the service provides its face and business-system actors). */
    identityCheck: identityCheckMachine,
    /** The business system's 养老认证 status of a verified citizen. */
    checkStatus: fromPromise<CitizenForAuth, { citizenId: string }>(notProvided('checkStatus')),
    submitResult: fromPromise<SubmissionOutcome, { citizenId: string; similarity: number; liveness: number; challenges: LivenessChallengeKind[] }>(
      notProvided('submitResult'),
    ),
    /** Runs while the machine runs; its teardown (final state or stop) audits the authentication. */
    endOfAuthentication: fromCallback<EventObject, { snapshot: () => { context: PensionAuthContext; value: unknown } }>(notProvided('endOfAuthentication')),
  },
  delays: {
    resultShow: ({ context }) => context.timing.resultShowMs,
  },
  guards: {
    knownCitizen: ({ context }) => context.known !== null,
    verified: ({ event }) => identityOutput(event).outcome === 'verified',
    statusKnown: ({ context }) => context.status !== null,
    liveChecked: ({ context }) => context.liveChecked,
    notPensioner: ({ event }) => (event as unknown as { output: CitizenForAuth }).output.isPensioner === false,
    alreadyAuthenticated: ({ event }) => (event as unknown as { output: CitizenForAuth }).output.standing === '有效',
    /** The identity check ended the visit's part of 养老认证 at once (no result to show: the child said it). */
    identityEndedNow: ({ event }) => ['camera-lost', 'cancelled'].includes(identityOutput(event).outcome),
  },
  actions: {
    say: enqueueActions(({ context, self, enqueue }, params: SayParams) => say(enqueue, context, Boolean(self._parent), params)),
    /** The identity check's line: it is the instruction now, and the parent says it. */
    passOnLine: enqueueActions(({ event, self, enqueue }) => {
      if (event.type !== 'robot.say') return;
      enqueue.assign({ instruction: event.line });
      if (self._parent) enqueue.sendParent(event);
    }),
    /** The visit learns who is in front of the robot. */
    passOnIdentity: enqueueActions(({ event, self, enqueue }) => {
      if (event.type === 'identity.verified' && self._parent) enqueue.sendParent(event);
    }),
    keepEvidence: assign(({ event }) => {
      const output = identityOutput(event);
      return {
        attempts: output.attempts,
        similarity: output.similarity,
        liveness: output.liveness,
        challenges: output.challenges,
        ...(output.outcome === 'verified' ? { citizenId: output.citizenId, idNumberMasked: output.idNumberMasked, liveChecked: true } : {}),
      };
    }),
    /** The check's last line ends 养老认证 too (already said by the check: not said again). */
    endWithIdentity: enqueueActions(({ context, event, self, enqueue }) => {
      const output = identityOutput(event);
      if (output.outcome !== 'verified') say(enqueue, context, Boolean(self._parent), { line: output.line, ...endOfIdentity(output) });
    }),
    keepStatus: assign(({ event }) => {
      const status = (event as unknown as { output: CitizenForAuth }).output;
      return { status, nextDueDate: status.nextDueDate };
    }),
    noteCameraLost: assign(({ event }) => (event.type === 'camera.lost' ? { cameraFault: event.reason } : {})),
    noteCameraRestored: assign({ cameraFault: null }),
  },
}).createMachine({
  id: 'pensionAuth',
  context: ({ input }) => ({
    timing: input.timing,
    challengePool: input.challengePool,
    challengesPerAttempt: input.challengesPerAttempt,
    maxAttempts: input.maxAttempts,
    random: input.random,
    now: input.now,
    cardReaderState: input.cardReaderState,
    known: input.identity?.level === 'verified' ? { citizenId: input.identity.citizenId, idNumberMasked: input.identity.idNumberMasked, nameMasked: input.identity.nameMasked } : null,
    visitId: input.visitId ?? null,
    instruction: '',
    cameraFault: null,
    citizenId: input.identity?.level === 'verified' ? input.identity.citizenId : null,
    idNumberMasked: input.identity?.level === 'verified' ? input.identity.idNumberMasked : null,
    status: null,
    liveChecked: false,
    attempts: 0,
    similarity: null,
    liveness: null,
    challenges: [],
    outcome: null,
    staffReason: null,
    nextDueDate: null,
    reference: null,
  }),
  invoke: { id: 'endOfAuthentication', src: 'endOfAuthentication', input: ({ self }) => ({ snapshot: () => self.getSnapshot() }) },
  initial: 'opening',
  on: {
    'auth.cancel': { target: '.done', actions: { type: 'say', params: { outcome: 'cancelled', line: faceAuthLines.cancelled } } },
    'robot.say': { actions: 'passOnLine' },
    'identity.verified': { actions: 'passOnIdentity' },
    'camera.lost': { actions: 'noteCameraLost' },
    'camera.restored': { actions: 'noteCameraRestored' },
  },
  states: {
    opening: {
      always: [
        // The visit already verified the citizen: their status may be told before the live check.
        { guard: 'knownCitizen', target: 'checkingStatus', actions: { type: 'say', params: { line: faceAuthLines.lookingUpKnown } } },
        { target: 'identifying' },
      ],
    },
    identifying: {
      invoke: {
        id: 'identityCheck',
        src: 'identityCheck',
        input: ({ context }): IdentityCheckInput => ({
          timing: context.timing,
          challengePool: context.challengePool,
          challengesPerAttempt: context.challengesPerAttempt,
          maxAttempts: context.maxAttempts,
          random: context.random,
          now: context.now,
          ...(context.cardReaderState ? { cardReaderState: context.cardReaderState } : {}),
          known: context.known,
          visitId: context.visitId,
          cameraFault: context.cameraFault,
          opening: { askNumber: faceAuthLines.explain, liveCheck: faceAuthLines.explainLiveCheck, cancelled: faceAuthLines.cancelled },
        }),
        onDone: [
          // Known before, status told, now live: submit. Otherwise the status may be asked only now.
          { guard: and(['verified', 'statusKnown']), target: 'submitting', actions: ['keepEvidence', { type: 'say', params: { line: faceAuthLines.submitting } }] },
          { guard: 'verified', target: 'checkingStatus', actions: ['keepEvidence', { type: 'say', params: { line: faceAuthLines.lookingUp } }] },
          { guard: 'identityEndedNow', target: 'done', actions: ['keepEvidence', 'endWithIdentity'] },
          { target: 'result', actions: ['keepEvidence', 'endWithIdentity'] },
        ],
      },
      on: {
        'auth.idNumber': { actions: sendTo('identityCheck', ({ event }) => event) },
        'auth.frame': { actions: sendTo('identityCheck', ({ event }) => event) },
        'camera.lost': { actions: ['noteCameraLost', sendTo('identityCheck', ({ event }) => event)] },
        'camera.restored': { actions: ['noteCameraRestored', sendTo('identityCheck', ({ event }) => event)] },
        // The ID-card reader: a card fills the number while it is asked; a fault or recovery changes the screen's hint.
        'idcard.read': { actions: sendTo('identityCheck', ({ event }) => event) },
        'idcard.fault': { actions: sendTo('identityCheck', ({ event }) => event) },
        'idcard.restored': { actions: sendTo('identityCheck', ({ event }) => event) },
      },
    },
    checkingStatus: {
      invoke: {
        id: 'checkStatus',
        src: 'checkStatus',
        input: ({ context }) => ({ citizenId: context.citizenId ?? '' }),
        onDone: [
          { guard: 'notPensioner', target: 'result', actions: ['keepStatus', { type: 'say', params: { outcome: 'not-pensioner', line: faceAuthLines.notPensioner } }] },
          {
            guard: 'alreadyAuthenticated',
            target: 'result',
            actions: ['keepStatus', { type: 'say', params: ({ context }) => ({ outcome: 'already-authenticated', line: faceAuthLines.alreadyAuthenticated(context.nextDueDate) }) }],
          },
          { guard: 'liveChecked', target: 'submitting', actions: ['keepStatus', { type: 'say', params: { line: faceAuthLines.submitting } }] },
          // Due, and the citizen was known before this authentication: a fresh live check first.
          { target: 'identifying', actions: 'keepStatus' },
        ],
        onError: { target: 'result', actions: { type: 'say', params: { outcome: 'failed', line: faceAuthLines.backendDown } } },
      },
    },
    submitting: {
      invoke: {
        id: 'submitResult',
        src: 'submitResult',
        input: ({ context }) => ({
          citizenId: context.citizenId ?? '',
          similarity: context.similarity ?? 0,
          liveness: context.liveness ?? 0,
          challenges: context.challenges,
        }),
        onDone: {
          target: 'result',
          actions: [
            assign(({ event }) => ({ nextDueDate: event.output.nextDueDate, reference: event.output.reference ?? null })),
            {
              type: 'say',
              params: ({ event }) =>
                event.output.state === 'accepted'
                  ? { outcome: 'authenticated', line: faceAuthLines.authenticated(event.output.nextDueDate) }
                  : event.output.state === 'rejected'
                    ? { outcome: 'staff-review', staffReason: 'pension-auth-review', line: faceAuthLines.submissionRejected }
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
  output: ({ context }) => ({
    outcome: context.outcome ?? 'cancelled',
    line: context.instruction,
    staffReason: context.staffReason,
    reference: context.reference,
    // The due date belongs to a result (for its receipt), not to a check that ended before one.
    nextDueDate: context.outcome === 'authenticated' || context.outcome === 'queued' || context.outcome === 'already-authenticated' ? context.nextDueDate : null,
  }),
});

export type PensionAuthMachine = typeof pensionAuthMachine;
export type PensionAuthSnapshot = SnapshotFrom<typeof pensionAuthMachine>;
