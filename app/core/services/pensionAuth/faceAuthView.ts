import type { FaceAuthView } from '../../../api/kioskApi.js';
import { maskIdNumber } from '../../backend/idNumber.js';
import type { AuthOutcome } from './faceAuthTypes.js';
import type { PensionAuthSnapshot } from './pensionAuthMachine.js';

type Step = FaceAuthView['step'];
type ScreenOutcome = NonNullable<FaceAuthView['result']>['outcome'];

/** The screen's step for each state of the machine (the attempt's substates by their own name). */
const STEPS: Record<string, Step> = {
  idInput: 'idInput',
  lookingUp: 'lookingUp',
  preparingReference: 'lookingUp',
  positioning: 'positioning',
  challenge: 'challenge',
  nextChallenge: 'challenge',
  verifying: 'verifying',
  attemptFailed: 'positioning',
  submitting: 'submitting',
  result: 'result',
  done: 'result',
};

/** Outcomes the screen shows under another title: staff are coming when the camera is lost; a cancel is a stop. */
const SCREEN_OUTCOME: Record<AuthOutcome, ScreenOutcome> = {
  authenticated: 'authenticated',
  failed: 'failed',
  'already-authenticated': 'already-authenticated',
  'not-pensioner': 'not-pensioner',
  queued: 'queued',
  'staff-review': 'staff-review',
  'camera-lost': 'staff-review',
  cancelled: 'failed',
};

/** The 养老认证 screen for a snapshot of its machine at `now` (the machine's clock); null without one. Pure. */
export function faceAuthView(snapshot: PensionAuthSnapshot | undefined, now: number): FaceAuthView | null {
  if (!snapshot) return null;
  const ctx = snapshot.context;
  const value = snapshot.value;
  const state = typeof value === 'string' ? value : (value.attempt ?? 'positioning');
  const step = STEPS[state] ?? 'idInput';
  const kind = ctx.challenges[ctx.challengeIndex];
  const elapsed = ctx.challengeStartedAt === null ? 0 : now - ctx.challengeStartedAt;
  return {
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
    result: ctx.outcome ? { outcome: SCREEN_OUTCOME[ctx.outcome], message: ctx.instruction, nextDueDate: ctx.nextDueDate } : null,
    idNumberMasked: ctx.idNumber ? maskIdNumber(ctx.idNumber) : null,
  };
}
