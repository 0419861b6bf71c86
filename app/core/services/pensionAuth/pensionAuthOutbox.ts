import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { PensionAuthSubmission } from '../../backend/backendTypes.js';
import type { FieldCipher } from '../../privacy/fieldCipher.js';

export interface OutboxEntry {
  id: number;
  citizenId: string;
  idempotencyKey: string;
  submission: PensionAuthSubmission;
  attempts: number;
}

/**
 * Authentication results on their way to the business system. A result is written here (sealed) before it is
 * sent; it stays `queued` until the system has it, and its idempotency key makes every resend the same request,
 * so it counts exactly once however often a crash or an outage makes the kiosk try again.
 */
export class PensionAuthOutbox {
  constructor(private readonly db: Database, private readonly cipher: FieldCipher) {}

  enqueue(citizenId: string, submission: PensionAuthSubmission, at = new Date()): OutboxEntry {
    const idempotencyKey = `pa-${randomUUID()}`;
    const info = this.db
      .prepare('INSERT INTO pension_auth_outbox (citizen_id, idempotency_key, payload_sealed, created_at) VALUES (?, ?, ?, ?)')
      .run(citizenId, idempotencyKey, this.cipher.encrypt(JSON.stringify(submission)), at.toISOString());
    return { id: Number(info.lastInsertRowid), citizenId, idempotencyKey, submission, attempts: 0 };
  }

  queued(): OutboxEntry[] {
    const rows = this.db
      .prepare("SELECT id, citizen_id AS citizenId, idempotency_key AS idempotencyKey, payload_sealed AS sealed, attempts FROM pension_auth_outbox WHERE state = 'queued' ORDER BY id")
      .all() as { id: number; citizenId: string; idempotencyKey: string; sealed: string; attempts: number }[];
    return rows.map(({ sealed, ...row }) => ({ ...row, submission: JSON.parse(this.cipher.decrypt(sealed)) as PensionAuthSubmission }));
  }

  markSent(id: number, nextDueDate: string, at = new Date()): void {
    // The payload has done its job: keep the row for the record, drop the personal data.
    this.db
      .prepare("UPDATE pension_auth_outbox SET state = 'sent', sent_at = ?, next_due_date = ?, payload_sealed = '', attempts = attempts + 1 WHERE id = ?")
      .run(at.toISOString(), nextDueDate, id);
  }

  markRejected(id: number, reason: string): void {
    this.db.prepare("UPDATE pension_auth_outbox SET state = 'rejected', last_error = ?, attempts = attempts + 1 WHERE id = ?").run(reason, id);
  }

  recordFailedAttempt(id: number, reason: string): void {
    this.db.prepare('UPDATE pension_auth_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?').run(reason, id);
  }

  state(id: number): { state: string; attempts: number; nextDueDate: string | null } | undefined {
    return this.db.prepare('SELECT state, attempts, next_due_date AS nextDueDate FROM pension_auth_outbox WHERE id = ?').get(id) as
      | { state: string; attempts: number; nextDueDate: string | null }
      | undefined;
  }
}
