import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readModelManifest } from '../../../common/node/readModelManifest.js';
import { pcmDurationMs } from '../../../speech/playback/pcmAudio.js';
import { chooseSpeechSynthesizer } from '../../../speech/tts/chooseSpeechSynthesizer.js';
import { loadSherpaOnnxSynthesizer } from '../../../speech/tts/sherpaOnnxSynthesizer.js';
import { checkModels } from '../../../speech/models/checkModels.js';
import { sherpaTtsConfigFor, sherpaVoiceEntrySchema } from '../../../speech/tts/sherpaVoiceEntry.js';
import { selectTtsVoice } from '../../../speech/tts/selectTtsVoice.js';
import { espeakUnavailable } from './fixtures/speechOutputFixtures.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'sherpa-voice-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const vitsEntry = {
  id: 'vits-zh-test',
  kind: 'vits',
  files: { model: 'model.onnx', tokens: 'tokens.txt', lexicon: 'lexicon.txt', ruleFsts: ['number.fst'] },
};

function voiceFolder(name: string, files: Record<string, string>): string {
  const folder = path.join(scratch, name);
  mkdirSync(folder, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(folder, file), content);
  return folder;
}

describe('a configured sherpa-onnx voice that is missing or broken', () => {
  it('reports a folder that does not exist', async () => {
    await expect(loadSherpaOnnxSynthesizer({ folder: path.join(scratch, 'nowhere'), entry: vitsEntry })).rejects.toMatchObject({
      name: 'SpeechSynthesisError',
      kind: 'voiceInvalid',
      message: expect.stringMatching(/vits-zh-test.*nowhere does not exist/),
    });
  });

  it('names every missing or empty file at once', async () => {
    const folder = voiceFolder('incomplete', { 'tokens.txt': '', 'lexicon.txt': '你 n i3\n' });
    await expect(loadSherpaOnnxSynthesizer({ folder, entry: vitsEntry })).rejects.toMatchObject({
      kind: 'voiceInvalid',
      message: expect.stringMatching(/model\.onnx \(model\) is missing; tokens\.txt \(tokens\) is empty; number\.fst \(ruleFsts\) is missing/),
    });
  });

  it('rejects a manifest entry of the wrong shape', () => {
    expect(() => sherpaTtsConfigFor(scratch, { id: 'x', kind: 'kokoro', files: {} })).toThrow(/manifest entry is invalid: kind.*files\.tokens/);
    expect(() => sherpaTtsConfigFor(scratch, { id: 'm', kind: 'matcha', files: { tokens: 't' } })).toThrow(/matcha voice needs files\.acousticModel; matcha voice needs files\.vocoder/);
  });

  it('reports a model file that sherpa-onnx cannot parse, without crashing the process', async () => {
    const folder = voiceFolder('corrupt', { 'model.onnx': 'not a protobuf', 'tokens.txt': 'a 0\nb 1\n', 'lexicon.txt': '啊 a\n', 'number.fst': 'x' });
    await expect(loadSherpaOnnxSynthesizer({ folder, entry: vitsEntry })).rejects.toMatchObject({
      kind: 'voiceInvalid',
      message: expect.stringMatching(/did not load: .*(Protobuf|parse|check your config)/i),
    });
  });

  it('builds the documented OfflineTts config from a complete folder', () => {
    const folder = voiceFolder('complete', { 'model.onnx': 'x', 'tokens.txt': 'x', 'lexicon.txt': 'x', 'number.fst': 'x' });
    const { entry, config } = sherpaTtsConfigFor(folder, vitsEntry);
    expect(entry).toMatchObject({ speakerId: 0, lengthScale: 1.15, numThreads: 1 });
    expect(config).toEqual({
      model: {
        vits: { model: path.join(folder, 'model.onnx'), tokens: path.join(folder, 'tokens.txt'), lexicon: path.join(folder, 'lexicon.txt') },
        numThreads: 1,
        debug: false,
        provider: 'cpu',
      },
      maxNumSentences: 1,
      ruleFsts: path.join(folder, 'number.fst'),
    });
  });

  it.skipIf(espeakUnavailable() !== undefined)('leaves the kiosk speaking with espeak-ng and says why', async () => {
    const choice = await chooseSpeechSynthesizer({ voice: { folder: path.join(scratch, 'nowhere'), entry: vitsEntry } });
    expect(choice.synthesizer.engine).toBe('espeak-ng');
    expect(choice.voiceProblem).toMatchObject({ kind: 'voiceInvalid' });
    const audio = await choice.synthesizer.synthesize('您好');
    expect(audio.samples.length).toBeGreaterThan(0);
  });
});

