import path from 'node:path';
import { loadConfig, resolveFromRoot } from '../core/config/loadConfig.js';
import { listOutbox, outboxCounts, type OutboxListingFilter } from '../core/outbox/outboxListing.js';
import { kioskMigrations } from '../core/store/migrations.js';
import { openDatabase } from '../core/store/openDatabase.js';
import { parseCliArgs, UsageError } from './cliOptions.js';

const STATES = ['pending', 'sending', 'delivered', 'rejected', 'waiting', 'all'] as const;

/**
 * `kiosk outbox [--state pending|sending|delivered|rejected|waiting|all] [--kind <kind>] [--limit <n>]`: the
 * transaction outbox from the kiosk's database, read only: counts per state and the entries, newest first (kind,
 * state, attempts, times, reference or rejection; never the payload or the citizen).
 */
export async function outboxCommand(args: string[]): Promise<number> {
  const { values } = parseCliArgs(args, { state: { type: 'string', default: 'all' }, kind: { type: 'string' }, limit: { type: 'string', default: '50' } }, false);
  const state = values.state as (typeof STATES)[number];
  if (!STATES.includes(state)) throw new UsageError(`--state is one of ${STATES.join(', ')}`);
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a positive whole number');
  const { config } = loadConfig(values.config ? { file: values.config } : {});
  const db = openDatabase(path.join(resolveFromRoot(config.dataDir), config.database.file), kioskMigrations);
  try {
    const filter: OutboxListingFilter = { state, limit, ...(values.kind !== undefined ? { kind: values.kind } : {}) };
    process.stdout.write(`${JSON.stringify({ counts: outboxCounts(db), entries: listOutbox(db, filter) }, null, 2)}\n`);
    return 0;
  } finally {
    db.close();
  }
}
