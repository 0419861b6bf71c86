import type { Logger } from 'pino';
import type { BackendClient } from '../../backend/backendClient.js';
import { BackendError } from '../../backend/backendError.js';
import type { PensionAuthOutbox } from './pensionAuthOutbox.js';

/**
 * Sends every queued result, oldest first. A business refusal (4xx) ends an entry as rejected for staff to look at;
 * anything transient (timeout, unreachable, 5xx) leaves it queued for the next round. Returns how many went out.
 */
export async function deliverPensionAuthResults(backend: BackendClient, outbox: PensionAuthOutbox, log: Logger): Promise<number> {
  let sent = 0;
  for (const entry of outbox.queued()) {
    try {
      const receipt = await backend.submitPensionAuth(entry.citizenId, { ...entry.submission, idempotencyKey: entry.idempotencyKey });
      outbox.markSent(entry.id, receipt.nextDueDate);
      log.info({ outbox: entry.id, receipt: receipt.submissionId }, 'pension authentication delivered');
      sent++;
    } catch (error) {
      const transient = !(error instanceof BackendError) || error.retryable;
      if (transient) {
        outbox.recordFailedAttempt(entry.id, error instanceof BackendError ? error.kind : String(error));
        log.warn({ outbox: entry.id, err: error }, 'pension authentication still queued');
        break; // the system is down: try the rest later, in order
      }
      outbox.markRejected(entry.id, (error as BackendError).code ?? (error as BackendError).kind);
      log.error({ outbox: entry.id, err: error }, 'pension authentication rejected by the business system');
    }
  }
  return sent;
}
