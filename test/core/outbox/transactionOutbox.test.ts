import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PensionAuthSubmission } from '../../../app/core/backend/backendTypes.js';
import { registerBackendSenders } from '../../../app/core/outbox/backendSenders.js';
import { listOutbox, outboxCounts } from '../../../app/core/outbox/outboxListing.js';
import { TransactionOutbox, type Settlement } from '../../../app/core/outbox/transactionOutbox.js';
import { createFieldCipher, type FieldCipher } from '../../../app/core/privacy/fieldCipher.js';
import { kioskMigrations } from '../../../app/core/store/migrations.js';
import { migrate, openDatabase } from '../../../app/core/store/openDatabase.js';
import { FIXED_NOW, startHarness, type Harness } from '../backend/simulatorHarness.js';

const passed: PensionAuthSubmission = {
  authenticatedAt: '2025-03-14T01:30:00Z',
  method: 'face-kiosk',
  kioskId: 'kiosk-qd-sn-01',
  scores: { similarity: 0.8, liveness: 0.9 },
  challenges: ['nod'],
};
const schedule = { firstRetryMs: 5_000, maxRetryMs: 60_000 };

let harness: Harness;
let db: Database;
let cipher: FieldCipher;
let now: number;
let outbox: TransactionOutbox;
let settled: Settlement[];

beforeEach(async () => {
  harness = await startHarness();
  db = openDatabase(':memory:', kioskMigrations);
  cipher = createFieldCipher({ keyFile: path.join(mkdtempSync(path.join(os.tmpdir(), 'outbox-key-')), 'k') });
  now = FIXED_NOW;
  outbox = new TransactionOutbox(db, cipher, { schedule, now: () => now });
  registerBackendSenders(outbox, harness.client());
  settled = [];
  outbox.onSettled((s) => settled.push(s));
});
afterEach(async () => {
  db.close();
  await harness.close();
});

const payloadColumn = (id: number) => db.prepare('SELECT payload_sealed FROM transaction_outbox WHERE id = ?').pluck().get(id) as string;

