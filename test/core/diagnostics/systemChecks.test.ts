import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { DiagnosticContext } from '../../../app/core/diagnostics/diagnosticContext.js';
import type { DiagnosticResult } from '../../../app/core/diagnostics/diagnosticResult.js';
import {
  backendReachabilityCheck,
  configurationCheck,
  databaseIntegrityCheck,
  llmReachabilityCheck,
  modelFilesCheck,
  outboxBacklogCheck,
  storageCheck,
  systemDiagnosticChecks,
  systemLoadCheck,
} from '../../../app/core/diagnostics/systemChecks.js';
import { parseConfig } from '../../../app/core/config/loadConfig.js';
import { kioskMigrations } from '../../../app/core/store/migrations.js';
import { openDatabase } from '../../../app/core/store/openDatabase.js';
import { FIXED_NOW, startHarness, type Harness } from '../backend/simulatorHarness.js';
import { TEST_DEADLINE_MS } from '../../testDeadline.js';

const CHINESE = /[\u4e00-\u9fff]{4,}/;
const temps: string[] = [];
const harnesses: Harness[] = [];

afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'diag-system-'));
  temps.push(dir);
  return dir;
}

function contextFor(raw: Record<string, unknown>, extra: Partial<DiagnosticContext> = {}): DiagnosticContext {
  return { config: parseConfig(raw), configFile: null, now: () => new Date(), log: pino({ level: 'silent' }), allowMovement: false, ...extra };
}

function only(results: DiagnosticResult[], id: string): DiagnosticResult {
  const found = results.filter((r) => r.id === id);
  expect(found, `exactly one ${id} in ${results.map((r) => r.id).join(', ')}`).toHaveLength(1);
  return found[0]!;
}

function expectRemedy(result: DiagnosticResult): void {
  expect(result.remedy).toMatch(CHINESE);
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('storage.disk', () => {
  it('fails a nearly full disk, from an injected statfs, and says what to clear', async () => {
    const dataDir = tempDir();
    const check = storageCheck({ statfs: async () => ({ bsize: 4096, blocks: 8 * 1024 * 1024, bavail: 10 * 1024 }) }); // 32 GiB, 40 MiB free
    const result = only(await check.run(contextFor({ dataDir })), 'storage.disk');
    expect(result.status).toBe('fail');
    expect(result.measurements.freeBytes).toBe(10 * 1024 * 4096);
    expectRemedy(result);
    expect(result.remedy).toContain('清理');
  });

  it('warns when little is left and passes a roomy disk', async () => {
    const dataDir = tempDir();
    const warn = only(await storageCheck({ statfs: async () => ({ bsize: 4096, blocks: 8 * 1024 * 1024, bavail: 256 * 1024 }) }).run(contextFor({ dataDir })), 'storage.disk');
    expect(warn.status).toBe('warn');
    expectRemedy(warn);
    const pass = only(await storageCheck({ statfs: async () => ({ bsize: 4096, blocks: 8 * 1024 * 1024, bavail: 4 * 1024 * 1024 }) }).run(contextFor({ dataDir })), 'storage.disk');
    expect(pass.status).toBe('pass');
    expect(pass.remedy).toBeNull();
  });
});

describe('storage.database', () => {
  it('fails a missing database file', async () => {
    const result = only(await databaseIntegrityCheck().run(contextFor({ dataDir: tempDir() })), 'storage.database');
    expect(result.status).toBe('fail');
    expect(result.measurements.exists).toBe(false);
    expectRemedy(result);
  });

  it('fails a corrupt database file and tells the technician to keep it', async () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, 'kiosk.sqlite'), Buffer.alloc(8192, 0x5a));
    const result = only(await databaseIntegrityCheck().run(contextFor({ dataDir })), 'storage.database');
    expect(result.status).toBe('fail');
    expectRemedy(result);
    expect(result.remedy).toContain('损坏');
  });

  it('passes the kiosk database as the kiosk creates it', async () => {
    const dataDir = tempDir();
    openDatabase(path.join(dataDir, 'kiosk.sqlite'), kioskMigrations).close();
    const result = only(await databaseIntegrityCheck().run(contextFor({ dataDir })), 'storage.database');
    expect(result.status).toBe('pass');
    expect(result.measurements.integrity).toBe('ok');
  });
});

