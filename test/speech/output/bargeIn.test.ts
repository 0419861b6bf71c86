import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AudioFrame } from '../../../speech/audio/audioFrame.js';
import { readAudioFile } from '../../../speech/audio/readAudioFile.js';
import { createMemoryAudioSink } from '../../../speech/playback/memoryAudioSink.js';
import { rootMeanSquare } from '../../../speech/playback/pcmAudio.js';
import type { SpeechEvent } from '../../../speech/speechEvents.js';
import { createEspeakSynthesizer } from '../../../speech/tts/espeakSynthesizer.js';
import { createBargeInMonitor } from '../../../speech/turnTaking/bargeInMonitor.js';
import { createRobotVoice } from '../../../speech/turnTaking/robotVoice.js';
import { createVoiceActivityDetector } from '../../../speech/vad/voiceActivityDetector.js';
import { createSimulatedRoom } from './fixtures/simulatedRoom.js';
import { espeakUnavailable, recordingsUnavailable, SILERO_VAD_MODEL, SPEECH_DATA_DIR } from './fixtures/speechOutputFixtures.js';

const CITIZEN_RECORDING = 'funasr/asr_example.wav'; // 欢迎大家来体验达摩院推出的语音识别模型
const skipReason = espeakUnavailable() ?? recordingsUnavailable(CITIZEN_RECORDING);
if (skipReason) console.warn(skipReason);

const ROBOT_SAYS = '您好，欢迎来到人社服务大厅。请问您今天要办理什么业务？您可以直接说出业务名称。';
// The loudspeaker as the microphone hears it: about 10 dB down, 60 ms late, plus one wall reflection.
const REALISTIC_ECHO = [
  { gain: 0.3, delayMs: 60 },
  { gain: 0.1, delayMs: 130 },
];
const SOUND_AT_MS = 1_200;

type TimedEvent = SpeechEvent & { wallMs: number };

/** The recording from its first voiced 20 ms (minus 50 ms), and where that onset is. */
function fromOnset(samples: Float32Array): Float32Array {
  for (let i = 0; i + 320 <= samples.length; i += 320) {
    if (rootMeanSquare(samples, i, i + 320) > 0.02) return samples.subarray(Math.max(0, i - 800));
  }
  throw new Error('recording has no voice');
}

/** A cough-like burst: 120 ms of decaying noise at conversational loudness, then a 5 ms click. */
function coughAndClick(): Float32Array {
  const burst = new Float32Array(2_400);
  let seed = 7;
  for (let i = 0; i < 1_920; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    burst[i] = ((seed / 2 ** 31) * 2 - 1) * 0.6 * Math.exp(-i / 800);
  }
  for (let i = 2_320; i < 2_400; i++) burst[i] = i % 2 === 0 ? 0.8 : -0.8;
  return burst;
}

async function robotTalksWhile(sounds: Array<{ samples: Float32Array; atMs: number }>, listenMs: number) {
  const sink = createMemoryAudioSink();
  const room = createSimulatedRoom(sink, { echo: REALISTIC_ECHO, sounds, noiseRms: 0.002 });
  const events: TimedEvent[] = [];
  const record = (e: SpeechEvent) => events.push({ ...e, wallMs: performance.now() });
  const voice = createRobotVoice({ synthesizer: createEspeakSynthesizer(), sink, now: room.now, onEvent: record });
  let interruptingSpeech: AudioFrame[] = [];
  const monitor = createBargeInMonitor({
    voice,
    sink,
    vad: createVoiceActivityDetector({ modelPath: SILERO_VAD_MODEL }),
    onEvent: record,
    onInterruptingSpeech: (frames) => (interruptingSpeech = frames),
  });
  const utteranceId = voice.say(ROBOT_SAYS);
  const frames = await room.listen((frame) => monitor.accept(frame), listenMs);
  const stillSpeaking = voice.isSpeaking();
  await voice.stop();
  return { sink, events, utteranceId, interruptingSpeech, stillSpeaking, frames };
}

describe.skipIf(skipReason !== undefined)('barge-in while the robot talks', () => {
  it('a citizen speaking over the robot stops it at once and raises speech.bargeIn', async () => {
    const citizen = fromOnset((await readAudioFile(path.join(SPEECH_DATA_DIR, CITIZEN_RECORDING))).samples);
    const citizenOnsetMs = SOUND_AT_MS + 50;
    const run = await robotTalksWhile([{ samples: citizen, atMs: SOUND_AT_MS }], 2_600);

    const bargeIn = run.events.find((e) => e.type === 'speech.bargeIn');
    expect(bargeIn, 'no barge-in').toBeDefined();
    // Confirmed speech, not a reflex: at least ~250 ms of voice, and not much later than needed (audio time).
    expect(bargeIn!.atMs - citizenOnsetMs).toBeGreaterThanOrEqual(250);
    expect(bargeIn!.atMs - citizenOnsetMs).toBeLessThan(900);
    // The stop was issued with the decision, before the event went out, and nothing was written after it; the
    // speaker played out at most what it held (a chunk beyond the lead: 20 + 40 ms). How long that takes in
    // wall-clock time is measured in bench/speechOutput.bench.ts.
    const [stop] = run.sink.stops();
    expect(stop!.requestedAtMs).toBeLessThanOrEqual(bargeIn!.wallMs);
    expect(stop!.silentAtMs - stop!.requestedAtMs).toBeLessThanOrEqual(60);
    expect(Math.max(...run.sink.chunks().map((c) => c.writtenAtMs))).toBeLessThanOrEqual(stop!.requestedAtMs);
    expect(run.events.map((e) => e.type)).toEqual(['tts.started', 'speech.bargeIn', 'tts.finished']);
    expect(run.events.at(-1)).toMatchObject({ utteranceId: run.utteranceId, interrupted: true });
    // The recognizer gets the citizen's words from their start, not from the moment the robot went quiet.
    expect(run.interruptingSpeech[0]!.startMs).toBeLessThanOrEqual(citizenOnsetMs);
    expect(run.interruptingSpeech.at(-1)!.startMs).toBeGreaterThanOrEqual(bargeIn!.atMs - 40);
  });

  it('a cough or a click does not interrupt the robot', async () => {
    const run = await robotTalksWhile([{ samples: coughAndClick(), atMs: SOUND_AT_MS }], 3_000);
    // The burst really is there, louder than the robot's echo.
    const burstFrame = run.frames.find((f) => f.startMs === SOUND_AT_MS)!;
    expect(rootMeanSquare(burstFrame.samples)).toBeGreaterThan(0.15);
    expect(run.events.map((e) => e.type)).toEqual(['tts.started', 'tts.finished']);
    expect(run.stillSpeaking).toBe(true);
  });

  it("the robot's own voice coming back through the microphone does not interrupt it", async () => {
    const run = await robotTalksWhile([], 3_500);
    // The microphone did hear the robot: the echo is well above the room noise.
    const heard = run.frames.filter((f) => f.startMs > 500).map((f) => rootMeanSquare(f.samples));
    expect(Math.max(...heard)).toBeGreaterThan(0.03);
    expect(run.events.map((e) => e.type)).toEqual(['tts.started', 'tts.finished']);
    expect(run.stillSpeaking).toBe(true);
  });
});
