/**
 * Opens the simulator's own SQLite database: WAL when file-backed (a crash loses nothing committed),
 * migrations applied in order, demo citizens seeded on first open.
 */
import Database from 'better-sqlite3';
import { simulatorMigrations } from './migrations.js';
import { seedDemoCitizens, upgradeDemoSeed } from './seedDemoCitizens.js';

export type SimulatorDatabase = Database.Database;

export function applyMigrations(db: SimulatorDatabase): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of simulatorMigrations) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    })();
  }
}

/**
 * `seedEpochMs` is "today" for the demo data: ongoing jobs run to the month before, auth dates count back from it.
 * A database seeded by an older build gets the newer demo data once, from its own seed day.
 */
export function openSimulatorDatabase(dbPath: string, seedEpochMs: number): SimulatorDatabase {
  const db = new Database(dbPath);
  if (dbPath !== ':memory:' && dbPath !== '') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 2000');
  applyMigrations(db);
  const citizens = db.prepare('SELECT COUNT(*) FROM citizens').pluck().get() as number;
  if (citizens === 0) seedDemoCitizens(db, seedEpochMs);
  else upgradeDemoSeed(db, seedEpochMs);
  return db;
}
