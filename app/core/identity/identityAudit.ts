import type { Database } from 'better-sqlite3';
import type { FieldCipher } from '../privacy/fieldCipher.js';
import { DEFAULT_IDENTITY_LIMITS, IdentityAttempts, loadOrCreateHashKey, type IdentityAttemptLimits } from './identityAttempts.js';
import type { IdentityCheckRecord } from './identityCheckMachine.js';

/** The identity checks' audit trail: who (citizen id, when the number was known), when, outcome, scores, and which photo (chip / on file). */
export class IdentityAudit {
  constructor(private readonly db: Database) {}

  record(entry: IdentityCheckRecord, at = new Date()): void {
    this.db
      .prepare('INSERT INTO identity_check_audit (at, citizen_id, outcome, attempts, similarity, liveness, challenges, reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(at.toISOString(), entry.citizenId, entry.outcome, entry.attempts, entry.similarity, entry.liveness, JSON.stringify(entry.challenges), entry.reference);
  }

  recent(limit = 50): (IdentityCheckRecord & { at: string })[] {
    const rows = this.db
      .prepare('SELECT at, citizen_id AS citizenId, outcome, attempts, similarity, liveness, challenges, reference FROM identity_check_audit ORDER BY id DESC LIMIT ?')
      .all(limit) as (Omit<IdentityCheckRecord, 'challenges'> & { at: string; challenges: string })[];
    return rows.map((r) => ({ ...r, challenges: JSON.parse(r.challenges) as IdentityCheckRecord['challenges'] }));
  }
}

export interface IdentityStore {
  attempts: IdentityAttempts;
  audit: IdentityAudit;
}

/** The identity checks' storage in the kiosk database (migration 5): attempt counts under a sealed hash key, and the audit. */
export function openIdentityStore(db: Database, cipher: FieldCipher, options: { limits?: IdentityAttemptLimits; now?: () => number } = {}): IdentityStore {
  return {
    attempts: new IdentityAttempts(db, loadOrCreateHashKey(db, cipher), options.limits ?? DEFAULT_IDENTITY_LIMITS, options.now),
    audit: new IdentityAudit(db),
  };
}
