import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openIdentityStore } from '../../../app/core/identity/identityAudit.js';
import { createFieldCipher } from '../../../app/core/privacy/fieldCipher.js';
import { kioskMigrations } from '../../../app/core/store/migrations.js';
import { openDatabase } from '../../../app/core/store/openDatabase.js';
import { otherIds, validId } from './identityCheckHarness.js';

// The ledger of ID-number attempts: different numbers per visit (in memory), refused face checks per number and
// China calendar day (SQLite, under a keyed hash), with the hash key sealed by the kiosk's data key.

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A kiosk data folder: its database file and its data key. */
function kioskData() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'identity-attempts-'));
  dirs.push(dir);
  return { dbFile: path.join(dir, 'kiosk.db'), keyFile: path.join(dir, 'data.key') };
}

function open(data: { dbFile: string; keyFile: string }, now = () => Date.parse('2026-12-07T10:00:00+08:00')) {
  const db = openDatabase(data.dbFile, kioskMigrations);
  const cipher = createFieldCipher({ keyFile: data.keyFile });
  return { db, store: openIdentityStore(db, cipher, { now }) };
}

const number = (idNumber: string) => ({ idNumber });

describe('per visit: how many different numbers', () => {
  it('admits three different numbers, refuses a fourth, and lets the same number come back', () => {
    const { store, db } = open(kioskData());
    const ids = [validId, ...otherIds];
    for (const id of ids.slice(0, 3)) expect(store.attempts.admit(number(id), 'visit-1')).toEqual({ admitted: true, checksLeft: 5 });
    expect(store.attempts.admit(number(ids[3]!), 'visit-1')).toEqual({ admitted: false, limit: 'visit' });
    expect(store.attempts.admit(number(validId), 'visit-1')).toMatchObject({ admitted: true });
    // Another visit starts from nothing; a check without a visit has no per-visit limit.
    expect(store.attempts.admit(number(ids[3]!), 'visit-2')).toMatchObject({ admitted: true });
    expect(store.attempts.admit(number(ids[3]!), null)).toMatchObject({ admitted: true });
    // The per-visit count is memory only: nothing of it in the database.
    expect(db.prepare('SELECT COUNT(*) AS n FROM identity_check_failures').get()).toEqual({ n: 0 });
  });

  it('counts a number typed with a lower-case x or spaces as the same number', () => {
    const { store } = open(kioskData());
    const x = '37020219850315002X';
    store.attempts.admit(number(x), 'v');
    store.attempts.admit(number(otherIds[0]), 'v');
    store.attempts.admit(number(otherIds[1]), 'v');
    expect(store.attempts.admit(number(' 370202 1985 0315 002x'), 'v')).toMatchObject({ admitted: true });
  });

  it('a citizen the visit already verified is not one of its numbers', () => {
    const { store } = open(kioskData());
    for (const id of [validId, ...otherIds.slice(0, 2)]) store.attempts.admit(number(id), 'v');
    expect(store.attempts.admit({ citizenId: 'QD0001' }, 'v')).toMatchObject({ admitted: true });
  });
});

describe('per number and day: refused face checks, across visits', () => {
  it('counts down, refuses the number once five checks failed today (in any visit), and allows it again the next China day', () => {
    let now = Date.parse('2026-12-07T10:00:00+08:00');
    const { store } = open(kioskData(), () => now);
    expect(store.attempts.admit(number(validId), 'v1')).toEqual({ admitted: true, checksLeft: 5 });
    for (const left of [4, 3, 2]) expect(store.attempts.recordFailedCheck(number(validId))).toBe(left);
    expect(store.attempts.admit(number(validId), 'v2')).toEqual({ admitted: true, checksLeft: 2 });
    store.attempts.recordFailedCheck(number(validId));
    expect(store.attempts.recordFailedCheck(number(validId))).toBe(0);
    expect(store.attempts.admit(number(validId), 'v3')).toEqual({ admitted: false, limit: 'number' });
    // Other numbers are not affected.
    expect(store.attempts.admit(number(otherIds[0]), 'v3')).toEqual({ admitted: true, checksLeft: 5 });
    // 23:59 China time is still the same day; 00:00 is the next.
    now = Date.parse('2026-12-07T23:59:00+08:00');
    expect(store.attempts.admit(number(validId), 'v4')).toEqual({ admitted: false, limit: 'number' });
    now = Date.parse('2026-12-08T00:00:00+08:00');
    expect(store.attempts.admit(number(validId), 'v5')).toEqual({ admitted: true, checksLeft: 5 });
  });

  it('is kept in SQLite: a restarted kiosk (same data key) still refuses the number', () => {
    const data = kioskData();
    const first = open(data);
    for (let i = 0; i < 5; i++) first.store.attempts.recordFailedCheck(number(validId));
    first.db.close();
    const second = open(data);
    expect(second.store.attempts.admit(number(validId), 'after-restart')).toEqual({ admitted: false, limit: 'number' });
    second.db.close();
  });

  it('a verified citizen’s live checks are counted under the citizen, apart from numbers', () => {
    const { store } = open(kioskData());
    for (let i = 0; i < 5; i++) store.attempts.recordFailedCheck({ citizenId: 'QD0001' });
    expect(store.attempts.admit({ citizenId: 'QD0001' }, 'v')).toEqual({ admitted: false, limit: 'number' });
    expect(store.attempts.admit(number(validId), 'v')).toMatchObject({ admitted: true });
  });
});

describe('the number is never stored: a keyed hash', () => {
  it('keeps neither the number nor a plain hash of it; the key is sealed; another kiosk’s key gives other hashes', () => {
    const data = kioskData();
    const { db, store } = open(data);
    store.attempts.recordFailedCheck(number(validId));
    const rows = db.prepare('SELECT subject_hash AS hash, day, failures FROM identity_check_failures').all() as { hash: string; day: string; failures: number }[];
    expect(rows).toEqual([{ hash: expect.stringMatching(/^[0-9a-f]{64}$/), day: '2026-12-07', failures: 1 }]);
    const plain = [validId, `n:${validId}`].map((v) => createHash('sha256').update(v).digest('hex'));
    expect(plain).not.toContain(rows[0]!.hash);
    expect(rows[0]!.hash).toBe(store.attempts.keyOf(number(validId)));
    // Nothing of the number anywhere in the file (not even the birth date in it).
    db.pragma('wal_checkpoint(TRUNCATE)');
    const file = readFileSync(data.dbFile).toString('latin1');
    expect(file).not.toContain(validId);
    expect(file).not.toContain(validId.slice(6, 14));
    // The hash key is stored sealed with the data key (not as 64 hex characters).
    const [secret] = db.prepare('SELECT name, sealed FROM identity_secrets').all() as { name: string; sealed: string }[];
    expect(secret!.sealed).toMatch(/^v1\./);
    db.close();

    const elsewhere = open(kioskData());
    expect(elsewhere.store.attempts.keyOf(number(validId))).not.toBe(rows[0]!.hash);
    elsewhere.db.close();
  });
});
