import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeGb18030 } from '../../../printer/escpos/gb18030Text.js';
import { createPrintSpooler } from '../../../printer/index.js';
import { encodeRecordPrintout } from '../../../app/core/records/encodeRecordPrintout.js';
import { createRecordPrintService } from '../../../app/core/records/recordPrintService.js';
import { createLogger } from '../../../app/core/log/createLogger.js';

const record = {
  title: '缴费基数',
  rows: ['2024年：5,200 元', '2023年：4,900 元'],
  nameMasked: '赵*明',
  idNumberMasked: '3702**********1237',
  hallName: '青岛市人力资源和社会保障局 市民服务大厅',
  printedAt: new Date('2026-12-07T06:30:00Z'),
  ifWrong: '如果缴费基数不对，请先找单位经办人核对。',
};
const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(encodeGb18030(text));

describe('a record on paper', () => {
  it('prints what the screen showed, masked as on screen, in Beijing time, marked as a query result, and is cut', () => {
    const bytes = encodeRecordPrintout(record);
    for (const text of ['缴费基数', '2024年：5,200 元', '2023年：4,900 元', '赵*明', '3702**********1237', '2026-12-07 14:30', '说明：本单为查询结果', '如有疑问：']) {
      expect(contains(bytes, text), text).toBe(true);
    }
    // GS V: the partial cut ends the job.
    expect(Buffer.from(bytes).includes(Buffer.from([0x1d, 0x56]))).toBe(true);
  });

  it('refuses a record with no rows (nothing to print is said, not printed)', () => {
    expect(() => encodeRecordPrintout({ ...record, rows: [] })).toThrow(RangeError);
  });
});

describe('record print service', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('queues the job sealed in the spooler before printing, and returns its id', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'record-print-'));
    const databasePath = path.join(dir, 'spool.db');
    const printed: Uint8Array[] = [];
    let release!: () => void;
    const paperOut = new Promise<void>((resolve) => (release = resolve));
    const spooler = createPrintSpooler({
      databasePath,
      seal: (text) => `sealed:${Buffer.from(text).toString('hex')}`,
      unseal: (sealed) => Buffer.from(sealed.slice(7), 'hex').toString(),
      // The printer holds the job until released, so the row can be read while it prints.
      printer: { printJob: async (_jobId: string, bytes: Uint8Array) => (printed.push(bytes), await paperOut, 'done' as const) },
    });
    const service = createRecordPrintService({ spooler, log: createLogger({ level: 'silent' }) });
    const { jobId } = await service.spool(record);
    // On disk before a byte went out: sealed, labelled by kind only.
    const db = new Database(databasePath, { readonly: true });
    const row = db.prepare('SELECT kind, payload_sealed FROM print_jobs WHERE id = ?').get(jobId) as { kind: string; payload_sealed: string };
    db.close();
    expect(row.kind).toBe('record');
    expect(row.payload_sealed.startsWith('sealed:')).toBe(true);
    release();
    await spooler.printQueued();
    expect(printed).toHaveLength(1);
    expect(spooler.jobStatus(jobId)?.state).toBe('done');
    spooler.close();
  });
});
