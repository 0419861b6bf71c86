// Speech input: real-time factor of the streaming recognizer, the VAD and the keyword spotter with 1 and 2 threads
// (median over the real recordings), time from the end of speech to the final transcript per endpoint profile,
// the endpoint measurements the profiles were chosen from, recognition and keyword figures, and the memory the
// loaded engines take. Uses the model manager's choice: the production recognizer when data/models holds it,
// else the small pinyin model of the shared models folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ENDPOINT_PROFILES, type EndpointProfileName } from '../speech/asr/endpointRules.js';
import { pinyinOfText, recognizedText } from '../speech/asr/recognizedText.js';
import type { RecognizerModel } from '../speech/asr/recognizerModel.js';
import { createSpeechInput } from '../speech/asr/speechInput.js';
import { createStreamingRecognizer, recognizerConfig } from '../speech/asr/streamingRecognizer.js';
import { ENGINE_SAMPLE_RATE } from '../speech/audio/audioFrame.js';
import { createPushSource } from '../speech/audio/pushSource.js';
import { readAudioFile } from '../speech/audio/readAudioFile.js';
import { KIOSK_KEYWORDS } from '../speech/kws/kioskKeywords.js';
import { createKeywordSpotter, type KeywordSpotterModel } from '../speech/kws/keywordSpotter.js';
import { resolveSpeechModels } from '../speech/models/resolveSpeechModels.js';
import { loadSherpaOnnx } from '../speech/models/sherpaOnnx.js';
import type { SpeechEvent } from '../speech/speechEvents.js';
import { pinyinTokens, tokenErrorRate } from '../speech/transcribe/tokenErrorRate.js';
import { transcribe } from '../speech/transcribe/transcribe.js';
import { createVoiceActivityDetector } from '../speech/vad/voiceActivityDetector.js';
import { roomNoise } from '../test/speech/input/inputFixtures.js';
import { writeBenchResult } from './benchResult.js';
import { sharedModelsDir, sharedSpeechDir } from '../test/sharedData.js';

const dataDir = process.env.SPEECH_DATA_DIR ?? sharedSpeechDir;
const modelDirs = ['data/models', process.env.SPEECH_MODELS_DIR ?? sharedModelsDir];
const FRAME = 320; // 20 ms
const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const stats = (xs: number[], digits = 4) => ({ median: round(median(xs), digits), min: round(Math.min(...xs), digits), max: round(Math.max(...xs), digits), n: xs.length });

// ── memory first, before any engine is loaded ──────────────────────────────────────────────────────────────
const models = await resolveSpeechModels({ modelDir: modelDirs });
const recognizerModel = models.recognizer.model;
const keywordModel = models.keywordSpotter.model;
const vadModelPath = models.vad.modelPath;
if (!recognizerModel || !keywordModel || !vadModelPath) throw new Error(`models missing: ${models.recognizer.reason}; ${models.keywordSpotter.reason}; ${models.vad.reason}`);

const realFiles = ['0', '1', '2', '3', '4', '5', '6'].map((n) => `sherpa-kws-test-wavs/${n}.wav`).concat('funasr/asr_example.wav');
const recordings = await Promise.all(realFiles.map(async (file) => ({ file, audio: await readAudioFile(path.join(dataDir, file)) })));

loadSherpaOnnx();
const rssBefore = process.memoryUsage().rss;
const loadStarted = performance.now();
const memoryRecognizer = createStreamingRecognizer({ model: recognizerModel });
const memoryKws = createKeywordSpotter({ model: keywordModel, keywords: KIOSK_KEYWORDS });
const memoryVad = createVoiceActivityDetector({ modelPath: vadModelPath });
const loadMs = performance.now() - loadStarted;
const rssLoaded = process.memoryUsage().rss;
for (const { audio } of recordings.slice(0, 2)) {
  for (let i = 0; i < audio.samples.length; i += FRAME) {
    const frame = { samples: audio.samples.subarray(i, i + FRAME), startMs: i / 16 };
    memoryVad.accept(frame);
    memoryRecognizer.accept(frame);
    memoryKws.accept(frame);
  }
}
const rssRunning = process.memoryUsage().rss;
const memory = {
  engines: `${recognizerModel.id} + ${keywordModel.id} + Silero VAD`,
  loadMs: Math.round(loadMs),
  rssBeforeMiB: round(rssBefore / 2 ** 20, 1),
  rssDeltaLoadedMiB: round((rssLoaded - rssBefore) / 2 ** 20, 1),
  rssDeltaAfterDecodingMiB: round((rssRunning - rssBefore) / 2 ** 20, 1),
};

