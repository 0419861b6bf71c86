import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryAudioSink } from '../../../speech/playback/memoryAudioSink.js';
import { pcmDurationMs, type PcmAudio } from '../../../speech/playback/pcmAudio.js';
import { createEspeakSynthesizer } from '../../../speech/tts/espeakSynthesizer.js';
import type { SpeechSynthesizer, SynthesisOptions } from '../../../speech/tts/speechSynthesizer.js';
import { createRobotVoice, type RobotVoiceEvent } from '../../../speech/turnTaking/robotVoice.js';
import { until } from '../../testDeadline.js';
import { espeakUnavailable, KNOWLEDGE_BASE_ANSWER } from './fixtures/speechOutputFixtures.js';

const skipReason = espeakUnavailable();
if (skipReason) console.warn(skipReason);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface SynthesisRecord {
  text: string;
  startedAtMs: number;
  readyAtMs: number;
  durationMs: number;
}

/** Wraps a synthesizer and notes when each piece was asked for and when it was ready. */
function recording(inner: SpeechSynthesizer, now: () => number): SpeechSynthesizer & { records: SynthesisRecord[] } {
  const records: SynthesisRecord[] = [];
  return {
    engine: inner.engine,
    records,
    async synthesize(text: string, options?: SynthesisOptions): Promise<PcmAudio> {
      const startedAtMs = now();
      const audio = await inner.synthesize(text, options);
      records.push({ text, startedAtMs, readyAtMs: now(), durationMs: pcmDurationMs(audio) });
      return audio;
    },
    rateForSpeed: (speed) => inner.rateForSpeed(speed),
    close: () => inner.close(),
  };
}

/** The id and outcome of the tts events, for comparing sequences. */
function turns(events: RobotVoiceEvent[]): Array<[string, string | undefined, boolean | undefined]> {
  return events.map((e) => [e.type, 'utteranceId' in e ? e.utteranceId : undefined, 'interrupted' in e ? e.interrupted : undefined]);
}

function voiceWith(synthesizer: SpeechSynthesizer, now = () => performance.now()) {
  const sink = createMemoryAudioSink({ now });
  const events: Array<RobotVoiceEvent & { wallMs: number }> = [];
  const voice = createRobotVoice({ synthesizer, sink, now, onEvent: (e) => events.push({ ...e, wallMs: now() }) });
  return { sink, events, voice };
}

/**
 * A synthesizer that takes `synthesisMs` of the (simulated) clock per piece and makes 100 ms of audio per character,
 * so the order of synthesis and playback follows from the clock alone. How fast espeak-ng really is, and the time to
 * first audio it gives, is measured in bench/speechOutput.bench.ts.
 */
function scriptedSynthesizer(synthesisMs: number): SpeechSynthesizer {
  return {
    engine: 'scripted',
    async synthesize(text) {
      await new Promise((r) => setTimeout(r, synthesisMs));
      return { samples: new Float32Array([...text].length * 1_600).fill(0.1), sampleRate: 16_000 };
    },
    rateForSpeed: (speed) => speed,
    close: () => undefined,
  };
}

describe('sentence-by-sentence speech', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts playing the first sentence before the rest is synthesized, and synthesizes each next one during playback', async () => {
    const simulatedNow = () => Date.now();
    const synthesizer = recording(scriptedSynthesizer(300), simulatedNow);
    const { sink, events, voice } = voiceWith(synthesizer, simulatedNow);
    const id = voice.say(KNOWLEDGE_BASE_ANSWER);
    const idle = voice.idle();
    await vi.advanceTimersByTimeAsync(60_000);
    await idle;

    const started = events.find((e) => e.type === 'tts.started')!;
    const records = synthesizer.records;
    expect(records.map((r) => r.text)).toEqual([
      '办理养老保险待遇资格认证，',
      '请带上本人身份证和社保卡。',
      '您可以到三号窗口办理，',
      '也可以在青岛人社手机应用上自助认证。',
      '如有疑问，请拨打12333咨询。',
    ]);
    // Time to first audio: the first piece is due at the speaker the moment it is ready, and is heard before the
    // last piece is even asked for.
    const chunks = sink.chunks();
    expect(chunks[0]!.playsFromMs).toBe(records[0]!.readyAtMs);
    expect(started.wallMs).toBeGreaterThanOrEqual(records[0]!.readyAtMs);
    expect(started.wallMs).toBeLessThan(records.at(-1)!.startedAtMs);
    // One synthesis at a time, each next one during the playback of an earlier one.
    for (let i = 1; i < records.length; i++) {
      expect(records[i]!.startedAtMs).toBeGreaterThanOrEqual(records[i - 1]!.readyAtMs);
      const earlierPlaybackEnds = chunks[0]!.playsFromMs + records.slice(0, i).reduce((sum, r) => sum + r.durationMs, 0);
      expect(records[i]!.readyAtMs).toBeLessThan(earlierPlaybackEnds);
    }
    // Gapless: every chunk starts where the previous ended.
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.playsFromMs).toBeCloseTo(chunks[i - 1]!.playsUntilMs, 3);
    expect(turns(events)).toEqual([
      ['tts.started', id, undefined],
      ['tts.finished', id, false],
    ]);
    const spokenMs = records.reduce((sum, r) => sum + r.durationMs, 0);
    expect(chunks.at(-1)!.playsUntilMs - chunks[0]!.playsFromMs).toBeCloseTo(spokenMs, 3);
    expect(events[1]!.wallMs).toBeGreaterThanOrEqual(chunks.at(-1)!.playsUntilMs); // finished once all of it has played
  });
});

