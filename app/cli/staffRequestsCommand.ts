import path from 'node:path';
import { loadConfig, resolveFromRoot } from '../core/config/loadConfig.js';
import { kioskMigrations } from '../core/store/migrations.js';
import { openDatabase } from '../core/store/openDatabase.js';
import { StaffRequestStore } from '../core/store/staffRequestStore.js';
import { parseCliArgs, UsageError } from './cliOptions.js';

/** `kiosk staff-requests [--all] [--close <id>]`: what citizens asked staff for, from the kiosk's database. */
export async function staffRequestsCommand(args: string[]): Promise<number> {
  const { values } = parseCliArgs(args, { all: { type: 'boolean', default: false }, close: { type: 'string' } }, false);
  const { config } = loadConfig(values.config ? { file: values.config } : {});
  const db = openDatabase(path.join(resolveFromRoot(config.dataDir), config.database.file), kioskMigrations);
  try {
    const store = new StaffRequestStore(db);
    if (values.close !== undefined) {
      const id = Number(values.close);
      if (!Number.isInteger(id)) throw new UsageError('--close takes a request id (a number)');
      const closed = store.close(id);
      process.stdout.write(`${JSON.stringify({ id, closed })}\n`);
      return closed ? 0 : 1;
    }
    process.stdout.write(`${JSON.stringify(store.list(values.all ? 'all' : 'open'), null, 2)}\n`);
    return 0;
  } finally {
    db.close();
  }
}
