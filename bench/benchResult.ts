import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

/** The commit the figures were measured on, marked when the working tree had changes; 'unknown' outside git. */
function measuredCommit(): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: path.dirname(resultsDir), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    return git('status', '--porcelain', '--untracked-files=no') === '' ? git('rev-parse', 'HEAD') : `${git('rev-parse', 'HEAD')}+changes`;
  } catch {
    return 'unknown';
  }
}

/** Prints a benchmark's figures and writes them to bench/results/<name>.json with the commit and machine they came from. */
export function writeBenchResult(name: string, figures: Record<string, unknown>): void {
  const result = {
    name,
    at: new Date().toISOString(),
    commit: measuredCommit(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', node: process.version, memGiB: Math.round(os.totalmem() / 2 ** 30) },
    ...figures,
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarizeMs(samples: number[]): { n: number; median: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { n: sorted.length, median: r(percentile(sorted, 50)), p95: r(percentile(sorted, 95)), max: r(sorted[sorted.length - 1] ?? NaN) };
}
