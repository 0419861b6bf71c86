import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RunningKiosk {
  url: string;
  stop(): Promise<void>;
}

const readyPattern = /WEB KIOSK READY (http:\/\/\S+)/;

export interface StartKioskOptions {
  /** Extra environment for the kiosk, e.g. KIOSK_CONFIG for a test configuration. */
  env?: Record<string, string>;
}

/**
 * Starts the real kiosk (`node bin/kiosk.js start --web --port 0`) and resolves once it prints its
 * ready line. KIOSK_E2E_COMMAND (space-separated) replaces the command, e.g. to test a packaged build.
 */
function freshConfig(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-e2e-'));
  const file = path.join(dir, 'kiosk.config.json');
  writeFileSync(file, JSON.stringify({ dataDir: path.join(dir, 'data') }));
  return file;
}

export function startKioskProcess(timeoutMs: number, options: StartKioskOptions = {}): Promise<RunningKiosk> {
  const [command, ...args] = process.env.KIOSK_E2E_COMMAND?.split(' ').filter(Boolean) ?? [
    process.execPath, 'bin/kiosk.js', 'start', '--web', '--port', '0',
  ];
  if (!command) throw new Error('KIOSK_E2E_COMMAND is empty');
  // Without a test configuration the kiosk gets a fresh data folder, so no run sees another's state.
  const env = options.env?.KIOSK_CONFIG ? options.env : { ...options.env, KIOSK_CONFIG: freshConfig() };
  const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let output = '';

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stopChild(child);
      reject(new Error(`kiosk did not print "WEB KIOSK READY" within ${timeoutMs} ms; output:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = readyPattern.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.off('exit', onEarlyExit);
        resolve({ url: match[1], stop: () => stopChild(child) });
      }
    };
    const onEarlyExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      clearTimeout(timer);
      reject(new Error(`kiosk exited before it was ready (code ${code}, signal ${signal}); output:\n${output}`));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', onEarlyExit);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** SIGTERM, and SIGKILL if the kiosk has not exited 10 s later. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
