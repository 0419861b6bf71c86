#!/usr/bin/env node
// Downloads the production speech models named in models/manifest.json (the k2-fsa sherpa-onnx release archives),
// unpacks them with tar into the model folder and verifies every file against the manifest. Run it on a machine
// with internet (`npm run models`), then copy the model folder to the kiosk. Plain Node, no dependencies.
//
//   node scripts/fetchModels.mjs [--model-dir data/models] [--only id,id] [--record] [--mirror https://host/]
//        [--connect-timeout-ms 15000] [--idle-timeout-ms 30000] [--manifest models/manifest.json]
//
// --record writes the sha256 and size of files the manifest does not pin yet into the manifest (review the diff).
// --mirror prefixes each download URL (e.g. a GitHub release mirror reachable from the hall's network).
// Without a network it fails within the connect timeout, naming the model and the URL; it never waits forever.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const options = {
    modelDir: path.join(repoRoot, 'data', 'models'),
    manifest: path.join(repoRoot, 'models', 'manifest.json'),
    only: undefined,
    record: false,
    mirror: '',
    connectTimeoutMs: 15_000,
    idleTimeoutMs: 30_000,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--model-dir') options.modelDir = path.resolve(value());
    else if (arg === '--manifest') options.manifest = path.resolve(value());
    else if (arg === '--only') options.only = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (arg === '--record') options.record = true;
    else if (arg === '--mirror') options.mirror = value();
    else if (arg === '--connect-timeout-ms') options.connectTimeoutMs = Number(value());
    else if (arg === '--idle-timeout-ms') options.idleTimeoutMs = Number(value());
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 12).map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
      process.exit(0);
    } else throw new Error(`unknown option ${arg} (see --help)`);
  }
  return options;
}

async function sha256Of(file) {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), hash);
  return hash.digest('hex');
}

/** Same rules as speech/models/checkModels.ts: ok, unverified (no hash recorded), missing or damaged. */
async function checkFiles(model, folder) {
  const results = [];
  for (const file of model.files) {
    const full = path.join(folder, file.path);
    if (!existsSync(full) || !statSync(full).isFile()) {
      results.push({ file, full, state: 'missing' });
      continue;
    }
    const size = statSync(full).size;
    if (file.size !== null && size !== file.size) {
      results.push({ file, full, state: 'wrong-size', size });
      continue;
    }
    const sha256 = await sha256Of(full);
    const state = file.sha256 === null ? 'unverified' : sha256 === file.sha256 ? 'ok' : 'wrong-hash';
    results.push({ file, full, state, size, sha256 });
  }
  return results;
}

const megabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/** Downloads with a deadline for the connection and one for silence on the wire, so it cannot hang. */
async function download(url, target, { connectTimeoutMs, idleTimeoutMs, expectedSize }) {
  const controller = new AbortController();
  let stage = 'connect';
  let timer = setTimeout(() => controller.abort(new Error(`no answer within ${connectTimeoutMs} ms`)), connectTimeoutMs);
  const partial = `${target}.part`;
  try {
    let response;
    try {
      response = await fetch(url, { signal: controller.signal, redirect: 'follow' });
    } catch (error) {
      const why = error?.cause?.code ?? error?.cause?.message ?? error?.message ?? String(error);
      throw new Error(`cannot reach ${new URL(url).host} (${why}); is this machine online? Run it where there is internet, or pass --mirror`, { cause: error });
    }
    if (!response.ok || !response.body) throw new Error(`${url} answered HTTP ${response.status} ${response.statusText}`);
    stage = 'download';
    const total = Number(response.headers.get('content-length')) || expectedSize || 0;
    let received = 0;
    let reported = 0;
    const rearm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(new Error(`no data for ${idleTimeoutMs} ms`)), idleTimeoutMs);
    };
    rearm();
    const body = Readable.fromWeb(response.body);
    body.on('data', (chunk) => {
      received += chunk.length;
      rearm();
      if (total > 0 && received - reported >= total / 10) {
        reported = received;
        process.stderr.write(`  ${Math.round((received / total) * 100)}% of ${megabytes(total)}\n`);
      }
    });
    await pipeline(body, createWriteStream(partial));
    if (expectedSize && received !== expectedSize) throw new Error(`download ended at ${received} bytes, the manifest says ${expectedSize}`);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    if (stage === 'download' && controller.signal.aborted) throw new Error(`download of ${url} stalled: ${controller.signal.reason?.message}`, { cause: error });
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function untar(archive, into) {
  return new Promise((resolve, reject) => {
    const flag = archive.endsWith('.bz2') ? '-xjf' : '-xzf';
    const tar = spawn('tar', [flag, archive, '-C', into], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    tar.stderr.on('data', (d) => (stderr += d));
    tar.on('error', (error) => reject(new Error(`tar could not run: ${error.message}`)));
    tar.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`tar ${flag} ${archive} failed (${code}): ${stderr.trim()}`))));
  });
}