// ── real-time factors ──────────────────────────────────────────────────────────────────────────────────────
function recognizerRtf(model: RecognizerModel, numThreads: number): number[] {
  const sherpa = loadSherpaOnnx();
  const recognizer = new sherpa.OnlineRecognizer(recognizerConfig(model, numThreads, 'greedy_search'));
  const run = (samples: Float32Array) => {
    const stream = recognizer.createStream();
    const began = performance.now();
    for (let i = 0; i < samples.length; i += FRAME) {
      stream.acceptWaveform({ samples: samples.subarray(i, i + FRAME), sampleRate: ENGINE_SAMPLE_RATE });
      while (recognizer.isReady(stream)) recognizer.decode(stream);
      recognizer.getResult(stream);
    }
    stream.acceptWaveform({ samples: new Float32Array(8_000), sampleRate: ENGINE_SAMPLE_RATE });
    stream.inputFinished();
    while (recognizer.isReady(stream)) recognizer.decode(stream);
    return (performance.now() - began) / 1000 / (samples.length / ENGINE_SAMPLE_RATE);
  };
  run(recordings[0]!.audio.samples); // warm-up
  return recordings.map((r) => run(r.audio.samples));
}

function vadRtf(numThreads: number): number[] {
  const vad = createVoiceActivityDetector({ modelPath: vadModelPath!, numThreads });
  const run = (samples: Float32Array) => {
    vad.reset();
    const began = performance.now();
    for (let i = 0; i < samples.length; i += FRAME) vad.accept({ samples: samples.subarray(i, i + FRAME), startMs: i / 16 });
    vad.flush();
    return (performance.now() - began) / 1000 / (samples.length / ENGINE_SAMPLE_RATE);
  };
  run(recordings[0]!.audio.samples);
  return recordings.map((r) => run(r.audio.samples));
}

function kwsRtf(model: KeywordSpotterModel, numThreads: number): number[] {
  const kws = createKeywordSpotter({ model, keywords: KIOSK_KEYWORDS, numThreads });
  const run = (samples: Float32Array) => {
    kws.reset();
    const began = performance.now();
    for (let i = 0; i < samples.length; i += FRAME) kws.accept({ samples: samples.subarray(i, i + FRAME), startMs: i / 16 });
    return (performance.now() - began) / 1000 / (samples.length / ENGINE_SAMPLE_RATE);
  };
  run(recordings[0]!.audio.samples);
  return recordings.map((r) => run(r.audio.samples));
}

const rtf = {
  note: 'processing time / audio duration, 20 ms frames as from the microphone; median over the 8 real recordings',
  asr: { threads1: stats(recognizerRtf(recognizerModel, 1)), threads2: stats(recognizerRtf(recognizerModel, 2)) },
  vad: { threads1: stats(vadRtf(1)), threads2: stats(vadRtf(2)) },
  kws: { threads1: stats(kwsRtf(keywordModel, 1)), threads2: stats(kwsRtf(keywordModel, 2)) },
};

// ── end of speech → final transcript ───────────────────────────────────────────────────────────────────────

function speechEndMs(samples: Float32Array): number {
  let peak = -Infinity;
  const db: number[] = [];
  for (let i = 0; i + FRAME <= samples.length; i += FRAME) {
    let e = 0;
    for (let j = 0; j < FRAME; j++) e += samples[i + j]! ** 2;
    db.push(10 * Math.log10(e / FRAME + 1e-12));
    peak = Math.max(peak, db.at(-1)!);
  }
  let last = 0;
  db.forEach((d, i) => {
    if (d > peak - 35) last = i;
  });
  return (last + 1) * 20;
}

