import type { Database, Statement } from 'better-sqlite3';
import { scrubPersonalData } from '../privacy/scrubPersonalData.js';

export interface StoredSessionEvent {
  seq: number;
  atMs: number;
  type: string;
  detail: unknown;
  /** The whole event, sealed with the data key (for replay on this kiosk); null when nothing may be kept. */
  sealed?: string | null;
}

/** Persists each visit's event log for diagnostics and replay; details are scrubbed on the way in. */
export class SessionEventStore {
  private readonly insertSession: Statement;
  private readonly endSession: Statement;
  private readonly insertEvent: Statement;
  private readonly selectEvents: Statement;
  private readonly purgeBefore: Statement;

  constructor(private readonly db: Database) {
    this.insertSession = db.prepare('INSERT INTO sessions (id, started_at) VALUES (?, ?)');
    this.endSession = db.prepare('UPDATE sessions SET ended_at = ?, end_reason = ? WHERE id = ?');
    this.insertEvent = db.prepare('INSERT INTO session_events (session_id, seq, at_ms, type, detail, sealed) VALUES (?, ?, ?, ?, ?, ?)');
    this.selectEvents = db.prepare('SELECT seq, at_ms AS atMs, type, detail, sealed FROM session_events WHERE session_id = ? ORDER BY seq');
    this.purgeBefore = db.prepare('DELETE FROM sessions WHERE started_at < ?');
  }

  start(sessionId: string, at: Date): void {
    this.insertSession.run(sessionId, at.toISOString());
  }

  append(sessionId: string, event: StoredSessionEvent): void {
    this.insertEvent.run(sessionId, event.seq, event.atMs, event.type, JSON.stringify(scrubPersonalData(event.detail) ?? null), event.sealed ?? null);
  }

  end(sessionId: string, at: Date, reason: string): void {
    this.endSession.run(at.toISOString(), reason, sessionId);
  }

  events(sessionId: string): StoredSessionEvent[] {
    return (this.selectEvents.all(sessionId) as { seq: number; atMs: number; type: string; detail: string; sealed: string | null }[]).map((r) => ({
      ...r,
      detail: JSON.parse(r.detail) as unknown,
    }));
  }

  recentSessions(limit = 20): { id: string; startedAt: string; endedAt: string | null; endReason: string | null }[] {
    return this.db
      .prepare('SELECT id, started_at AS startedAt, ended_at AS endedAt, end_reason AS endReason FROM sessions ORDER BY started_at DESC LIMIT ?')
      .all(limit) as { id: string; startedAt: string; endedAt: string | null; endReason: string | null }[];
  }

  /** Diagnostics logs are kept for a bounded time only. */
  purgeOlderThan(cutoff: Date): number {
    return this.purgeBefore.run(cutoff.toISOString()).changes;
  }
}
