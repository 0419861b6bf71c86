import { and, assign, enqueueActions, fromCallback, fromPromise, sendTo, setup, type EventObject, type SnapshotFrom } from 'xstate';
import type { CameraLostReason, LivenessChallengeKind } from '../../api/kioskApi.js';
import { maskName } from '../../../common/maskName.js';
import { isValidIdNumber, maskIdNumber } from '../backend/idNumber.js';
import { faceAuthLines, guidanceFor } from '../services/pensionAuth/faceAuthLines.js';
import type { AttemptDecision, FrameMeasurement } from '../services/pensionAuth/faceAuthTypes.js';
import type { AuthListenProfile, FrameAnalyzedEvent, PensionAuthParentEvent, RobotSayEvent } from '../services/pensionAuth/pensionAuthEvents.js';
import { identityLines } from './identityLines.js';

export interface IdentityCheckTiming {
  /** How long one challenge may take. */
  challengeMs: number;
  /** How long the citizen has to get into position before the attempt fails. */
  positioningMs: number;
  /** Usable frames in a row that count as "in position". */
  positionedFrames: number;
}

/** How the face side runs: the kiosk's configuration (faceAuth), the same for every service that checks identity. */
export interface IdentityCheckSettings {
  timing: IdentityCheckTiming;
  /** The challenge kinds to draw from. */
  challengePool: LivenessChallengeKind[];
  /** Each attempt draws a random number of challenges in this range (2–3 in production). */
  challengesPerAttempt: { min: number; max: number };
  maxAttempts: number;
  random: () => number;
  /** The machine's clock (the actor's clock in tests): when a challenge was prompted, for the countdown. */
  now: () => number;
  /**
   * Whether an ID-card reader can fill the number, asked when a check starts (absent: the hall has no reader). The
   * parent forwards `idcard.fault` / `idcard.restored` while the check runs, and `idcard.read` fills the number.
   */
  cardReaderState?: () => CardReaderState;
}

/** The ID-card reader as the number step sees it: ready for a card, faulted (type the number), or not there. */
export type CardReaderState = 'ready' | 'faulted' | 'none';

/**
 * Which photo the live face is compared with: the chip photo of the ID card the citizen placed on the reader (they
 * prove they are its holder), or the photo on file at the business system.
 */
export type ReferenceSource = 'chip' | 'on-file';

/** Who the visit already verified: the check asks no number and runs a fresh live check against their photo. */
export interface KnownIdentity {
  citizenId: string;
  idNumberMasked: string;
  nameMasked: string;
}

export interface IdentityCheckInput extends IdentityCheckSettings {
  known?: KnownIdentity | null;
  /** The visit the check belongs to (limit of different numbers per visit); absent: the check alone. */
  visitId?: string | null;
  /** The camera already failed before the check started (the parent heard it). */
  cameraFault?: CameraLostReason | null;
  /** The opening (and cancelling) lines in the parent's words (default identityLines.askNumber / liveCheck / cancelled). */
  opening?: { askNumber: string; liveCheck: string; cancelled?: string };
}

/** Whose checks are counted: the number typed or read out, or the citizen the visit already verified. */
export type IdentitySubject = { idNumber: string } | { citizenId: string };

/** May this subject be checked now (attempt limits per visit and per number)? */
export type Admission = { admitted: true; checksLeft: number } | { admitted: false; limit: 'visit' | 'number' };

/**
 * What the business system gave for the subject, never told to the citizen: the citizen id when the number is
 * known, and whether a usable reference photo is now in the analyzer. Without one vision/ cannot match.
 */
export interface PreparedIdentity {
  citizenId: string | null;
  /** "王*兰": how the screen may greet the citizen once the face matched. */
  nameMasked: string | null;
  reference: boolean;
  /** Which photo is the reference (absent with a reference: the photo on file). */
  referenceSource?: ReferenceSource | null;
}

/** What the lookup is given: whose number, and the card's decoded chip photo when the number came from a card. */
export interface PrepareIdentityInput {
  subject: IdentitySubject;
  chipPhoto?: Uint8Array | null;
}

