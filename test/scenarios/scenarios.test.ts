// Every citizen scenario in this folder, played by `kiosk scenario`'s runner in-process on the real kiosk runtime (one
// fresh kiosk and business-system simulator per file; the knowledge base and face models loaded once). A file that
// cannot run here (the shared face photos or the face models absent) is skipped with its reason printed. See
// docs/scenarios.md.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createScenarioRunner } from '../../app/cli/scenarioRunner.js';
import { readScenarioFile } from '../../app/cli/scenarioFile.js';
import { SERVICES } from '../../app/core/nlu/serviceCatalogue.js';
import { openQueries, personalQueries } from '../../app/core/services/queries/personalQueries.js';
import { sharedDir } from '../sharedData.js';

const folder = path.dirname(new URL(import.meta.url).pathname);
const files = readdirSync(folder)
  .filter((f) => f.endsWith('.json'))
  .sort();
const runner = createScenarioRunner({ sharedDir });
afterAll(async () => runner.close());

/** A scenario's wall time stays well under this on a busy 2-core machine (three refused face attempts take ~15 s). */
const SCENARIO_TIMEOUT_MS = 240_000;

describe('citizen scenarios (test/scenarios/*.json through the kiosk scenario runner)', () => {
  it('every 聊天查 query and 养老认证 has a happy path and at least two unhappy ones', () => {
    const services = files.map((f) => readScenarioFile(path.join(folder, f)).expect?.service);
    for (const service of [...Object.keys(personalQueries), ...Object.keys(openQueries), 'pension_auth']) {
      const outcomes = files.filter((_, i) => services[i] === service).map((f) => readScenarioFile(path.join(folder, f)).expect?.outcome);
      expect(outcomes, service).toContain(service === 'pension_auth' ? 'authenticated' : 'answered');
      expect(outcomes.length, `${service}: scenarios`).toBeGreaterThanOrEqual(3);
    }
  });

  it('every 对话办 transaction has a happy path and at least two unhappy ones', () => {
    const scenarios = files.map((f) => readScenarioFile(path.join(folder, f)));
    const transactions = Object.entries(SERVICES).filter(([, entry]) => entry.kind === 'transaction').map(([service]) => service);
    expect(transactions.length).toBeGreaterThanOrEqual(11);
    for (const service of transactions) {
      const outcomes = scenarios.filter((s) => s.expect?.service === service).map((s) => s.expect?.outcome ?? '');
      const happy = service === 'pension_auth' ? 'authenticated' : service === 'print_certificate' ? 'printed' : 'submitted';
      expect(outcomes, service).toContain(happy);
      expect(outcomes.filter((o) => o !== happy).length, `${service}: unhappy scenarios`).toBeGreaterThanOrEqual(2);
    }
  });

  for (const file of files) {
    it(file, async (context) => {
      const result = await runner.run(path.join(folder, file));
      if (result.skipped) {
        console.warn(`${file} skipped: ${result.skipped}`);
        context.skip();
      }
      expect(result.failedStep, `${file}: ${JSON.stringify(result.spoken)}`).toBeNull();
      expect(result.passed).toBe(true);
      expect(result.turns).toBeGreaterThan(0);
    }, SCENARIO_TIMEOUT_MS);
  }
});
