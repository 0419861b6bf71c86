import type { Database } from 'better-sqlite3';

export type OutboxState = 'pending' | 'sending' | 'delivered' | 'rejected';

/** One transaction as staff and diagnostics see it: never the payload, the answer or the citizen. */
export interface OutboxEntryView {
  id: number;
  kind: string;
  state: OutboxState;
  attempts: number;
  createdAt: string;
  updatedAt: string;
  /** When a waiting entry is tried next. */
  nextAttemptAt: string | null;
  /** The business system's reference number, once delivered. */
  reference: string | null;
  /** The business system's refusal, once rejected. */
  rejectionReason: string | null;
  /** Why the last attempt of a waiting entry did not get through. */
  lastError: string | null;
}

export interface OutboxListingFilter {
  /** 'waiting' = pending or sending; 'all' by default. */
  state?: OutboxState | 'waiting' | 'all';
  kind?: string;
  /** Newest first, at most this many (100 by default). */
  limit?: number;
}

/** Read-only: what the transaction outbox holds, for the staff panel, `kiosk outbox` and diagnostics. */
export function listOutbox(db: Database, filter: OutboxListingFilter = {}): OutboxEntryView[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const state = filter.state ?? 'all';
  if (state === 'waiting') where.push("state IN ('pending', 'sending')");
  else if (state !== 'all') {
    where.push('state = ?');
    params.push(state);
  }
  if (filter.kind !== undefined) {
    where.push('kind = ?');
    params.push(filter.kind);
  }
  const rows = db
    .prepare(
      `SELECT id, kind, state, attempts, created_at AS createdAt, updated_at AS updatedAt,
              CASE WHEN state IN ('pending', 'sending') THEN next_attempt_at END AS nextAttemptAt,
              reference, rejection_reason AS rejectionReason, last_error AS lastError
       FROM transaction_outbox ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
    )
    .all(...params, filter.limit ?? 100) as OutboxEntryView[];
  return rows;
}

/** Counts per state, for the diagnostics summary. */
export function outboxCounts(db: Database): Record<OutboxState, number> {
  const counts: Record<OutboxState, number> = { pending: 0, sending: 0, delivered: 0, rejected: 0 };
  for (const { state, n } of db.prepare('SELECT state, COUNT(*) AS n FROM transaction_outbox GROUP BY state').all() as { state: OutboxState; n: number }[]) {
    counts[state] = n;
  }
  return counts;
}
