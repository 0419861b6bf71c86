import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { FieldCipher } from '../privacy/fieldCipher.js';
import { retryDelayMs } from './outboxMachine.js';
import type { OutboxEntryView, OutboxState } from './outboxListing.js';

/** What a transaction is: `pension-auth`, `card-loss`, `flexible-employment` … (one registered sender each). */
export type TransactionKind = string;

/** The business system's answer to one send. A transient failure (down, timeout, 5xx) is thrown instead. */
export type SendOutcome =
  | { outcome: 'delivered'; reference: string; answer?: unknown }
  | { outcome: 'rejected'; reason: string };

/**
 * Sends one transaction. The idempotency key is the same on every resend of the same transaction, so the
 * business system does it once. Throw for anything that may work later; return `rejected` for a refusal.
 */
export type OutboxSender<P = unknown> = (payload: P, idempotencyKey: string, citizenId: string) => Promise<SendOutcome>;

export interface OutboxEntryRef {
  id: number;
  kind: TransactionKind;
  citizenId: string;
  idempotencyKey: string;
}

/** How a transaction ended: told to the session (the citizen, a staff call) and to diagnostics. */
export type Settlement =
  | (OutboxEntryRef & { state: 'delivered'; reference: string; answer: unknown })
  | (OutboxEntryRef & { state: 'rejected'; reason: string });

/**
 * Told with a settlement: the attempt that settled it. More than one means the citizen was told "saved, will be
 * sent" (or the kiosk died mid-send), so nobody has heard how it ended.
 */
export type SettledAfter = number;

/** Where a submission stands when `submit` returns: settled, or saved and waiting (the system is down). */
export type SubmitResult = Settlement | (OutboxEntryRef & { state: 'pending'; attempts: number; nextAttemptAt: string; lastError: string | null });

/** Test seams at the steps of a submission (the kill -9 tests stop the process at each); nothing in production. */
export interface OutboxProbes {
  /** The transaction is sealed and committed; nothing sent yet. */
  sealed?(entry: OutboxEntryRef): void | Promise<void>;
  /** Marked `sending` and committed; the request is about to leave. */
  sending?(entry: OutboxEntryRef): void | Promise<void>;
  /** The business system answered; the answer is not stored yet. */
  answered?(entry: OutboxEntryRef, outcome: SendOutcome): void | Promise<void>;
}

export interface TransactionOutboxOptions {
  /** Backoff of one entry after a failed send: first retry, doubling per failure, up to the maximum. */
  schedule?: { firstRetryMs: number; maxRetryMs: number };
  now?: () => number;
  probes?: OutboxProbes;
  /** Told about every failed send (kind, id, error); the outbox itself logs nothing. */
  onSendFailed?: (entry: OutboxEntryRef, error: unknown) => void;
}

export interface EnqueueOptions {
  /** The caller's key (8–128 of A-Z a-z 0-9 . _ : -, the backend client's rule); a fresh one by default. */
  idempotencyKey?: string;
}

export interface DeliveryOptions {
  /** Also entries still backing off (staff's "send now", tests); by default only those due. */
  all?: boolean;
}

export interface DeliveryReport {
  delivered: number;
  rejected: number;
  /** Still waiting (pending or interrupted), due or not. */
  remaining: number;
}

interface Row {
  id: number;
  kind: string;
  citizenId: string;
  idempotencyKey: string;
  sealed: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  reference: string | null;
  answerSealed: string | null;
  rejectionReason: string | null;
}

const DEFAULT_SCHEDULE = { firstRetryMs: 5_000, maxRetryMs: 5 * 60_000 };
const ROW_COLUMNS = `id, kind, citizen_id AS citizenId, idempotency_key AS idempotencyKey, payload_sealed AS sealed, state, attempts,
  next_attempt_at AS nextAttemptAt, last_error AS lastError, reference, answer_sealed AS answerSealed, rejection_reason AS rejectionReason`;

/**
 * The one outbox of every transaction. `submit` seals the payload in SQLite (with a fresh idempotency key) before
 * anything is sent, then sends it at once; while the business system is down the entry waits with a growing
 * backoff and `deliverDue` (the outbox machine's round) sends it later, with the same key. An entry found `sending`
 * (the kiosk died mid-send) is simply sent again: the key makes the system answer with its first result. Rounds
 * are serialised, so this process never has the same entry in flight twice.
 */
