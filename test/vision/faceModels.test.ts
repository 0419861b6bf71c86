import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkFaceModels, chooseFaceModels, modelFolderOf } from '../../vision/models/checkFaceModels.js';
import { DEFAULT_FACE_MANIFEST_PATH, FACE_MODEL_ROLES, faceModelConfig, parseFaceModelEntries, readFaceModelEntries, type FaceModelEntry } from '../../vision/models/faceModelManifest.js';
import { loadFaceModels } from '../../vision/models/loadFaceModels.js';

const temp: string[] = [];
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

/** The detector entry moved to a model folder under our control, to damage at will. */
function detectorInModelDir(): { entry: FaceModelEntry; modelDir: string; file: string } {
  const original = readFaceModelEntries().find((e) => e.role === 'face-detect')!;
  const modelDir = mkdtempSync(path.join(os.tmpdir(), 'face-models-'));
  temp.push(modelDir);
  mkdirSync(path.join(modelDir, 'faces'));
  const file = path.join(modelDir, 'faces', original.files[0]!.path);
  copyFileSync(path.join(modelFolderOf(original)!, original.files[0]!.path), file);
  return { entry: { ...original, id: 'face-detect-copy', location: { base: 'modelDir', dir: 'faces' } }, modelDir, file };
}

describe('face model manifest', () => {
  it('names one model per face role, from the npm package, with sha256, size, MIT licence and the provenance caveat', () => {
    const entries = readFaceModelEntries();
    expect(DEFAULT_FACE_MANIFEST_PATH.endsWith(path.join('models', 'manifest.json'))).toBe(true);
    expect(entries.map((e) => e.role).sort()).toEqual([...FACE_MODEL_ROLES].sort());
    for (const entry of entries) {
      expect(entry.location).toMatchObject({ base: 'npm', package: 'faceplugin-face-recognition-js', dir: 'model' });
      expect(entry.files[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(entry.files[0]!.size).toBeGreaterThan(100_000);
      expect(entry.licence).toBe('MIT');
      expect(entry.source.note).toMatch(/origin .* weights .* not documented/);
    }
  });

  it('keeps the speech entries untouched (the face entries live in their own list)', () => {
    const json = JSON.parse(readFileSync(DEFAULT_FACE_MANIFEST_PATH, 'utf8')) as { models: { role: string }[]; faceModels: unknown[] };
    expect(json.models.every((m) => !m.role.startsWith('face-'))).toBe(true);
    expect(json.models.map((m) => m.role)).toEqual(expect.arrayContaining(['asr', 'kws', 'vad', 'tts']));
    expect(json.faceModels).toHaveLength(5);
  });

  it('reads the pre-processing from config, with defaults, and refuses bad entries with a message naming them', () => {
    const liveness = readFaceModelEntries().find((e) => e.role === 'face-liveness')!;
    expect(faceModelConfig('face-liveness', liveness)).toMatchObject({ inputSize: 128, cropScale: 2.7, channelOrder: 'bgr', liveIndex: 0 });
    expect(faceModelConfig('face-liveness', { ...liveness, config: {} }).channelOrder).toBe('bgr');
    const manifest = JSON.parse(readFileSync(DEFAULT_FACE_MANIFEST_PATH, 'utf8')) as Record<string, unknown>;
    const withFaceModels = (...faceModels: unknown[]) => ({ ...manifest, faceModels });
    expect(() => parseFaceModelEntries(withFaceModels({ ...liveness, config: { channelOrder: 'grb' } }), 'test manifest')).toThrow(
      /test manifest is invalid: face-liveness-faceplugin config\.channelOrder/,
    );
    expect(() => parseFaceModelEntries(withFaceModels({ ...liveness, files: [{ ...liveness.files[0], sha256: 'xyz' }] }), 'test manifest')).toThrow(
      /test manifest is invalid: faceModels\.0\.files\.0\.sha256: sha256 must be 64/,
    );
    expect(() => parseFaceModelEntries(withFaceModels({ ...liveness, files: [liveness.files[0], { ...liveness.files[0], name: 'second' }] }), 'test manifest')).toThrow(
      /face model "face-liveness-faceplugin" must be one ONNX file/,
    );
    expect(() => parseFaceModelEntries(withFaceModels(liveness, liveness), 'test manifest')).toThrow(/"face-liveness-faceplugin" is used twice/);
  });
});

describe('face model files', () => {
  it('finds every file in the npm package and verifies its sha256', async () => {
    const statuses = await checkFaceModels(readFaceModelEntries());
    expect(statuses.map((s) => [s.role, s.state])).toEqual(FACE_MODEL_ROLES.map((r) => [r, 'ok']));
    expect(chooseFaceModels(statuses).size).toBe(5);
  });

  it('reports a damaged file as corrupt and never chooses it; a missing one as missing', async () => {
    const { entry, modelDir, file } = detectorInModelDir();
    expect((await checkFaceModels([entry], { modelDirs: [modelDir] }))[0]!.state).toBe('ok');
    const bytes = readFileSync(file);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(file, bytes);
    const [damaged] = await checkFaceModels([entry], { modelDirs: [modelDir] });
    expect(damaged).toMatchObject({ state: 'corrupt', usable: false });
    expect(damaged!.reason).toMatch(/sha256 of fr_detect\.onnx does not match/);
    expect(chooseFaceModels([damaged!]).has('face-detect')).toBe(false);
    const [missing] = await checkFaceModels([entry], { modelDirs: [path.join(modelDir, 'elsewhere')] });
    expect(missing).toMatchObject({ state: 'missing', usable: false });
  });

  it('loads the sessions once and shares them; refuses to load with a message naming each unusable role', async () => {
    const a = await loadFaceModels();
    const b = await loadFaceModels();
    expect(b).toBe(a);
    expect(a.detect.session.inputNames).toEqual(['input']);
    expect(a.embed.config.channelOrder).toBe('bgr');
    const { entry, modelDir, file } = detectorInModelDir();
    rmSync(file);
    const others = readFaceModelEntries().filter((e) => e.role !== 'face-detect' && e.role !== 'face-eye');
    await expect(loadFaceModels({ entries: [entry, ...others], modelDirs: [modelDir] })).rejects.toThrow(/face-detect: face-detect-copy not installed.*face-eye: no entry in the manifest/);
  });

  it('release() releases every ONNX Runtime session once and forgets them: the next load creates new ones', async () => {
    const models = await loadFaceModels();
    const sessions = [models.detect, models.landmark, models.embed, models.liveness, models.eye].map((m) => m.session);
    const releases = sessions.map((session) => vi.spyOn(session, 'release'));
    await models.release();
    await models.release();
    expect(releases.map((r) => r.mock.calls.length)).toEqual([1, 1, 1, 1, 1]);
    const again = await loadFaceModels();
    expect(again).not.toBe(models);
    expect(again.detect.session).not.toBe(models.detect.session);
    await again.release();
  });
});
