import { maskName } from '../../../common/maskName.js';
import type { Logger } from 'pino';
import { fromCallback, fromPromise, type EventObject } from 'xstate';
import type { BackendClient } from '../backend/backendClient.js';
import { BackendError } from '../backend/backendError.js';
import type { AttemptDecision } from '../services/pensionAuth/faceAuthTypes.js';
import type { FaceSessionAnalyzer } from '../services/pensionAuth/faceSessionAnalyzer.js';
import type { FrameAnalyzedEvent, PensionAuthParentEvent } from '../services/pensionAuth/pensionAuthEvents.js';
import type { IdentityAttempts } from './identityAttempts.js';
import type { IdentityAudit } from './identityAudit.js';
import {
  identityCheckMachine,
  identityCheckRecordOf,
  subjectOf,
  type Admission,
  type IdentityCheckContext,
  type IdentitySubject,
  type PrepareIdentityInput,
  type PreparedIdentity,
} from './identityCheckMachine.js';

export interface IdentityCheckServiceOptions {
  backend: Pick<BackendClient, 'lookupCitizen' | 'getReferencePhoto'>;
  analyzer: FaceSessionAnalyzer;
  attempts: Pick<IdentityAttempts, 'admit' | 'recordFailedCheck'>;
  audit: Pick<IdentityAudit, 'record'>;
  log: Logger;
}

type FrameEvent = Extract<PensionAuthParentEvent, { type: 'auth.frame' }>;

const isNotFound = (error: unknown) => error instanceof BackendError && error.kind === 'not-found';

/**
 * The identity check with the actors and actions at its edges: attempt limits (IdentityAttempts), the business
 * system's lookup and reference photo, vision/'s analyzer (new attempt, challenges, frames, decision), and the
 * audit and wiping at the machine's end. What the lookup found is handed to the machine, never worded: an unknown
 * number and a number without a usable photo simply leave nothing to match against.
 */
export function createIdentityCheckService(options: IdentityCheckServiceOptions) {
  const { backend, analyzer, attempts, audit, log } = options;
  // One analyzer, one frame at a time, whichever frames actor asked (a new state's actor waits for the last frame).
  let analyzing = false;

  const machine = identityCheckMachine.provide({
    actions: {
      newAttempt: () => analyzer.newAttempt(),
      startChallenge: ({ context }) => {
        const kind = context.challenges[context.challengeIndex];
        if (kind) analyzer.startChallenge(kind);
      },
      recordFailedCheck: ({ context }) => {
        const subject = subjectOf(context);
        if (!subject) return;
        try {
          attempts.recordFailedCheck(subject);
        } catch (error) {
          log.error({ err: error }, 'identity check: failed check not counted');
        }
      },
    },
    actors: {
      admitSubject: fromPromise<Admission, { subject: IdentitySubject; visitId: string | null }>(async ({ input }) => attempts.admit(input.subject, input.visitId)),
      prepareIdentity: fromPromise<PreparedIdentity, PrepareIdentityInput>(async ({ input }) => {
        let citizenId: string | null = null;
        let nameMasked: string | null = null;
        if ('citizenId' in input.subject) citizenId = input.subject.citizenId;
        else {
          try {
            const profile = await backend.lookupCitizen(input.subject.idNumber);
            citizenId = profile.id;
            nameMasked = maskName(profile.name);
          } catch (error) {
            if (!isNotFound(error)) throw error;
          }
        }
        // The number came from an ID card with its chip photo: the citizen proves they hold the card, so the chip
        // photo is the reference and nothing on file is fetched. It is set whatever the lookup said (an unknown
        // number is still refused by the machine: nobody to verify), so the check runs the same way for any number.
        // A chip photo without a usable face falls back to the photo on file.
        if (input.chipPhoto && (await analyzer.setReference(input.chipPhoto))) {
          return { citizenId, nameMasked, reference: citizenId !== null, referenceSource: 'chip' };
        }
        if (citizenId === null) return { citizenId: null, nameMasked: null, reference: false };
        try {
          const photo = await backend.getReferencePhoto(citizenId);
          return { citizenId, nameMasked, reference: await analyzer.setReference(photo.bytes), referenceSource: 'on-file' };
        } catch (error) {
          if (isNotFound(error)) return { citizenId, nameMasked, reference: false };
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
      endOfCheck: fromCallback<EventObject, { snapshot: () => { context: IdentityCheckContext } }>(({ input }) => () => {
        // The check ended (final state, or stopped from outside): record it, then forget every face.
        const snapshot = input.snapshot();
        try {
          audit.record(identityCheckRecordOf(snapshot));
        } catch (error) {
          log.error({ err: error }, 'identity check audit failed');
        } finally {
          analyzer.clear();
          snapshot.context.chipPhoto?.fill(0);
        }
      }),
    },
  });

  return { machine };
}

export type IdentityCheckService = ReturnType<typeof createIdentityCheckService>;