async function fetchModel(model, options) {
  const folder = path.join(options.modelDir, model.location.dir);
  const before = await checkFiles(model, folder);
  if (before.every((r) => r.state === 'ok')) {
    process.stdout.write(`${model.id}: already present and verified in ${folder}\n`);
    return { results: before, archive: undefined };
  }
  const archive = model.source.archive;
  const url = `${options.mirror}${model.source.url}`;
  const downloads = path.join(options.modelDir, '.downloads');
  mkdirSync(downloads, { recursive: true });
  const target = path.join(downloads, path.basename(new URL(model.source.url).pathname));
  process.stdout.write(`${model.id}: downloading ${url}\n`);
  await download(url, target, { connectTimeoutMs: options.connectTimeoutMs, idleTimeoutMs: options.idleTimeoutMs, expectedSize: archive.size ?? undefined });
  const fetched = { sha256: await sha256Of(target), size: statSync(target).size };
  if (archive.sha256 && fetched.sha256 !== archive.sha256) throw new Error(`archive sha256 is ${fetched.sha256}, the manifest says ${archive.sha256}`);
  process.stdout.write(`${model.id}: unpacking into ${options.modelDir}\n`);
  await untar(target, options.modelDir);
  const results = await checkFiles(model, folder);
  const bad = results.filter((r) => r.state === 'missing' || r.state === 'wrong-size' || r.state === 'wrong-hash');
  if (bad.length > 0) {
    throw new Error(`after unpacking, ${bad.map((r) => `${r.file.path} is ${r.state === 'missing' ? 'missing' : r.state === 'wrong-size' ? `${r.size} bytes (manifest: ${r.file.size})` : 'not the sha256 of the manifest'}`).join('; ')}`);
  }
  rmSync(target, { force: true });
  return { results, archive: fetched };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const manifest = JSON.parse(readFileSync(options.manifest, 'utf8'));
  const wanted = manifest.models.filter((m) => m.location.base === 'modelDir' && m.source.archive && (options.only ? options.only.includes(m.id) : m.tier === 'production'));
  if (options.only) {
    const unknown = options.only.filter((id) => !wanted.some((m) => m.id === id));
    if (unknown.length > 0) throw new Error(`not downloadable models in the manifest: ${unknown.join(', ')}`);
  }
  mkdirSync(options.modelDir, { recursive: true });
  let failed = 0;
  let recorded = 0;
  for (const model of wanted) {
    try {
      const { results, archive } = await fetchModel(model, options);
      if (archive && (model.source.archive.sha256 === null || model.source.archive.size === null)) {
        process.stdout.write(`${model.id}: archive sha256 ${archive.sha256} size ${archive.size}${options.record ? ' (recorded)' : ''}\n`);
        if (options.record) {
          model.source.archive.sha256 = archive.sha256;
          model.source.archive.size = archive.size;
          recorded++;
        }
      }
      for (const r of results.filter((x) => x.state === 'unverified' || (x.state === 'ok' && x.file.size === null))) {
        process.stdout.write(`${model.id}: ${r.file.path} sha256 ${r.sha256} size ${r.size}${options.record ? ' (recorded)' : ' (not in the manifest: pass --record to pin it)'}\n`);
        if (options.record) {
          r.file.sha256 = r.sha256;
          r.file.size = r.size;
          recorded++;
        }
      }
      process.stdout.write(`${model.id}: ready in ${path.join(options.modelDir, model.location.dir)}\n`);
    } catch (error) {
      failed++;
      process.stderr.write(`${model.id}: FAILED: ${error.message}\n`);
    }
  }
  if (recorded > 0) {
    writeFileSync(options.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
    process.stdout.write(`recorded ${recorded} hashes in ${options.manifest}: review and commit the change\n`);
  }
  if (failed > 0) {
    process.stderr.write(`${failed} of ${wanted.length} models not fetched; the kiosk falls back to the small models or turns voice off (see its diagnostics)\n`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  process.stderr.write(`fetchModels: ${error.message}\n`);
  process.exitCode = 1;
});
