import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { PrintJobRecord } from '../../../printer/index.js';
import type { CertificateKind, CertificatePeriod } from './certificateKinds.js';

/** One 参保证明打印 request as the kiosk keeps it (table `certificate_prints`, kiosk migration 8). */
export interface CertificatePrintRow {
  idempotencyKey: string;
  citizenId: string;
  /** China calendar month of the print, YYYY-MM. */
  month: string;
  kind: CertificateKind;
  period: CertificatePeriod;
  certificateNumber: string;
  verificationCode: string;
  jobId: string;
  printedAt: string;
}

interface Row {
  idempotency_key: string;
  citizen_id: string;
  month: string;
  kind: string;
  period_json: string;
  certificate_number: string;
  verification_code: string;
  job_id: string;
  printed_at: string;
}

const fromRow = (row: Row): CertificatePrintRow => ({
  idempotencyKey: row.idempotency_key,
  citizenId: row.citizen_id,
  month: row.month,
  kind: JSON.parse(row.kind) as CertificateKind,
  period: JSON.parse(row.period_json) as CertificatePeriod,
  certificateNumber: row.certificate_number,
  verificationCode: row.verification_code,
  jobId: row.job_id,
  printedAt: row.printed_at,
});

/** The spooler job of a request: derived from its idempotency key, so one key can only ever name one job. */
export function certificateJobId(idempotencyKey: string): string {
  return `cert-${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 24)}`;
}

/**
 * A print that counts against the monthly limit: its job is in the spooler and was not cancelled, and did not fail
 * before anything of it reached the printer (paper out from the start, printer offline).
 */
export function countsAsPrinted(job: PrintJobRecord | undefined): boolean {
  if (!job) return false;
  if (job.state === 'cancelled') return false;
  if (job.state === 'failed' && !job.mayHavePrinted) return false;
  return true;
}

/**
 * The kiosk's record of the certificates it printed: one row per request, written before its job is spooled. It
 * makes a repeated request (the same key, also after a restart) find the job it already spooled, and counts a
 * citizen's prints in a month.
 */
export class CertificatePrintLedger {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  find(idempotencyKey: string): CertificatePrintRow | undefined {
    const row = this.#db.prepare('SELECT * FROM certificate_prints WHERE idempotency_key = ?').get(idempotencyKey) as Row | undefined;
    return row && fromRow(row);
  }

  /** Writes the request; a row already there under the key is kept as it is (and returned). */
  record(entry: CertificatePrintRow): CertificatePrintRow {
    this.#db
      .prepare(
        `INSERT INTO certificate_prints (idempotency_key, citizen_id, month, kind, period_json, certificate_number, verification_code, job_id, printed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
      )
      .run(entry.idempotencyKey, entry.citizenId, entry.month, JSON.stringify(entry.kind), JSON.stringify(entry.period), entry.certificateNumber, entry.verificationCode, entry.jobId, entry.printedAt);
    return this.find(entry.idempotencyKey)!;
  }

  /** The citizen's requests in a China month, oldest first. */
  ofCitizenInMonth(citizenId: string, month: string): CertificatePrintRow[] {
    return (this.#db.prepare('SELECT * FROM certificate_prints WHERE citizen_id = ? AND month = ? ORDER BY printed_at').all(citizenId, month) as Row[]).map(fromRow);
  }
}
