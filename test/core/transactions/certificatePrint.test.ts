import type { Database } from 'better-sqlite3';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { keyIdOf, type CertificateSigningKey } from '../../../app/core/certificates/certificateSigningKey.js';
import { readCertificateKind, readCertificatePeriod, CERTIFICATE_KIND_CHOICES } from '../../../app/core/certificates/certificateKinds.js';
import { CertificatePrintLedger, certificateJobId, countsAsPrinted } from '../../../app/core/certificates/certificatePrintLedger.js';
import { socatAvailable } from '../../../app/core/devices/socatPtyPair.js';
import { createFieldCipher } from '../../../app/core/privacy/fieldCipher.js';
import { kioskMigrations } from '../../../app/core/store/migrations.js';
import { openDatabase } from '../../../app/core/store/openDatabase.js';
import { parseConfig } from '../../../app/core/config/loadConfig.js';
import { certificatePrintTransaction, type CertificatePrintDependencies } from '../../../app/core/transactions/certificatePrintTransaction.js';
import { transactionMachine, type TransactionEvent, type TransactionOutput } from '../../../app/core/transactions/transactionMachine.js';
import type { TransactionResult, TransactionSpec } from '../../../app/core/transactions/transactionSpec.js';
import { createPrintSpooler, type PrintSpooler } from '../../../printer/index.js';
import { describeCertificateVerification } from '../../../printer/certificate/describeCertificateVerification.js';
import { verifyCertificateQr } from '../../../printer/certificate/verifyCertificateQr.js';
import { lineText } from '../../../printer/simulator/ticket.js';
import { TEST_DEADLINE_MS, until } from '../../testDeadline.js';
import { FIXED_NOW, startHarness, type Harness } from '../backend/simulatorHarness.js';
import { childUnderParent } from '../identity/childUnderParent.js';
import { startPrinterRig, type PrinterRig } from '../../printer/fixtures/printerFixtures.js';

// The business system's "now": 2025-03-14 10:00 China time.
const at = (iso = '2025-03-14T02:00:00Z') => new Date(iso);
const now = () => new Date(FIXED_NOW);

