import BetterSqlite3, { type Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PrinterClient } from './printerClient.js';
import { PrinterError } from './printerError.js';
import type { PrinterEventListener } from './printerEvents.js';
import { migrateSpooler } from './spooler/spoolerMigrations.js';

/**
 * queued → printing → done. A job leaves `printing` as:
 * - `failed`: the printer received nothing of it, or reported an unrecoverable error (then `mayHavePrinted`);
 * - `unconfirmed`: bytes may be on paper but the printer never acknowledged the job (cable pulled, no
 *   answer, kiosk crashed or restarted mid-job). It is never printed again by itself: staff confirm it
 *   (`confirmPrinted`) or ask for it again (`reprint`).
 * `cancelled` is a staff decision.
 */
export type PrintJobState = 'queued' | 'printing' | 'done' | 'failed' | 'unconfirmed' | 'cancelled';

export interface PrintJobRecord {
  id: string;
  kind: string;
  state: PrintJobState;
  attempts: number;
  /** True when some of the job may be on paper (a reprint could duplicate it). */
  mayHavePrinted: boolean;
  lastError: { kind: string; message: string } | undefined;
  note: string | undefined;
  createdAt: string;
  updatedAt: string;
}

export interface PrintSpoolerOptions {
  /** The SQLite file (WAL); its directory is created if needed. */
  databasePath: string;
  /** Seals personal data before it is stored (the kiosk passes its AES-GCM field cipher). */
  seal(text: string): string;
  unseal(sealed: string): string;
  /** Needed only to print; a spooler without one can still list and manage jobs. */
  printer?: Pick<PrinterClient, 'printJob'>;
  onEvent?: PrinterEventListener;
  now?: () => Date;
  newJobId?: () => string;
}

export interface PrintSpooler {
  /** Stores the job (sealed) as `queued` before anything is sent. Kind is a label without personal data. */
  enqueue(bytes: Uint8Array, options?: { kind?: string; id?: string }): PrintJobRecord;
  /** Prints every queued job once, oldest first, one at a time; resolves with their final records. */
  printQueued(): Promise<PrintJobRecord[]>;
  jobStatus(id: string): PrintJobRecord | undefined;
  listJobs(filter?: { state?: PrintJobState | readonly PrintJobState[] }): PrintJobRecord[];
  /** Jobs that were mid-print when the spooler last stopped; they are now `unconfirmed`. */
  readonly recoveredJobs: readonly PrintJobRecord[];
  /** Staff saw the certificate on paper: unconfirmed → done. */
  confirmPrinted(id: string, note?: string): PrintJobRecord;
  /** Staff ask for the job again: unconfirmed or failed → queued. The only way a job prints twice. */
  reprint(id: string, note?: string): PrintJobRecord;
  cancel(id: string, note?: string): PrintJobRecord;
  close(): void;
}

