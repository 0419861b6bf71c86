import path from 'node:path';
import { parseCliArgs, UsageError } from './cliOptions.js';
import { createScenarioRunner } from './scenarioRunner.js';

/**
 * `kiosk scenario <file.json>...`: drives the real kiosk runtime with its simulators as a citizen would, one file
 * after another (docs/scenarios.md), and prints one JSON line per file:
 * `{"file","passed","service","outcome","durationMs","turns","spoken","failedStep"}` (plus `"skipped"` when the
 * file cannot run here). Exit 1 when any file did not pass.
 */
export async function scenarioCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCliArgs(args, { shared: { type: 'string' }, deadline: { type: 'string' } });
  if (positionals.length === 0) throw new UsageError('usage: kiosk scenario <file.json>... [--shared <dir>] [--deadline <ms>]');
  const deadlineMs = values.deadline === undefined ? undefined : Number(values.deadline);
  if (deadlineMs !== undefined && !(Number.isInteger(deadlineMs) && deadlineMs > 0)) throw new UsageError('--deadline must be a positive number of milliseconds');
  const runner = createScenarioRunner({ ...(values.shared ? { sharedDir: path.resolve(values.shared) } : {}), ...(deadlineMs ? { deadlineMs } : {}) });
  let failed = 0;
  try {
    for (const file of positionals) {
      const result = await runner.run(path.resolve(file));
      if (!result.passed) failed++;
      process.stdout.write(`${JSON.stringify({ ...result, file })}\n`);
    }
  } finally {
    await runner.close();
  }
  return failed > 0 ? 1 : 0;
}
