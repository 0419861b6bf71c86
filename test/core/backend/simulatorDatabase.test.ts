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
      { version: 5, name: '社保卡解挂 and 联系方式变更 from a kiosk' },
      { version: 6, name: '补换社保卡 and 就业创业证申领 from a kiosk' },
      { version: 7, name: '失业登记 and 失业保险金申领 (with why the job ended)' },
      { version: 8, name: '技能提升补贴申领, and the 联系地址 in 联系方式变更' },
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

  it('brings a database seeded by an older build up to date once, from its own seed day, keeping what it holds', async () => {
    const dbPath = join(folder, 'backend.sqlite');
    const first = await startHarness({ dbPath });
    const report = await first.client().reportCardLoss('QD0002', { idempotencyKey: 'upgrade-key-0001' });
    await first.close();

    // Make it what a seed-version-1 build left behind: the first ten citizens, none of the personal-query data.
    const old = new Database(dbPath);
    const newcomers = ['QD0011', 'QD0012', 'QD0013', 'QD0014'];
    const marks = newcomers.map(() => '?').join(', ');
    old.exec(`DELETE FROM simulator_meta; DELETE FROM unemployment_payments; DELETE FROM work_injury_benefits;
      DELETE FROM unemployment_claims; DELETE FROM work_injury_cases; DELETE FROM resident_pension_contributions;
      DELETE FROM resident_pension_enrolments; DELETE FROM card_applications; DELETE FROM insurance_transfers;
      DELETE FROM employment_registrations; DELETE FROM employment_certificates; DELETE FROM skill_certificates;
      DELETE FROM service_applications; UPDATE citizens SET retirement_category = NULL, deemed_months = 0, retired_on = NULL;
      UPDATE cards SET status_since = NULL;`);
    old.prepare("DELETE FROM card_loss_reports WHERE citizen_id = 'QD0005'").run();
    for (const table of ['contributions', 'enrolments', 'pension_payments', 'cards', 'flexible_registrations', 'citizens']) {
      old.prepare(`DELETE FROM ${table} WHERE citizen_id IN (${marks})`).run(...newcomers);
    }
    old.close();

    // Opened months later: the demo data is completed as of the old seed day (the 1st of the month after its latest contribution).
    const later = Date.parse('2025-06-20T02:00:00Z');
    const second = await startHarness({ dbPath, now: () => later });
    const client = second.client({ now: () => later });
    expect((await client.listDemoCitizens()).map((citizen) => citizen.citizenId)).toEqual(expect.arrayContaining(newcomers));
    expect((await client.getContributionMonths('QD0011')).insurances[0]).toMatchObject({ lastMonth: '2025-02' });
    expect(await client.getCard('QD0011')).toMatchObject({ status: '临时挂失', statusSince: '2025-02-27' });
    expect((await client.getUnemploymentBenefit('QD0007')).claims[0]).toMatchObject({ paidMonths: 7, remainingMonths: 17 });
    expect((await client.getTransfers('QD0012')).transfers[0]).toMatchObject({ appliedDate: '2025-01-20', completedDate: null });
    expect((await client.getRetirementProfile('QD0001')).retiredOn).toBe('2012-03-15');
    // What the old database held is untouched.
    expect((await client.getCard('QD0002')).status).toBe('挂失');
    expect(await client.reportCardLoss('QD0002', { idempotencyKey: 'upgrade-key-0001' })).toEqual(report);
    const applications = await client.getApplications('QD0002');
    await second.close();

    // Once: opening again adds nothing.
    const third = await startHarness({ dbPath, now: () => later });
    expect(await third.client({ now: () => later }).getApplications('QD0002')).toEqual(applications);
    expect((await third.client({ now: () => later }).getUnemploymentBenefit('QD0007')).claims).toHaveLength(1);
    await third.close();
  });

  it('seeds the same data every time for the same day', async () => {
    const a = await startHarness();
    const b = await startHarness();
    const range = { from: '1990-01', to: '2030-12' };
    for (const citizenId of ['QD0003', 'QD0006', 'QD0010']) {
      expect(await a.client().getContributions(citizenId, range)).toEqual(await b.client().getContributions(citizenId, range));
    }
    expect(await a.client().getPensionPayments('QD0001')).toEqual(await b.client().getPensionPayments('QD0001'));
    for (const citizenId of ['QD0007', 'QD0012', 'QD0014']) {
      expect(await a.client().getApplications(citizenId)).toEqual(await b.client().getApplications(citizenId));
      expect(await a.client().getPensionAccounts(citizenId)).toEqual(await b.client().getPensionAccounts(citizenId));
    }
    await a.close();
    await b.close();
  });
});

describe('a demo database seeded by an older build', () => {
  it('gets the citizens added since (seed version 3) once, and keeps everything it had', async () => {
    const { openSimulatorDatabase } = await import('../../../app/core/backend/simulator/simulatorDatabase.js');
    const { demoCitizenSeeds } = await import('../../../app/core/backend/simulator/demoCitizens.js');
    const seedDay = Date.parse('2025-03-14T02:00:00Z');
    const dbPath = join(folder, 'old.sqlite');
    const later = ['QD0023', 'QD0024', 'QD0025', 'QD0026', 'QD0027', 'QD0028'].filter((id) => demoCitizenSeeds.some((s) => s.citizenId === id));
    expect(later.length).toBeGreaterThan(0);
    // As a version-2 build left it: everything but the citizens added for the transactions.
    const old = openSimulatorDatabase(dbPath, seedDay);
    old.pragma('foreign_keys = OFF');
    const tables = (old.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]).filter((table) =>
      (old.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((column) => column.name === 'citizen_id'),
    );
    for (const table of tables) old.prepare(`DELETE FROM ${table} WHERE citizen_id IN (${later.map(() => '?').join(',')})`).run(...later);
    old.prepare("UPDATE simulator_meta SET value = '2' WHERE key = 'seed_version'").run();
    const counts = (db: Database.Database) => Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get()]));
    const before = counts(old);
    old.close();

    const upgraded = openSimulatorDatabase(dbPath, Date.parse('2026-01-05T02:00:00Z'));
    for (const id of later) expect(upgraded.prepare('SELECT COUNT(*) FROM citizens WHERE citizen_id = ?').pluck().get(id), id).toBe(1);
    expect(upgraded.prepare("SELECT value FROM simulator_meta WHERE key = 'seed_version'").pluck().get()).toBe('3');
    // The citizens it had are as they were; only the new ones' rows came in.
    const fresh = openSimulatorDatabase(':memory:', seedDay);
    expect(counts(upgraded)).toEqual(counts(fresh));
    const total = (byTable: Record<string, unknown>) => Object.values(byTable).reduce<number>((sum, n) => sum + Number(n), 0);
    expect(total(counts(upgraded))).toBeGreaterThan(total(before));
    upgraded.close();
    fresh.close();
  });
});
