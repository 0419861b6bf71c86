import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/** Append-only: never edit a migration that has shipped; add the next version instead. */
export const kioskMigrations: Migration[] = [
  {
    version: 1,
    name: 'sessions and their event log',
    up(db) {
      db.exec(`
        CREATE TABLE sessions (
          id TEXT PRIMARY KEY,
          started_at TEXT NOT NULL,
          ended_at TEXT,
          end_reason TEXT
        );
        CREATE TABLE session_events (
          session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
          seq INTEGER NOT NULL,
          at_ms INTEGER NOT NULL,
          type TEXT NOT NULL,
          -- scrubbed of personal data before it is written
          detail TEXT NOT NULL,
          PRIMARY KEY (session_id, seq)
        );
        CREATE INDEX sessions_started ON sessions(started_at);
      `);
    },
  },
  {
    version: 2,
    name: 'staff requests',
    up(db) {
      db.exec(`
        CREATE TABLE staff_requests (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          session_id TEXT,
          reason TEXT NOT NULL,
          created_at TEXT NOT NULL,
          status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'taken', 'closed')),
          closed_at TEXT
        );
        CREATE INDEX staff_requests_open ON staff_requests(status, created_at);
      `);
    },
  },
];
