import type { Database } from 'better-sqlite3';

export interface SpoolerMigration {
  version: number;
  name: string;
  up(db: Database): void;
}

/** Append-only: a shipped migration is never edited; the next change is the next version. */
export const spoolerMigrations: readonly SpoolerMigration[] = [
  {
    version: 1,
    name: 'print jobs and their state history',
    up(db) {
      db.exec(`
        CREATE TABLE print_jobs (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          id TEXT NOT NULL UNIQUE,
          kind TEXT NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('queued', 'printing', 'done', 'failed', 'unconfirmed', 'cancelled')),
          -- the ESC/POS bytes, base64, sealed by the injected cipher; erased once the job is done or cancelled
          payload_sealed TEXT,
          attempts INTEGER NOT NULL DEFAULT 0,
          may_have_printed INTEGER NOT NULL DEFAULT 0,
          error_kind TEXT,
          error_message TEXT,
          note TEXT,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE INDEX print_jobs_by_state ON print_jobs(state, seq);
        CREATE TABLE print_job_history (
          job_id TEXT NOT NULL REFERENCES print_jobs(id),
          at TEXT NOT NULL,
          from_state TEXT,
          to_state TEXT NOT NULL,
          note TEXT
        );
        CREATE INDEX print_job_history_by_job ON print_job_history(job_id, at);
      `);
    },
  },
];

/** Applies pending migrations, each in its own transaction, recording them in print_spooler_migrations. */
export function migrateSpooler(db: Database, migrations: readonly SpoolerMigration[] = spoolerMigrations): number {
  db.exec('CREATE TABLE IF NOT EXISTS print_spooler_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM print_spooler_migrations').all() as { version: number }[]).map((r) => r.version));
  const record = db.prepare('INSERT INTO print_spooler_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const pending = [...migrations].sort((a, b) => a.version - b.version).filter((m) => !applied.has(m.version));
  for (const migration of pending) {
    db.transaction(() => {
      migration.up(db);
      record.run(migration.version, migration.name, new Date().toISOString());
    })();
  }
  return pending.length;
}
