import { createHmac, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { normalizeIdNumber } from '../../../common/normalizeIdNumber.js';
import { chinaDateOf } from '../backend/calendar.js';
import type { FieldCipher } from '../privacy/fieldCipher.js';
import type { Admission, IdentitySubject } from './identityCheckMachine.js';

export interface IdentityAttemptLimits {
  /** Different ID numbers one visit may try (the same number again does not count twice). */
  numbersPerVisit: number;
  /** Refused face checks per number (or verified citizen) per China calendar day, across visits. */
  failedChecksPerDay: number;
}

export const DEFAULT_IDENTITY_LIMITS: IdentityAttemptLimits = { numbersPerVisit: 3, failedChecksPerDay: 5 };

/** Visits whose numbers are remembered (in memory; a visit is minutes long). */
const VISITS_KEPT = 64;
const HASH_KEY_NAME = 'identity-attempts-hmac';

/**
 * How often an ID number may be tried. Per visit: how many different numbers (in memory, by visit id). Per number
 * and day: how many refused face checks, in SQLite under a keyed hash of the number (HMAC-SHA256 with a random key
 * sealed by the data key) — never the number itself, so the table says nothing without the key. The same limits
 * hold whether the number is known to the business system or not: reaching one tells nothing about the number.
 */
export class IdentityAttempts {
  private readonly visits = new Map<string, Set<string>>();

  constructor(
    private readonly db: Database,
    private readonly hashKey: Buffer,
    private readonly limits: IdentityAttemptLimits = DEFAULT_IDENTITY_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The keyed hash a subject is counted under. */
  keyOf(subject: IdentitySubject): string {
    const name = 'idNumber' in subject ? `n:${normalizeIdNumber(subject.idNumber)}` : `c:${subject.citizenId}`;
    return createHmac('sha256', this.hashKey).update(name).digest('hex');
  }

  /** May the subject be checked now? An admitted number counts as one of the visit's numbers. */
  admit(subject: IdentitySubject, visitId: string | null): Admission {
    const key = this.keyOf(subject);
    const seen = visitId === null || !('idNumber' in subject) ? null : (this.visits.get(visitId) ?? new Set<string>());
    if (seen && !seen.has(key) && seen.size >= this.limits.numbersPerVisit) return { admitted: false, limit: 'visit' };
    const checksLeft = this.limits.failedChecksPerDay - this.failuresToday(subject);
    if (checksLeft <= 0) return { admitted: false, limit: 'number' };
    if (seen && visitId !== null) {
      seen.add(key);
      this.visits.delete(visitId);
      this.visits.set(visitId, seen);
      while (this.visits.size > VISITS_KEPT) this.visits.delete(this.visits.keys().next().value!);
    }
    return { admitted: true, checksLeft };
  }

  /** A refused face check of the subject; returns how many it has left today. Older days are forgotten. */
  recordFailedCheck(subject: IdentitySubject): number {
    const day = this.today();
    const key = this.keyOf(subject);
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM identity_check_failures WHERE day < ?').run(day);
      this.db
        .prepare('INSERT INTO identity_check_failures (subject_hash, day, failures) VALUES (?, ?, 1) ON CONFLICT (subject_hash, day) DO UPDATE SET failures = failures + 1')
        .run(key, day);
    })();
    return Math.max(0, this.limits.failedChecksPerDay - this.failuresToday(subject));
  }

  failuresToday(subject: IdentitySubject): number {
    const row = this.db.prepare('SELECT failures FROM identity_check_failures WHERE subject_hash = ? AND day = ?').get(this.keyOf(subject), this.today()) as
      | { failures: number }
      | undefined;
    return row?.failures ?? 0;
  }

  private today(): string {
    return chinaDateOf(this.now());
  }
}

/** The hash key: created once at random, kept in SQLite sealed with the kiosk's data key. */
export function loadOrCreateHashKey(db: Database, cipher: FieldCipher): Buffer {
  const row = db.prepare('SELECT sealed FROM identity_secrets WHERE name = ?').get(HASH_KEY_NAME) as { sealed: string } | undefined;
  if (row) return Buffer.from(cipher.decrypt(row.sealed), 'hex');
  const key = randomBytes(32);
  db.prepare('INSERT INTO identity_secrets (name, sealed) VALUES (?, ?)').run(HASH_KEY_NAME, cipher.encrypt(key.toString('hex')));
  return key;
}