describe('参保证明打印: what the citizen says', () => {
  it('reads every kind, from words, tap labels and the recognizer’s toneless pinyin', () => {
    expect(readCertificateKind('我要打印参保证明')).toEqual({ kind: 'all' });
    expect(readCertificateKind('开个缴费证明')).toEqual({ kind: 'all' });
    expect(readCertificateKind('全部险种的')).toEqual({ kind: 'all' });
    expect(readCertificateKind('我只要养老保险的')).toEqual({ kind: 'single', insurance: '养老' });
    expect(readCertificateKind('医保的证明')).toEqual({ kind: 'single', insurance: '医疗' });
    expect(readCertificateKind('打印失业证明')).toEqual({ kind: 'single', insurance: '失业' });
    expect(readCertificateKind('工伤')).toEqual({ kind: 'single', insurance: '工伤' });
    expect(readCertificateKind('打个个人权益记录单')).toEqual({ kind: 'rights-record' });
    expect(readCertificateKind('我没参保，要开个证明')).toEqual({ kind: 'not-insured' });
    expect(readCertificateKind('打印未参保证明')).toEqual({ kind: 'not-insured' });
    expect(readCertificateKind('我要打印个东西')).toBeNull();
    expect(readCertificateKind('确认')).toBeNull();
    // Every tap label reads as the kind it names.
    expect(CERTIFICATE_KIND_CHOICES.map((label) => readCertificateKind(label))).toEqual([
      { kind: 'all' },
      { kind: 'single', insurance: '养老' },
      { kind: 'single', insurance: '医疗' },
      { kind: 'single', insurance: '失业' },
      { kind: 'single', insurance: '工伤' },
      { kind: 'single', insurance: '生育' },
      { kind: 'rights-record' },
      { kind: 'not-insured' },
    ]);
    // What the development recognizer heard for "我要打印参保证明" (shared/data/speech/espeak-synth/s01.wav).
    expect(readCertificateKind('wo yao da yin ta bao zheng ming', 'wo yao da yin ta bao zheng ming')).toEqual({ kind: 'all' });
    expect(readCertificateKind('yang lao de', 'yang lao de')).toEqual({ kind: 'single', insurance: '养老' });
    // …and what the kiosk's own microphone path heard for it.
    expect(readCertificateKind('wo yao da yin ta bao shi ming', 'wo yao da yin ta bao shi ming')).toEqual({ kind: 'all' });
    expect(readCertificateKind('kai ge zheng ming', 'kai ge zheng ming')).toBeNull();
  });

  it('reads the period: 近一年, 近三年, 全部, 2020年到2023年, 今年, 去年, one year; the future is told why', () => {
    const read = (text: string, pinyin: string | null = null) => readCertificatePeriod(text, pinyin, now());
    expect(read('近一年')).toEqual({ ok: true, value: { label: '近一年', from: '2024-04', to: '2025-03' } });
    expect(read('最近三年的')).toEqual({ ok: true, value: { label: '近三年', from: '2022-04', to: '2025-03' } });
    expect(read('近半年')).toEqual({ ok: true, value: { label: '近半年', from: '2024-10', to: '2025-03' } });
    expect(read('全部')).toEqual({ ok: true, value: { label: '全部', from: null, to: null } });
    expect(read('2020年到2023年')).toEqual({ ok: true, value: { label: '2020年到2023年', from: '2020-01', to: '2023-12' } });
    expect(read('2023年到2025年')).toEqual({ ok: true, value: { label: '2023年到2025年', from: '2023-01', to: '2025-03' } });
    expect(read('今年的')).toEqual({ ok: true, value: { label: '今年', from: '2025-01', to: '2025-03' } });
    expect(read('去年')).toEqual({ ok: true, value: { label: '去年', from: '2024-01', to: '2024-12' } });
    expect(read('2019年的')).toEqual({ ok: true, value: { label: '2019年', from: '2019-01', to: '2019-12' } });
    expect(read('2026年到2027年')).toEqual({ ok: false, problem: '2026年还没有到，没有记录可以证明。' });
    expect(read('2023年到2020年')).toEqual({ ok: false, problem: '起始年份不能晚于结束年份。' });
    expect(read('jin san nian', 'jin san nian')).toEqual({ ok: true, value: { label: '近三年', from: '2022-04', to: '2025-03' } });
    expect(read('确认')).toBeNull();
    expect(read('养老的')).toBeNull();
    // The kind's tap label names all insurances, not the whole period.
    expect(read('参保证明（全部险种）')).toBeNull();
    expect(read('所有险种都要，全部年份')).toEqual({ ok: true, value: { label: '全部', from: null, to: null } });
  });

  it('adds printing.certificatesPerMonth to the kiosk configuration, 3 by default', () => {
    expect(parseConfig({}).printing.certificatesPerMonth).toBe(3);
    expect(parseConfig({ printing: { certificatesPerMonth: 5 } }).printing.certificatesPerMonth).toBe(5);
    expect(() => parseConfig({ printing: { certificatesPerMonth: 0 } })).toThrow(/printing\.certificatesPerMonth/);
  });
});

interface Rig {
  harness: Harness;
  printer: PrinterRig;
  dir: string;
  db: Database;
  spooler: PrintSpooler;
  signingKey: CertificateSigningKey;
  spec(overrides?: Partial<CertificatePrintDependencies>): TransactionSpec;
  /** Closes the kiosk database and the spooler and opens them again from their files: a restart. */
  restart(): void;
}

