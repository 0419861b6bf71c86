import { afterEach, describe, expect, it } from 'vitest';
import { socatAvailable } from '../../app/core/devices/socatPtyPair.js';
import { printerRemedies, runPrinterSelfTest } from '../../printer/diagnostics/printerSelfTest.js';
import { createPrinterClient } from '../../printer/printerClient.js';
import { startPrinterRig, tempDir, type PrinterRig } from './fixtures/printerFixtures.js';

describe.skipIf(!socatAvailable())(`printer diagnostics${socatAvailable() ? '' : ' (skipped: socat is not installed; apt-get install socat)'}`, () => {
  let rig: PrinterRig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  it('passes a healthy printer and prints a readable test page', async () => {
    rig = await startPrinterRig();
    const checks = await runPrinterSelfTest(rig.client, { printTestPage: true, now: () => new Date('2026-05-07T06:00:00Z') });
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['printer.status', 'pass'],
      ['printer.paper', 'pass'],
      ['printer.testPage', 'pass'],
    ]);
    expect(checks[0]!.title).toBe('打印机连接与状态');
    expect(checks[0]!.measurements.roundTripMs).toBeGreaterThan(0);
    expect(checks.every((c) => c.remedy === undefined)).toBe(true);
    const [page] = rig.printer.tickets();
    expect(page!.text).toContain('打印机自检页');
    expect(page!.text).toContain('时间：2026-05-07 14:00');
    expect(page!.qrPayloads).toEqual(['PRINTER-SELFTEST 2026-05-07T06:00:00.000Z']);
  });

  it('warns when the roll is nearly empty and fails, with the remedy, when it is out', async () => {
    rig = await startPrinterRig();
    rig.printer.setPaperNearEnd(true);
    expect((await runPrinterSelfTest(rig.client))[1]).toMatchObject({ id: 'printer.paper', status: 'warn', remedy: printerRemedies.paperNearEnd });
    rig.printer.paperOut();
    const checks = await runPrinterSelfTest(rig.client, { printTestPage: true });
    expect(checks[1]).toMatchObject({ status: 'fail', remedy: '打印机缺纸，请装入80毫米热敏纸。', measurements: { paperOut: true } });
    expect(checks[2]).toMatchObject({ id: 'printer.testPage', status: 'fail', measurements: { skipped: true } });
    expect(rig.printer.stats().bytesReceived % 12).toBe(0); // no test page was sent to a printer without paper
  });

  it('fails on an open cover or an unrecoverable error with what to do about it', async () => {
    rig = await startPrinterRig();
    rig.printer.openCover();
    expect((await runPrinterSelfTest(rig.client))[0]).toMatchObject({ status: 'fail', remedy: printerRemedies.coverOpen });
    rig.printer.closeCover();
    rig.printer.failUnrecoverably();
    expect((await runPrinterSelfTest(rig.client))[0]).toMatchObject({ status: 'fail', remedy: printerRemedies.unrecoverable, measurements: { unrecoverableError: true } });
  });

  it('fails when no printer answers', async () => {
    const client = createPrinterClient({ path: `${tempDir('none-')}/ttyUSB0`, statusTimeoutMs: 100 });
    const checks = await runPrinterSelfTest(client, { printTestPage: true });
    expect(checks.map((c) => c.status)).toEqual(['fail', 'fail', 'fail']);
    expect(checks[0]).toMatchObject({ remedy: printerRemedies.noAnswer, measurements: { reachable: false, error: 'disconnected' } });
  });
});
