import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../app/core/config/repoRoot.js';
import { kioskCliInTempDir } from './runKioskCli.js';

// `kiosk scenario` as a shell runs it: one JSON line per file in order, the exit code 1 when any did not pass, and a
// failed step that says what was there instead. Scenarios without a face step, so the test needs no shared data.
const shipped = path.join(repoRoot, 'test', 'scenarios', 'query_skill_certificate.happy.json');

describe('kiosk scenario', () => {
  it('prints one result line per file and exits 1 when one failed, naming the step and the labels that were visible', async () => {
    const cli = kioskCliInTempDir('kiosk-scenario-cli-');
    const unknownTap = path.join(cli.dir, 'unknown-tap.json');
    writeFileSync(unknownTap, JSON.stringify({ citizen: 'QD0001', steps: [{ say: '你好' }, { tap: '不存在的按钮' }] }));
    const notJson = path.join(cli.dir, 'broken.json');
    writeFileSync(notJson, '{ "citizen": ');
    const { code, stdout } = await cli.run(['scenario', shipped, unknownTap, notJson]);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.file)).toEqual([shipped, unknownTap, notJson]);
    expect(lines[0]).toMatchObject({ passed: true, service: 'query_skill_certificate', outcome: 'answered', turns: 1, failedStep: null });
    expect((lines[0]!.spoken as string[]).join('')).toContain('电工');
    expect(Object.keys(lines[0]!).sort()).toEqual(['durationMs', 'failedStep', 'file', 'outcome', 'passed', 'service', 'spoken', 'turns']);
    expect(lines[1]).toMatchObject({ passed: false, failedStep: { index: 1 } });
    expect((lines[1]!.failedStep as { reason: string }).reason).toMatch(/不存在的按钮.*visible: .*政策咨询.*结束/);
    expect(lines[2]).toMatchObject({ passed: false, failedStep: { index: -1 } });
  }, 120_000);

  it('exits 0 when every file passed, and 2 without files', async () => {
    const cli = kioskCliInTempDir('kiosk-scenario-cli-');
    expect((await cli.run(['scenario', shipped])).code).toBe(0);
    const none = await cli.run(['scenario']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('usage: kiosk scenario');
  }, 120_000);

  it('skips a face scenario, with its reason, when the shared face photos are absent: not a failure', async () => {
    const cli = kioskCliInTempDir('kiosk-scenario-cli-');
    const face = path.join(repoRoot, 'test', 'scenarios', 'pension_auth.happy.json');
    const { code, stdout } = await cli.run(['scenario', '--shared', path.join(cli.dir, 'no-shared'), face]);
    expect(code).toBe(0);
    const line = JSON.parse(stdout) as Record<string, unknown>;
    expect(line).toMatchObject({ file: face, passed: true, turns: 0, failedStep: null });
    expect(line.skipped).toMatch(/face images not found.*faceapi__amy/);
  }, 120_000);
});
