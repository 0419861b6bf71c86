import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../app/core/config/repoRoot.js';

const run = promisify(execFile);
const kiosk = path.join(repoRoot, 'bin', 'kiosk.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `bin/kiosk.js` as other tools do, with a fresh data folder of its own (through $KIOSK_CONFIG) so tests
 * never touch the repository's data/runtime.
 */
export function kioskCliInTempDir(prefix: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const configFile = path.join(dir, 'kiosk.config.json');
  writeFileSync(configFile, JSON.stringify({ dataDir: path.join(dir, 'data') }));
  const env = { ...process.env, KIOSK_CONFIG: configFile, KIOSK_LOG_LEVEL: 'silent' };
  return {
    dir,
    async run(args: string[], input?: string): Promise<CliResult> {
      const child = run(process.execPath, [kiosk, ...args], { env, cwd: dir, maxBuffer: 10 * 1024 * 1024 });
      if (input !== undefined) child.child.stdin!.end(input);
      try {
        const { stdout, stderr } = await child;
        return { code: 0, stdout, stderr };
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    },
  };
}