describe('models', () => {
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');

  function modelFolder(): { modelDir: string; manifestPath: string; folder: string } {
    const root = tempDir();
    const modelDir = path.join(root, 'models');
    const folder = path.join(modelDir, 'vad-test');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'model.onnx'), 'model bytes');
    writeFileSync(path.join(folder, 'tokens.txt'), 'tokens');
    const manifest = {
      schemaVersion: 1,
      models: [
        {
          id: 'vad-test',
          role: 'vad',
          tier: 'production',
          description: 'a test model',
          licence: 'MIT',
          source: { url: 'https://example.org/vad-test.tar.bz2' },
          location: { base: 'modelDir', dir: 'vad-test' },
          files: [
            { name: 'model', path: 'model.onnx', sha256: sha('model bytes'), size: 11 },
            { name: 'tokens', path: 'tokens.txt', sha256: sha('tokens'), size: 6 },
          ],
        },
      ],
    };
    const manifestPath = path.join(root, 'manifest.json');
    writeFileSync(manifestPath, JSON.stringify(manifest));
    return { modelDir, manifestPath, folder };
  }

  it('passes a complete model whose files match the manifest', async () => {
    const { modelDir, manifestPath } = modelFolder();
    const result = only(await modelFilesCheck({ manifestPath }).run(contextFor({ dataDir: tempDir(), modelDirs: [modelDir] })), 'models.vad-test');
    expect(result.status).toBe('pass');
    expect(result.measurements.bytes).toBe(17);
  });

  it('fails a model with a missing file', async () => {
    const { modelDir, manifestPath, folder } = modelFolder();
    rmSync(path.join(folder, 'tokens.txt'));
    const result = only(await modelFilesCheck({ manifestPath }).run(contextFor({ dataDir: tempDir(), modelDirs: [modelDir] })), 'models.vad-test');
    expect(result.status).toBe('fail');
    expect(result.measurements.state).toBe('missing');
    expectRemedy(result);
    expect(result.remedy).toContain('modelDirs');
  });

  it('warns, not fails, a model that is absent while another of its role is usable (the kiosk falls back)', async () => {
    const { modelDir, manifestPath } = modelFolder();
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { models: Record<string, unknown>[] };
    manifest.models.push({ ...manifest.models[0], id: 'vad-absent', location: { base: 'modelDir', dir: 'vad-absent' } });
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const results = await modelFilesCheck({ manifestPath }).run(contextFor({ dataDir: tempDir(), modelDirs: [modelDir] }));
    expect(only(results, 'models.vad-test').status).toBe('pass');
    const absent = only(results, 'models.vad-absent');
    expect(absent.status).toBe('warn');
    expectRemedy(absent);
  });

  it('fails a model file whose sha256 does not match', async () => {
    const { modelDir, manifestPath, folder } = modelFolder();
    writeFileSync(path.join(folder, 'model.onnx'), 'MODEL BYTES'); // same size, other content
    const result = only(await modelFilesCheck({ manifestPath }).run(contextFor({ dataDir: tempDir(), modelDirs: [modelDir] })), 'models.vad-test');
    expect(result.status).toBe('fail');
    expect(result.measurements.state).toBe('corrupt');
    expectRemedy(result);
    expect(result.remedy).toContain('sha256');
  });
});

describe('backend', () => {
  it('fails when the business system is down (a closed port)', async () => {
    process.env.DIAG_TEST_BACKEND_SECRET = 'diag-test-secret';
    const port = await closedPort();
    const context = contextFor({ dataDir: tempDir(), backend: { mode: 'remote', baseUrl: `http://127.0.0.1:${port}`, kioskId: 'kiosk-diag', secretEnv: 'DIAG_TEST_BACKEND_SECRET', timeoutMs: 2_000 } });
    const results = await backendReachabilityCheck().run(context);
    const reach = only(results, 'backend.reachability');
    expect(reach.status).toBe('fail');
    expect(reach.measurements.reachable).toBe(false);
    expectRemedy(reach);
    expect(only(results, 'backend.clock').status).toBe('skipped');
    delete process.env.DIAG_TEST_BACKEND_SECRET;
  });

  it('warns when the business system answers slowly', async () => {
    const harness = await startHarness();
    harnesses.push(harness);
    harness.simulator.inject.delayMs(1_000);
    const check = backendReachabilityCheck({ slowMs: 200, connect: async () => ({ client: harness.client(), simulatorUrl: harness.simulator.url, close: async () => undefined }) });
    const results = await check.run(contextFor({ dataDir: tempDir() }, { now: () => new Date(FIXED_NOW) }));
    const reach = only(results, 'backend.reachability');
    expect(reach.status).toBe('warn');
    expect(reach.measurements.latencyMs).toBeGreaterThanOrEqual(200);
    expectRemedy(reach);
    expect(only(results, 'backend.clock').status).toBe('pass');
  }, TEST_DEADLINE_MS);

  it('passes the built-in simulator started as the kiosk starts it', async () => {
    // Reachability, not speed: only an answer slower than the test deadline would be a warning here.
    const results = await backendReachabilityCheck({ slowMs: TEST_DEADLINE_MS }).run(contextFor({ dataDir: tempDir() }));
    const reach = only(results, 'backend.reachability');
    expect(reach.status).toBe('pass');
    expect(reach.measurements.simulator).toBe(true);
    expect(only(results, 'backend.clock').status).toBe('pass');
  }, TEST_DEADLINE_MS);
});

