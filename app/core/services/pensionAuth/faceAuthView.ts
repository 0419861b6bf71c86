import type { FaceAuthView } from '../../../api/kioskApi.js';
import type { IdentityCheckSnapshot } from '../../identity/identityCheckMachine.js';
import { identityLines } from '../../identity/identityLines.js';
import type { AuthOutcome } from './faceAuthTypes.js';
import type { PensionAuthSnapshot } from './pensionAuthMachine.js';

type Step = FaceAuthView['step'];
type ScreenOutcome = NonNullable<FaceAuthView['result']>['outcome'];

/** The screen's step for each state of the identity check (the attempt's substates by their own name). */
const IDENTITY_STEPS: Record<string, Step> = {
  opening: 'idInput',
  idInput: 'idInput',
  admitting: 'lookingUp',
  lookingUp: 'lookingUp',
  positioning: 'positioning',
  challenge: 'challenge',
  nextChallenge: 'challenge',
  verifying: 'verifying',
  attemptFailed: 'positioning',
  done: 'result',
};

/** The screen's step for 养老认证's own states (after the identity check, or before it for a known citizen). */
const PENSION_STEPS: Record<string, Step> = {
  opening: 'lookingUp',
  identifying: 'idInput',
  checkingStatus: 'lookingUp',
  submitting: 'submitting',
  result: 'result',
  done: 'result',
};

/** Outcomes the screen shows under another title: staff are coming when the camera is lost; a cancel is a stop. */
const SCREEN_OUTCOME: Record<AuthOutcome, ScreenOutcome> = {
  authenticated: 'authenticated',
  failed: 'failed',
  'not-verified': 'failed',
  'already-authenticated': 'already-authenticated',
  'not-pensioner': 'not-pensioner',
  queued: 'queued',
  'staff-review': 'staff-review',
  'camera-lost': 'staff-review',
  cancelled: 'failed',
};

/** The identity check's outcomes on the 养老认证 screen. */
const IDENTITY_SCREEN_OUTCOME = {
  verified: 'authenticated',
  'not-verified': 'failed',
  unavailable: 'failed',
  cancelled: 'failed',
  'camera-lost': 'staff-review',
} as const satisfies Record<NonNullable<IdentityCheckSnapshot['context']['outcome']>, ScreenOutcome>;

/**
 * The 养老认证 screen for a snapshot of its machine — or of an identity check on its own — at `now` (the machine's
 * clock); null without one. While 养老认证 runs its identity check, the screen is the check's. Pure: it reads the
 * snapshots and nothing else. Nothing on it depends on what the business system knows of the number before the
 * face matched: the same steps, lines and masked number whatever it is.
 */
export function faceAuthView(snapshot: PensionAuthSnapshot | IdentityCheckSnapshot | undefined, now: number): FaceAuthView | null {
  if (!snapshot) return null;
  if (isIdentity(snapshot)) return identityView(snapshot, now, false);
  const ctx = snapshot.context;
  const child = snapshot.children.identityCheck?.getSnapshot() as IdentityCheckSnapshot | undefined;
  if (snapshot.value === 'identifying' && child) return identityView(child, now, true);
  const step = PENSION_STEPS[snapshot.value] ?? 'lookingUp';
  return {
    purpose: 'pension-auth',
    step,
    instruction: ctx.instruction,
    guidance: null,
    wantFrames: false,
    challenge: null,
    attempt: Math.min(ctx.attempts, ctx.maxAttempts),
    maxAttempts: ctx.maxAttempts,
    result: ctx.outcome ? { outcome: SCREEN_OUTCOME[ctx.outcome], message: ctx.instruction, nextDueDate: ctx.nextDueDate } : null,
    idNumberMasked: ctx.idNumberMasked,
    cardHint: null,
    cardNameMasked: null,
  };
}

function isIdentity(snapshot: PensionAuthSnapshot | IdentityCheckSnapshot): snapshot is IdentityCheckSnapshot {
  return snapshot.machine.id === 'identityCheck';
}

/**
 * The identity check's screen. Inside 养老认证 (`embedded`) its end is not the result: 养老认证 goes on at once
 * (the status, the submission), so a finished check shows as waiting, never as a result of its own.
 */
function identityView(snapshot: IdentityCheckSnapshot, now: number, embedded: boolean): FaceAuthView {
  const ctx = snapshot.context;
  const value = snapshot.value;
  const state = typeof value === 'string' ? value : (value.attempt ?? 'positioning');
  const ended = embedded && state === 'done';
  const step = ended ? 'lookingUp' : (IDENTITY_STEPS[state] ?? 'idInput');
  const kind = ctx.challenges[ctx.challengeIndex];
  const elapsed = ctx.challengeStartedAt === null ? 0 : now - ctx.challengeStartedAt;
  return {
    // Embedded in 养老认证, or on its own before a citizen's own record.
    purpose: embedded ? 'pension-auth' : 'identity',
    step,
    instruction: ctx.instruction,
    guidance: ctx.guidance,
    wantFrames: state === 'positioning' || state === 'challenge',
    challenge:
      step === 'challenge' && kind
        ? { kind, index: ctx.challengeIndex + 1, total: ctx.challenges.length, secondsLeft: Math.max(0, Math.ceil((ctx.timing.challengeMs - elapsed) / 1000)) }
        : null,
    attempt: Math.min(ctx.attempt, ctx.maxAttempts),
    maxAttempts: ctx.maxAttempts,
    result: ctx.outcome && !ended ? { outcome: IDENTITY_SCREEN_OUTCOME[ctx.outcome], message: ctx.instruction, nextDueDate: null } : null,
    idNumberMasked: ctx.idNumberMasked,
    // The card's name comes from the card, not from the business system: showing it tells nothing the hall knows.
    cardHint: step === 'idInput' && ctx.cardReader === 'ready' ? identityLines.cardHint : null,
    cardNameMasked: ctx.cardNameMasked,
  };
}