function endOfSpeechToFinal(profile: EndpointProfileName) {
  const latencies: number[] = [];
  const finalFrameMs: number[] = [];
  let splits = 0;
  for (const [k, { audio }] of recordings.entries()) {
    const source = createPushSource();
    const input = createSpeechInput({ source, vad: createVoiceActivityDetector({ modelPath: vadModelPath! }), recognizer: createStreamingRecognizer({ model: recognizerModel!, endpointProfile: profile }) });
    const finals: number[] = [];
    let pushedMs = 0;
    let frameStarted = 0;
    input.subscribe((e: SpeechEvent) => {
      if (e.type !== 'asr.final') return;
      finals.push(pushedMs);
      finalFrameMs.push(performance.now() - frameStarted);
    });
    input.start();
    const samples = new Float32Array(audio.samples.length + 4 * ENGINE_SAMPLE_RATE);
    samples.set(audio.samples);
    samples.set(roomNoise(4 * ENGINE_SAMPLE_RATE, k + 1), audio.samples.length);
    for (let i = 0; i < samples.length; i += FRAME) {
      pushedMs = (i + FRAME) / 16;
      frameStarted = performance.now();
      source.push(samples.subarray(i, i + FRAME));
    }
    splits += Math.max(0, finals.length - 1);
    if (finals.length > 0) latencies.push(finals.at(-1)! - speechEndMs(audio.samples));
  }
  return {
    rule2MinTrailingSilenceMs: ENDPOINT_PROFILES[profile].rule2MinTrailingSilenceMs,
    endOfSpeechToFinalMs: stats(latencies, 0),
    extraFinals: splits,
    processingOfTheFinalFrameMs: stats(finalFrameMs, 2),
  };
}

const endpointLatency = {
  note: 'source time from the end of speech (last frame within 35 dB of the peak) to the asr.final, pipeline push source → VAD → ASR, 4 s of room noise after each recording',
  default: endOfSpeechToFinal('default'),
  'short-answer': endOfSpeechToFinal('short-answer'),
  number: endOfSpeechToFinal('number'),
};

// ── the measurement the endpoint rules were chosen from ────────────────────────────────────────────────────
function trailingSilenceTrace(samples: Float32Array): { maxPauseMs: number; latencyMsByRule2: Record<number, number | null>; speechEndMs: number } {
  const sherpa = loadSherpaOnnx();
  const recognizer = new sherpa.OnlineRecognizer(recognizerConfig(recognizerModel!, 1, 'greedy_search'));
  const stream = recognizer.createStream();
  const padded = new Float32Array(samples.length + 3 * ENGINE_SAMPLE_RATE);
  padded.set(samples);
  padded.set(roomNoise(3 * ENGINE_SAMPLE_RATE, 9), samples.length);
  const trace: Array<{ atMs: number; silenceMs: number; tokens: number }> = [];
  for (let i = 0; i < padded.length; i += FRAME) {
    stream.acceptWaveform({ samples: padded.subarray(i, i + FRAME), sampleRate: ENGINE_SAMPLE_RATE });
    let decoded = false;
    while (recognizer.isReady(stream)) {
      recognizer.decode(stream);
      decoded = true;
    }
    if (!decoded) continue;
    const result = recognizer.getResult(stream);
    const heard = recognizedText(result, recognizerModel!.output).pinyin;
    trace.push({ atMs: (i + FRAME) / 16, silenceMs: (result.num_trailing_blanks ?? 0) * 40, tokens: heard === '' ? 0 : heard.split(' ').length });
  }
  const total = trace.at(-1)!.tokens;
  const end = speechEndMs(samples);
  const inside = trace.filter((p) => p.tokens > 0 && p.tokens < total);
  const latencyMsByRule2: Record<number, number | null> = {};
  for (const rule2 of [480, 640, 800, 960, 1100, 1280, 1600]) {
    const hit = trace.find((p) => p.tokens === total && p.silenceMs >= rule2);
    latencyMsByRule2[rule2] = hit ? Math.round(hit.atMs - end) : null;
  }
  return { maxPauseMs: Math.max(0, ...inside.map((p) => p.silenceMs)), latencyMsByRule2, speechEndMs: end };
}

function slowed(file: string, dir: string): Float32Array | undefined {
  if (spawnSync('sox', ['--version'], { stdio: 'ignore' }).status !== 0) return undefined;
  const out = path.join(dir, path.basename(file));
  execFileSync('sox', [path.join(dataDir, file), '-r', '16000', out, 'tempo', '-s', '0.75']);
  const raw = execFileSync('sox', [out, '-t', 'raw', '-e', 'floating-point', '-b', '32', '-']);
  return new Float32Array(raw.buffer, raw.byteOffset, raw.length / 4);
}