describe('llm', () => {
  it('is skipped, saying why, when the LLM is off', async () => {
    const result = only(await llmReachabilityCheck().run(contextFor({ dataDir: tempDir() })), 'llm.reachability');
    expect(result.status).toBe('skipped');
    expectRemedy(result);
  });

  it('fails when the configured LLM service cannot be reached', async () => {
    const port = await closedPort();
    const context = contextFor({ dataDir: tempDir(), llm: { mode: 'openai', baseUrl: `http://127.0.0.1:${port}/v1`, model: 'test' } });
    const result = only(await llmReachabilityCheck({ timeoutMs: 2_000 }).run(context), 'llm.reachability');
    expect(result.status).toBe('fail');
    expectRemedy(result);
  });
});

describe('outbox.backlog', () => {
  function outboxWith(createdAgoMs: number, now: number): string {
    const dataDir = tempDir();
    const db = openDatabase(path.join(dataDir, 'kiosk.sqlite'), kioskMigrations);
    const at = new Date(now - createdAgoMs).toISOString();
    db.prepare(
      `INSERT INTO transaction_outbox (kind, citizen_id, idempotency_key, payload_sealed, next_attempt_at, created_at, updated_at) VALUES ('pension-auth', 'sealed', 'key-1', 'sealed', ?, ?, ?)`,
    ).run(at, at, at);
    db.close();
    return dataDir;
  }

  it('fails a result that has waited more than a day, and warns one that waited hours', async () => {
    const now = Date.parse('2026-03-02T08:00:00Z');
    const old = only(await outboxBacklogCheck().run(contextFor({ dataDir: outboxWith(2 * 24 * 3600_000, now) }, { now: () => new Date(now) })), 'outbox.backlog');
    expect(old.status).toBe('fail');
    expect(old.measurements.waiting).toBe(1);
    expect(old.measurements.oldestWaitingAgeMs).toBe(2 * 24 * 3600_000);
    expectRemedy(old);
    const hours = only(await outboxBacklogCheck().run(contextFor({ dataDir: outboxWith(3 * 3600_000, now) }, { now: () => new Date(now) })), 'outbox.backlog');
    expect(hours.status).toBe('warn');
    expectRemedy(hours);
  });

  it('passes an empty outbox', async () => {
    const dataDir = tempDir();
    openDatabase(path.join(dataDir, 'kiosk.sqlite'), kioskMigrations).close();
    const result = only(await outboxBacklogCheck().run(contextFor({ dataDir })), 'outbox.backlog');
    expect(result.status).toBe('pass');
    expect(result.measurements.waiting).toBe(0);
  });
});

describe('system', () => {
  it('fails an invalid configuration file, naming the key', async () => {
    const dir = tempDir();
    const configFile = path.join(dir, 'kiosk.config.json');
    writeFileSync(configFile, JSON.stringify({ database: { file: '' } }));
    const result = only(await configurationCheck().run(contextFor({ dataDir: dir }, { configFile })), 'system.configuration');
    expect(result.status).toBe('fail');
    expect(String(result.measurements.problem)).toContain('database.file');
    expectRemedy(result);
  });

  it('passes a valid configuration file', async () => {
    const dir = tempDir();
    const configFile = path.join(dir, 'kiosk.config.json');
    writeFileSync(configFile, JSON.stringify({ dataDir: dir }));
    const result = only(await configurationCheck().run(contextFor({ dataDir: dir }, { configFile })), 'system.configuration');
    expect(result.status).toBe('pass');
  });

  it('reads the CPU temperature from the thermal zones, and skips without them', async () => {
    const thermalDir = tempDir();
    mkdirSync(path.join(thermalDir, 'thermal_zone0'));
    writeFileSync(path.join(thermalDir, 'thermal_zone0', 'type'), 'x86_pkg_temp\n');
    writeFileSync(path.join(thermalDir, 'thermal_zone0', 'temp'), '95000\n');
    const results = await systemLoadCheck({ thermalDir }).run(contextFor({ dataDir: tempDir() }));
    const hot = only(results, 'system.temperature');
    expect(hot.status).toBe('fail');
    expect(hot.measurements.celsius).toBe(95);
    expectRemedy(hot);
    expect(only(results, 'system.load').measurements.appVersion).toEqual(expect.any(String));
    expect(only(results, 'system.memory').measurements.totalBytes).toBeGreaterThan(0);
    const none = only(await systemLoadCheck({ thermalDir: path.join(thermalDir, 'absent') }).run(contextFor({ dataDir: tempDir() })), 'system.temperature');
    expect(none.status).toBe('skipped');
  });

  it('lists every system check once, by device', () => {
    expect(systemDiagnosticChecks.map((c) => c.device)).toEqual(['storage', 'storage', 'models', 'backend', 'llm', 'outbox', 'system', 'system']);
  });
});