interface JobRow {
  id: string;
  kind: string;
  state: PrintJobState;
  payload_sealed: string | null;
  attempts: number;
  may_have_printed: number;
  error_kind: string | null;
  error_message: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

const toRecord = (row: JobRow): PrintJobRecord => ({
  id: row.id,
  kind: row.kind,
  state: row.state,
  attempts: row.attempts,
  mayHavePrinted: row.may_have_printed === 1,
  lastError: row.error_kind === null ? undefined : { kind: row.error_kind, message: row.error_message ?? '' },
  note: row.note ?? undefined,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class PrintJobStateError extends Error {
  override readonly name = 'PrintJobStateError';
}

export function createPrintSpooler(options: PrintSpoolerOptions): PrintSpooler {
  if (options.databasePath !== ':memory:') mkdirSync(path.dirname(options.databasePath), { recursive: true });
  const db = new BetterSqlite3(options.databasePath);
  db.pragma('journal_mode = WAL');
  // FULL: a state change is on disk before the next byte goes to the printer, even if the power fails.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  migrateSpooler(db);
  return new SqlitePrintSpooler(db, options);
}

class SqlitePrintSpooler implements PrintSpooler {
  readonly recoveredJobs: readonly PrintJobRecord[];
  readonly #db: Database;
  readonly #options: PrintSpoolerOptions;
  readonly #now: () => Date;
  #running: Promise<PrintJobRecord[]> | undefined;

  constructor(db: Database, options: PrintSpoolerOptions) {
    this.#db = db;
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
    this.recoveredJobs = this.#recoverInterruptedJobs();
  }

  /** Whatever was `printing` when we stopped may or may not be on paper: report it, never resend it. */
  #recoverInterruptedJobs(): PrintJobRecord[] {
    const interrupted = this.#rows("SELECT * FROM print_jobs WHERE state = 'printing' ORDER BY seq");
    for (const row of interrupted) {
      this.#transition(row.id, 'printing', 'unconfirmed', {
        note: 'kiosk stopped after the job was sent and before the printer acknowledged it',
        mayHavePrinted: true,
      });
    }
    return interrupted.map((row) => this.#require(row.id));
  }

  enqueue(bytes: Uint8Array, options: { kind?: string; id?: string } = {}): PrintJobRecord {
    if (bytes.length === 0) throw new RangeError('a print job needs bytes');
    const id = options.id ?? this.#options.newJobId?.() ?? randomUUID();
    const at = this.#now().toISOString();
    const sealed = this.#options.seal(Buffer.from(bytes).toString('base64'));
    this.#db.transaction(() => {
      this.#db
        .prepare("INSERT INTO print_jobs (id, kind, state, payload_sealed, created_at, updated_at) VALUES (?, ?, 'queued', ?, ?, ?)")
        .run(id, options.kind ?? 'print', sealed, at, at);
      this.#history(id, null, 'queued', undefined, at);
    })();
    return this.#require(id);
  }

  printQueued(): Promise<PrintJobRecord[]> {
    this.#running ??= this.#drain().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #drain(): Promise<PrintJobRecord[]> {
    const printer = this.#options.printer;
    if (!printer) throw new Error('this spooler has no printer to print with');
    const finished: PrintJobRecord[] = [];
    for (;;) {
      const next = this.#rows("SELECT * FROM print_jobs WHERE state = 'queued' ORDER BY seq LIMIT 1")[0];
      if (!next) return finished;
      finished.push(await this.#printOne(next, printer));
    }
  }

  async #printOne(row: JobRow, printer: Pick<PrinterClient, 'printJob'>): Promise<PrintJobRecord> {
    const listener = this.#options.onEvent;
    const emit: PrinterEventListener = (event) => {
      try {
        listener?.(event);
      } catch {
        /* a failing listener must not change what happens to the job */
      }
    };
    let bytes: Uint8Array;
    try {
      bytes = Buffer.from(this.#options.unseal(row.payload_sealed ?? ''), 'base64');
    } catch (error) {
      this.#transition(row.id, 'queued', 'failed', { error: { kind: 'payload-unreadable', message: (error as Error).message } });
      emit({ type: 'printer.jobFailed', jobId: row.id, kind: 'payload-unreadable' });
      return this.#require(row.id);
    }
    // Durable before the first byte leaves: if we die from here on, the restart finds `printing`.
    this.#transition(row.id, 'queued', 'printing', { countAttempt: true });
    try {
      await printer.printJob(row.id, bytes, { onEvent: emit });
      this.#transition(row.id, 'printing', 'done', { erasePayload: true, mayHavePrinted: true });
      emit({ type: 'printer.jobDone', jobId: row.id });
    } catch (error) {
      const failure = error instanceof PrinterError ? error : undefined;
      const kind = failure?.kind ?? 'internal';
      const message = (error as Error).message;
      if (failure && !failure.mayHavePrinted) {
        this.#transition(row.id, 'printing', 'failed', { error: { kind, message }, mayHavePrinted: false, note: 'nothing of the job reached the printer' });
        emit({ type: 'printer.jobFailed', jobId: row.id, kind });
      } else if (failure?.kind === 'unrecoverable') {
        this.#transition(row.id, 'printing', 'failed', { error: { kind, message }, mayHavePrinted: true, note: 'printer failed mid-job; a partial certificate may be in the tray' });
        emit({ type: 'printer.jobFailed', jobId: row.id, kind });
      } else {
        this.#transition(row.id, 'printing', 'unconfirmed', { error: { kind, message }, mayHavePrinted: true, note: 'sent without acknowledgement; staff confirm or reprint' });
        emit({ type: 'printer.jobUnconfirmed', jobId: row.id, reason: kind });
      }
    }
    return this.#require(row.id);
  }

  jobStatus(id: string): PrintJobRecord | undefined {
    const row = this.#rows('SELECT * FROM print_jobs WHERE id = ?', id)[0];
    return row && toRecord(row);
  }

  listJobs(filter: { state?: PrintJobState | readonly PrintJobState[] } = {}): PrintJobRecord[] {
    const states = filter.state === undefined ? undefined : typeof filter.state === 'string' ? [filter.state] : [...filter.state];
    const rows = states
      ? this.#rows(`SELECT * FROM print_jobs WHERE state IN (${states.map(() => '?').join(',')}) ORDER BY seq`, ...states)
      : this.#rows('SELECT * FROM print_jobs ORDER BY seq');
    return rows.map(toRecord);
  }

  confirmPrinted(id: string, note = 'confirmed on paper by staff'): PrintJobRecord {
    this.#staffTransition(id, ['unconfirmed'], 'done', note, { erasePayload: true });
    return this.#require(id);
  }

  reprint(id: string, note = 'reprint requested by staff'): PrintJobRecord {
    const row = this.#rows('SELECT * FROM print_jobs WHERE id = ?', id)[0];
    if (row && row.payload_sealed === null) throw new PrintJobStateError(`job ${id} has no stored payload to reprint`);
    this.#staffTransition(id, ['unconfirmed', 'failed'], 'queued', note, {});
    return this.#require(id);
  }

  cancel(id: string, note = 'cancelled by staff'): PrintJobRecord {
    this.#staffTransition(id, ['queued', 'unconfirmed', 'failed'], 'cancelled', note, { erasePayload: true });
    return this.#require(id);
  }

  close(): void {
    this.#db.close();
  }

  #staffTransition(id: string, from: readonly PrintJobState[], to: PrintJobState, note: string, options: { erasePayload?: boolean }): void {
    const current = this.jobStatus(id);
    if (!current) throw new PrintJobStateError(`no print job ${id}`);
    if (!from.includes(current.state)) throw new PrintJobStateError(`job ${id} is ${current.state}; only ${from.join('/')} can become ${to}`);
    this.#transition(id, current.state, to, { note, ...options });
  }

  #transition(
    id: string,
    from: PrintJobState,
    to: PrintJobState,
    options: { note?: string; error?: { kind: string; message: string }; mayHavePrinted?: boolean; erasePayload?: boolean; countAttempt?: boolean },
  ): void {
    const at = this.#now().toISOString();
    this.#db.transaction(() => {
      const result = this.#db
        .prepare(
          `UPDATE print_jobs SET state = ?, updated_at = ?, note = ?,
             attempts = attempts + ?,
             may_have_printed = COALESCE(?, may_have_printed),
             error_kind = CASE WHEN ? THEN ? ELSE error_kind END,
             error_message = CASE WHEN ? THEN ? ELSE error_message END,
             payload_sealed = CASE WHEN ? THEN NULL ELSE payload_sealed END
           WHERE id = ? AND state = ?`,
        )
        .run(
          to,
          at,
          options.note ?? null,
          options.countAttempt ? 1 : 0,
          options.mayHavePrinted === undefined ? null : options.mayHavePrinted ? 1 : 0,
          options.error ? 1 : 0,
          options.error?.kind ?? null,
          options.error ? 1 : 0,
          options.error?.message ?? null,
          options.erasePayload ? 1 : 0,
          id,
          from,
        );
      if (result.changes !== 1) throw new PrintJobStateError(`job ${id} was not ${from}`);
      this.#history(id, from, to, options.note, at);
    })();
  }

  #history(id: string, from: PrintJobState | null, to: PrintJobState, note: string | undefined, at: string): void {
    this.#db.prepare('INSERT INTO print_job_history (job_id, at, from_state, to_state, note) VALUES (?, ?, ?, ?, ?)').run(id, at, from, to, note ?? null);
  }

  #rows(sql: string, ...params: unknown[]): JobRow[] {
    return this.#db.prepare(sql).all(...params) as JobRow[];
  }

  #require(id: string): PrintJobRecord {
    const record = this.jobStatus(id);
    if (!record) throw new PrintJobStateError(`no print job ${id}`);
    return record;
  }
}
