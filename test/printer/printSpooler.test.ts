import BetterSqlite3 from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { openPtyPair, socatAvailable, type PtyPair } from '../../app/core/devices/socatPtyPair.js';
import { encodeCertificate } from '../../printer/certificate/encodeCertificate.js';
import { createPrintSpooler, PrintJobStateError, type PrintSpooler } from '../../printer/printSpooler.js';
import type { PrinterEvent } from '../../printer/printerEvents.js';
import { startVirtualPrinter, type VirtualPrinter } from '../../printer/simulator/virtualPrinter.js';
import { TEST_DEADLINE_MS, until } from '../testDeadline.js';
import { eventTypes, KEY_ID, sampleCertificate, signingKeys, startPrinterRig, tempDir, testCipher, type PrinterRig } from './fixtures/printerFixtures.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const keys = signingKeys();
const certificate = encodeCertificate(sampleCertificate(), { privateKey: keys.privateKey, keyId: KEY_ID });
const cipher = testCipher();

/** The database as it lies on disk: main file plus write-ahead log. */
function bytesAtRest(databasePath: string): Buffer {
  return Buffer.concat([databasePath, `${databasePath}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

function rawJobRow(databasePath: string, id: string): { state: string; payload_sealed: string | null } {
  const db = new BetterSqlite3(databasePath, { readonly: true });
  try {
    return db.prepare('SELECT state, payload_sealed FROM print_jobs WHERE id = ?').get(id) as { state: string; payload_sealed: string | null };
  } finally {
    db.close();
  }
}

describe('print spooler storage', () => {
  it('uses WAL and records its migrations once', () => {
    const databasePath = path.join(tempDir('spool-'), 'spool.sqlite');
    createPrintSpooler({ databasePath, ...cipher }).close();
    createPrintSpooler({ databasePath, ...cipher }).close();
    const db = new BetterSqlite3(databasePath, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version, name FROM print_spooler_migrations').all()).toEqual([{ version: 1, name: 'print jobs and their state history' }]);
    db.close();
  });

  it('keeps the payload sealed at rest and erases it once the job is done', async () => {
    const databasePath = path.join(tempDir('spool-'), 'spool.sqlite');
    const spooler = createPrintSpooler({ databasePath, ...cipher, printer: { printJob: async () => 'done' as const } });
    const job = spooler.enqueue(certificate.bytes, { kind: 'certificate' });
    const disk = bytesAtRest(databasePath);
    expect(disk.length).toBeGreaterThan(0);
    for (const secret of ['张秀英', '370202199001011234', '3702**********1234', 'QD370202202605070001', 'RSCERT1', '青岛市市南区']) {
      expect(disk.includes(Buffer.from(secret, 'utf8')), `${secret} (UTF-8)`).toBe(false);
      expect(disk.includes(iconv.encode(secret, 'gb18030')), `${secret} (GB18030)`).toBe(false);
    }
    expect(disk.includes(Buffer.from(Buffer.from(certificate.bytes.subarray(0, 48)).toString('base64')))).toBe(false);
    // the stored text really is the cipher's output, and a wrong key cannot open it
    const sealed = rawJobRow(databasePath, job.id).payload_sealed!;
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(() => testCipher('b2'.repeat(32)).unseal(sealed)).toThrow();

    await spooler.printQueued();
    expect(spooler.jobStatus(job.id)?.state).toBe('done');
    expect(rawJobRow(databasePath, job.id).payload_sealed).toBeNull();
    spooler.close();
  });

  it('fails a job whose payload cannot be opened without sending anything, and says so by kind only', async () => {
    const databasePath = path.join(tempDir('spool-'), 'spool.sqlite');
    const first = createPrintSpooler({ databasePath, ...cipher });
    const job = first.enqueue(certificate.bytes, { kind: 'certificate' });
    first.close();
    const printed: string[] = [];
    const events: PrinterEvent[] = [];
    const spooler = createPrintSpooler({
      databasePath,
      ...testCipher('b2'.repeat(32)), // another key: the sealed payload does not open
      printer: { printJob: async (id) => (printed.push(id), 'done' as const) },
      onEvent: (e) => events.push(e),
    });
    const [result] = await spooler.printQueued();
    expect(result).toMatchObject({ id: job.id, state: 'failed', lastError: { kind: 'payload-unreadable' } });
    expect(printed).toEqual([]);
    expect(events).toEqual([{ type: 'printer.jobFailed', jobId: job.id, kind: 'payload-unreadable' }]);
    spooler.close();
  });

  it('lets staff move jobs only along the allowed paths', async () => {
    const spooler = createPrintSpooler({ databasePath: path.join(tempDir('spool-'), 's.sqlite'), ...cipher });
    const job = spooler.enqueue(Uint8Array.of(0x41, 0x0a));
    expect(() => spooler.confirmPrinted(job.id)).toThrow(PrintJobStateError);
    expect(() => spooler.reprint(job.id)).toThrow(PrintJobStateError);
    expect(spooler.cancel(job.id).state).toBe('cancelled');
    expect(() => spooler.reprint('nope')).toThrow(PrintJobStateError);
    expect(() => spooler.enqueue(new Uint8Array(0))).toThrow(RangeError);
    await expect(spooler.printQueued()).rejects.toThrow(/no printer/);
    spooler.close();
  });
});

describe.skipIf(!socatAvailable())(`print spooler with the virtual printer${socatAvailable() ? '' : ' (skipped: socat is not installed; apt-get install socat)'}`, () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function rig(options: Parameters<typeof startPrinterRig>[0] = {}): Promise<PrinterRig> {
    const r = await startPrinterRig(options);
    cleanups.push(() => r.close());
    return r;
  }

  function spoolerFor(databasePath: string, r: PrinterRig | undefined, events?: PrinterEvent[]): PrintSpooler {
    const s = createPrintSpooler({ databasePath, ...cipher, ...(r ? { printer: r.client } : {}), onEvent: (e) => events?.push(e) });
    cleanups.push(() => s.close());
    return s;
  }

  it('prints queued jobs that survive a restart, each exactly once', async () => {
    const databasePath = path.join(tempDir('spool-'), 'spool.sqlite');
    const before = createPrintSpooler({ databasePath, ...cipher });
    const first = before.enqueue(certificate.bytes, { kind: 'certificate' });
    const second = before.enqueue(encodeCertificate(sampleCertificate({ certificateNumber: 'QD370202202605070002' }), { privateKey: keys.privateKey, keyId: KEY_ID }).bytes, { kind: 'certificate' });
    // no close(): the kiosk dies here

    const r = await rig();
    const events: PrinterEvent[] = [];
    const after = spoolerFor(databasePath, r, events);
    expect(after.recoveredJobs).toEqual([]);
    expect(after.listJobs({ state: 'queued' }).map((j) => j.id)).toEqual([first.id, second.id]);
    const results = await after.printQueued();
    expect(results.map((j) => [j.id, j.state])).toEqual([
      [first.id, 'done'],
      [second.id, 'done'],
    ]);
    expect(eventTypes(events)).toEqual(['printer.jobDone', 'printer.jobDone']);
    expect(await after.printQueued()).toEqual([]);
    const tickets = await r.printer.waitForTickets(2, TEST_DEADLINE_MS);
    expect(tickets.map((t) => t.text.match(/证明编号：(\S+)/)?.[1])).toEqual(['QD370202202605070001', 'QD370202202605070002']);
    before.close();
  });

  it('after a crash between "sent" and "acknowledged" reports the job unconfirmed and does not reprint it', async () => {
    const databasePath = path.join(tempDir('spool-'), 'spool.sqlite');
    const r = await rig();
    r.printer.holdCompletionAnswers(true); // the printer prints but its acknowledgement is still on the way
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures', 'spoolerCrashChild.ts')], {
      cwd: repoRoot,
      env: { ...process.env, SPOOLER_DB: databasePath, PRINTER_PATH: r.pair.kioskPath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    cleanups.push(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });

    await until(() => stdout.includes('jobId') || child.exitCode !== null, 'the child to queue its job');
    expect(stderr).toBe('');
    const { jobId } = JSON.parse(stdout.split('\n')[0]!) as { jobId: string };
    await r.printer.waitForTickets(1, TEST_DEADLINE_MS); // the certificate is on paper …
    expect(rawJobRow(databasePath, jobId).state).toBe('printing'); // … and the kiosk is waiting for the answer
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(stdout).not.toContain('finished');

    r.printer.holdCompletionAnswers(false);
    const events: PrinterEvent[] = [];
    const restarted = spoolerFor(databasePath, r, events);
    expect(restarted.recoveredJobs.map((j) => [j.id, j.state, j.mayHavePrinted])).toEqual([[jobId, 'unconfirmed', true]]);
    expect(restarted.jobStatus(jobId)).toMatchObject({ state: 'unconfirmed', attempts: 1 });
    expect(await restarted.printQueued()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(r.printer.tickets()).toHaveLength(1);

    // Staff look at the tray and confirm it; nothing is printed again.
    expect(restarted.confirmPrinted(jobId).state).toBe('done');
    expect(rawJobRow(databasePath, jobId).payload_sealed).toBeNull();
    expect(r.printer.tickets()).toHaveLength(1);
  }, 40_000);

  it('a cable pulled mid-job leaves the job unconfirmed; after replugging it prints again only when staff ask', async () => {
    const dir = tempDir('cable-');
    const databasePath = path.join(dir, 'spool.sqlite');
    const r = await rig({ dir, name: 'printer' });
    r.printer.paperOut({ afterLines: 6 });
    const events: PrinterEvent[] = [];
    const spooler = spoolerFor(databasePath, r, events);
    const job = spooler.enqueue(certificate.bytes, { kind: 'certificate' });
    const run = spooler.printQueued();
    await until(() => events.some((e) => e.type === 'printer.paperOut'), 'the pause');
    expect(spooler.jobStatus(job.id)?.state).toBe('printing');

    await r.pair.close(); // the cable is pulled
    const [result] = await run;
    expect(result).toMatchObject({ id: job.id, state: 'unconfirmed', mayHavePrinted: true, lastError: { kind: 'disconnected' } });
    expect(events.at(-1)).toEqual({ type: 'printer.jobUnconfirmed', jobId: job.id, reason: 'disconnected' });

    // Plugged back in: same device path, a printer with fresh paper.
    const pair: PtyPair = await openPtyPair({ dir, name: 'printer' });
    cleanups.push(() => pair.close());
    expect(pair.kioskPath).toBe(r.pair.kioskPath);
    const replugged: VirtualPrinter = await startVirtualPrinter({ path: pair.devicePath });
    cleanups.push(() => replugged.close());
    expect(await spooler.printQueued()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(replugged.stats().bytesReceived).toBe(0); // not silently repeated

    spooler.reprint(job.id);
    const [again] = await spooler.printQueued();
    expect(again).toMatchObject({ id: job.id, state: 'done', attempts: 2 });
    expect(replugged.tickets()).toHaveLength(1);
    expect(replugged.tickets()[0]!.text).toContain('身份证号：3702**********1234');
  });

  it('marks a job failed — nothing printed — when the printer never became ready, and reprints it on request', async () => {
    const databasePath = path.join(tempDir('spool-'), 'spool.sqlite');
    const r = await rig({ client: { recoveryTimeoutMs: 100 } });
    r.printer.openCover();
    const events: PrinterEvent[] = [];
    const spooler = spoolerFor(databasePath, r, events);
    const job = spooler.enqueue(certificate.bytes);
    const [result] = await spooler.printQueued();
    expect(result).toMatchObject({ state: 'failed', mayHavePrinted: false, lastError: { kind: 'cover-open' } });
    expect(events.at(-1)).toEqual({ type: 'printer.jobFailed', jobId: job.id, kind: 'cover-open' });
    r.printer.closeCover();
    spooler.reprint(job.id);
    expect((await spooler.printQueued())[0]?.state).toBe('done');
    expect(r.printer.tickets()).toHaveLength(1);
  });
});
