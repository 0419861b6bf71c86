import type { Database } from 'better-sqlite3';
import type { AuthOutcome } from './faceAuthTypes.js';

export interface AuditRecord {
  citizenId: string | null;
  outcome: AuthOutcome;
  attempts: number;
  similarity: number | null;
  liveness: number | null;
  challenges: string[];
}

/** The 养老认证 audit trail: who (the business-system citizen id), when, outcome and scores — no image, no embedding. */
export class PensionAuthAudit {
  constructor(private readonly db: Database) {}

  record(entry: AuditRecord, at = new Date()): void {
    this.db
      .prepare('INSERT INTO pension_auth_audit (at, citizen_id, outcome, attempts, similarity, liveness, challenges) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(at.toISOString(), entry.citizenId, entry.outcome, entry.attempts, entry.similarity, entry.liveness, JSON.stringify(entry.challenges));
  }

  recent(limit = 50): (AuditRecord & { at: string })[] {
    return (
      this.db.prepare('SELECT at, citizen_id AS citizenId, outcome, attempts, similarity, liveness, challenges FROM pension_auth_audit ORDER BY id DESC LIMIT ?').all(limit) as (Omit<
        AuditRecord,
        'challenges'
      > & { at: string; challenges: string })[]
    ).map((r) => ({ ...r, challenges: JSON.parse(r.challenges) as string[] }));
  }
}
