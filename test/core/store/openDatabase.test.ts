import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskMigrations } from '../../../app/core/store/migrations.js';
import { migrate, openDatabase } from '../../../app/core/store/openDatabase.js';
import { SessionEventStore } from '../../../app/core/store/sessionEventStore.js';
import { StaffRequestStore } from '../../../app/core/store/staffRequestStore.js';

describe('kiosk database', () => {
  it('opens in WAL mode, migrates once, and keeps rows across a reopen', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'db-')), 'kiosk.sqlite');
    const db = openDatabase(file, kioskMigrations);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    new StaffRequestStore(db).open('s1', 'citizen-request');
    expect(migrate(db, kioskMigrations)).toBe(0);
    db.close();
    const again = openDatabase(file, kioskMigrations);
    expect(new StaffRequestStore(again).list()).toHaveLength(1);
    again.close();
  });

  it('scrubs personal data from session events before they are written', () => {
    const db = openDatabase(':memory:', kioskMigrations);
    const store = new SessionEventStore(db);
    store.start('s1', new Date());
    store.append('s1', { seq: 1, atMs: 5, type: 'x', detail: { note: '身份证370202199001011234 电话13812345678', name: '张三' } });
    const text = JSON.stringify(store.events('s1'));
    expect(text).not.toContain('370202199001011234');
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('张三');
    expect(text).toContain('3702**********1234');
  });
});
