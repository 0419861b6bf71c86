import type { Logger } from 'pino';
import { fromCallback, fromPromise, type EventObject } from 'xstate';
import type { LivenessChallengeKind } from '../../../api/kioskApi.js';
import type { BackendClient } from '../../backend/backendClient.js';
import type { PensionAuthReceipt } from '../../backend/backendTypes.js';
import type { IdentityAttempts } from '../../identity/identityAttempts.js';
import type { IdentityAudit } from '../../identity/identityAudit.js';
import { createIdentityCheckService } from '../../identity/identityCheckService.js';
import { pensionAuthSender, transactionKinds } from '../../outbox/backendSenders.js';
import type { CitizenForAuth, SubmissionOutcome } from './faceAuthTypes.js';
import type { FaceSessionAnalyzer } from './faceSessionAnalyzer.js';
import type { PensionAuthAudit } from './pensionAuthAudit.js';
import { pensionAuthMachine, pensionAuthRecordOf, type PensionAuthContext } from './pensionAuthMachine.js';
import type { PensionAuthOutbox } from './pensionAuthOutbox.js';

export interface PensionAuthServiceOptions {
  backend: BackendClient;
  analyzer: FaceSessionAnalyzer;
  outbox: PensionAuthOutbox;
  audit: Pick<PensionAuthAudit, 'record'>;
  /** The identity check's attempt limits and audit (openIdentityStore). */
  identity: { attempts: Pick<IdentityAttempts, 'admit' | 'recordFailedCheck'>; audit: Pick<IdentityAudit, 'record'> };
  kioskId: string;
  log: Logger;
}

/**
 * The 养老认证 service: its machine with the actors at its edges — the identity check (its own service: attempt
 * limits, lookup and reference photo, vision/'s analyzer, its audit and the wiping of the faces), the business
 * system's status of the verified citizen, the outbox (the result is stored before it is sent), and the audit at
 * the machine's end. `identityCheck` is the same identity check for other services; `deliverQueued` sends results
 * saved while the business system was down; `close` releases the face models at shutdown.
 */
export function createPensionAuthService(options: PensionAuthServiceOptions) {
  const { backend, analyzer, outbox, audit, log } = options;
  const identity = createIdentityCheckService({ backend, analyzer, attempts: options.identity.attempts, audit: options.identity.audit, log });
  let registered = false;
  /** The outbox, with 养老认证's sender registered (once, at first use). */
  const withSender = () => {
    if (!registered) outbox.transactions.register(transactionKinds.pensionAuth, pensionAuthSender(backend));
    registered = true;
    return outbox;
  };

  const machine = pensionAuthMachine.provide({
    actors: {
      identityCheck: identity.machine,
      checkStatus: fromPromise<CitizenForAuth, { citizenId: string }>(async ({ input }) => {
        const status = await backend.getPensionAuthStatus(input.citizenId);
        return { citizenId: input.citizenId, isPensioner: status.isPensioner, standing: status.standing, nextDueDate: status.nextDueDate };
      }),
      submitResult: fromPromise<SubmissionOutcome, { citizenId: string; similarity: number; liveness: number; challenges: LivenessChallengeKind[] }>(
        async ({ input }) => {
          const result = await withSender().submit(input.citizenId, {
            authenticatedAt: new Date().toISOString(),
            method: 'face-kiosk',
            kioskId: options.kioskId,
            scores: { similarity: clamp01(input.similarity), liveness: clamp01(input.liveness) },
            challenges: input.challenges,
          });
          if (result.state === 'delivered') return { state: 'accepted', nextDueDate: (result.answer as PensionAuthReceipt | null)?.nextDueDate ?? null, reference: result.reference };
          if (result.state === 'rejected') {
            log.error({ outbox: result.id, reason: result.reason }, 'pension authentication rejected by the business system');
            return { state: 'rejected', reason: result.reason, nextDueDate: null };
          }
          log.warn({ outbox: result.id, error: result.lastError }, 'pension authentication saved, to be sent when the business system is back');
          return { state: 'queued', nextDueDate: null };
        },
      ),
      endOfAuthentication: fromCallback<EventObject, { snapshot: () => { context: PensionAuthContext; value: unknown } }>(({ input }) => () => {
        // The authentication ended (final state, or stopped from outside): record it. The faces are wiped at the
        // identity check's own end, which comes first (a stopped parent stops its child).
        try {
          audit.record(pensionAuthRecordOf(input.snapshot()));
        } catch (error) {
          log.error({ err: error }, 'pension authentication audit failed');
        }
      }),
    },
  });

  return {
    machine,
    /** The identity check on its own (for services that need a verified citizen). */
    identityCheck: identity.machine,
    /**
     * Sends now every transaction saved while the business system was down, backing off or not (staff's "send now",
     * tests); the outbox actor sends on its own schedule. Resolves how many were delivered.
     */
    deliverQueued: async () => (await withSender().deliver({ all: true })).delivered,
    /** Shutdown: wipes the analyzer and releases its ONNX Runtime sessions. */
    close: () => analyzer.close(),
  };
}

export type PensionAuthService = ReturnType<typeof createPensionAuthService>;

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