describe('the TTS voice in the model manifest', () => {
  const manifest = readModelManifest();

  it('has a voice entry this loader accepts', () => {
    const tts = manifest.models.filter((m) => m.role === 'tts');
    expect(tts.length).toBeGreaterThan(0);
    for (const model of tts) expect(sherpaVoiceEntrySchema.safeParse(model.config?.voice).success).toBe(true);
  });

  it('falls back to espeak-ng, with the reason, when the voice folder is not on this machine', async () => {
    const emptyModelDir = voiceFolder('empty-model-dir', {});
    const statuses = await checkModels(manifest, emptyModelDir);
    const selection = selectTtsVoice(manifest, statuses);
    expect(selection.voice).toBeUndefined();
    expect(selection.reason).toMatch(/^speaking with espeak-ng: no usable tts model: tts-zh-melo: /);
  });

  it('hands the folder and voice entry on when the files are there', async () => {
    const entry = manifest.models.find((m) => m.role === 'tts')!;
    if (entry.location.base !== 'modelDir') throw new Error('expected the voice under the model folder');
    const modelDir = path.join(scratch, 'model-dir');
    for (const file of entry.files) {
      mkdirSync(path.dirname(path.join(modelDir, entry.location.dir, file.path)), { recursive: true });
      writeFileSync(path.join(modelDir, entry.location.dir, file.path), 'x');
    }
    const statuses = await checkModels({ ...manifest, models: [{ ...entry, files: entry.files.map((f) => ({ ...f, sha256: null, size: null })) }] }, modelDir);
    const selection = selectTtsVoice(manifest, statuses);
    expect(selection.voice).toEqual({ folder: path.join(modelDir, entry.location.dir), entry: entry.config!.voice });
  });
});

// A real Chinese voice, when a machine has one: KIOSK_MODEL_DIR is a model folder holding the manifest's tts voice.
async function installedVoice(): Promise<{ voice?: { folder: string; entry: unknown }; reason: string }> {
  const modelDir = process.env.KIOSK_MODEL_DIR;
  if (!modelDir) return { reason: 'KIOSK_MODEL_DIR not set' };
  const manifest = readModelManifest();
  return selectTtsVoice(manifest, await checkModels(manifest, modelDir));
}
const realVoice = await installedVoice();
if (!realVoice.voice) console.warn(`no sherpa-onnx Chinese voice here (${realVoice.reason}): real voice test skipped`);

describe.skipIf(!realVoice.voice)('a real sherpa-onnx Chinese voice', () => {
  it('speaks a kiosk sentence, slower with a larger length scale', async () => {
    const tts = await loadSherpaOnnxSynthesizer(realVoice.voice!);
    const normal = await tts.synthesize('请到3号窗口办理。', { rate: 1 });
    const slow = await tts.synthesize('请到3号窗口办理。', { rate: 1.5 });
    expect(pcmDurationMs(normal)).toBeGreaterThan(800);
    expect(pcmDurationMs(slow)).toBeGreaterThan(pcmDurationMs(normal) * 1.2);
    expect(tts.rateForSpeed(0.8)).toBeCloseTo(1.25);
    tts.close();
  });
});
