import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import { registerBackendSenders } from '../../../app/core/outbox/backendSenders.js';
import { TransactionOutbox } from '../../../app/core/outbox/transactionOutbox.js';
import { createFieldCipher } from '../../../app/core/privacy/fieldCipher.js';
import { kioskMigrations } from '../../../app/core/store/migrations.js';
import { openDatabase } from '../../../app/core/store/openDatabase.js';
import { FIXED_NOW, startHarness, type Harness } from '../backend/simulatorHarness.js';

/**
 * For each test: a fresh business-system simulator and the real transaction outbox in front of it (in-memory
 * SQLite, a real field cipher, every sender registered), as the kiosk wires them.
 */
export function useOutboxRig(): { readonly harness: Harness; readonly outbox: TransactionOutbox } {
  let harness: Harness;
  let db: Database;
  let outbox: TransactionOutbox;
  beforeEach(async () => {
    harness = await startHarness();
    db = openDatabase(':memory:', kioskMigrations);
    const cipher = createFieldCipher({ keyFile: path.join(mkdtempSync(path.join(os.tmpdir(), 'txn-outbox-key-')), 'k') });
    outbox = new TransactionOutbox(db, cipher, { schedule: { firstRetryMs: 5_000, maxRetryMs: 60_000 }, now: () => FIXED_NOW });
    registerBackendSenders(outbox, harness.client());
  });
  afterEach(async () => {
    db.close();
    await harness.close();
  });
  return {
    get harness() {
      return harness;
    },
    get outbox() {
      return outbox;
    },
  };
}
