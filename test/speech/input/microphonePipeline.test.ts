import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSpeechInput, type SpeechInput } from '../../../speech/asr/speechInput.js';
import { createStreamingRecognizer } from '../../../speech/asr/streamingRecognizer.js';
import type { AudioSourceEvent } from '../../../speech/audio/audioSource.js';
import { createMicrophoneSource, type MicrophoneSource } from '../../../speech/audio/microphoneSource.js';
import { createKeywordSpotter } from '../../../speech/kws/keywordSpotter.js';
import type { SpeechEvent } from '../../../speech/speechEvents.js';
import { pinyinTokens, tokenErrorRate } from '../../../speech/transcribe/tokenErrorRate.js';
import { createVoiceActivityDetector } from '../../../speech/vad/voiceActivityDetector.js';
import { TEST_DEADLINE_MS } from '../../testDeadline.js';
import { installFakeRecorder } from './fakeRecorder.js';
import { keywordModel, missingSpeechFixtures, pinyinModel, recording, sileroVadPath } from './inputFixtures.js';

const missing = missingSpeechFixtures();
const expectedPinyin = 'huan ying da jia lai ti yan da mo yuan tui chu de yu yin shi bie mo xing';

/** The first event that matches, waiting up to the test deadline; the error lists what did come. */
function eventually<T>(events: T[], match: (e: T) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const began = Date.now();
    const poll = setInterval(() => {
      const found = events.find(match);
      if (found !== undefined) {
        clearInterval(poll);
        resolve(found);
      } else if (Date.now() - began > TEST_DEADLINE_MS) {
        clearInterval(poll);
        reject(new Error(`event did not come within ${TEST_DEADLINE_MS} ms; got ${JSON.stringify(events.map((e) => (e as { type: string }).type))}`));
      }
    }, 20);
  });
}