export class TransactionOutbox {
  private readonly senders = new Map<TransactionKind, OutboxSender<never>>();
  private readonly listeners = new Set<(settlement: Settlement, attempts: SettledAfter) => void>();
  private readonly schedule: { firstRetryMs: number; maxRetryMs: number };
  private readonly now: () => number;
  private rounds: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Database, private readonly cipher: FieldCipher, private readonly options: TransactionOutboxOptions = {}) {
    this.schedule = options.schedule ?? DEFAULT_SCHEDULE;
    this.now = options.now ?? Date.now;
  }

  /** The sender of one kind (a later registration replaces an earlier one). Entries of a kind without one wait. */
  register<P>(kind: TransactionKind, sender: OutboxSender<P>): void {
    this.senders.set(kind, sender as OutboxSender<never>);
  }

  /** Every delivered or rejected entry, as it settles in this process (including entries left from before a restart). */
  onSettled(listener: (settlement: Settlement, attempts: SettledAfter) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Seals and commits a transaction; nothing is sent. The idempotency key is the caller's when given (a transaction
   * machine fixes its key when the transaction starts), otherwise `<kind>-<uuid>`. Enqueuing a key again returns the
   * entry already saved under it: the transaction is saved and sent once.
   */
  enqueue<P>(kind: TransactionKind, citizenId: string, payload: P, options: EnqueueOptions = {}): OutboxEntryRef {
    const at = new Date(this.now()).toISOString();
    const idempotencyKey = options.idempotencyKey ?? `${kind}-${randomUUID()}`;
    const info = this.db
      .prepare(
        `INSERT INTO transaction_outbox (kind, citizen_id, idempotency_key, payload_sealed, next_attempt_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
      )
      .run(kind, citizenId, idempotencyKey, this.cipher.encrypt(JSON.stringify(payload)), at, at, at);
    if (info.changes === 1) return { id: Number(info.lastInsertRowid), kind, citizenId, idempotencyKey };
    const saved = this.db.prepare(`SELECT ${ROW_COLUMNS} FROM transaction_outbox WHERE idempotency_key = ?`).get(idempotencyKey) as Row;
    if (saved.kind !== kind || saved.citizenId !== citizenId) throw new Error(`idempotency key ${idempotencyKey} is already used by another transaction`);
    return refOf(saved);
  }

  /**
   * A citizen's transaction: sealed, then sent at once (after anything older that is due). Resolves delivered,
   * rejected, or pending (saved; the outbox sends it when the system is back and `onSettled` tells the outcome).
   */
  async submit<P>(kind: TransactionKind, citizenId: string, payload: P, options: EnqueueOptions = {}): Promise<SubmitResult> {
    const entry = this.enqueue(kind, citizenId, payload, options);
    await this.options.probes?.sealed?.(entry);
    try {
      await this.deliverDue();
    } catch {
      // A broken round leaves the entry saved: it is reported as waiting.
    }
    return this.resultOf(entry.id)!;
  }

  /** One delivery round over what is due, oldest first; stops at the first transient failure (the system is down). */
  deliverDue(options: DeliveryOptions = {}): Promise<DeliveryReport> {
    const round = this.rounds.then(() => this.round(options));
    this.rounds = round.catch(() => undefined);
    return round;
  }

  /** Pending or interrupted entries (with a sender or not). */
  waiting(): number {
    return this.db.prepare("SELECT COUNT(*) FROM transaction_outbox WHERE state IN ('pending', 'sending')").pluck().get() as number;
  }

  /** Where one entry stands (no payload). */
  resultOf(id: number): SubmitResult | undefined {
    const row = this.row(id);
    if (!row) return undefined;
    if (row.state === 'delivered' || row.state === 'rejected') return this.settlementOf(row);
    return { ...refOf(row), state: 'pending', attempts: row.attempts, nextAttemptAt: row.nextAttemptAt, lastError: row.lastError };
  }

  /** Waiting entries of a kind with their payloads (the kiosk's own use: tests, a staff re-entry). */
  waitingEntries<P>(kind: TransactionKind): (OutboxEntryRef & { payload: P; attempts: number })[] {
    const rows = this.db
      .prepare(`SELECT ${ROW_COLUMNS} FROM transaction_outbox WHERE kind = ? AND state IN ('pending', 'sending') ORDER BY id`)
      .all(kind) as Row[];
    return rows.map((row) => ({ ...refOf(row), attempts: row.attempts, payload: JSON.parse(this.cipher.decrypt(row.sealed)) as P }));
  }

  private async round(options: DeliveryOptions): Promise<DeliveryReport> {
    const report = { delivered: 0, rejected: 0 };
    const nowIso = new Date(this.now()).toISOString();
    const due = this.db
      .prepare(
        `SELECT ${ROW_COLUMNS} FROM transaction_outbox WHERE state IN ('pending', 'sending') ${options.all ? '' : 'AND next_attempt_at <= ?'} ORDER BY id`,
      )
      .all(...(options.all ? [] : [nowIso])) as Row[];
    for (const row of due) {
      const sender = this.senders.get(row.kind);
      if (!sender) continue;
      const entry = refOf(row);
      const payload = JSON.parse(this.cipher.decrypt(row.sealed)) as never;
      const attempts = row.attempts + 1;
      this.db
        .prepare("UPDATE transaction_outbox SET state = 'sending', attempts = ?, updated_at = ? WHERE id = ?")
        .run(attempts, new Date(this.now()).toISOString(), row.id);
      await this.options.probes?.sending?.(entry);
      let outcome: SendOutcome;
      try {
        outcome = await sender(payload, row.idempotencyKey, row.citizenId);
      } catch (error) {
        const at = this.now();
        this.db
          .prepare("UPDATE transaction_outbox SET state = 'pending', last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?")
          .run(errorLabel(error), new Date(at + retryDelayMs(this.schedule, attempts)).toISOString(), new Date(at).toISOString(), row.id);
        this.options.onSendFailed?.(entry, error);
        break; // the system is down: the rest keep their order and wait
      }
      await this.options.probes?.answered?.(entry, outcome);
      const at = new Date(this.now()).toISOString();
      if (outcome.outcome === 'delivered') {
        // The payload has done its job: keep the row for the record, drop the personal data.
        this.db
          .prepare(
            "UPDATE transaction_outbox SET state = 'delivered', reference = ?, answer_sealed = ?, payload_sealed = '', last_error = NULL, updated_at = ? WHERE id = ?",
          )
          .run(outcome.reference, outcome.answer === undefined ? null : this.cipher.encrypt(JSON.stringify(outcome.answer)), at, row.id);
        report.delivered++;
      } else {
        this.db
          .prepare("UPDATE transaction_outbox SET state = 'rejected', rejection_reason = ?, last_error = NULL, updated_at = ? WHERE id = ?")
          .run(outcome.reason, at, row.id);
        report.rejected++;
      }
      const settlement = this.settlementOf(this.row(row.id)!);
      for (const listener of [...this.listeners]) {
        try {
          listener(settlement, attempts);
        } catch {
          // A listener's failure is its own; the entry is settled.
        }
      }
    }
    return { ...report, remaining: this.waiting() };
  }

  private row(id: number): Row | undefined {
    return this.db.prepare(`SELECT ${ROW_COLUMNS} FROM transaction_outbox WHERE id = ?`).get(id) as Row | undefined;
  }

  private settlementOf(row: Row): Settlement {
    if (row.state === 'rejected') return { ...refOf(row), state: 'rejected', reason: row.rejectionReason ?? 'REJECTED' };
    return {
      ...refOf(row),
      state: 'delivered',
      reference: row.reference ?? '',
      answer: row.answerSealed ? (JSON.parse(this.cipher.decrypt(row.answerSealed)) as unknown) : null,
    };
  }
}

export type { OutboxEntryView, OutboxState };

function refOf(row: Row): OutboxEntryRef {
  return { id: row.id, kind: row.kind, citizenId: row.citizenId, idempotencyKey: row.idempotencyKey };
}

function errorLabel(error: unknown): string {
  if (error && typeof error === 'object' && 'kind' in error) {
    const { kind, code } = error as { kind: unknown; code?: unknown };
    return typeof code === 'string' ? `${String(kind)}:${code}` : String(kind);
  }
  return error instanceof Error ? error.name : 'error';
}
