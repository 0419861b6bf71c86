import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiagnosticResult } from '../../app/core/diagnostics/diagnosticResult.js';
import { kioskCliInTempDir } from './runKioskCli.js';

const cli = kioskCliInTempDir('kiosk-diag-cli-');

interface Report {
  ok: boolean;
  checks: DiagnosticResult[];
}

describe('kiosk diag', () => {
  it('--json prints {ok, checks} with every check of one device; a healthy simulator printer passes', async () => {
    const result = await cli.run(['diag', '--json', '--only', 'printer']);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.checks.map((c) => c.id)).toEqual(expect.arrayContaining(['printer.status', 'printer.paper']));
    for (const check of report.checks) {
      expect(check.device).toBe('printer');
      expect(['pass', 'warn', 'fail', 'skipped']).toContain(check.status);
      expect(Number.isNaN(Date.parse(check.at))).toBe(false);
    }
    // Without socat the simulator cannot start: the checks say skipped, which is not a failure.
    expect(report.ok).toBe(true);
    expect(result.code).toBe(0);
  });

  it('a configured port that is not there fails, with the remedy, and the exit code says so', async () => {
    const configFile = path.join(cli.dir, 'missing-printer.json');
    writeFileSync(configFile, JSON.stringify({ dataDir: path.join(cli.dir, 'data'), printer: { port: '/dev/ttyKIOSKNOPRINTER' } }));
    const result = await cli.run(['diag', '--json', '--config', configFile, '--only', 'serial']);
    const report = JSON.parse(result.stdout) as Report;
    const printer = report.checks.find((c) => c.id === 'serial.printer');
    expect(printer).toMatchObject({ status: 'fail' });
    expect(printer?.remedy).toMatch(/[\u4e00-\u9fff]/);
    expect(report.ok).toBe(false);
    expect(result.code).toBe(1);
  });

  it('the readable form: one line per check, the remedy under anything that is not a pass; an unknown device is a usage error', async () => {
    const readable = await cli.run(['diag', '--only', 'storage']);
    expect(readable.stdout).toMatch(/\[(通过|注意|故障|未检查)\] 数据盘剩余空间 \(storage\.disk\)/);
    const wrong = await cli.run(['diag', '--only', 'toaster']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--only');
  });
});
