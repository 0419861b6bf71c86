import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fileSha256 } from '../../../common/node/fileSha256.js';
import { checkModels } from '../../../speech/models/checkModels.js';
import { parseModelManifest, type ModelEntry, type ModelManifest } from '../../../common/modelManifest.js';
import { DEFAULT_MANIFEST_PATH, readModelManifest } from '../../../common/node/readModelManifest.js';
import { resolveSpeechModels } from '../../../speech/models/resolveSpeechModels.js';
import { selectRecognizer } from '../../../speech/models/selectRecognizer.js';
import { missingSpeechFixtures, pinyinModelDir, sharedModelsDir } from './inputFixtures.js';

const missing = missingSpeechFixtures();
const repoManifest = () => readModelManifest();

/** A model folder holding a copy of the small pinyin model, to damage at will. */
function copyOfPinyinModel(): string {
  const modelDir = mkdtempSync(path.join(os.tmpdir(), 'models-'));
  const target = path.join(modelDir, path.basename(pinyinModelDir));
  mkdirSync(target);
  for (const file of ['encoder-epoch-12-avg-2-chunk-16-left-64.int8.onnx', 'decoder-epoch-12-avg-2-chunk-16-left-64.onnx', 'joiner-epoch-12-avg-2-chunk-16-left-64.int8.onnx', 'tokens.txt']) {
    copyFileSync(path.join(pinyinModelDir, file), path.join(target, file));
  }
  return modelDir;
}

