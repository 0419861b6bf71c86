// Speech output figures: TTS real-time factor (espeak-ng; a sherpa-onnx voice when one is installed, 1 and 2
// threads), time to first audio for a three-sentence knowledge-base answer (sentence by sentence vs the whole answer
// at once), stop latency of the memory and spawned-player sinks, and barge-in reaction on a simulated hall.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readModelManifest } from '../common/node/readModelManifest.js';
import { readAudioFile } from '../speech/audio/readAudioFile.js';
import { checkModels } from '../speech/models/checkModels.js';
import { createMemoryAudioSink } from '../speech/playback/memoryAudioSink.js';
import { pcmDurationMs, rootMeanSquare, type PcmAudio } from '../speech/playback/pcmAudio.js';
import { createSpawnAudioSink } from '../speech/playback/spawnAudioSink.js';
import type { SpeechEvent } from '../speech/speechEvents.js';
import { createEspeakSynthesizer } from '../speech/tts/espeakSynthesizer.js';
import { selectTtsVoice } from '../speech/tts/selectTtsVoice.js';
import { loadSherpaOnnxSynthesizer } from '../speech/tts/sherpaOnnxSynthesizer.js';
import type { SpeechSynthesizer } from '../speech/tts/speechSynthesizer.js';
import { createBargeInMonitor } from '../speech/turnTaking/bargeInMonitor.js';
import { createRobotVoice } from '../speech/turnTaking/robotVoice.js';
import { createVoiceActivityDetector } from '../speech/vad/voiceActivityDetector.js';
import { installFakeAplay, withFakeAplayOnPath } from '../test/speech/output/fixtures/fakePlayer.js';
import { createSimulatedRoom } from '../test/speech/output/fixtures/simulatedRoom.js';
import { KNOWLEDGE_BASE_ANSWER, SILERO_VAD_MODEL, SPEECH_DATA_DIR, espeakUnavailable } from '../test/speech/output/fixtures/speechOutputFixtures.js';
import { summarizeMs, writeBenchResult } from './benchResult.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

const unavailable = espeakUnavailable();
if (unavailable) {
  writeBenchResult('speech-output', { skipped: unavailable });
  process.exit(0);
}

function kioskSentences(): string[] {
  const tsv = path.join(SPEECH_DATA_DIR, 'espeak-synth/sentences.tsv');
  const shared = readFileSync(tsv, 'utf8').split('\n').filter(Boolean).map((line) => line.split('\t')[1]!);
  return [...shared, '请到3号窗口办理。', '2025年起，缴费基数调整为每月5000元。', '如有疑问，请拨打12333咨询。'];
}

/** Synthesis time over audio time, per sentence and overall; `concurrency` syntheses run side by side. */
async function realTimeFactor(synthesizer: SpeechSynthesizer, sentences: string[], concurrency: number, rounds = 3) {
  await synthesizer.synthesize(sentences[0]!); // warm-up (voice lookup, page cache)
  const perSentence: number[] = [];
  let busyMs = 0;
  let audioMs = 0;
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    const queue = [...sentences];
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let text = queue.shift(); text !== undefined; text = queue.shift()) {
          const t0 = performance.now();
          const audio = await synthesizer.synthesize(text);
          perSentence.push((performance.now() - t0) / pcmDurationMs(audio));
          audioMs += pcmDurationMs(audio);
        }
      }),
    );
    busyMs += performance.now() - started;
  }
  const sorted = perSentence.sort((a, b) => a - b);
  return { sentences: sorted.length, medianPerSentence: round(sorted[Math.floor(sorted.length / 2)]!), throughput: round(busyMs / audioMs), audioSeconds: round(audioMs / 1000 / rounds, 2) };
}

// 1. real-time factors
const sentences = kioskSentences();
const espeak = createEspeakSynthesizer();
const espeakRtf = { oneProcess: await realTimeFactor(espeak, sentences, 1), twoProcessesSideBySide: await realTimeFactor(espeak, sentences, 2) };

let sherpaRtf: Record<string, unknown>;
const modelDir = process.env.KIOSK_MODEL_DIR;
if (!modelDir) {
  sherpaRtf = { skipped: 'KIOSK_MODEL_DIR not set: no sherpa-onnx Chinese voice on this machine' };
} else {
  const manifest = readModelManifest();
  const selection = selectTtsVoice(manifest, await checkModels(manifest, modelDir));
  if (!selection.voice) sherpaRtf = { skipped: selection.reason };
  else {
    sherpaRtf = { voice: selection.reason };
    for (const numThreads of [1, 2]) {
      const tts = await loadSherpaOnnxSynthesizer({ ...selection.voice, numThreads });
      sherpaRtf[`threads${numThreads}`] = await realTimeFactor(tts, sentences, 1, 2);
      tts.close();
    }
  }
}

// 2. time to first audio: a 3-sentence answer, piece by piece through the robot voice, vs the whole answer at once
async function timeToFirstAudio(synthesizer: SpeechSynthesizer, runs: number) {
  const firstAudio: number[] = [];
  const wholeAnswer: number[] = [];
  for (let i = 0; i < runs; i++) {
    const sink = createMemoryAudioSink();
    let started: number | undefined;
    const voice = createRobotVoice({ synthesizer, sink, onEvent: (e) => { if (e.type === 'tts.started') started ??= performance.now(); } });
    const t0 = performance.now();
    voice.say(KNOWLEDGE_BASE_ANSWER);
    while (started === undefined) await sleep(1);
    firstAudio.push(started - t0);
    await voice.stop();
    const t1 = performance.now();
    await synthesizer.synthesize(KNOWLEDGE_BASE_ANSWER);
    wholeAnswer.push(performance.now() - t1);
  }
  return { sentenceBySentenceMs: summarizeMs(firstAudio), wholeAnswerFirstMs: summarizeMs(wholeAnswer) };
}
/**
 * espeak-ng's audio, delivered as late as a neural voice with the given real-time factor would deliver it: shows
 * what sentence-by-sentence synthesis buys when synthesis is not nearly free (modelled, not a measured voice).
 */
