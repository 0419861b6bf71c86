import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Two linked pseudo-terminals: what one side writes, the other reads — a serial cable in software. */
export interface PtyPair {
  /** The kiosk's end (what a real device path like /dev/ttyUSB0 would be). */
  kioskPath: string;
  /** The far end, where a simulator plays the device. */
  devicePath: string;
  close(): Promise<void>;
}

export function socatAvailable(): boolean {
  return spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;
}

/**
 * Starts `socat pty,raw,echo=0,link=A pty,raw,echo=0,link=B`, waits for both links, and stops socat on close.
 * PTYs ignore baud rate and DTR/RTS. Used by `npm start` for the built-in simulators and by device tests.
 */
export async function openPtyPair(options: { dir?: string; name?: string; timeoutMs?: number } = {}): Promise<PtyPair> {
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), 'kiosk-pty-'));
  const name = options.name ?? 'tty';
  const kioskPath = path.join(dir, `${name}-kiosk`);
  const devicePath = path.join(dir, `${name}-device`);
  const socat: ChildProcess = spawn('socat', [`pty,raw,echo=0,link=${kioskPath}`, `pty,raw,echo=0,link=${devicePath}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  socat.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => socat.once('exit', () => resolve()));
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 5_000;
  while (!(existsSync(kioskPath) && existsSync(devicePath))) {
    if (socat.exitCode !== null || socat.signalCode !== null) {
      throw new Error(`socat exited before the pty pair was ready: ${stderr.trim() || `code ${socat.exitCode}`}`);
    }
    if (Date.now() - started > timeoutMs) {
      socat.kill('SIGTERM');
      throw new Error(`socat did not create ${kioskPath} and ${devicePath} within ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return {
    kioskPath,
    devicePath,
    async close() {
      if (socat.exitCode === null && socat.signalCode === null) {
        socat.kill('SIGTERM');
        await exited;
      }
      if (ownDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