describe('the input pipeline from a microphone recorder program on PATH', () => {
  let dir: string;
  let mic: MicrophoneSource | undefined;
  let input: SpeechInput | undefined;
  const envWith = (extra: Record<string, string> = {}) => ({ ...process.env, PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}`, FAKE_RECORDER_WAV: recording('funasr/asr_example.wav'), ...extra });

  beforeEach((context) => {
    context.skip(missing !== undefined, missing);
    dir = mkdtempSync(path.join(os.tmpdir(), 'fake-mic-'));
  });
  afterEach(async () => {
    await input?.stop();
    await mic?.stop();
    input = undefined;
    mic = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('streams microphone → VAD → ASR (and keywords) into the expected pinyin', async () => {
    installFakeRecorder(dir);
    mic = createMicrophoneSource({ env: envWith(), stallTimeoutMs: TEST_DEADLINE_MS });
    input = createSpeechInput({
      source: mic,
      vad: createVoiceActivityDetector({ modelPath: sileroVadPath }),
      recognizer: createStreamingRecognizer({ model: pinyinModel }),
      keywordSpotter: createKeywordSpotter({ model: keywordModel, keywords: [{ id: 'try', phrase: '体验' }, { phrase: '返回' }] }),
    });
    const events: SpeechEvent[] = [];
    input.subscribe((e) => events.push(e));
    input.start();
    const final = await eventually(events, (e) => e.type === 'asr.final');
    if (final.type !== 'asr.final') throw new Error('unreachable');

    // The default arecord command line.
    expect(JSON.parse(readFileSync(path.join(dir, 'arecord.args.json'), 'utf8'))).toEqual(['-q', '-f', 'S16_LE', '-r', '16000', '-c', '1', '-t', 'raw']);
    // Measured: the exact transcript; allow one syllable of slack for timing jitter in the live path.
    expect(tokenErrorRate(pinyinTokens(expectedPinyin), pinyinTokens(final.pinyin)).errors).toBeLessThanOrEqual(1);
    expect(final.text).toBe(final.pinyin);
    const types = events.map((e) => e.type);
    expect(types.indexOf('speech.started')).toBeLessThan(types.indexOf('asr.partial'));
    expect(types.filter((t) => t === 'asr.partial').length).toBeGreaterThan(3); // streamed, not all at once
    expect(types.indexOf('speech.ended')).toBeLessThan(types.indexOf('asr.final'));
    // The speech began near 0.9 s of the recording (energy) and the final covers it.
    const started = events.find((e) => e.type === 'speech.started');
    expect(started?.type === 'speech.started' && started.atMs).toBeGreaterThan(600);
    expect(final.startMs).toBeGreaterThan(600);
    expect(final.endMs).toBeGreaterThan(4_800);
    expect(final.endMs).toBeLessThan(6_000);
    // The keyword said in the recording is spotted, the other one is not.
    expect(events.filter((e) => e.type === 'kws.keyword').map((e) => e.type === 'kws.keyword' && e.keyword)).toEqual(['try']);
    expect(types).not.toContain('audio.fault');
  });

  it('passes a fault from the source through the pipeline and closes the open speech', async () => {
    installFakeRecorder(dir);
    mic = createMicrophoneSource({ env: envWith({ FAKE_RECORDER_MODE: 'die-once', FAKE_RECORDER_DIE_AFTER_MS: '2500' }), stallTimeoutMs: TEST_DEADLINE_MS, restartDelayMs: { first: 200, longest: 1_000 } });
    input = createSpeechInput({ source: mic, vad: createVoiceActivityDetector({ modelPath: sileroVadPath }), recognizer: createStreamingRecognizer({ model: pinyinModel }) });
    const events: SpeechEvent[] = [];
    input.subscribe((e) => events.push(e));
    input.start();
    await eventually(events, (e) => e.type === 'audio.restored');
    const types = events.map((e) => e.type).filter((t) => t !== 'asr.partial');
    // The recording's speech starts at 0.9 s and the recorder died at 2.5 s: that speech was closed, not recognized.
    expect(types.slice(0, 3)).toEqual(['speech.started', 'audio.fault', 'speech.ended']);
    expect(events.filter((e) => e.type === 'asr.partial').length).toBeGreaterThan(0);
    expect(types).not.toContain('asr.final');
  });
});

describe('microphone source faults (fake recorder, no models needed)', () => {
  let dir: string;
  let mic: MicrophoneSource | undefined;
  const micEnv = (extra: Record<string, string> = {}) => ({ ...process.env, PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}`, FAKE_RECORDER_WAV: path.join(dir, 'tone.wav'), ...extra });

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fake-mic-'));
    writeFileSync(path.join(dir, 'tone.wav'), toneWav(3));
  });
  afterEach(async () => {
    await mic?.stop();
    mic = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports a missing recorder as a fault, without throwing, and recovers when it appears', async () => {
    mic = createMicrophoneSource({ env: { ...micEnv(), PATH: dir }, stallTimeoutMs: TEST_DEADLINE_MS, restartDelayMs: { first: 100, longest: 200 } });
    const events: AudioSourceEvent[] = [];
    mic.subscribe((e) => events.push(e));
    expect(() => mic!.start()).not.toThrow();
    const fault = await eventually(events, (e) => e.type === 'audio.fault');
    expect(fault).toEqual({
      type: 'audio.fault',
      device: 'microphone',
      reason: expect.stringMatching(/recorder program "arecord" was not found/),
    });
    expect(mic.state).toBe('faulted');
    // Retries do not repeat the fault.
    await new Promise((r) => setTimeout(r, 500));
    expect(events.filter((e) => e.type === 'audio.fault')).toHaveLength(1);
    installFakeRecorder(dir);
    await eventually(events, (e) => e.type === 'audio.restored');
    await eventually(events, (e) => e.type === 'audio.frame');
    expect(mic.state).toBe('running');
  });

  it('turns a recorder dying mid-stream into a fault, then restarts it and the audio flows again', async () => {
    installFakeRecorder(dir);
    mic = createMicrophoneSource({ env: micEnv({ FAKE_RECORDER_MODE: 'die-once' }), stallTimeoutMs: TEST_DEADLINE_MS, restartDelayMs: { first: 200, longest: 1_000 } });
    const events: Array<AudioSourceEvent & { wallMs: number }> = [];
    mic.subscribe((e) => events.push({ ...e, wallMs: Date.now() }));
    mic.start();
    const fault = await eventually(events, (e) => e.type === 'audio.fault');
    expect(fault.type === 'audio.fault' && fault.reason).toMatch(/exited with code 1: arecord: pcm_read:2221: read error/);
    const framesBefore = events.filter((e) => e.type === 'audio.frame');
    expect(framesBefore.length).toBeGreaterThanOrEqual(45); // about 1 s of 20 ms frames before it died
    const restored = await eventually(events, (e) => e.type === 'audio.restored');
    expect(restored.wallMs - fault.wallMs).toBeGreaterThanOrEqual(150); // after the restart delay
    await eventually(events, (e) => e.type === 'audio.frame' && e.wallMs > restored.wallMs);
    // Frame times keep going forward across the outage.
    const starts = events.flatMap((e) => (e.type === 'audio.frame' ? [e.frame.startMs] : []));
    for (let i = 1; i < starts.length; i++) expect(starts[i]!).toBeGreaterThan(starts[i - 1]!);
    expect(existsSync(path.join(dir, 'died-once'))).toBe(true);
  });

  it('takes a recorder that writes nothing as dead', async () => {
    installFakeRecorder(dir);
    mic = createMicrophoneSource({ env: micEnv({ FAKE_RECORDER_MODE: 'hang' }), stallTimeoutMs: 400, restartDelayMs: { first: 5_000, longest: 5_000 } });
    const events: AudioSourceEvent[] = [];
    mic.subscribe((e) => events.push(e));
    mic.start();
    const fault = await eventually(events, (e) => e.type === 'audio.fault');
    expect(fault.type === 'audio.fault' && fault.reason).toMatch(/no sound from the recorder "arecord" for 0\.4 s/);
  });

});

/** A 16 kHz mono 16-bit WAV of a 440 Hz tone. */
function toneWav(seconds: number): Buffer {
  const samples = seconds * 16_000;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(16_000, 24);
  wav.writeUInt32LE(32_000, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) wav.writeInt16LE(Math.round(8_000 * Math.sin((2 * Math.PI * 440 * i) / 16_000)), 44 + 2 * i);
  return wav;
}
