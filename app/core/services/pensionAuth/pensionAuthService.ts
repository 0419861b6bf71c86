import type { Logger } from 'pino';
import { fromCallback, fromPromise, type EventObject } from 'xstate';
import type { LivenessChallengeKind } from '../../../api/kioskApi.js';
import type { BackendClient } from '../../backend/backendClient.js';
import { BackendError } from '../../backend/backendError.js';
import { deliverPensionAuthResults } from './deliverPensionAuthResults.js';
import type { AttemptDecision, CitizenForAuth, SubmissionOutcome } from './faceAuthTypes.js';
import type { FaceSessionAnalyzer } from './faceSessionAnalyzer.js';
import type { PensionAuthAudit } from './pensionAuthAudit.js';
import type { FrameAnalyzedEvent, PensionAuthParentEvent } from './pensionAuthEvents.js';
import { pensionAuthMachine, pensionAuthRecordOf, type PensionAuthContext } from './pensionAuthMachine.js';
import type { PensionAuthOutbox } from './pensionAuthOutbox.js';

export interface PensionAuthServiceOptions {
  backend: BackendClient;
  analyzer: FaceSessionAnalyzer;
  outbox: PensionAuthOutbox;
  audit: Pick<PensionAuthAudit, 'record'>;
  kioskId: string;
  log: Logger;
}

type FrameEvent = Extract<PensionAuthParentEvent, { type: 'auth.frame' }>;

/**
 * The 养老认证 service: its machine with the actors and actions at its edges — business-system lookups, vision/'s
 * analyzer (new attempt, challenges, frames, decision), the outbox (the result is stored before it is sent), and
 * the audit and wiping at the machine's end. `deliverQueued` sends results saved while the business system was
 * down; `close` releases the face models at shutdown.
 */
export function createPensionAuthService(options: PensionAuthServiceOptions) {
  const { backend, analyzer, outbox, audit, log } = options;
  // One analyzer, one frame at a time, whichever frames actor asked (a new state's actor waits for the last frame).
  let analyzing = false;

  const machine = pensionAuthMachine.provide({
    actions: {
      newAttempt: () => analyzer.newAttempt(),
      startChallenge: ({ context }) => {
        const kind = context.challenges[context.challengeIndex];
        if (kind) analyzer.startChallenge(kind);
      },
    },
    actors: {
      lookUpCitizen: fromPromise<CitizenForAuth | null, { idNumber: string }>(async ({ input }) => {
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
      analyzeFrames: fromCallback<FrameEvent>(({ receive, sendBack }) => {
        let running = true;
        receive((event) => {
          // Frames that arrive while the analyzer is busy are dropped, not queued: the next one is fresher.
          if (analyzing || event.type !== 'auth.frame') return;
          analyzing = true;
          const jpeg = Buffer.from(event.frame.jpegBase64, 'base64');
          const release = () => {
            jpeg.fill(0);
            analyzing = false;
          };
          analyzer.analyzeFrame(jpeg, event.frame.capturedAt).then(
            (frame) => {
              release();
              if (running) sendBack({ type: 'frame.analyzed', frame } satisfies FrameAnalyzedEvent);
            },
            (error: unknown) => {
              release();
              // The error only: nothing of the frame is logged.
              log.warn({ error: error instanceof Error ? error.message : String(error) }, 'frame analysis failed');
            },
          );
        });
        return () => {
          running = false;
        };
      }),
      verifyAttempt: fromPromise<AttemptDecision>(() => analyzer.verify()),
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
      endOfAuthentication: fromCallback<EventObject, { snapshot: () => { context: PensionAuthContext; value: unknown } }>(({ input }) => () => {
        // The machine ended (final state, or stopped from outside): record it, then forget every face.
        try {
          audit.record(pensionAuthRecordOf(input.snapshot()));
        } catch (error) {
          log.error({ err: error }, 'pension authentication audit failed');
        } finally {
          analyzer.clear();
        }
      }),
    },
  });

  return {
    machine,
    /** Sends results that were saved while the business system was down (the outbox actor calls it on its schedule). */
    deliverQueued: () => deliverPensionAuthResults(backend, outbox, log),
    /** Shutdown: wipes the analyzer and releases its ONNX Runtime sessions. */
    close: () => analyzer.close(),
  };
}

export type PensionAuthService = ReturnType<typeof createPensionAuthService>;

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
