import { mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../app/core/config/loadConfig.js';
import type { KioskConfig } from '../../../app/core/config/kioskConfigSchema.js';
import { socatAvailable } from '../../../app/core/devices/socatPtyPair.js';
import type { DiagnosticContext } from '../../../app/core/diagnostics/diagnosticContext.js';
import type { DiagnosticResult } from '../../../app/core/diagnostics/diagnosticResult.js';
import { deviceDiagnosticChecks, idCardReaderCheck, printerCheck, robotCheck, serialPortsCheck } from '../../../app/core/diagnostics/deviceChecks.js';
import { runDiagnostics } from '../../../app/core/diagnostics/runDiagnostics.js';
import { TEST_DEADLINE_MS } from '../../testDeadline.js';
import { fastClient, fastSimulator } from '../../robot/robotRig.js';

const chinese = /[\u4e00-\u9fff]/;

function context(overrides: { robot?: string; printer?: string; idcard?: string; allowMovement?: boolean } = {}): DiagnosticContext {
  const parsed: KioskConfig = parseConfig({});
  // Set after parsing: the serial test names temporary files, which the schema (rightly) takes for no device path.
  const config: KioskConfig = {
    ...parsed,
    robot: { ...parsed.robot, port: overrides.robot ?? 'simulator' },
    printer: { ...parsed.printer, port: overrides.printer ?? 'simulator' },
    idcard: { ...parsed.idcard, port: overrides.idcard ?? 'simulator' },
  };
  return { config, configFile: null, now: () => new Date(), log: pino({ level: 'silent' }), allowMovement: overrides.allowMovement ?? false };
}

function byId(results: DiagnosticResult[], id: string): DiagnosticResult {
  const found = results.find((r) => r.id === id);
  if (!found) throw new Error(`no result ${id} in ${results.map((r) => r.id).join(', ')}`);
  return found;
}

/** Every result is displayable: a Chinese title, and a Chinese remedy on anything but a pass. */
function expectDisplayable(results: DiagnosticResult[]) {
  for (const r of results) {
    expect(r.title, r.id).toMatch(chinese);
    if (r.status === 'pass') expect(r.remedy, r.id).toBeNull();
    else expect(r.remedy, r.id).toMatch(chinese);
    expect(Number.isNaN(Date.parse(r.at))).toBe(false);
  }
}

// A pass must not depend on how fast this machine is: round trips are judged slow only past the test deadline.
const robotOptions = { connectTimeoutMs: TEST_DEADLINE_MS, slowRoundTripMs: TEST_DEADLINE_MS, client: fastClient, simulator: fastSimulator };

describe('serial ports check', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'diag-serial-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds a configured port missing, one without permission and one that is fine; simulators are skipped', async () => {
    const ok = path.join(dir, 'ttyOK');
    const locked = path.join(dir, 'ttyLOCKED');
    writeFileSync(ok, '');
    writeFileSync(locked, '');
    chmodSync(locked, 0o000);
    const asRoot = process.getuid?.() === 0; // root may read anything
    const check = serialPortsCheck({ list: async () => [{ path: ok }] });
    const results = await check.run(context({ robot: ok, printer: path.join(dir, 'ttyGONE'), idcard: locked }));
    expectDisplayable(results);
    expect(byId(results, 'serial.enumerate')).toMatchObject({ status: 'pass', measurements: { count: 1 } });
    expect(byId(results, 'serial.robot')).toMatchObject({ status: 'pass', measurements: { exists: true, readWrite: true, enumerated: true } });
    expect(byId(results, 'serial.printer')).toMatchObject({ status: 'fail', measurements: { exists: false } });
    expect(byId(results, 'serial.printer').remedy).toContain('printer.port');
    expect(byId(results, 'serial.idcard').status).toBe(asRoot ? 'warn' : 'fail');

    const simulated = await check.run(context());
    expect(byId(simulated, 'serial.robot')).toMatchObject({ status: 'skipped' });
    expectDisplayable(simulated);
  });

  it('warns, with what to do, when udev cannot enumerate', async () => {
    const results = await serialPortsCheck({ list: () => Promise.reject(new Error('udevadm: not found')) }).run(context());
    expect(byId(results, 'serial.enumerate')).toMatchObject({ status: 'warn', measurements: { error: 'udevadm: not found' } });
    expectDisplayable(results);
  });
});

