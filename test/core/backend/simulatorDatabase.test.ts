import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness } from './simulatorHarness.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'backend-simulator-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('simulator database', () => {
  it('is WAL when file-backed and records its migrations', async () => {
    const dbPath = join(folder, 'backend.sqlite');
    const harness = await startHarness({ dbPath });
    await harness.close();

    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual([
      { version: 1, name: 'citizens and insurance records' },
      { version: 2, name: 'kiosk submissions and idempotency keys' },
      { version: 3, name: 'pension authentication submissions and enrolled reference photos' },
      { version: 4, name: 'personal queries: retirement profile, benefits, resident pension, card applications, transfers, registrations, certificates' },
    ]);
    db.close();
  });

  it('keeps submissions and idempotency records across a restart, and seeds only once', async () => {
    const dbPath = join(folder, 'backend.sqlite');
    const first = await startHarness({ dbPath });
    const report = await first.client().reportCardLoss('QD0002', { idempotencyKey: 'restart-key-0001' });
    const seeded = await first.client().listDemoCitizens();
    await first.close();

    // Restarted a year later: the seed is not redone, the loss and its idempotency record survive.
    const second = await startHarness({ dbPath, now: () => Date.parse('2026-03-14T02:00:00Z') });
    const client = second.client({ now: () => Date.parse('2026-03-14T02:00:00Z') });
    expect((await client.getCard('QD0002')).status).toBe('挂失');
    expect(await client.reportCardLoss('QD0002', { idempotencyKey: 'restart-key-0001' })).toEqual(report);
    expect(second.simulator.inspect.cardLossReportCount('QD0002')).toBe(1);
    expect(await client.listDemoCitizens()).toEqual(seeded);
    expect((await client.getPensionAuthStatus('QD0001')).nextDueDate).toBe('2025-03-24');
    await second.close();
  });

  it('seeds the same data every time for the same day', async () => {
    const a = await startHarness();
    const b = await startHarness();
    const range = { from: '1990-01', to: '2030-12' };
    for (const citizenId of ['QD0003', 'QD0006', 'QD0010']) {
      expect(await a.client().getContributions(citizenId, range)).toEqual(await b.client().getContributions(citizenId, range));
    }
    expect(await a.client().getPensionPayments('QD0001')).toEqual(await b.client().getPensionPayments('QD0001'));
    await a.close();
    await b.close();
  });
});