describe.skipIf(skipReason !== undefined)('robot voice turn-taking', () => {
  const espeak = createEspeakSynthesizer({ wordsPerMinute: 240 });

  it('stops when told to (the 停 keyword), writing nothing more, and reports the utterance as interrupted', async () => {
    const { sink, events, voice } = voiceWith(espeak);
    const id = voice.say(KNOWLEDGE_BASE_ANSWER);
    await until(() => events.some((e) => e.type === 'tts.started'), 'the robot to start speaking');
    expect(voice.isSpeaking()).toBe(true);
    await voice.stop();
    const [stop] = sink.stops();
    // The memory speaker plays out what it holds; the pacing keeps that to a chunk beyond the lead (20 + 40 ms).
    expect(stop!.silentAtMs - stop!.requestedAtMs).toBeLessThanOrEqual(60);
    expect(voice.isSpeaking()).toBe(false);
    expect(events.map((e) => e.type)).toEqual(['tts.started', 'tts.finished']);
    expect(events[1]).toMatchObject({ utteranceId: id, interrupted: true });
    // Nothing more is played after the stop.
    const written = sink.chunks().length;
    await sleep(300);
    expect(sink.chunks()).toHaveLength(written);
    expect(Math.max(...sink.chunks().map((c) => c.writtenAtMs))).toBeLessThanOrEqual(stop!.requestedAtMs);
  });

  it('replaces what it is saying with a new answer', async () => {
    const { events, voice } = voiceWith(espeak);
    const first = voice.say(KNOWLEDGE_BASE_ANSWER);
    await until(() => events.some((e) => e.type === 'tts.started'), 'the robot to start speaking');
    const second = voice.say('好的，请稍等。');
    await voice.idle();
    expect(turns(events)).toEqual([
      ['tts.started', first, undefined],
      ['tts.finished', first, true],
      ['tts.started', second, undefined],
      ['tts.finished', second, false],
    ]);
  });

  it('queues when asked to, finishing the first answer before the second', async () => {
    const { events, voice } = voiceWith(espeak);
    const first = voice.say('您好。');
    const second = voice.say('请问办理什么业务？', { whenBusy: 'queue' });
    await voice.idle();
    expect(turns(events)).toEqual([
      ['tts.started', first, undefined],
      ['tts.finished', first, false],
      ['tts.started', second, undefined],
      ['tts.finished', second, false],
    ]);
    expect(events[2]!.wallMs).toBeGreaterThanOrEqual(events[1]!.wallMs);
  });

  it('closes an utterance stopped before it made a sound, and every queued one, with tts.finished only', async () => {
    const { events, voice } = voiceWith(espeak);
    const first = voice.say('您好。');
    const second = voice.say('请问办理什么业务？', { whenBusy: 'queue' });
    await voice.stop();
    expect(events).toEqual([
      expect.objectContaining({ type: 'tts.finished', utteranceId: second, interrupted: true }),
      expect.objectContaining({ type: 'tts.finished', utteranceId: first, interrupted: true }),
    ]);
  });

  it('passes a speaker fault on to the session and gives up the utterance', async () => {
    const { sink, events, voice } = voiceWith(espeak);
    sink.failNextPlay('aplay: device busy');
    const id = voice.say('您好。');
    await voice.idle();
    expect(events.map((e) => e.type)).toEqual(['audio.fault', 'tts.finished']);
    expect(events[0]).toMatchObject({ device: 'speaker', reason: 'aplay: device busy' });
    expect(events[1]).toMatchObject({ utteranceId: id, interrupted: true });
    voice.say('请问办理什么业务？');
    await voice.idle();
    expect(events.map((e) => e.type).slice(2)).toEqual(['tts.started', 'audio.restored', 'tts.finished']);
  });
});
