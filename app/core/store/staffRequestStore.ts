import type { Database } from 'better-sqlite3';

export interface StaffRequest {
  id: number;
  sessionId: string | null;
  reason: string;
  createdAt: string;
  status: 'open' | 'taken' | 'closed';
}

/**
 * Citizens' calls for a member of staff. Written to SQLite first so a call survives a restart; the hall's
 * staff see open calls with `kiosk staff-requests` (and the diagnostics screen in a later issue).
 */
export class StaffRequestStore {
  constructor(private readonly db: Database) {}

  open(sessionId: string | null, reason: string, at = new Date()): StaffRequest {
    const info = this.db
      .prepare('INSERT INTO staff_requests (session_id, reason, created_at) VALUES (?, ?, ?)')
      .run(sessionId, reason, at.toISOString());
    return { id: Number(info.lastInsertRowid), sessionId, reason, createdAt: at.toISOString(), status: 'open' };
  }

  list(status: StaffRequest['status'] | 'all' = 'open'): StaffRequest[] {
    const sql = `SELECT id, session_id AS sessionId, reason, created_at AS createdAt, status FROM staff_requests ${status === 'all' ? '' : 'WHERE status = ?'} ORDER BY id`;
    return (status === 'all' ? this.db.prepare(sql).all() : this.db.prepare(sql).all(status)) as StaffRequest[];
  }

  close(id: number, at = new Date()): boolean {
    return this.db.prepare("UPDATE staff_requests SET status = 'closed', closed_at = ? WHERE id = ? AND status != 'closed'").run(at.toISOString(), id).changes === 1;
  }
}
