import type { Logger } from 'pino';
import { fromPromise, type SnapshotFrom } from 'xstate';
import type { CameraFrame, FaceAuthView, LivenessChallengeKind } from '../../../api/kioskApi.js';
import type { BackendClient } from '../../backend/backendClient.js';
import { BackendError } from '../../backend/backendError.js';
import { maskIdNumber } from '../../backend/idNumber.js';
import { deliverPensionAuthResults } from './deliverPensionAuthResults.js';
import type { FaceSessionAnalyzer } from './faceSessionAnalyzer.js';
import type { CitizenForAuth, FrameMeasurement, SubmissionOutcome, VerificationResult } from './faceAuthTypes.js';
import type { PensionAuthAudit } from './pensionAuthAudit.js';
import type { PensionAuthOutbox } from './pensionAuthOutbox.js';
import { pensionAuthMachine } from './pensionAuthMachine.js';

export interface PensionAuthServiceOptions {
  backend: BackendClient;
  analyzer: FaceSessionAnalyzer;
  outbox: PensionAuthOutbox;
  audit: PensionAuthAudit;
  kioskId: string;
  log: Logger;
}

type ChildSnapshot = SnapshotFrom<typeof pensionAuthMachine>;

const STEPS: Record<string, FaceAuthView['step']> = {
  idInput: 'idInput',
  lookingUp: 'lookingUp',
  preparingReference: 'lookingUp',
  positioning: 'positioning',
  challenge: 'challenge',
  challengePassed: 'challenge',
  checkingLiveness: 'verifying',
  verifying: 'verifying',
  attemptFailed: 'positioning',
  submitting: 'submitting',
  result: 'result',
  done: 'result',
};

/**
 * The 养老认证 service around its machine: business-system lookups, the face analyzer, the outbox (the result is
 * stored before it is sent), the audit trail, camera frames in (dropped while the analyzer is busy, never stored)
 * and the screen's view out.
 */
export function createPensionAuthService(options: PensionAuthServiceOptions) {
  const { backend, analyzer, outbox, audit, log } = options;
  let analyzing = false;
  let challengeStartedAt = 0;
  let lastAttempt = 0;

  const machine = pensionAuthMachine.provide({
    actors: {
      lookUpCitizen: fromPromise<CitizenForAuth | null, { idNumber: string }>(async ({ input }) => {
        analyzer.clear();
        try {
          const profile = await backend.lookupCitizen(input.idNumber);
          const status = await backend.getPensionAuthStatus(profile.id);
          return { citizenId: profile.id, isPensioner: status.isPensioner, standing: status.standing, nextDueDate: status.nextDueDate };
        } catch (error) {
          if (error instanceof BackendError && error.kind === 'not-found') return null;
          throw error;
        }
      }),
      prepareReference: fromPromise<boolean, { citizenId: string }>(async ({ input }) => {
        try {
          const photo = await backend.getReferencePhoto(input.citizenId);
          return await analyzer.setReference(photo.bytes);
        } catch (error) {
          if (error instanceof BackendError && error.kind === 'not-found') return false;
          throw error;
        }
      }),
      verifyIdentity: fromPromise<VerificationResult, { citizenId: string }>(() => analyzer.verify()),
      submitResult: fromPromise<SubmissionOutcome, { citizenId: string; similarity: number; liveness: number; challenges: LivenessChallengeKind[] }>(
        async ({ input }) => {
          const entry = outbox.enqueue(input.citizenId, {
            authenticatedAt: new Date().toISOString(),
            method: 'face-kiosk',
            kioskId: options.kioskId,
            scores: { similarity: clamp01(input.similarity), liveness: clamp01(input.liveness) },
            challenges: input.challenges,
          });
          await deliverPensionAuthResults(backend, outbox, log);
          const state = outbox.state(entry.id);
          return state?.state === 'sent' ? { state: 'accepted', nextDueDate: state.nextDueDate } : { state: 'queued', nextDueDate: null };
        },
      ),
    },
  });

  return {
    machine,

    /** Measures a frame when the analyzer is free; frames that arrive while it is busy are dropped, not queued. */
    handleFrame(frame: CameraFrame, deliver: (measurement: FrameMeasurement) => void): void {
      if (analyzing) return;
      analyzing = true;
      const jpeg = Buffer.from(frame.jpegBase64, 'base64');
      const release = () => {
        jpeg.fill(0);
        analyzing = false;
      };
      // Free the analyzer before delivering, so the next frame is taken as soon as this one is known.
      analyzer.analyzeFrame(jpeg, frame.capturedAt).then(
        (measurement) => {
          release();
          deliver(measurement);
        },
        (error: unknown) => {
          release();
          log.warn({ err: error }, 'frame analysis failed');
        },
      );
    },

    toView(snapshot: ChildSnapshot | undefined, now = Date.now()): FaceAuthView | null {
      if (!snapshot) return null;
      const ctx = snapshot.context;
      const state = typeof snapshot.value === 'string' ? snapshot.value : 'idInput';
      const step = STEPS[state] ?? 'idInput';
      if (step === 'challenge' && challengeStartedAt === 0) challengeStartedAt = now;
      if (step !== 'challenge') challengeStartedAt = 0;
      const kind = ctx.challenges[ctx.challengeIndex];
      return {
        step,
        instruction: ctx.instruction,
        guidance: ctx.guidance,
        wantFrames: step === 'positioning' || step === 'challenge',
        challenge:
          step === 'challenge' && kind
            ? { kind, index: ctx.challengeIndex + 1, total: ctx.challenges.length, secondsLeft: Math.max(0, Math.ceil((ctx.timing.challengeMs - (now - challengeStartedAt)) / 1000)) }
            : null,
        attempt: Math.min(ctx.attempt, ctx.maxAttempts),
        maxAttempts: ctx.maxAttempts,
        result: ctx.outcome ? { outcome: ctx.outcome, message: ctx.instruction, nextDueDate: ctx.nextDueDate } : null,
        idNumberMasked: ctx.idNumber ? maskIdNumber(ctx.idNumber) : null,
      };
    },

    /** Follows the machine: a new attempt starts with no frames of the last one. */
    observe(snapshot: ChildSnapshot): void {
      if (snapshot.context.attempt !== lastAttempt) {
        lastAttempt = snapshot.context.attempt;
        analyzer.newAttempt();
      }
    },

    /** The authentication ended (any outcome): audit it and forget every frame and embedding. */
    finish(snapshot: ChildSnapshot): void {
      const ctx = snapshot.context;
      audit.record({
        citizenId: ctx.citizen?.citizenId ?? null,
        outcome: ctx.outcome ?? 'failed',
        attempts: Math.min(ctx.attempt, ctx.maxAttempts),
        similarity: ctx.similarity,
        liveness: ctx.livenessScores.length ? median(ctx.livenessScores) : null,
        challenges: ctx.challenges,
      });
      analyzer.clear();
    },

    /** Sends results that were saved while the business system was down. */
    deliverQueued: () => deliverPensionAuthResults(backend, outbox, log),
  };
}

export type PensionAuthService = ReturnType<typeof createPensionAuthService>;

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
