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
  {
    version: 7,
    name: 'one transaction outbox for every kind of submission',
    up(db) {
      db.exec(`
        -- Every transaction (养老认证 results, card-loss reports, flexible-employment registrations …) is written here,
        -- sealed, before it is sent. pending → sending → delivered | rejected; a row found 'sending' after a crash is
        -- sent again with the same idempotency key, so the business system does it once.
        CREATE TABLE transaction_outbox (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          kind TEXT NOT NULL,
          citizen_id TEXT NOT NULL,
          idempotency_key TEXT NOT NULL UNIQUE,
          -- the payload, sealed with the data key; emptied once delivered
          payload_sealed TEXT NOT NULL,
          state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'delivered', 'rejected')),
          attempts INTEGER NOT NULL DEFAULT 0,
          next_attempt_at TEXT NOT NULL,
          -- why the last attempt did not get through (an error kind or code, never personal data)
          last_error TEXT,
          -- the business system's reference number, with 'delivered'
          reference TEXT,
          -- the business system's whole answer, sealed, with 'delivered'
          answer_sealed TEXT,
          -- the business system's refusal (its code), with 'rejected'
          rejection_reason TEXT,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE INDEX transaction_outbox_due ON transaction_outbox(state, next_attempt_at, id);
        -- 养老认证's own outbox (version 3) moves in: what was still queued is delivered from here.
        INSERT INTO transaction_outbox (kind, citizen_id, idempotency_key, payload_sealed, state, attempts, next_attempt_at,
                                        last_error, rejection_reason, created_at, updated_at)
          SELECT 'pension-auth', citizen_id, idempotency_key, payload_sealed,
                 CASE state WHEN 'queued' THEN 'pending' WHEN 'sent' THEN 'delivered' ELSE 'rejected' END,
                 attempts, created_at,
                 CASE state WHEN 'queued' THEN last_error END,
                 CASE state WHEN 'rejected' THEN last_error END,
                 created_at, COALESCE(sent_at, created_at)
          FROM pension_auth_outbox ORDER BY id;
        DROP TABLE pension_auth_outbox;
      `);
    },
  },
  {
    version: 8,
    name: 'certificates printed at the kiosk: the monthly limit and one print job per request',
    up(db) {
      db.exec(`
        -- One row per 参保证明打印 request, written before its job is spooled. The idempotency key (fixed when the
        -- citizen asked) is the primary key and the job id is derived from it, so a repeated submission finds its
        -- row and its job and never spools a second one. Rows of the citizen's China month count against
        -- printing.certificatesPerMonth. No name or ID number: the business system's citizen id, the kind of paper
        -- (a label), the months it covers, its number and verification code.
        CREATE TABLE certificate_prints (
          idempotency_key TEXT PRIMARY KEY,
          citizen_id TEXT NOT NULL,
          -- China calendar month of the print, YYYY-MM
          month TEXT NOT NULL,
          kind TEXT NOT NULL,
          period_json TEXT NOT NULL,
          certificate_number TEXT NOT NULL UNIQUE,
          verification_code TEXT NOT NULL,
          job_id TEXT NOT NULL UNIQUE,
          printed_at TEXT NOT NULL
        );
        CREATE INDEX certificate_prints_by_citizen ON certificate_prints(citizen_id, month);
      `);
    },
  },
];
