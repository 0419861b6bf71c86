import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPtyPair, socatAvailable, type PtyPair } from '../../app/core/devices/socatPtyPair.js';
import { printFailureLines, staffPauseLines, staffResumedLine } from '../../app/core/devices/printerWording.js';
import { startVirtualPrinter, type VirtualPrinter } from '../../printer/index.js';
import { until } from '../testDeadline.js';
import { kioskCliInTempDir } from './runKioskCli.js';

// The documented command line against the virtual printer on a socat pty pair, as other tools will run it.
const cli = kioskCliInTempDir('kiosk-print-cli-');
const kioskCli = (args: string[]) => cli.run(args);

let pair: PtyPair;
let printer: VirtualPrinter;
beforeEach(async (context) => {
  if (!socatAvailable()) context.skip('socat is not installed (apt-get install socat): no virtual serial port');
  pair = await openPtyPair();
  printer = await startVirtualPrinter({ path: pair.devicePath });
});
afterEach(async () => {
  await printer?.close();
  await pair?.close();
});

describe('kiosk print-certificate / verify-certificate', () => {
  it('prints a demo citizen\'s 参保证明, exits 0 once the printer reports it done, and its QR verifies', async () => {
    const printed = await kioskCli(['print-certificate', '--citizen', 'QD0002', '--port', pair.kioskPath]);
    expect(printed.code, printed.stderr).toBe(0);
    const result = JSON.parse(printed.stdout) as { state: string; qrText: string; certificateNumber: string };
    expect(result.state).toBe('done');
    const [ticket] = printer.tickets();
    expect(ticket!.text).toContain('社会保险参保证明');
    expect(ticket!.text).toContain('张建国');
    expect(ticket!.text).toContain(result.certificateNumber);
    expect(ticket!.text).not.toMatch(/\d{17}[\dX]/);
    expect(ticket!.qrPayloads).toEqual([result.qrText]);

    const verified = await kioskCli(['verify-certificate', result.qrText]);
    expect(verified.code).toBe(0);
    const verdict = JSON.parse(verified.stdout) as { valid: boolean; fields: Record<string, unknown> };
    expect(verdict.valid).toBe(true);
    expect(JSON.stringify(verdict.fields)).toContain('张建国');

    const parts = result.qrText.split('.');
    const tampered = [parts[0], parts[1], parts[2]!.slice(0, -3) + (parts[2]!.endsWith('AAA') ? 'BBB' : 'AAA'), parts[3]].join('.');
    const rejected = await kioskCli(['verify-certificate', tampered]);
    expect(rejected.code).toBe(1);
    expect(JSON.parse(rejected.stdout).valid).toBe(false);
  });

  it('prints for the first demo citizen when none is named', async () => {
    const printed = await kioskCli(['print-certificate', '--port', pair.kioskPath]);
    expect(printed.code, printed.stderr).toBe(0);
    expect(JSON.parse(printed.stdout).citizen).toBe('QD0001');
  });

  it.each([
    ['out of paper', (p: VirtualPrinter) => p.paperOut(), /缺纸/],
    ['cover open', (p: VirtualPrinter) => p.openCover(), /仓盖/],
    ['offline', (p: VirtualPrinter) => p.setOffline(true), /离线/],
  ])('exits non-zero with a clear message when the printer is %s', async (_name, fault, message) => {
    fault(printer);
    const printed = await kioskCli(['print-certificate', '--port', pair.kioskPath]);
    expect(printed.code).not.toBe(0);
    expect(printed.stderr).toMatch(message);
    expect(printer.tickets()).toHaveLength(0);
  });

  it('says in Chinese that the paper ran out mid-certificate, and that it goes on once paper is loaded', async () => {
    printer.paperOut({ afterLines: 6 });
    const printing = kioskCli(['print-certificate', '--port', pair.kioskPath, '--wait', '600']);
    await until(() => printer.condition().paperOut, 'the paper to run out mid-certificate');
    // The client polls while it waits: two status answers after the paper ran out mean it has seen the pause.
    const queries = printer.stats().statusQueries;
    await until(() => printer.stats().statusQueries >= queries + 2, 'the kiosk to ask the paused printer its status');
    printer.loadPaper();
    const printed = await printing;
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stderr).toContain('打印机缺纸');
    expect(printed.stderr.split('\n').filter(Boolean)).toEqual([staffPauseLines['paper-out'], staffResumedLine, '参保证明已打印完成。']);
    expect(printer.tickets()).toHaveLength(1);
  });

  it('exits non-zero with the Chinese paper-out sentence when no paper comes within --wait', async () => {
    printer.paperOut({ afterLines: 6 });
    const printed = await kioskCli(['print-certificate', '--port', pair.kioskPath, '--wait', '1']);
    expect(printed.code).toBe(4);
    expect(printed.stderr.split('\n').filter(Boolean)).toEqual([staffPauseLines['paper-out'], printFailureLines['paper-out-timeout']]);
    expect(printed.stderr).not.toMatch(/[A-Za-z]{4}/); // no technical text for the operator
    expect(JSON.parse(printed.stdout)).toMatchObject({ state: 'unconfirmed', error: { kind: 'paper-out-timeout' } });
    expect(printer.tickets()).toHaveLength(0);
  });
});
