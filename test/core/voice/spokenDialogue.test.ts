import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KioskView } from '../../../app/api/kioskApi.js';
import { parseConfig } from '../../../app/core/config/loadConfig.js';
import { createKioskRuntime, type KioskRuntime } from '../../../app/core/kioskRuntime.js';
import { loadKnowledgeBase } from '../../../app/core/knowledge/loadKnowledgeBase.js';
import { repoRoot } from '../../../app/core/config/repoRoot.js';
import { createLogger } from '../../../app/core/log/createLogger.js';
import { isOnlyKeyword } from '../../../app/core/voice/kioskVoice.js';
import { createEspeakSynthesizer, createMemoryAudioSink, createPushSource, resampleAll, type PcmAudio, type PushSource } from '../../../speech/index.js';
import { espeakUnavailable } from '../../speech/output/fixtures/speechOutputFixtures.js';
import { sharedModelsDir } from '../../sharedData.js';

// Citizens' voices made with espeak-ng go into the real kiosk (VAD, the small pinyin recognizer, keyword spotter,
// session machine, knowledge base), and the visit must reach the right state. The robot's own voice is played into
// a memory speaker that runs four times faster than real time, so the test does not wait out every sentence.
const kb = loadKnowledgeBase(path.join(repoRoot, 'data', 'kb'));
const log = createLogger({ level: 'silent' });
const synthesizer = createEspeakSynthesizer();
const missing = !existsSync(path.join(sharedModelsDir, 'sherpa-onnx-kws-zipformer-wenetspeech-3.3M-2024-01-01-mobile'))
  ? `the speech models are not at ${sharedModelsDir}`
  : espeakUnavailable();

const voices = new Map<string, PcmAudio>();
beforeAll(async () => {
  if (missing) return;
  for (const sentence of ['我想做养老认证']) voices.set(sentence, await synthesizer.synthesize(sentence, { rate: synthesizer.rateForSpeed(1) }));
});

let runtime: KioskRuntime | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await runtime?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  runtime = undefined;
});

async function startSpeakingKiosk() {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-voice-'));
  const source: PushSource = createPushSource({ sampleRate: 16_000 });
  const sink = createMemoryAudioSink({ now: () => performance.now() * 4 });
  const config = parseConfig({ dataDir, modelDirs: [sharedModelsDir] });
  runtime = await createKioskRuntime(config, { log, composer: null, knowledge: kb, withoutDevices: true, voice: { source, sink } });
  let view!: KioskView;
  runtime.api.subscribe((v) => (view = v));
  const waitFor = async (check: (v: KioskView) => boolean, what: string, timeoutMs = 20_000) => {
    const start = Date.now();
    while (!check(view)) {
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}; phase ${view.phase}, line ${view.robotLine}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  /** A citizen says a sentence, in real time as a microphone delivers it, then 1.5 s of silence for the endpoint. */
  const say = async (sentence: string, gain = 1) => {
    const audio = voices.get(sentence)!;
    const speech = resampleAll(audio.samples, audio.sampleRate, 16_000).map((v) => v * gain);
    const all = new Float32Array(speech.length + 24_000);
    all.set(speech);
    const started = performance.now();
    for (let at = 0; at < all.length; at += 320) {
      source.push(all.subarray(at, at + 320));
      const due = started + ((at + 320) / 16_000) * 1000;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    }
  };
  return { view: () => view, waitFor, say, sink };
}

describe.skipIf(Boolean(missing))(`spoken dialogue end to end${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('starts the pension authentication service when the citizen asks for it by voice, and says what to do', async () => {
    const kiosk = await startSpeakingKiosk();
    expect(kiosk.view().voice.enabled).toBe(true);
    runtime!.api.send({ type: 'citizen.touch' });
    await kiosk.waitFor((v) => v.phase === 'listening', 'the greeting to be spoken');
    expect(kiosk.sink.playedSamples().length).toBeGreaterThan(16_000);

    await kiosk.say('我想做养老认证');
    await kiosk.waitFor((v) => v.faceAuth !== null, 'the 养老认证 screen');
    expect(kiosk.view().faceAuth!.step).toBe('idInput');
    expect(kiosk.view().faceAuth!.instruction).toContain('身份证号');
    expect(kiosk.view().subtitles.some((s) => s.who === 'citizen' && /yang lao/.test(s.text))).toBe(true);
    // The robot reads the instruction out: more audio reaches the speaker after the request.
    const played = kiosk.sink.playedSamples().length;
    await kiosk.waitFor(() => kiosk.sink.playedSamples().length > played + 16_000, 'the instruction to be spoken');
  });

  it('does not take its own voice for a question, and hears the citizen once it has finished', async () => {
    const kiosk = await startSpeakingKiosk();
    runtime!.api.send({ type: 'citizen.touch' });
    // Mid-greeting, the microphone hears a question at echo level (far below the robot's output): that is the
    // robot's own sound coming back, not a citizen talking over it, so it must not become a question.
    await kiosk.say('我想做养老认证', 0.05);
    await kiosk.waitFor((v) => v.phase === 'listening', 'the greeting to finish');
    expect(kiosk.view().answer).toBeNull();
    expect(kiosk.view().faceAuth).toBeNull();
    expect(kiosk.view().subtitles.filter((s) => s.who === 'citizen')).toEqual([]);
    await kiosk.say('我想做养老认证');
    await kiosk.waitFor((v) => v.faceAuth !== null, 'the request heard once the robot is quiet');
  });
});

describe('keyword transcripts', () => {
  it('treats a transcript that is only the keyword as no question', () => {
    expect(isOnlyKeyword('ni hao xiao qing', ['ni', 'hao', 'xiao', 'qing'])).toBe(true);
    expect(isOnlyKeyword('fan hui', ['fan', 'hui'])).toBe(true);
    expect(isOnlyKeyword('ni hao xiao qing shi ye jin zen me ling', ['ni', 'hao', 'xiao', 'qing'])).toBe(false);
  });
});