/** How an identity check ended. Only `verified` says who; every other outcome is worded the same for any number. */
export type IdentityOutcome = 'verified' | 'not-verified' | 'cancelled' | 'camera-lost' | 'unavailable';

/** Why the parent must call staff when the check ends. */
export type IdentityStaffReason = 'identity-review' | 'camera-lost';

/** What vision/ decided on the last attempt, for the parent's submission and audit (scores only). */
export interface IdentityEvidence {
  attempts: number;
  similarity: number | null;
  liveness: number | null;
  challenges: LivenessChallengeKind[];
}

/**
 * The check's output. `verified`: the citizen's live face matched, with liveness, the photo on file for the
 * subject; the parent has been told (`identity.verified`). Otherwise `line` has already been said (robot.say),
 * and a non-null `staffReason` means the parent calls staff.
 */
export type IdentityCheckOutput =
  | ({ outcome: 'verified'; citizenId: string; idNumberMasked: string; nameMasked: string } & IdentityEvidence)
  | ({ outcome: Exclude<IdentityOutcome, 'verified'>; line: string; staffReason: IdentityStaffReason | null } & IdentityEvidence);

/** The event the check sends its parent on a verified face, so the visit remembers who is in front of the robot. */
export type IdentityVerifiedEvent = { type: 'identity.verified'; citizenId: string; idNumberMasked: string; nameMasked: string };

export type IdentityCheckEvent = PensionAuthParentEvent | FrameAnalyzedEvent;