describe('model manifest', () => {
  it('is valid and names every role with its source and licence', () => {
    const manifest = repoManifest();
    expect(DEFAULT_MANIFEST_PATH.endsWith(path.join('models', 'manifest.json'))).toBe(true);
    const byId = new Map(manifest.models.map((m) => [m.id, m]));
    expect([...byId.keys()]).toEqual(expect.arrayContaining(['asr-zh-streaming-multi-zh-hans', 'asr-pinyin-small', 'kws-pinyin-small', 'vad-silero', 'tts-zh-melo']));
    expect(byId.get('asr-zh-streaming-multi-zh-hans')).toMatchObject({ role: 'asr', tier: 'production', output: 'characters' });
    expect(byId.get('asr-zh-streaming-multi-zh-hans')!.source.url).toMatch(/^https:\/\/github\.com\/k2-fsa\/sherpa-onnx\/releases\/download\/asr-models\//);
    expect(byId.get('tts-zh-melo')!.source.url).toMatch(/^https:\/\/github\.com\/k2-fsa\/sherpa-onnx\/releases\/download\/tts-models\//);
    expect(byId.get('asr-pinyin-small')).toMatchObject({ role: 'asr', tier: 'development', output: 'pinyin' });
    for (const model of manifest.models) expect(model.licence, model.id).not.toBe('');
  });

  it('refuses a manifest with a duplicate id, a bad hash or an asr model without its output', () => {
    const good = JSON.parse(readFileSync(DEFAULT_MANIFEST_PATH, 'utf8')) as { models: Array<Record<string, unknown>> };
    const badHash = structuredClone(good);
    (badHash.models[1]!.files as Array<Record<string, unknown>>)[0]!.sha256 = 'not-a-hash';
    expect(() => parseModelManifest(badHash, 'test manifest')).toThrow(/test manifest is invalid: models\.1\.files\.0\.sha256: sha256 must be 64 lower-case hex digits/);
    const inconsistent = structuredClone(good);
    inconsistent.models.push({ ...inconsistent.models[1]! });
    delete inconsistent.models[0]!.output;
    expect(() => parseModelManifest(inconsistent, 'test manifest')).toThrow(/must say its output.*"asr-pinyin-small" is used twice/);
    expect(() => readModelManifest('/nonexistent/manifest.json')).toThrow(/cannot read the model manifest \/nonexistent\/manifest\.json/);
  });
});

describe('checking and selecting models', () => {
  beforeEach((context) => context.skip(missing !== undefined, missing));

  it('verifies the shared models and the npm Silero weights; the production models are reported missing with the way to get them', async () => {
    const statuses = await checkModels(repoManifest(), sharedModelsDir);
    const byId = new Map(statuses.map((s) => [s.id, s]));
    expect(byId.get('asr-pinyin-small')).toMatchObject({ state: 'ok', usable: true, reason: 'all 4 files present, sha256 verified' });
    expect(byId.get('vad-silero')).toMatchObject({ state: 'ok', usable: true });
    expect(byId.get('vad-silero')!.folder).toMatch(/node_modules\/@jjhbw\/silero-vad\/weights$/);
    expect(byId.get('asr-zh-streaming-multi-zh-hans')).toMatchObject({ state: 'missing', usable: false });
    expect(byId.get('asr-zh-streaming-multi-zh-hans')!.reason).toMatch(/not installed: .* has none of its 4 files \(run `npm run models`/);
  });

  it('searches several model folders in order and takes each model from the first that holds it whole', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'no-models-'));
    const statuses = await checkModels(repoManifest(), [empty, sharedModelsDir]);
    const byId = new Map(statuses.map((s) => [s.id, s]));
    expect(byId.get('asr-pinyin-small')).toMatchObject({ state: 'ok', folder: pinyinModelDir });
    expect(byId.get('asr-zh-streaming-multi-zh-hans')!.reason).toMatch(new RegExp(`not installed: none of ${empty}/.*, ${sharedModelsDir}/.* exists or holds its files`));
  });

  it('reports a file with a bad hash and a missing file, each in a plain reason', async () => {
    const modelDir = copyOfPinyinModel();
    const folder = path.join(modelDir, path.basename(pinyinModelDir));
    const joiner = path.join(folder, 'joiner-epoch-12-avg-2-chunk-16-left-64.int8.onnx');
    const bytes = readFileSync(joiner);
    bytes[1000] = bytes[1000]! ^ 0xff; // same size, different content
    writeFileSync(joiner, bytes);
    const [damaged] = await checkModels(repoManifest(), modelDir, { ids: ['asr-pinyin-small'] });
    expect(damaged).toMatchObject({ state: 'corrupt', usable: false });
    expect(damaged!.reason).toMatch(/damaged or a different version: sha256 of joiner-epoch-12-avg-2-chunk-16-left-64\.int8\.onnx does not match/);
    expect(damaged!.files.find((f) => f.name === 'joiner')).toMatchObject({ state: 'wrong-hash', sha256: await fileSha256(joiner) });

    writeFileSync(path.join(folder, 'tokens.txt'), '');
    const [wrongSize] = await checkModels(repoManifest(), modelDir, { ids: ['asr-pinyin-small'] });
    expect(wrongSize!.reason).toMatch(/tokens\.txt is 0 bytes, the manifest says 1627/);

    const fresh = copyOfPinyinModel();
    const freshFolder = path.join(fresh, path.basename(pinyinModelDir));
    rmSync(path.join(freshFolder, 'tokens.txt'));
    const [incomplete] = await checkModels(repoManifest(), fresh, { ids: ['asr-pinyin-small'] });
    expect(incomplete).toMatchObject({ state: 'missing', usable: false });
    expect(incomplete!.reason).toMatch(/incomplete: tokens\.txt missing in /);
  });

  it('selects the production recognizer when valid, else the pinyin model, else none with the reason', async () => {
    // A "production" model made of the pinyin files, so both candidates exist here.
    const modelDir = copyOfPinyinModel();
    const base = repoManifest();
    const pinyinEntry = base.models.find((m) => m.id === 'asr-pinyin-small')!;
    const production: ModelEntry = { ...pinyinEntry, id: 'asr-production-test', tier: 'production', output: 'characters' };
    const manifest: ModelManifest = { ...base, models: [production, ...base.models.filter((m) => m.id !== 'asr-zh-streaming-multi-zh-hans')] };

    const both = selectRecognizer(manifest, await checkModels(manifest, modelDir));
    expect(both.model).toMatchObject({ id: 'asr-production-test', output: 'characters' });

    // Production damaged: falls back to the pinyin model and says why.
    const damaged: ModelManifest = { ...manifest, models: manifest.models.map((m) => (m.id === 'asr-production-test' ? { ...m, files: m.files.map((f) => (f.name === 'encoder' ? { ...f, sha256: '0'.repeat(64) } : f)) } : m)) };
    const fallback = selectRecognizer(damaged, await checkModels(damaged, modelDir));
    expect(fallback.model).toMatchObject({ id: 'asr-pinyin-small', output: 'pinyin' });
    expect(fallback.model?.encoder).toBe(path.join(modelDir, path.basename(pinyinModelDir), 'encoder-epoch-12-avg-2-chunk-16-left-64.int8.onnx'));
    expect(fallback.reason).toMatch(/using asr-pinyin-small \(development\); passed over asr-production-test: damaged or a different version/);

    // Nothing usable: voice off, with every reason.
    const empty = mkdtempSync(path.join(os.tmpdir(), 'no-models-'));
    const none = selectRecognizer(damaged, await checkModels(damaged, empty));
    expect(none.model).toBeUndefined();
    expect(none.reason).toMatch(/^voice input off: no usable asr model: asr-production-test: not installed.*; asr-pinyin-small: not installed/);
  });

  it('accepts a model without recorded hashes as unverified, unless verification is required', async () => {
    const base = repoManifest();
    const unhashed: ModelManifest = {
      ...base,
      models: base.models.filter((m) => m.role !== 'asr' || m.id === 'asr-pinyin-small').map((m) => (m.id === 'asr-pinyin-small' ? { ...m, files: m.files.map((f) => ({ ...f, sha256: null })) } : m)),
    };
    const models = await resolveSpeechModels({ manifest: unhashed, modelDir: sharedModelsDir });
    expect(models.statuses.find((s) => s.id === 'asr-pinyin-small')).toMatchObject({ state: 'unverified', usable: true });
    expect(models.recognizer.reason).toMatch(/using asr-pinyin-small \(development\) \(files present, sha256 not recorded\)/);
    expect(models.keywordSpotter.model?.id).toBe('kws-pinyin-small');
    expect(models.vad.modelPath).toMatch(/silero_vad\.onnx$/);
    const strict = await resolveSpeechModels({ manifest: unhashed, modelDir: sharedModelsDir, requireVerified: true });
    expect(strict.recognizer.model).toBeUndefined();
  });
});