describe.skipIf(!socatAvailable())(`参保证明打印 on the virtual printer${socatAvailable() ? '' : ' (skipped: socat is not installed)'}`, () => {
  let rig: Rig;
  beforeEach(async () => {
    const harness = await startHarness();
    const printer = await startPrinterRig();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'certificate-print-'));
    const cipher = createFieldCipher({ keyFile: path.join(dir, 'data.key') });
    const openSpooler = () =>
      createPrintSpooler({ databasePath: path.join(dir, 'print-spool.sqlite'), seal: (t) => cipher.encrypt(t), unseal: (t) => cipher.decrypt(t), printer: printer.client });
    const keys = generateKeyPairSync('ed25519');
    const signingKey: CertificateSigningKey = { keyId: keyIdOf(keys.publicKey), privateKey: keys.privateKey, publicKey: keys.publicKey };
    rig = {
      harness,
      printer,
      dir,
      db: openDatabase(path.join(dir, 'kiosk.sqlite'), kioskMigrations),
      spooler: openSpooler(),
      signingKey,
      spec(overrides = {}) {
        return certificatePrintTransaction({
          backend: harness.client(),
          spooler: rig.spooler,
          printer: printer.client,
          signingKey,
          ledger: new CertificatePrintLedger(rig.db),
          perMonth: 3,
          now,
          ...overrides,
        });
      },
      restart() {
        rig.db.close();
        rig.spooler.close();
        rig.db = openDatabase(path.join(dir, 'kiosk.sqlite'), kioskMigrations);
        rig.spooler = openSpooler();
      },
    };
  });
  afterEach(async () => {
    rig.db.close();
    rig.spooler.close();
    await rig.printer.close();
    await rig.harness.close();
  });

  const ring = () => new Map([[rig.signingKey.keyId, rig.signingKey.publicKey]]);
  const jobDone = (jobId: string) => until(() => rig.spooler.jobStatus(jobId)?.state === 'done', `job ${jobId} done`);
  const submitted = (result: TransactionResult) => {
    if (result.status !== 'submitted') throw new Error(`expected submitted, got ${JSON.stringify(result)}`);
    return result;
  };

  function converse(spec: TransactionSpec, citizenId: string, opening: string | null, key = 'txn-cert-0001') {
    const given = opening === null ? null : { text: opening, pinyin: null };
    const t = childUnderParent<typeof transactionMachine, TransactionOutput>(transactionMachine, { spec, citizenId, idempotencyKey: key, given }, new SimulatedClock());
    const lines = () => t.said.map((s) => s.line);
    const reply = (text: string) => t.actor.send({ type: 'txn.reply', text, pinyin: null } satisfies TransactionEvent as never);
    return { ...t, lines, reply };
  }

  it('asks the period, previews, prints a 参保证明 of the last three years once, and says where to take it', async () => {
    const t = converse(rig.spec(), 'QD0004', '我要打印参保证明');
    await until(() => t.lines().some((l) => l.includes('哪段时间')), 'the period asked');
    t.reply('近三年的');
    await until(() => t.lines().some((l) => l.includes('我将为您打印')), 'the confirmation');
    const confirmation = t.lines().at(-1)!;
    for (const part of ['我将为您打印一份参保证明', '证明时段：近三年（2022年4月至2025年3月）', '证明种类：参保证明（全部险种）', '本月还能打印2次', '出纸口']) expect(confirmation).toContain(part);
    await until(() => (t.snapshot().context as { preview: readonly string[] | null }).preview !== null, 'the preview');
    const preview = (t.snapshot().context as { preview: readonly string[] }).preview;
    expect(preview).toEqual([
      '证明种类：参保证明（全部险种）',
      '证明时段：近三年（2022年4月至2025年3月）',
      '姓名：李*强',
      '养老保险：参保缴费，2022-04至2025-02，缴费35个月',
      '医疗保险：参保缴费，2022-04至2025-02，缴费35个月',
      '失业保险：参保缴费，2022-04至2025-02，缴费35个月',
      '工伤保险：参保缴费，2022-04至2025-02，缴费35个月',
      '生育保险：参保缴费，2022-04至2025-02，缴费35个月',
      '本月还能打印：3次（每月最多3次）',
    ]);
    expect(rig.spooler.listJobs()).toEqual([]);
    t.reply('确认');
    await expect.poll(() => t.outputs.length, { timeout: TEST_DEADLINE_MS }).toBe(1);
    const output = t.outputs[0]!;
    expect(output).toMatchObject({ outcome: 'submitted', printJobId: certificateJobId('txn-cert-0001') });
    expect(output.line).toContain('请在屏幕下方出纸口取走');
    expect(output.reference).toMatch(/^QD-20250314-[0-9A-F]{6}$/);
    expect(output.receipt).toEqual(['证明种类：参保证明（全部险种）', '证明时段：近三年（2022年4月至2025年3月）', expect.stringMatching(/^验证码：[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)]);

    await jobDone(output.printJobId!);
    const [ticket] = await rig.printer.printer.waitForTickets(1, TEST_DEADLINE_MS);
    const lines = ticket!.lines.map(lineText).map((l) => l.trim());
    for (const line of ['社会保险参保证明', `证明编号：${output.reference}`, '证明时段：2022-04至2025-03']) expect(lines).toContain(line);
    const idNumber = (await rig.harness.client().listDemoCitizens()).find((c) => c.citizenId === 'QD0004')!.idNumber;
    expect(lines).toContain(`身份证号：${idNumber.slice(0, 4)}**********${idNumber.slice(14)}`);
    expect(ticket!.text).not.toContain(idNumber);
    // The QR verifies offline and says what kind of paper it is and the months it covers.
    const verified = verifyCertificateQr(ticket!.qrPayloads[0]!, ring());
    expect(verified.valid).toBe(true);
    expect(verified.fields).toMatchObject({ certificateNumber: output.reference, coverage: { from: '2022-04', to: '2025-03' } });
    expect(verified.fields!.insurances.map((i) => [i.type, i.contributionMonths])).toEqual([['pension', 35], ['medical', 35], ['unemployment', 35], ['workInjury', 35], ['maternity', 35]]);
    expect(describeCertificateVerification(verified)).toEqual(expect.arrayContaining(['证明种类：社会保险参保证明', '证明时段：2022-04至2025-03']));
  });

  it('prints one insurance, and a 个人权益记录单 with what was paid, both verifiable', async () => {
    const spec = rig.spec();
    expect(await spec.checkEligibility!({ citizenId: 'QD0010' })).toEqual({ eligible: true });
    const pension = submitted(await spec.submit({ citizenId: 'QD0010', values: { kind: { kind: 'single', insurance: '养老' } }, idempotencyKey: 'cert-a' }));
    await jobDone(pension.printJobId!);
    const rights = submitted(
      await spec.submit({ citizenId: 'QD0010', values: { kind: { kind: 'rights-record' }, period: { label: '去年', from: '2024-01', to: '2024-12' } }, idempotencyKey: 'cert-b' }),
    );
    await jobDone(rights.printJobId!);
    const tickets = await rig.printer.printer.waitForTickets(2, TEST_DEADLINE_MS);

    const first = verifyCertificateQr(tickets[0]!.qrPayloads[0]!, ring());
    expect(first.valid).toBe(true);
    expect(first.fields).toMatchObject({ scope: 'pension' });
    expect(first.fields!.coverage).toBeUndefined();
    expect(first.fields!.insurances.map((i) => i.type)).toEqual(['pension']);
    expect(tickets[0]!.lines.map(lineText).map((l) => l.trim())).toContain('养老保险参保证明');

    const second = verifyCertificateQr(tickets[1]!.qrPayloads[0]!, ring());
    expect(second.valid).toBe(true);
    expect(second.fields).toMatchObject({ documentKind: 'rights-record', coverage: { from: '2024-01', to: '2024-12' } });
    expect(second.fields!.insurances.every((i) => i.contributionMonths === 12)).toBe(true);
    const contributions = await rig.harness.client().getContributions('QD0010', { from: '2024-01', to: '2024-12' });
    const paid = contributions.records.filter((r) => r.type === '养老').reduce((sum, r) => sum + Math.round(r.personalAmount * 100), 0);
    expect(second.fields!.payments![0]).toEqual({ type: 'pension', personal: (paid / 100).toFixed(2), employer: expect.stringMatching(/^\d+\.\d{2}$/) });
    expect(tickets[1]!.lines.map(lineText).map((l) => l.trim())).toContain('社会保险个人权益记录单');
    expect(describeCertificateVerification(second)).toEqual(expect.arrayContaining(['证明种类：社会保险个人权益记录单', expect.stringMatching(/^养老保险缴费：个人 \d+\.\d{2} 元，单位 \d+\.\d{2} 元$/)]));
  });

  it('with nothing on record says so and offers a 未参保证明; prints it; refuses a 未参保证明 to someone on record', async () => {
    const spec = rig.spec();
    expect(await spec.checkEligibility!({ citizenId: 'QD0008' })).toEqual({ eligible: true });
    // A 参保证明 for someone with nothing on record: said before the yes, shown in the preview, refused if confirmed.
    expect(spec.describe({ kind: { kind: 'all' } })).toContain('没有查到您的参保记录，开不了参保证明（全部险种）。如果需要证明您没有参保，可以打印未参保证明');
    expect(await spec.preview!({ citizenId: 'QD0008', values: { kind: { kind: 'all' } } })).toContain('不能打印：系统里没有查到您的参保记录，开不了参保证明（全部险种）。如果需要证明您没有参保，可以打印未参保证明。');
    expect(await spec.submit({ citizenId: 'QD0008', values: { kind: { kind: 'all' } }, idempotencyKey: 'cert-none-1' })).toEqual({
      status: 'refused',
      reason: '系统里没有查到您的参保记录，开不了参保证明（全部险种）。如果需要证明您没有参保，可以打印未参保证明。',
    });
    expect(rig.spooler.listJobs()).toEqual([]);

    expect(spec.describe({ kind: { kind: 'not-insured' } })).toContain('我将为您打印一份未参保证明');
    const printed = submitted(await spec.submit({ citizenId: 'QD0008', values: { kind: { kind: 'not-insured' } }, idempotencyKey: 'cert-none-2' }));
    await jobDone(printed.printJobId!);
    const [ticket] = await rig.printer.printer.waitForTickets(1, TEST_DEADLINE_MS);
    expect(ticket!.text).toContain('未参保证明');
    expect(ticket!.text).toContain('没有参保缴费记录');
    const verified = verifyCertificateQr(ticket!.qrPayloads[0]!, ring());
    expect(verified).toMatchObject({ valid: true, fields: { documentKind: 'not-insured', insurances: [] } });

    // Someone on record cannot have one, not even for a period they paid in.
    expect(await spec.submit({ citizenId: 'QD0004', values: { kind: { kind: 'not-insured' } }, idempotencyKey: 'cert-none-3' })).toEqual({
      status: 'refused',
      reason: '系统里有您的参保记录，不能开未参保证明。需要的话可以打印参保证明。',
    });
    // One insurance they never had, and a period they did not pay in, are told why.
    expect(await spec.preview!({ citizenId: 'QD0001', values: { kind: { kind: 'all' }, period: { label: '近三年', from: '2022-04', to: '2025-03' } } })).toContain(
      '不能打印：您在近三年这段时间里没有参保缴费记录，开不了参保证明（全部险种）。可以换一个时间段，比如“全部”；要证明这段时间没有参保，可以打印未参保证明。',
    );
    // …where a 未参保证明 of those years is true, and printed.
    const gap = submitted(await spec.submit({ citizenId: 'QD0001', values: { kind: { kind: 'not-insured' }, period: { label: '近三年', from: '2022-04', to: '2025-03' } }, idempotencyKey: 'cert-none-4' }));
    await jobDone(gap.printJobId!);
    expect(rig.spooler.listJobs().map((j) => j.state)).toEqual(['done', 'done']);
  });

  it('allows at most N prints a month per citizen, told before anything is asked, counted across a restart', async () => {
    const spec = rig.spec({ perMonth: 2 });
    for (const key of ['m-1', 'm-2']) {
      expect(await spec.checkEligibility!({ citizenId: 'QD0004' })).toEqual({ eligible: true });
      await jobDone(submitted(await spec.submit({ citizenId: 'QD0004', values: { kind: { kind: 'all' } }, idempotencyKey: key })).printJobId!);
    }
    const refusal = { eligible: false, line: '您这个月已经在自助机上打印了2次证明，每人每月最多打印2次。下个月可以再来打印；着急用的话，请到人工窗口办理。' };
    expect(await spec.checkEligibility!({ citizenId: 'QD0004' })).toEqual(refusal);
    // Someone else is not affected.
    expect(await spec.checkEligibility!({ citizenId: 'QD0010' })).toEqual({ eligible: true });
    // The limit holds at the submission too (a visit that began before the last print).
    expect(await spec.submit({ citizenId: 'QD0004', values: { kind: { kind: 'all' } }, idempotencyKey: 'm-3' })).toEqual({ status: 'refused', reason: refusal.line });

    rig.restart();
    expect(await rig.spec({ perMonth: 2 }).checkEligibility!({ citizenId: 'QD0004' })).toEqual(refusal);
    // The next China month starts afresh (2025-04-01 00:30 China time).
    expect(await rig.spec({ perMonth: 2, now: () => at('2025-03-31T16:30:00Z') }).checkEligibility!({ citizenId: 'QD0004' })).toEqual({ eligible: true });
    expect(rig.printer.printer.tickets()).toHaveLength(2);
  });

  it('two requests of the same citizen at once do not get past a limit of one', async () => {
    const spec = rig.spec({ perMonth: 1 });
    const results = await Promise.all(['c-1', 'c-2'].map((key) => spec.submit({ citizenId: 'QD0004', values: { kind: { kind: 'all' } }, idempotencyKey: key })));
    expect(results.map((r) => r.status).sort()).toEqual(['refused', 'submitted']);
    await jobDone(submitted(results.find((r) => r.status === 'submitted')!).printJobId!);
    expect(rig.spooler.listJobs()).toHaveLength(1);
  });

  it('a print that never reached the paper does not count against the month', async () => {
    const spec = rig.spec({ perMonth: 1 });
    const result = submitted(await spec.submit({ citizenId: 'QD0004', values: { kind: { kind: 'all' } }, idempotencyKey: 'f-1' }));
    await jobDone(result.printJobId!);
    expect(await spec.checkEligibility!({ citizenId: 'QD0004' })).toMatchObject({ eligible: false });
    // The same request, its job cancelled by staff before it printed (a job of a kiosk without paper, say).
    const ledger = new CertificatePrintLedger(rig.db);
    const row = ledger.find('f-1')!;
    rig.restart();
    const other = new CertificatePrintLedger(rig.db);
    expect(other.find('f-1')).toEqual(row);
    expect(countsAsPrinted(rig.spooler.jobStatus(row.jobId))).toBe(true);
    expect(countsAsPrinted(undefined)).toBe(false);
    expect(countsAsPrinted({ ...rig.spooler.jobStatus(row.jobId)!, state: 'failed', mayHavePrinted: false })).toBe(false);
    expect(countsAsPrinted({ ...rig.spooler.jobStatus(row.jobId)!, state: 'failed', mayHavePrinted: true })).toBe(true);
    expect(countsAsPrinted({ ...rig.spooler.jobStatus(row.jobId)!, state: 'unconfirmed', mayHavePrinted: true })).toBe(true);
    expect(countsAsPrinted({ ...rig.spooler.jobStatus(row.jobId)!, state: 'cancelled' })).toBe(false);
  });

  it('never spools a second job for the same key: repeated, concurrent, and after a restart', async () => {
    const spec = rig.spec();
    const values = { kind: { kind: 'all' }, period: { label: '近一年', from: '2024-04', to: '2025-03' } };
    const [a, b] = await Promise.all([
      spec.submit({ citizenId: 'QD0004', values, idempotencyKey: 'same-key' }),
      spec.submit({ citizenId: 'QD0004', values, idempotencyKey: 'same-key' }),
    ]);
    const first = submitted(a);
    expect(b).toEqual(first);
    await jobDone(first.printJobId!);
    expect(await spec.submit({ citizenId: 'QD0004', values, idempotencyKey: 'same-key' })).toEqual(first);
    expect(rig.spooler.listJobs()).toHaveLength(1);

    rig.restart();
    const afterRestart = await rig.spec().submit({ citizenId: 'QD0004', values, idempotencyKey: 'same-key' });
    expect(afterRestart).toEqual(first);
    expect(rig.spooler.listJobs().map((j) => [j.id, j.state, j.attempts])).toEqual([[first.printJobId, 'done', 1]]);
    expect(rig.printer.printer.tickets()).toHaveLength(1);
    // It was one print: the month counts it once.
    expect((await rig.spec().preview!({ citizenId: 'QD0004', values })).at(-1)).toBe('本月还能打印：2次（每月最多3次）');
  });

  it('a request written but not spooled when the kiosk stopped is printed once on the retry, under its number', async () => {
    const ledger = new CertificatePrintLedger(rig.db);
    ledger.record({
      idempotencyKey: 'half-done',
      citizenId: 'QD0004',
      month: '2025-03',
      kind: { kind: 'all' },
      period: { label: '全部', from: null, to: null },
      certificateNumber: 'QD-20250314-ABCDEF',
      verificationCode: 'AAAA-BBBB-CCCC',
      jobId: certificateJobId('half-done'),
      printedAt: at().toISOString(),
    });
    rig.restart();
    const spec = rig.spec();
    const result = submitted(await spec.submit({ citizenId: 'QD0004', values: { kind: { kind: 'all' } }, idempotencyKey: 'half-done' }));
    expect(result).toMatchObject({ reference: 'QD-20250314-ABCDEF', printJobId: certificateJobId('half-done') });
    await jobDone(result.printJobId!);
    expect(await spec.submit({ citizenId: 'QD0004', values: { kind: { kind: 'all' } }, idempotencyKey: 'half-done' })).toEqual(result);
    const [ticket] = await rig.printer.printer.waitForTickets(1, TEST_DEADLINE_MS);
    expect(verifyCertificateQr(ticket!.qrPayloads[0]!, ring()).fields?.certificateNumber).toBe('QD-20250314-ABCDEF');
    expect(rig.spooler.listJobs()).toHaveLength(1);
  });

  it('says so honestly when the printer is absent, out of paper or offline, and spools nothing', async () => {
    expect(await rig.spec({ printer: null }).checkEligibility!({ citizenId: 'QD0004' })).toEqual({
      eligible: false,
      line: '这台机器的打印机现在用不了，证明打印不出来。请稍等，或者到人工窗口打印。',
      callStaff: true,
    });
    rig.printer.printer.paperOut();
    expect(await rig.spec().checkEligibility!({ citizenId: 'QD0004' })).toEqual({
      eligible: false,
      line: '打印机没有纸了，证明现在打印不出来。请稍等，或者到人工窗口打印。',
      callStaff: true,
    });
    // Paper ran out between the check and the yes: refused, nothing spooled, nothing counted.
    expect(await rig.spec().submit({ citizenId: 'QD0004', values: { kind: { kind: 'all' } }, idempotencyKey: 'p-1' })).toEqual({
      status: 'refused',
      reason: '打印机没有纸了，证明现在打印不出来。请到人工窗口打印。',
    });
    rig.printer.printer.loadPaper();
    rig.printer.printer.setOffline(true);
    expect(await rig.spec().checkEligibility!({ citizenId: 'QD0004' })).toMatchObject({ eligible: false, line: expect.stringContaining('打印机现在离线') });
    expect(rig.spooler.listJobs()).toEqual([]);
    expect(new CertificatePrintLedger(rig.db).ofCitizenInMonth('QD0004', '2025-03')).toEqual([]);
  });

  it('a business system that cannot be reached at the check counts as unavailable (the machine says so)', async () => {
    rig.harness.simulator.inject.failNext(503, 100);
    const spec = rig.spec();
    const t = converse(spec, 'QD0004', '打印参保证明');
    await expect.poll(() => t.outputs.length, { timeout: TEST_DEADLINE_MS }).toBe(1);
    expect(t.outputs[0]).toMatchObject({ outcome: 'unavailable', printJobId: null });
    expect(rig.spooler.listJobs()).toEqual([]);
    // At the yes too: nothing is written or spooled, the submission fails as the business system being unreachable.
    await expect(spec.submit({ citizenId: 'QD0004', values: { kind: { kind: 'all' } }, idempotencyKey: 'down-1' })).rejects.toThrow();
    expect(new CertificatePrintLedger(rig.db).find('down-1')).toBeUndefined();
    expect(rig.spooler.listJobs()).toEqual([]);
  });
});
