// 对话办: how long each transaction's shipped scenarios take a citizen, end to end, on the real kiosk runtime (the
// session machine, the identity check with the real face pipeline on still photos, the transaction machine, the
// outbox, SQLite) with the business-system simulator on loopback, as `npx kiosk scenario` plays them: wall time from
// kiosk start to close, typed and tapped lines as fast as the screen allows, spoken lines synthesized and recognized
// in real time. It is completion time of a scripted citizen, not of a real one (who reads and thinks); what it shows
// is where the kiosk itself makes people wait. Each file runs RUNS times; medians are reported with the load average,
// because on a shared two-core machine the load explains more of the spread than the code does.
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readScenarioFile } from '../app/cli/scenarioFile.js';
import { createScenarioRunner } from '../app/cli/scenarioRunner.js';
import { repoRoot } from '../app/core/config/repoRoot.js';
import { SERVICES, type ServiceName } from '../app/core/nlu/serviceCatalogue.js';
import { sharedDir } from '../test/sharedData.js';
import { summarizeMs, writeBenchResult } from './benchResult.js';

const RUNS = Number(process.env.TRANSACTION_SCENARIO_RUNS ?? 3);
const folder = path.join(repoRoot, 'test', 'scenarios');

const transactionServices = new Set(Object.entries(SERVICES).filter(([, entry]) => entry.kind === 'transaction').map(([service]) => service));
const files = readdirSync(folder)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .filter((f) => transactionServices.has(readScenarioFile(path.join(folder, f)).expect?.service ?? ''));

const runner = createScenarioRunner({ sharedDir });
const loadBefore = os.loadavg()[0]!;
const byFile: Record<string, { service: string; expected: string | null; outcomes: (string | null)[]; passed: number; skipped: string | null; durationMs: ReturnType<typeof summarizeMs>; turns: number; voice: boolean }> = {};
try {
  for (const file of files) {
    const scenario = readScenarioFile(path.join(folder, file));
    const durations: number[] = [];
    const outcomes: (string | null)[] = [];
    let passed = 0;
    let skipped: string | null = null;
    let turns = 0;
    for (let run = 0; run < RUNS; run++) {
      const result = await runner.run(path.join(folder, file));
      if (result.skipped) {
        skipped = result.skipped;
        break;
      }
      durations.push(result.durationMs);
      outcomes.push(result.outcome);
      turns = result.turns;
      if (result.passed) passed++;
      else process.stderr.write(`${file} run ${run + 1} did not pass: ${JSON.stringify(result.failedStep)}\n`);
    }
    byFile[file] = {
      service: scenario.expect?.service ?? '',
      expected: scenario.expect?.outcome ?? null,
      outcomes,
      passed,
      skipped,
      durationMs: summarizeMs(durations),
      turns,
      voice: scenario.steps.some((s) => 'speak' in s || ('say' in s && s.say.endsWith('.wav'))),
    };
  }
} finally {
  await runner.close();
}

const byService: Record<string, { scenarios: number; passedEveryRun: number; outcomes: string[]; medianMsOfMedians: number }> = {};
for (const service of [...transactionServices].sort() as ServiceName[]) {
  const mine = Object.values(byFile).filter((f) => f.service === service && f.skipped === null);
  const medians = mine.map((f) => f.durationMs.median).sort((a, b) => a - b);
  byService[service] = {
    scenarios: mine.length,
    passedEveryRun: mine.filter((f) => f.passed === RUNS).length,
    outcomes: [...new Set(mine.map((f) => f.expected ?? '?'))].sort(),
    medianMsOfMedians: medians[Math.floor((medians.length - 1) / 2)] ?? NaN,
  };
}

writeBenchResult('transaction-scenarios', {
  runsPerFile: RUNS,
  loadAverage1m: { before: Math.round(loadBefore * 100) / 100, after: Math.round(os.loadavg()[0]! * 100) / 100 },
  files: files.length,
  byService,
  byFile,
});