export interface IdentityCheckContext extends IdentityCheckSettings {
  known: KnownIdentity | null;
  visitId: string | null;
  opening: { askNumber: string; liveCheck: string; cancelled?: string };
  /** The robot's current line, on the screen and said once (robot.say to the parent) whenever it changes. */
  instruction: string;
  guidance: string | null;
  /** The number as typed (in memory only, for the lookup and the per-number count); never shown or output. */
  idNumber: string | null;
  idNumberMasked: string | null;
  /** What the business system gave (never told before a match). */
  citizenId: string | null;
  nameMasked: string | null;
  reference: boolean;
  /** Which photo the face is compared with (null before the lookup, or when none is usable). */
  referenceSource: ReferenceSource | null;
  /** Whether the citizen can place the ID card instead of typing (the screen's hint while the number is asked). */
  cardReader: CardReaderState;
  /** The number came from an ID card on the reader: the holder's name as the screen may show it (王*兰); else null. */
  cardNameMasked: string | null;
  /**
   * The card's chip photo, decoded (JPEG or PNG), when the number came from a valid card and its photo could be
   * decoded: it is the reference then. Memory only; zeroed at the check's end.
   */
  chipPhoto: Uint8Array | null;
  /** Failed face checks this subject may still have today (per-number limit). */
  checksLeft: number;
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
  outcome: IdentityOutcome | null;
  staffReason: IdentityStaffReason | null;
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

/** Whose checks are counted in this check (the number typed, or the citizen the visit knows); null before a number. */
export function subjectOf(context: Pick<IdentityCheckContext, 'known' | 'idNumber'>): IdentitySubject | null {
  if (context.known) return { citizenId: context.known.citizenId };
  return context.idNumber ? { idNumber: context.idNumber } : null;
}

/** What the audit keeps of one identity check (no image, no embedding, no ID number, no name). */
export interface IdentityCheckRecord extends IdentityEvidence {
  citizenId: string | null;
  outcome: IdentityOutcome;
  /** Which photo the face was compared with; null when there was none (unknown number, no usable photo, no lookup). */
  reference: ReferenceSource | null;
}

/** Reads how a check ended from its last snapshot: also when it was stopped from outside mid-way. */
export function identityCheckRecordOf(snapshot: { context: IdentityCheckContext }): IdentityCheckRecord {
  const ctx = snapshot.context;
  return { citizenId: ctx.citizenId, outcome: ctx.outcome ?? 'cancelled', reference: ctx.referenceSource, ...evidenceOf(ctx) };
}

function evidenceOf(ctx: IdentityCheckContext): IdentityEvidence {
  return { attempts: ctx.attempt, similarity: ctx.similarity, liveness: ctx.liveness, challenges: ctx.challenges };
}

interface SayParams {
  line: string;
  /** How the robot listens after the line (default: default). */
  listen?: AuthListenProfile;
  /** Set when the line tells how the check ended. */
  outcome?: Exclude<IdentityOutcome, 'verified'>;
  staffReason?: IdentityStaffReason;
}

/** The part of xstate's `enqueue` that saying a line needs. */
interface SayEnqueue {
  assign(values: Partial<IdentityCheckContext>): void;
  sendParent(event: RobotSayEvent): void;
}

/**
 * The one way the instruction changes: shown, and said once to the parent (robot.say) with how to listen after it.
 * With an outcome it is the end of the check. An unchanged line is not said again; a machine run on its own (a
 * graph walk) has nobody to tell.
 */
function say(enqueue: SayEnqueue, context: IdentityCheckContext, hasParent: boolean, params: SayParams): void {
  enqueue.assign({ guidance: null, instruction: params.line, ...(params.outcome ? { outcome: params.outcome, staffReason: params.staffReason ?? null } : {}) });
  if (params.line !== context.instruction && hasParent) enqueue.sendParent({ type: 'robot.say', line: params.line, listen: params.listen ?? 'default' });
}

/** What the screen shows over the preview after a frame: nothing for a usable one, else what to fix first. */
function frameGuidance(frame: FrameMeasurement): string | null {
  return frame.usable ? null : guidanceFor(frame.failures);
}

const notProvided = (name: string) => () => {
  throw new Error(`${name} not provided (createIdentityCheckService provides it)`);
};
// Actions are declared as action creators, not plain functions: a plain function beside enqueueActions (or one
// returning `never`) breaks setup()'s type inference of the whole action map.
function unprovided(name: string): void {
  notProvided(name)();
}

const cameraNotes = {
  'camera.lost': { actions: 'noteCameraLost' as const },
  'camera.restored': { actions: 'noteCameraRestored' as const },
};

/**
 * Who is in front of the robot: the ID number (keypad or read aloud) → attempt limits → the number looked up and
 * its reference photo fetched, telling the citizen nothing that depends on them → attempts of positioning, 2–3
 * random action challenges and vision/'s decision (passive liveness first, then challenges, continuity and the
 * comparison: GB/T 38671) → verified, or the same neutral reply whatever was wrong (unknown number, no photo, not
 * the face on file). Failed attempts retry up to maxAttempts (then staff), each refused comparison counts against
 * the number's daily limit. When the visit already knows the citizen (`known`), no number is asked: a fresh live
 * check against their photo. Side effects are the machine's: a new attempt on entering one, robot.say to the
 * parent whenever the instruction changes, `identity.verified` to the parent once on a match, and at its end (final
 * state or stopped from outside) the audit and the wiping of every frame and embedding (the `endOfCheck` actor
 * lives exactly as long as the machine).
 */
export const identityCheckMachine = setup({
  types: {
    context: {} as IdentityCheckContext,
    events: {} as IdentityCheckEvent,
    input: {} as IdentityCheckInput,
    output: {} as IdentityCheckOutput,
  },
  actors: {
    admitSubject: fromPromise<Admission, { subject: IdentitySubject; visitId: string | null }>(notProvided('admitSubject')),
    prepareIdentity: fromPromise<PreparedIdentity, PrepareIdentityInput>(notProvided('prepareIdentity')),
    /** Receives `auth.frame`, analyses one frame at a time (drops the rest), sends back `frame.analyzed`. */
    analyzeFrames: fromCallback<Extract<PensionAuthParentEvent, { type: 'auth.frame' }>>(notProvided('analyzeFrames')),
    verifyAttempt: fromPromise<AttemptDecision>(notProvided('verifyAttempt')),
    /** Runs while the machine runs; its teardown (final state or stop) audits the check and wipes the faces. */
    endOfCheck: fromCallback<EventObject, { snapshot: () => { context: IdentityCheckContext } }>(notProvided('endOfCheck')),
  },
  delays: {
    challengeTime: ({ context }) => context.timing.challengeMs,
    positioningTime: ({ context }) => context.timing.positioningMs,
  },
  guards: {
    knownCitizen: ({ context }) => context.known !== null,
    validIdNumber: ({ event }) => (event.type === 'auth.idNumber' || event.type === 'idcard.read') && isValidIdNumber(event.idNumber),
    cameraFaulted: ({ context }) => context.cameraFault !== null,
    inPosition: ({ context, event }) => event.type === 'frame.analyzed' && event.frame.usable && context.positionedRun + 1 >= context.timing.positionedFrames,
    personChanged: ({ event }) => event.type === 'frame.analyzed' && event.frame.faces > 0 && !event.frame.sameFace,
    challengePassed: ({ context, event }) =>
      event.type === 'frame.analyzed' && event.frame.challenge?.state === 'passed' && event.frame.challenge.kind === context.challenges[context.challengeIndex],
    lastChallenge: ({ context }) => context.challengeIndex + 1 >= context.challenges.length,
    attemptsLeft: ({ context }) => context.attempt < context.maxAttempts,
    checksLeft: ({ context }) => context.checksLeft > 0,
  },
  actions: {
    say: enqueueActions(({ context, self, enqueue }, params: SayParams) => say(enqueue, context, Boolean(self._parent), params)),
    /** The face matched: the check ends verified and the parent learns who it is, once. */
    verified: enqueueActions(({ context, self, enqueue }) => {
      const citizenId = context.known?.citizenId ?? context.citizenId ?? '';
      const idNumberMasked = context.known?.idNumberMasked ?? (context.idNumber ? maskIdNumber(context.idNumber) : '');
      const nameMasked = context.known?.nameMasked ?? context.nameMasked ?? '';
      enqueue.assign({ outcome: 'verified', staffReason: null, guidance: null, citizenId, idNumberMasked, nameMasked });
      if (self._parent) enqueue.sendParent({ type: 'identity.verified', citizenId, idNumberMasked, nameMasked } satisfies IdentityVerifiedEvent);
    }),
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
    /**
     * A card on the reader fills the number as if typed, and the screen may show the holder's name masked (it comes
     * from the card, not from the business system: it tells nothing of what the hall knows). Its chip photo becomes
     * the reference unless the card is past its validity (an expired card still proves the number, its photo is old).
     */
    acceptCard: assign(({ event }) =>
      event.type === 'idcard.read'
        ? {
            idNumber: event.idNumber.toUpperCase(),
            idNumberMasked: maskIdNumber(event.idNumber),
            cardNameMasked: maskName(event.name),
            chipPhoto: event.photo && !event.expired ? event.photo : null,
          }
        : {},
    ),
    /** What vision/ decided on the attempt: the scores for the audit (and the parent's submission on a match). */
    keepDecision: assign(({ event }) => {
      const decision = (event as unknown as { output: AttemptDecision }).output;
      return { similarity: decision.similarity, liveness: decision.liveness.score };
    }),
    /** What the business system gave for the subject, and which photo is the reference (never told before a match). */
    keepPrepared: assign(({ event }) => {
      const output = (event as unknown as { output: PreparedIdentity }).output;
      return {
        citizenId: output.citizenId,
        nameMasked: output.nameMasked,
        reference: output.reference,
        referenceSource: output.reference ? (output.referenceSource ?? 'on-file') : null,
      };
    }),
    /** A refused face check: one fewer for the subject today, here and in the kiosk's count (recordFailedCheck). */
    countFailedCheck: assign(({ context }) => ({ checksLeft: Math.max(0, context.checksLeft - 1) })),
    /** The kiosk's count of failed checks per subject and day (keyed hash of the number, never the number). */
    recordFailedCheck: enqueueActions(() => unprovided('recordFailedCheck')),
    /** vision/: this attempt's frames and challenges start from nothing (the reference stays). */
    newAttempt: enqueueActions(() => unprovided('newAttempt')),
    /** vision/: judge the frames from now on for the current challenge (context.challenges[challengeIndex]). */
    startChallenge: enqueueActions(() => unprovided('startChallenge')),
  },
}).createMachine({
  id: 'identityCheck',
  context: ({ input }) => ({
    timing: input.timing,
    challengePool: input.challengePool,
    challengesPerAttempt: input.challengesPerAttempt,
    maxAttempts: input.maxAttempts,
    random: input.random,
    now: input.now,
    known: input.known ?? null,
    visitId: input.visitId ?? null,
    opening: input.opening ?? { askNumber: identityLines.askNumber, liveCheck: identityLines.liveCheck },
    instruction: '',
    guidance: null,
    idNumber: null,
    idNumberMasked: input.known?.idNumberMasked ?? null,
    citizenId: null,
    nameMasked: input.known?.nameMasked ?? null,
    reference: false,
    referenceSource: null,
    cardReader: input.known ? 'none' : (input.cardReaderState?.() ?? 'none'),
    cardNameMasked: null,
    chipPhoto: null,
    checksLeft: 0,
    cameraFault: input.cameraFault ?? null,
    attempt: 0,
    challenges: [],
    challengeIndex: 0,
    challengeStartedAt: null,
    positionedRun: 0,
    similarity: null,
    liveness: null,
    outcome: null,
    staffReason: null,
    failure: null,
  }),
  invoke: { id: 'endOfCheck', src: 'endOfCheck', input: ({ self }) => ({ snapshot: () => self.getSnapshot() }) },
  initial: 'opening',
  on: {
    'auth.cancel': { target: '.done', actions: { type: 'say', params: ({ context }) => ({ outcome: 'cancelled', line: context.opening.cancelled ?? identityLines.cancelled }) } },
    'idcard.fault': { guard: ({ context }) => context.cardReader !== 'none', actions: assign({ cardReader: 'faulted' as const }) },
    'idcard.restored': { guard: ({ context }) => context.cardReader !== 'none', actions: assign({ cardReader: 'ready' as const }) },
  },
  states: {
    opening: {
      always: [
        { guard: 'knownCitizen', target: 'admitting', actions: { type: 'say', params: ({ context }) => ({ line: context.opening.liveCheck }) } },
        { target: 'idInput', actions: { type: 'say', params: ({ context }) => ({ line: context.opening.askNumber, listen: 'number' }) } },
      ],
    },
    idInput: {
      on: {
        'auth.idNumber': [
          {
            guard: 'validIdNumber',
            target: 'admitting',
            actions: [
              assign(({ event }) => ({ idNumber: event.idNumber.toUpperCase(), idNumberMasked: maskIdNumber(event.idNumber) })),
              { type: 'say', params: { line: identityLines.preparing } },
            ],
          },
          { actions: assign({ guidance: faceAuthLines.badIdNumber }) },
        ],
        // The card on the reader: its number goes the same way as a typed one (limits, lookup, the same lines).
        'idcard.read': { guard: 'validIdNumber', target: 'admitting', actions: ['acceptCard', { type: 'say', params: { line: identityLines.preparing } }] },
        ...cameraNotes,
      },
    },
    admitting: {
      invoke: {
        id: 'admitSubject',
        src: 'admitSubject',
        input: ({ context }) => ({ subject: subjectOf(context) ?? { idNumber: '' }, visitId: context.visitId }),
        onDone: [
          {
            guard: ({ event }) => !event.output.admitted,
            target: 'done',
            actions: { type: 'say', params: { outcome: 'not-verified', line: identityLines.limitReached } },
          },
          { target: 'lookingUp', actions: assign(({ event }) => ({ checksLeft: event.output.admitted ? event.output.checksLeft : 0 })) },
        ],
        onError: { target: 'done', actions: { type: 'say', params: { outcome: 'unavailable', line: identityLines.checkFailed } } },
      },
      on: cameraNotes,
    },
    lookingUp: {
      invoke: {
        id: 'prepareIdentity',
        src: 'prepareIdentity',
        input: ({ context }) => ({ subject: subjectOf(context) ?? { idNumber: '' }, chipPhoto: context.chipPhoto }),
        // Whatever came back (unknown number, no usable photo, or both there), the check goes on the same way.
        onDone: [
          {
            guard: 'cameraFaulted',
            target: 'done',
            actions: [
              'keepPrepared',
              { type: 'say', params: { outcome: 'camera-lost', line: faceAuthLines.cameraLost, staffReason: 'camera-lost' } },
            ],
          },
          {
            target: 'attempt',
            actions: [
              'keepPrepared',
              { type: 'say', params: { line: faceAuthLines.positioning } },
            ],
          },
        ],
        onError: { target: 'done', actions: { type: 'say', params: { outcome: 'unavailable', line: identityLines.unavailable } } },
      },
      on: cameraNotes,
    },
    attempt: {
      entry: ['beginAttempt', 'newAttempt'],
      initial: 'positioning',
      on: {
        // Without a camera the attempt cannot go on: say so, and staff are called.
        'camera.lost': {
          target: 'done',
          actions: ['noteCameraLost', { type: 'say', params: { outcome: 'camera-lost', line: faceAuthLines.cameraLost, staffReason: 'camera-lost' } }],
        },
      },
      states: {
        positioning: {
          invoke: { id: 'frames', src: 'analyzeFrames' },
          after: { positioningTime: { target: '#identityCheck.attemptFailed', actions: assign({ failure: faceAuthLines.timeout }) } },
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
          after: { challengeTime: { target: '#identityCheck.attemptFailed', actions: assign({ failure: faceAuthLines.timeout }) } },
          on: {
            'auth.frame': { actions: 'forwardFrame' },
            'frame.analyzed': [
              { guard: 'personChanged', target: '#identityCheck.attemptFailed', actions: assign({ failure: faceAuthLines.personChanged }) },
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
                // A match counts only against a reference the business system gave for this subject.
                guard: ({ context, event }) => event.output.outcome === 'match' && context.reference && (context.known?.citizenId ?? context.citizenId) !== null,
                target: '#identityCheck.done',
                actions: ['keepDecision', 'verified'],
              },
              {
                // Every refusal counts against the subject's daily limit. A refused comparison (or nothing to compare
                // with: an unknown number, no photo) has the same words whatever the number.
                target: '#identityCheck.attemptFailed',
                actions: [
                  'keepDecision',
                  'countFailedCheck',
                  'recordFailedCheck',
                  assign(({ event }) => ({ failure: faceAuthLines.decision[event.output.outcome === 'match' ? 'no-match' : event.output.outcome] })),
                ],
              },
            ],
            onError: { target: '#identityCheck.done', actions: { type: 'say', params: { outcome: 'unavailable', line: identityLines.checkFailed } } },
          },
        },
      },
    },
    attemptFailed: {
      always: [
        {
          guard: and(['attemptsLeft', 'checksLeft']),
          target: 'attempt',
          actions: { type: 'say', params: ({ context }) => ({ line: faceAuthLines.retry(context.failure ?? '', context.maxAttempts - context.attempt) }) },
        },
        { guard: 'attemptsLeft', target: 'done', actions: { type: 'say', params: { outcome: 'not-verified', line: identityLines.limitReached } } },
        { target: 'done', actions: { type: 'say', params: { outcome: 'not-verified', line: identityLines.notVerified, staffReason: 'identity-review' } } },
      ],
    },
    done: { type: 'final' },
  },
  output: ({ context }): IdentityCheckOutput =>
    context.outcome === 'verified'
      ? { outcome: 'verified', citizenId: context.citizenId ?? '', idNumberMasked: context.idNumberMasked ?? '', nameMasked: context.nameMasked ?? '', ...evidenceOf(context) }
      : { outcome: context.outcome ?? 'cancelled', line: context.instruction, staffReason: context.staffReason, ...evidenceOf(context) },
});

export type IdentityCheckMachine = typeof identityCheckMachine;
export type IdentityCheckSnapshot = SnapshotFrom<typeof identityCheckMachine>;