describe.skipIf(!socatAvailable())(`device checks against the simulators${socatAvailable() ? '' : ' (skipped: no socat)'}`, () => {
  it('printer: a healthy printer passes status, paper and GS ( H, and prints the test page only when asked', async () => {
    let tickets = 0;
    const results = await printerCheck({ printTestPage: true, completionTimeoutMs: TEST_DEADLINE_MS, onSimulator: (p) => void p.onTicket(() => tickets++) }).run(context());
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['printer.status', 'pass'],
      ['printer.paper', 'pass'],
      ['printer.completion', 'pass'],
      ['printer.testPage', 'pass'],
    ]);
    expect(tickets).toBe(1);
    expect(byId(results, 'printer.status').measurements).toMatchObject({ simulator: true, statusQuery: 'DLE EOT', online: true });
    expectDisplayable(results);
    const without = await printerCheck({ onSimulator: (p) => void p.onTicket(() => tickets++) }).run(context());
    expect(without.map((r) => r.id)).not.toContain('printer.testPage');
    expect(tickets).toBe(1);
  });

  it('printer: out of paper, cover open and offline each fail with their remedy', async () => {
    const paper = await printerCheck({ printTestPage: true, onSimulator: (p) => p.paperOut() }).run(context());
    expect(byId(paper, 'printer.paper')).toMatchObject({ status: 'fail', measurements: { paperOut: true } });
    expect(byId(paper, 'printer.paper').remedy).toContain('缺纸');
    expect(byId(paper, 'printer.testPage')).toMatchObject({ status: 'fail', measurements: { printed: false } });
    expectDisplayable(paper);

    const cover = await printerCheck({ onSimulator: (p) => p.openCover() }).run(context());
    expect(byId(cover, 'printer.status')).toMatchObject({ status: 'fail', measurements: { coverOpen: true } });
    expect(byId(cover, 'printer.status').remedy).toContain('仓盖');
    expectDisplayable(cover);

    const offline = await printerCheck({ onSimulator: (p) => p.setOffline(true) }).run(context());
    expect(byId(offline, 'printer.status')).toMatchObject({ status: 'fail', measurements: { online: false } });
    expect(byId(offline, 'printer.status').remedy).toContain('离线');
    expectDisplayable(offline);
  });

  it('printer: a jammed cutter fails with its remedy', async () => {
    const results = await printerCheck({ onSimulator: (p) => p.setCutterError(true) }).run(context());
    expect(byId(results, 'printer.status')).toMatchObject({ status: 'fail', measurements: { cutterError: true } });
    expect(byId(results, 'printer.status').remedy).toContain('切刀');
    expectDisplayable(results);
  });

  it('printer: one that answers DLE EOT but not GS ( H is told apart (warn), its status still checked', async () => {
    const results = await printerCheck({ printTestPage: true, completionTimeoutMs: 600, simulator: { answersProcessId: false } }).run(context());
    expect(byId(results, 'printer.status').status).toBe('pass');
    expect(byId(results, 'printer.paper').status).toBe('pass');
    expect(byId(results, 'printer.completion')).toMatchObject({ status: 'warn', measurements: { answersGsH: false } });
    expect(byId(results, 'printer.completion').remedy).toContain('GS ( H');
    expect(byId(results, 'printer.testPage')).toMatchObject({ status: 'warn', measurements: { printed: 'unconfirmed' } });
    expectDisplayable(results);
  });

  it('robot: a healthy base passes; the motion is skipped, with why, unless movement was confirmed', async () => {
    const results = await robotCheck(robotOptions).run(context());
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['robot.link', 'pass'],
      ['robot.heartbeat', 'pass'],
      ['robot.commandEcho', 'pass'],
      ['robot.frames', 'pass'],
      ['robot.power', 'pass'],
      ['robot.motion', 'skipped'],
    ]);
    expect(byId(results, 'robot.link').measurements).toMatchObject({ simulator: true, protocolVersion: 1 });
    expect(byId(results, 'robot.motion').remedy).toContain('--move');
    expectDisplayable(results);

    const moved = await robotCheck(robotOptions).run(context({ allowMovement: true }));
    expect(byId(moved, 'robot.motion').status).toBe('pass');
  });

  it('robot: e-stop and motor fault fail the power check with their remedy (and no movement is tried)', async () => {
    const estop = await robotCheck({ ...robotOptions, onSimulator: (s) => s.faults.estop(true) }).run(context({ allowMovement: true }));
    expect(byId(estop, 'robot.power')).toMatchObject({ status: 'fail', measurements: { estopPressed: 'yes' } });
    expect(byId(estop, 'robot.power').remedy).toContain('急停');
    expect(byId(estop, 'robot.motion').status).toBe('fail');
    expectDisplayable(estop);

    const motor = await robotCheck({ ...robotOptions, onSimulator: (s) => s.faults.motorFault(true) }).run(context());
    expect(byId(motor, 'robot.power')).toMatchObject({ status: 'fail', measurements: { motorFault: 'yes' } });
    expect(byId(motor, 'robot.power').remedy).toContain('电机故障');
    expectDisplayable(motor);
  });

  it('robot: a silent link fails the link check, the rest skipped with why', async () => {
    const results = await robotCheck({ ...robotOptions, connectTimeoutMs: 800, onSimulator: (s) => s.faults.silence(true) }).run(context());
    expect(byId(results, 'robot.link')).toMatchObject({ status: 'fail' });
    expect(byId(results, 'robot.link').remedy).toContain('串口线');
    expect(results.slice(1).every((r) => r.status === 'skipped')).toBe(true);
    expectDisplayable(results);
  });

  it('robot: corrupted frames show in the frame counters with a remedy', async () => {
    const results = await robotCheck({ ...robotOptions, onSimulator: (s) => s.faults.corruptFrames('toHost', { count: 6 }) }).run(context());
    const frames = byId(results, 'robot.frames');
    expect(['warn', 'fail']).toContain(frames.status);
    expect(Number(frames.measurements.crcErrors) + Number(frames.measurements.headerErrors) + Number(frames.measurements.retransmissions)).toBeGreaterThan(0);
    expect(frames.remedy).toContain('串口');
    expectDisplayable(results);
  });

  it('ID-card reader: the SAM answers; a card is read when present, skipped otherwise; a SAM fault fails', async () => {
    const empty = await idCardReaderCheck().run(context());
    expect(byId(empty, 'idcard.sam').status).toBe('pass');
    expect(byId(empty, 'idcard.read').status).toBe('skipped');
    expectDisplayable(empty);

    const withCard = await idCardReaderCheck({ onSimulator: (s) => s.putCard('pensioner') }).run(context());
    expect(byId(withCard, 'idcard.read')).toMatchObject({ status: 'pass', measurements: { cardPresent: true, idNumberChecksumOk: true } });
    // No personal data: only sizes and a checksum verdict.
    expect(Object.keys(byId(withCard, 'idcard.read').measurements).sort()).toEqual(['cardPresent', 'durationMs', 'idNumberChecksumOk', 'photoBytes', 'textBytes']);

    const fault = await idCardReaderCheck({ readyTimeoutMs: 500, reader: { commandTimeoutMs: 300 }, onSimulator: (s) => s.faults.samFault(0x60) }).run(context());
    expect(byId(fault, 'idcard.sam').status).toBe('fail');
    expectDisplayable(fault);
  });

  it('a simulator that cannot start here (no socat on PATH) is skipped with why, never failed', async () => {
    const saved = process.env.PATH;
    process.env.PATH = '';
    try {
      const report = await runDiagnostics(deviceDiagnosticChecks, context(), { only: 'printer' });
      expect(report.checks).toEqual([expect.objectContaining({ id: 'printer.status', status: 'skipped', remedy: expect.stringContaining('socat') })]);
      const robot = await runDiagnostics(deviceDiagnosticChecks, context(), { only: 'robot' });
      expect(robot.checks).toEqual([expect.objectContaining({ id: 'robot.link', status: 'skipped' })]);
      expect(robot.ok).toBe(true);
    } finally {
      process.env.PATH = saved;
    }
  });

  it('all device checks run through the runner; a reader switched off is skipped', async () => {
    const report = await runDiagnostics(deviceDiagnosticChecks, context({ idcard: 'off' }), { only: 'idcard' });
    expect(report.checks).toHaveLength(1);
    expect(report.checks[0]).toMatchObject({ id: 'idcard.sam', status: 'skipped' });
    expect(report.ok).toBe(true);
  });
});
