import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readModelManifest } from '../../../common/node/readModelManifest.js';

const script = path.resolve('scripts/fetchModels.mjs');
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function runScript(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A one-model manifest whose archive is served from `url`. */
function writeManifest(dir: string, url: string, files: Array<{ name: string; path: string; sha256: string | null; size: number | null }>): string {
  const manifest = {
    schemaVersion: 1,
    models: [
      {
        id: 'asr-test-archive',
        role: 'asr',
        tier: 'production',
        output: 'characters',
        description: 'test archive',
        licence: 'Apache-2.0',
        source: { url, archive: { format: 'tar.bz2', size: null, sha256: null } },
        location: { base: 'modelDir', dir: 'test-model' },
        files,
      },
    ],
  };
  const file = path.join(dir, 'manifest.json');
  writeFileSync(file, JSON.stringify(manifest, null, 2));
  return file;
}

describe('scripts/fetchModels.mjs', () => {
  const servers: http.Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  });

  async function serve(handler: http.RequestListener): Promise<string> {
    const server = http.createServer(handler);
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('gives up within the connect timeout, naming the model, when the server never answers', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fetch-'));
    const base = await serve(() => {
      /* accepts, never answers */
    });
    const manifest = writeManifest(dir, 'https://github.com/k2-fsa/sherpa-onnx/releases/download/asr-models/x.tar.bz2', [{ name: 'tokens', path: 'tokens.txt', sha256: null, size: null }]);
    const result = await runScript(['--manifest', manifest, '--model-dir', path.join(dir, 'models'), '--mirror', `${base}/`, '--connect-timeout-ms', '800']);
    expect(result.code).toBe(1); // it gave up rather than waiting on a server that never answers
    expect(result.stderr).toMatch(/asr-test-archive: FAILED: cannot reach 127\.0\.0\.1:\d+ \(no answer within 800 ms\)/);
  });

  it('gives up on a download that stops sending, and leaves no partial file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fetch-'));
    const base = await serve((_, res) => {
      res.writeHead(200, { 'content-length': '1000000' });
      res.write(Buffer.alloc(1000));
    });
    const manifest = writeManifest(dir, `${base}/model.tar.bz2`, [{ name: 'tokens', path: 'tokens.txt', sha256: null, size: null }]);
    const modelDir = path.join(dir, 'models');
    const result = await runScript(['--manifest', manifest, '--model-dir', modelDir, '--idle-timeout-ms', '500']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/download of http:\/\/127\.0\.0\.1:\d+\/model\.tar\.bz2 stalled: no data for 500 ms/);
    expect(readdirSync(path.join(modelDir, '.downloads'))).toEqual([]);
  });

  it('downloads, unpacks with tar, verifies, and records the hashes it was missing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fetch-'));
    const content = path.join(dir, 'content');
    mkdirSync(path.join(content, 'test-model'), { recursive: true });
    writeFileSync(path.join(content, 'test-model', 'tokens.txt'), '<blk> 0\n');
    writeFileSync(path.join(content, 'test-model', 'encoder.onnx'), 'not really a model');
    const archive = path.join(dir, 'test-model.tar.bz2');
    execFileSync('tar', ['-cjf', archive, '-C', content, 'test-model']);
    const base = await serve((_, res) => res.end(readFileSync(archive)));
    const manifest = writeManifest(dir, `${base}/test-model.tar.bz2`, [
      { name: 'tokens', path: 'tokens.txt', sha256: sha256('<blk> 0\n'), size: 8 },
      { name: 'encoder', path: 'encoder.onnx', sha256: null, size: null },
    ]);
    const modelDir = path.join(dir, 'models');
    const result = await runScript(['--manifest', manifest, '--model-dir', modelDir, '--record']);
    expect(result.stderr).not.toMatch(/FAILED/);
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(modelDir, 'test-model', 'encoder.onnx'), 'utf8')).toBe('not really a model');
    const recorded = readModelManifest(manifest).models[0]!;
    expect(recorded.files[1]).toEqual({ name: 'encoder', path: 'encoder.onnx', sha256: sha256('not really a model'), size: 18 });
    expect(recorded.source.archive).toEqual({ format: 'tar.bz2', size: readFileSync(archive).length, sha256: sha256(readFileSync(archive)) });
    // A second run finds everything verified and downloads nothing.
    const again = await runScript(['--manifest', manifest, '--model-dir', modelDir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already present and verified/);
  });

  it('refuses files that do not match the manifest after unpacking', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fetch-'));
    const content = path.join(dir, 'content');
    mkdirSync(path.join(content, 'test-model'), { recursive: true });
    writeFileSync(path.join(content, 'test-model', 'tokens.txt'), 'tampered\n');
    const archive = path.join(dir, 'test-model.tar.bz2');
    execFileSync('tar', ['-cjf', archive, '-C', content, 'test-model']);
    const base = await serve((_, res) => res.end(readFileSync(archive)));
    const manifest = writeManifest(dir, `${base}/test-model.tar.bz2`, [{ name: 'tokens', path: 'tokens.txt', sha256: sha256('<blk> 0\n'), size: null }]);
    const result = await runScript(['--manifest', manifest, '--model-dir', path.join(dir, 'models')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/after unpacking, tokens\.txt is not the sha256 of the manifest/);
  });
});
