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
  {
    version: 3,
    name: 'pension authentication outbox and audit',
    up(db) {
      db.exec(`
        -- Results are written here before they are sent, so a crash, a cable pull or a business-system outage
        -- loses nothing; the idempotency key makes the eventual send exactly-once.
        CREATE TABLE pension_auth_outbox (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          citizen_id TEXT NOT NULL,
          idempotency_key TEXT NOT NULL UNIQUE,
          payload_sealed TEXT NOT NULL,
          state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'rejected')),
          attempts INTEGER NOT NULL DEFAULT 0,
          last_error TEXT,
          created_at TEXT NOT NULL,
          sent_at TEXT,
          next_due_date TEXT
        );
        CREATE INDEX pension_auth_outbox_queued ON pension_auth_outbox(state, id);
        -- Who, when, outcome and scores; never images or embeddings.
        CREATE TABLE pension_auth_audit (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          citizen_id TEXT,
          outcome TEXT NOT NULL,
          attempts INTEGER NOT NULL,
          similarity REAL,
          liveness REAL,
          challenges TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 4,
    name: 'sealed session events',
    up(db) {
      // The full event (what the citizen typed or said, what the robot said) sealed with the data key, for replaying
      // a visit on this kiosk; `detail` keeps only what diagnostics may read in clear.
      db.exec('ALTER TABLE session_events ADD COLUMN sealed TEXT');
    },
  },
  {
    version: 5,
    name: 'identity checks: failed face checks per number and day, audit',
    up(db) {
      db.exec(`
        -- The key of the hash below, sealed with the data key: without it the hashes cannot be tested against
        -- the (small) space of ID numbers.
        CREATE TABLE identity_secrets (
          name TEXT PRIMARY KEY,
          sealed TEXT NOT NULL
        );
        -- Refused face checks per subject and China calendar day. The subject is a keyed hash (HMAC-SHA256) of
        -- the ID number (or of the citizen id the visit already verified), never the number itself.
        CREATE TABLE identity_check_failures (
          subject_hash TEXT NOT NULL,
          day TEXT NOT NULL,
          failures INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (subject_hash, day)
        );
        -- Who (the business-system citizen id, when the number was known), when, outcome and scores; never the
        -- number, images or embeddings.
        CREATE TABLE identity_check_audit (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          citizen_id TEXT,
          outcome TEXT NOT NULL,
          attempts INTEGER NOT NULL,
          similarity REAL,
          liveness REAL,
          challenges TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 6,
    name: 'identity check audit: which photo the face was compared with',
    up(db) {
      // 'chip' (the ID card's chip photo, the card placed on the reader) or 'on-file' (the business system's photo);
      // NULL when there was none. Never the photo itself.
      db.exec('ALTER TABLE identity_check_audit ADD COLUMN reference TEXT');
    },
  },
];
