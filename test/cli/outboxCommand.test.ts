import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TransactionOutbox } from '../../app/core/outbox/transactionOutbox.js';
import { createFieldCipher } from '../../app/core/privacy/fieldCipher.js';
import { kioskMigrations } from '../../app/core/store/migrations.js';
import { openDatabase } from '../../app/core/store/openDatabase.js';
import { kioskCliInTempDir } from './runKioskCli.js';

const cli = kioskCliInTempDir('kiosk-outbox-cli-');

describe('kiosk outbox', () => {
  it('lists the transactions with counts, newest first, never their payloads or citizens', async () => {
    const dataDir = path.join(cli.dir, 'data');
    const db = openDatabase(path.join(dataDir, 'kiosk.sqlite'), kioskMigrations);
    const outbox = new TransactionOutbox(db, createFieldCipher({ keyFile: path.join(dataDir, 'data.key') }), { now: () => Date.parse('2025-03-14T02:00:00Z') });
    outbox.register('card-loss', async () => ({ outcome: 'delivered', reference: 'GS20250314-0001' }));
    outbox.register('pension-auth', async () => ({ outcome: 'rejected', reason: 'NOT_PENSIONER' }));
    await outbox.submit('card-loss', 'QD0002', { secret: '370203196203150422' });
    await outbox.submit('pension-auth', 'QD0005', { secret: '370203196203150422' });
    outbox.enqueue('flexible-employment', 'QD0006', { secret: '370203196203150422' });
    db.close();

    const all = await cli.run(['outbox']);
    expect(all.code).toBe(0);
    const listing = JSON.parse(all.stdout) as { counts: Record<string, number>; entries: { kind: string; state: string }[] };
    expect(listing.counts).toEqual({ pending: 1, sending: 0, delivered: 1, rejected: 1 });
    expect(listing.entries).toMatchObject([
      { kind: 'flexible-employment', state: 'pending', attempts: 0, reference: null },
      { kind: 'pension-auth', state: 'rejected', rejectionReason: 'NOT_PENSIONER' },
      { kind: 'card-loss', state: 'delivered', reference: 'GS20250314-0001', attempts: 1 },
    ]);
    expect(all.stdout).not.toMatch(/QD000|370203|secret/);

    const rejected = JSON.parse((await cli.run(['outbox', '--state', 'rejected'])).stdout) as { entries: unknown[] };
    expect(rejected.entries).toHaveLength(1);
    const bad = await cli.run(['outbox', '--state', 'lost']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--state/);
  });
});