const slowDir = mkdtempSync(path.join(os.tmpdir(), 'speech-bench-'));
const sweep = recordings.map(({ file, audio }) => {
  const slow = slowed(file, slowDir);
  return { file, normal: trailingSilenceTrace(audio.samples), slowed075: slow ? trailingSilenceTrace(slow) : null };
});
rmSync(slowDir, { recursive: true, force: true });
const endpointMeasurement = {
  note: 'trailing silence the recognizer reports (num_trailing_blanks × 40 ms) after each 320 ms decoding chunk; maxPauseMs = longest inside an utterance (a rule2 at or below it cuts the utterance); latency = end of speech → the chunk where rule2 would fire',
  maxPauseMs: { normal: Math.max(...sweep.map((s) => s.normal.maxPauseMs)), slowed075: Math.max(...sweep.map((s) => s.slowed075?.maxPauseMs ?? 0)) },
  medianLatencyMsByRule2: Object.fromEntries(
    [480, 640, 800, 960, 1100, 1280, 1600].map((rule2) => [
      rule2,
      {
        normal: median(sweep.flatMap((s) => (s.normal.latencyMsByRule2[rule2] ?? null) !== null ? [s.normal.latencyMsByRule2[rule2]!] : [])),
        slowed075: median(sweep.flatMap((s) => (s.slowed075?.latencyMsByRule2[rule2] ?? null) !== null ? [s.slowed075!.latencyMsByRule2[rule2]!] : [])),
      },
    ]),
  ),
  perRecording: sweep.map((s) => ({ file: s.file, maxPauseMs: s.normal.maxPauseMs, maxPauseMsSlowed075: s.slowed075?.maxPauseMs ?? null })),
};

// ── recognition and keyword figures ────────────────────────────────────────────────────────────────────────
const references = new Map(
  readFileSync(path.join(dataDir, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'))
    .map((c): [string, string] => [c[0]!, c[2]!]),
);
const scored = ['sherpa-kws-test-wavs/0.wav', 'sherpa-kws-test-wavs/1.wav', 'sherpa-kws-test-wavs/2.wav', 'funasr/asr_example.wav'];
const transcripts = await transcribe(scored.map((f) => path.join(dataDir, f)), { recognizer: recognizerModel, vadModelPath });
let errors = 0;
let referenceLength = 0;
const perFile = transcripts.map((t, i) => {
  const ter = tokenErrorRate(pinyinTokens(pinyinOfText(references.get(scored[i]!)!)), pinyinTokens(t.pinyin));
  errors += ter.errors;
  referenceLength += ter.referenceLength;
  return { file: scored[i], errors: ter.errors, of: ter.referenceLength, transcribeRtf: t.rtf };
});
const recognition = { recognizer: recognizerModel.id, tonelessPinyinTokenErrorRate: round(errors / referenceLength), errors, referenceLength, perFile };

const kwsExpected: Record<string, string[]> = { '3': ['文森特卡索', '法国'], '4': ['蒋友伯', '女儿'], '5': ['周望军', '落实'], '6': ['朱丽楠', '见面会'] };
const testSpotter = createKeywordSpotter({ model: keywordModel, keywords: Object.values(kwsExpected).flat().map((phrase) => ({ phrase })) });
const kioskSpotter = createKeywordSpotter({ model: keywordModel, keywords: KIOSK_KEYWORDS });
let hits = 0;
let falseAlarms = 0;
let kioskFalseAlarms = 0;
for (const { file, audio } of recordings) {
  for (const spotter of [testSpotter, kioskSpotter]) {
    spotter.reset();
    const found: string[] = [];
    for (let i = 0; i < audio.samples.length; i += FRAME) for (const e of spotter.accept({ samples: audio.samples.subarray(i, i + FRAME), startMs: i / 16 })) found.push(e.phrase);
    const expected = spotter === testSpotter ? (kwsExpected[path.basename(file, '.wav')] ?? []) : [];
    const correct = found.filter((p) => expected.includes(p)).length;
    if (spotter === testSpotter) {
      hits += correct;
      falseAlarms += found.length - correct;
    } else kioskFalseAlarms += found.length;
  }
}
const keywordSpotting = { hits, of: Object.values(kwsExpected).flat().length, falseAlarmsTestKeywords: falseAlarms, falseAlarmsKioskCommands: kioskFalseAlarms, recordings: recordings.length };

writeBenchResult('speech-input', {
  models: { recognizer: models.recognizer.reason, keywordSpotter: models.keywordSpotter.reason, vad: models.vad.reason },
  rtf,
  endpointLatency,
  endpointMeasurement,
  recognition,
  keywordSpotting,
  memory,
});
