import path from 'node:path';
import type { KioskConfig } from '../config/kioskConfigSchema.js';
import { resolveFromRoot } from '../config/loadConfig.js';
import { createFieldCipher } from '../privacy/fieldCipher.js';
import { kioskMigrations } from './migrations.js';
import { openDatabase } from './openDatabase.js';
import { SessionEventStore } from './sessionEventStore.js';
import { StaffRequestStore } from './staffRequestStore.js';

/** How long a visit's diagnostics log is kept. */
const VISIT_LOG_DAYS = 30;

/** The kiosk's own data: SQLite (WAL, migrated), the visit log, staff calls, and the cipher for personal data at rest. */
export function openKioskStore(config: KioskConfig) {
  const dataDir = resolveFromRoot(config.dataDir);
  const db = openDatabase(path.join(dataDir, config.database.file), kioskMigrations);
  const sessionEvents = new SessionEventStore(db);
  sessionEvents.purgeOlderThan(new Date(Date.now() - VISIT_LOG_DAYS * 24 * 3600 * 1000));
  return {
    dataDir,
    db,
    sessionEvents,
    staffRequests: new StaffRequestStore(db),
    cipher: createFieldCipher({ keyFile: path.join(dataDir, 'data.key') }),
  };
}