function slowedDown(inner: SpeechSynthesizer, rtf: number): SpeechSynthesizer {
  return {
    engine: `${inner.engine} delayed to RTF ${rtf}`,
    async synthesize(text, options) {
      const audio = await inner.synthesize(text, options);
      await sleep(pcmDurationMs(audio) * rtf);
      return audio;
    },
    rateForSpeed: (speed) => inner.rateForSpeed(speed),
    close: () => inner.close(),
  };
}
const ttfa: Record<string, unknown> = {
  answer: KNOWLEDGE_BASE_ANSWER,
  espeak: await timeToFirstAudio(espeak, 15),
  modelledVoiceAtRtf0_2: await timeToFirstAudio(slowedDown(espeak, 0.2), 3),
};
if (modelDir) {
  const manifest = readModelManifest();
  const selection = selectTtsVoice(manifest, await checkModels(manifest, modelDir));
  if (selection.voice) {
    const tts = await loadSherpaOnnxSynthesizer({ ...selection.voice, numThreads: 1 });
    ttfa.sherpaOnnx = await timeToFirstAudio(tts, 5);
    tts.close();
  }
}

// 3. stop latency
function tone(seconds: number, sampleRate = 22_050): PcmAudio {
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < samples.length; i++) samples[i] = 0.4 * Math.sin((2 * Math.PI * 300 * i) / sampleRate);
  return { samples, sampleRate };
}
const memoryStops: number[] = [];
for (let i = 0; i < 20; i++) {
  const sink = createMemoryAudioSink();
  void sink.play(tone(2));
  await sleep(150 + ((i * 37) % 400));
  await sink.stop();
  const [stop] = sink.stops();
  memoryStops.push(stop!.silentAtMs - stop!.requestedAtMs);
}
const fake = installFakeAplay();
const playerStops: number[] = [];
const playerTerminated: number[] = [];
await withFakeAplayOnPath(fake, {}, async () => {
  for (let i = 0; i < 10; i++) {
    const sink = createSpawnAudioSink();
    void sink.play(tone(2));
    await sleep(300 + ((i * 53) % 400));
    const wallAt = Date.now();
    const t0 = performance.now();
    await sink.stop();
    playerStops.push(performance.now() - t0);
    const term = fake.entries().filter((e) => e.event === 'term').at(-1);
    if (term) playerTerminated.push(term.at - wallAt);
  }
});
fake.remove();

// 4. barge-in on a simulated hall: a citizen talks over the robot (echo 10 dB down, 60 ms late)
async function bargeInReaction() {
  const recording = (await readAudioFile(path.join(SPEECH_DATA_DIR, 'funasr/asr_example.wav'))).samples;
  let onset = 0;
  while (onset + 320 <= recording.length && rootMeanSquare(recording, onset, onset + 320) <= 0.02) onset += 320;
  const citizen = recording.subarray(Math.max(0, onset - 800));
  const sink = createMemoryAudioSink();
  const room = createSimulatedRoom(sink, { echo: [{ gain: 0.3, delayMs: 60 }, { gain: 0.1, delayMs: 130 }], sounds: [{ samples: citizen, atMs: 1_200 }], noiseRms: 0.002 });
  let bargeIn: { atMs: number; wallMs: number } | undefined;
  const onEvent = (e: SpeechEvent) => {
    if (e.type === 'speech.bargeIn') bargeIn = { atMs: e.atMs, wallMs: performance.now() };
  };
  const voice = createRobotVoice({ synthesizer: espeak, sink, now: room.now, onEvent });
  const monitor = createBargeInMonitor({ voice, sink, vad: createVoiceActivityDetector({ modelPath: SILERO_VAD_MODEL }), onEvent });
  voice.say('您好，欢迎来到人社服务大厅。请问您今天要办理什么业务？');
  await room.listen((f) => monitor.accept(f), 3_000, () => bargeIn !== undefined);
  await voice.stop();
  const stop = sink.stops()[0];
  return bargeIn && stop
    ? { citizenOnsetMs: 1_250, bargeInAfterOnsetMs: round(bargeIn.atMs - 1_250, 1), silentAfterBargeInMs: round(stop.silentAtMs - bargeIn.wallMs, 1) }
    : { bargeIn: 'not detected' };
}
const bargeIn = await bargeInReaction();

writeBenchResult('speech-output', {
  ttsRealTimeFactor: {
    espeak: espeakRtf,
    sherpaOnnx: sherpaRtf,
    note: 'RTF = synthesis time / audio time. espeak-ng is single-threaded: "two side by side" is two processes at once (throughput). sherpa uses the manifest voice under KIOSK_MODEL_DIR.',
  },
  timeToFirstAudio: ttfa,
  stopLatencyMs: {
    memorySinkSilentAfterStop: summarizeMs(memoryStops),
    spawnedPlayerStopResolved: summarizeMs(playerStops),
    spawnedPlayerTerminatedAfterStop: summarizeMs(playerTerminated),
    note: 'memory sink: last written sample end − stop request (a device that plays out what it holds: chunk 20 ms + lead 40 ms bound); spawned player: fake aplay on PATH, killed (SIGTERM) on stop',
  },
  bargeIn,
});
process.exit(0);
