import type { Database } from 'better-sqlite3';
import type { PensionAuthSubmission } from '../../backend/backendTypes.js';
import { transactionKinds } from '../../outbox/backendSenders.js';
import { TransactionOutbox, type DeliveryOptions, type DeliveryReport, type SubmitResult } from '../../outbox/transactionOutbox.js';
import type { FieldCipher } from '../../privacy/fieldCipher.js';

export interface OutboxEntry {
  id: number;
  citizenId: string;
  idempotencyKey: string;
  submission: PensionAuthSubmission;
  attempts: number;
}

/**
 * 养老认证 results in the kiosk's one transaction outbox (kind `pension-auth`): sealed before they are sent, sent
 * with an idempotency key, so a result counts exactly once however often a crash or an outage makes the kiosk try
 * again. The kiosk passes its shared outbox; on its own (tests) it opens one on the database.
 */
export class PensionAuthOutbox {
  readonly transactions: TransactionOutbox;

  constructor(db: Database, cipher: FieldCipher, transactions?: TransactionOutbox) {
    this.transactions = transactions ?? new TransactionOutbox(db, cipher);
  }

  /** Seals the result, then sends it (and anything older that is due). */
  submit(citizenId: string, submission: PensionAuthSubmission): Promise<SubmitResult> {
    return this.transactions.submit(transactionKinds.pensionAuth, citizenId, submission);
  }

  /** Results saved and not yet delivered, oldest first. */
  queued(): OutboxEntry[] {
    return this.transactions
      .waitingEntries<PensionAuthSubmission>(transactionKinds.pensionAuth)
      .map(({ id, citizenId, idempotencyKey, payload, attempts }) => ({ id, citizenId, idempotencyKey, submission: payload, attempts }));
  }

  deliver(options?: DeliveryOptions): Promise<DeliveryReport> {
    return this.transactions.deliverDue(options);
  }
}