describe('TransactionOutbox', () => {
  it('seals a submission, sends it at once and keeps the business system’s reference', async () => {
    const result = await outbox.submit('pension-auth', 'QD0003', passed);
    expect(result).toMatchObject({ state: 'delivered', kind: 'pension-auth', citizenId: 'QD0003', reference: 'RZ20250314-0001' });
    expect(result.state === 'delivered' && result.answer).toMatchObject({ nextDueDate: '2026-03-14' });
    expect(result.idempotencyKey).toMatch(/^pension-auth-[0-9a-f-]{36}$/);
    expect(harness.simulator.inspect.writesWithKey(result.idempotencyKey)).toBe(1);
    expect(payloadColumn(result.id)).toBe(''); // delivered: the personal data is gone
    expect(settled).toEqual([result]);
    const [row] = listOutbox(db);
    expect(row).toEqual({
      id: result.id, kind: 'pension-auth', state: 'delivered', attempts: 1, createdAt: new Date(FIXED_NOW).toISOString(),
      updatedAt: new Date(FIXED_NOW).toISOString(), nextAttemptAt: null, reference: 'RZ20250314-0001', rejectionReason: null, lastError: null,
    });
    expect(JSON.stringify(listOutbox(db))).not.toContain('QD0003');
  });

  it('the payload is sealed at rest while it waits', async () => {
    harness.simulator.inject.failNext(503, 1);
    const result = await outbox.submit('pension-auth', 'QD0003', passed);
    expect(result.state).toBe('pending');
    const sealed = payloadColumn(result.id);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('face-kiosk');
    expect(JSON.parse(cipher.decrypt(sealed))).toEqual(passed);
  });

  it('while the system is down: saved, backed off, then sent once with the same key', async () => {
    harness.simulator.inject.failNext(503, 2);
    const first = await outbox.submit('card-loss', 'QD0002', {});
    expect(first).toMatchObject({ state: 'pending', attempts: 1, lastError: 'server:INJECTED_FAULT', nextAttemptAt: new Date(FIXED_NOW + 5_000).toISOString() });
    expect(await outbox.deliverDue()).toEqual({ delivered: 0, rejected: 0, remaining: 1 }); // not due yet
    now += 5_000;
    expect(await outbox.deliverDue()).toEqual({ delivered: 0, rejected: 0, remaining: 1 }); // still down: doubled
    expect(outbox.resultOf(first.id)).toMatchObject({ state: 'pending', attempts: 2, nextAttemptAt: new Date(now + 10_000).toISOString() });
    now += 10_000;
    expect(await outbox.deliverDue()).toEqual({ delivered: 1, rejected: 0, remaining: 0 });
    expect(outbox.resultOf(first.id)).toMatchObject({ state: 'delivered', reference: 'GS20250314-0001' });
    expect(settled).toHaveLength(1);
    expect(await outbox.deliverDue({ all: true })).toEqual({ delivered: 0, rejected: 0, remaining: 0 });
    expect(harness.simulator.inspect.cardLossReportCount('QD0002')).toBe(1);
    expect(harness.simulator.inspect.writesWithKey(first.idempotencyKey)).toBe(1);
  });

  it('a refusal comes back as rejected with the system’s reason, not as saved', async () => {
    const result = await outbox.submit('card-loss', 'QD0009', {});
    expect(result).toMatchObject({ state: 'rejected', reason: 'CARD_BEING_REPLACED' });
    expect(settled).toEqual([result]);
    expect(listOutbox(db, { state: 'rejected' })).toMatchObject([{ kind: 'card-loss', rejectionReason: 'CARD_BEING_REPLACED', reference: null }]);
    expect(await outbox.deliverDue({ all: true })).toEqual({ delivered: 0, rejected: 0, remaining: 0 }); // never tried again
  });

  it('an entry left `sending` by a crash is sent again with its key and counts once', async () => {
    const entry = outbox.enqueue('pension-auth', 'QD0003', passed);
    // The crashed kiosk had sent it and the system had done it; the answer was never stored.
    await harness.client().submitPensionAuth('QD0003', { ...passed, idempotencyKey: entry.idempotencyKey });
    db.prepare("UPDATE transaction_outbox SET state = 'sending', attempts = 1 WHERE id = ?").run(entry.id);
    const restarted = new TransactionOutbox(db, cipher, { schedule, now: () => now });
    registerBackendSenders(restarted, harness.client());
    expect(await restarted.deliverDue()).toEqual({ delivered: 1, rejected: 0, remaining: 0 });
    expect(restarted.resultOf(entry.id)).toMatchObject({ state: 'delivered', reference: 'RZ20250314-0001' });
    expect(harness.simulator.inspect.pensionAuthSubmissionCount('QD0003')).toBe(1);
    expect(harness.simulator.inspect.writesWithKey(entry.idempotencyKey)).toBe(1);
  });

  it('rounds never overlap: concurrent submissions and rounds send each entry once, oldest first', async () => {
    const [a, b] = await Promise.all([outbox.submit('card-loss', 'QD0002', {}), outbox.submit('card-loss', 'QD0004', {}), outbox.deliverDue(), outbox.deliverDue()]);
    expect(a).toMatchObject({ state: 'delivered' });
    expect(b).toMatchObject({ state: 'delivered' });
    const posts = harness.simulator.inspect.requests().filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(settled.map((s) => s.citizenId)).toEqual(['QD0002', 'QD0004']);
  });

  it('takes the caller’s idempotency key; submitting it again saves and sends nothing more', async () => {
    const first = await outbox.submit('card-loss', 'QD0002', {}, { idempotencyKey: 'card-loss-fixed-0001' });
    expect(first).toMatchObject({ state: 'delivered', idempotencyKey: 'card-loss-fixed-0001', reference: 'GS20250314-0001' });
    const again = await outbox.submit('card-loss', 'QD0002', {}, { idempotencyKey: 'card-loss-fixed-0001' });
    expect(again).toEqual(first);
    expect(listOutbox(db)).toHaveLength(1);
    expect(harness.simulator.inspect.requests().filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(() => outbox.enqueue('card-loss', 'QD0004', {}, { idempotencyKey: 'card-loss-fixed-0001' })).toThrow(/already used/);
  });

  it('a kind without a sender waits (and is counted) until one is registered', async () => {
    const entry = outbox.enqueue('future-kind', 'QD0002', { x: 1 });
    expect(await outbox.deliverDue()).toEqual({ delivered: 0, rejected: 0, remaining: 1 });
    outbox.register('future-kind', async (payload: { x: number }, key) => ({ outcome: 'delivered', reference: `F-${payload.x}-${key.length}` }));
    expect(await outbox.deliverDue()).toMatchObject({ delivered: 1 });
    expect(outbox.resultOf(entry.id)).toMatchObject({ state: 'delivered', reference: `F-1-${entry.idempotencyKey.length}` });
    expect(outboxCounts(db)).toEqual({ pending: 0, sending: 0, delivered: 1, rejected: 0 });
  });
});

describe('migration 7: 养老认证’s own outbox moves into the transaction outbox', () => {
  it('delivers what was still queued in the old table, keeps what was sent and rejected as history', async () => {
    const old = openDatabase(':memory:', kioskMigrations.filter((m) => m.version < 7));
    const insert = old.prepare(
      'INSERT INTO pension_auth_outbox (citizen_id, idempotency_key, payload_sealed, state, attempts, last_error, created_at, sent_at, next_due_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    insert.run('QD0003', 'pa-queued-0001', cipher.encrypt(JSON.stringify(passed)), 'queued', 2, 'unreachable', '2025-03-13T08:00:00.000Z', null, null);
    insert.run('QD0001', 'pa-sent-0001', '', 'sent', 1, null, '2025-03-01T08:00:00.000Z', '2025-03-01T08:00:01.000Z', '2026-03-01');
    insert.run('QD0002', 'pa-rejected-0001', cipher.encrypt(JSON.stringify(passed)), 'rejected', 1, 'NOT_PENSIONER', '2025-03-02T08:00:00.000Z', null, null);
    // Migration 7 alone (later ones have their own tests).
    expect(migrate(old, kioskMigrations.filter((m) => m.version <= 7))).toBe(1);
    expect(old.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'pension_auth_outbox'").pluck().get()).toBe(0);
    expect(listOutbox(old).reverse()).toMatchObject([
      { kind: 'pension-auth', state: 'pending', attempts: 2, lastError: 'unreachable', nextAttemptAt: '2025-03-13T08:00:00.000Z' },
      { kind: 'pension-auth', state: 'delivered', attempts: 1, updatedAt: '2025-03-01T08:00:01.000Z' },
      { kind: 'pension-auth', state: 'rejected', rejectionReason: 'NOT_PENSIONER' },
    ]);
    const migrated = new TransactionOutbox(old, cipher, { schedule, now: () => now });
    registerBackendSenders(migrated, harness.client());
    expect(await migrated.deliverDue()).toEqual({ delivered: 1, rejected: 0, remaining: 0 });
    expect(harness.simulator.inspect.writesWithKey('pa-queued-0001')).toBe(1);
    expect(harness.simulator.inspect.pensionAuthSubmissionCount('QD0003')).toBe(1);
    expect(harness.simulator.inspect.pensionAuthSubmissionCount('QD0001')).toBe(0);
    old.close();
  });
});
