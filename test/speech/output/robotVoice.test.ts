import { describe, expect, it } from 'vitest';
import { createMemoryAudioSink } from '../../../speech/playback/memoryAudioSink.js';
import { pcmDurationMs, type PcmAudio } from '../../../speech/playback/pcmAudio.js';
import { createEspeakSynthesizer } from '../../../speech/tts/espeakSynthesizer.js';
import type { SpeechSynthesizer, SynthesisOptions } from '../../../speech/tts/speechSynthesizer.js';
import { createRobotVoice, type RobotVoiceEvent } from '../../../speech/turnTaking/robotVoice.js';
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

describe.skipIf(skipReason !== undefined)('sentence-by-sentence speech', () => {
  it('starts playing the first sentence before the rest is synthesized, and synthesizes each next one during playback', async () => {
    // The memory speaker runs on a clock four times as fast as the wall, so the whole answer plays in seconds;
    // synthesis still takes real time, which only makes the ordering below harder to satisfy.
    const fourTimesFaster = () => performance.now() * 4;
    const synthesizer = recording(createEspeakSynthesizer({ wordsPerMinute: 240 }), fourTimesFaster);
    const { sink, events, voice } = voiceWith(synthesizer, fourTimesFaster);
    const saidAt = fourTimesFaster();
    const id = voice.say(KNOWLEDGE_BASE_ANSWER);
    await voice.idle();

    const started = events.find((e) => e.type === 'tts.started')!;
    const records = synthesizer.records;
    expect(records.map((r) => r.text)).toEqual([
      '办理养老保险待遇资格认证，',
      '请带上本人身份证和社保卡。',
      '您可以到三号窗口办理，',
      '也可以在青岛人社手机应用上自助认证。',
      '如有疑问，请拨打12333咨询。',
    ]);
    // Time to first audio: the first piece is heard before the last one even starts being synthesized.
    expect(started.wallMs).toBeLessThan(records.at(-1)!.startedAtMs);
    expect(started.wallMs).toBeGreaterThanOrEqual(records[0]!.readyAtMs);
    // One synthesis at a time, each next one during the playback of an earlier one.
    for (let i = 1; i < records.length; i++) {
      expect(records[i]!.startedAtMs).toBeGreaterThanOrEqual(records[i - 1]!.readyAtMs);
      const earlierPlaybackEnds = started.wallMs + records.slice(0, i).reduce((sum, r) => sum + r.durationMs, 0);
      expect(records[i]!.readyAtMs).toBeLessThan(earlierPlaybackEnds);
    }
    // Gapless: every chunk starts where the previous ended.
    const chunks = sink.chunks();
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.playsFromMs).toBeCloseTo(chunks[i - 1]!.playsUntilMs, 3);
    expect(turns(events)).toEqual([
      ['tts.started', id, undefined],
      ['tts.finished', id, false],
    ]);
    const spokenMs = records.reduce((sum, r) => sum + r.durationMs, 0);
    expect(events[1]!.wallMs - saidAt).toBeGreaterThanOrEqual(spokenMs);
  });
});

describe.skipIf(skipReason !== undefined)('robot voice turn-taking', () => {
  const espeak = createEspeakSynthesizer({ wordsPerMinute: 240 });

  it('stops within 200 ms when told to (the 停 keyword) and reports the utterance as interrupted', async () => {
    const { sink, events, voice } = voiceWith(espeak);
    const id = voice.say(KNOWLEDGE_BASE_ANSWER);
    await sleep(700);
    expect(voice.isSpeaking()).toBe(true);
    const stopAt = performance.now();
    await voice.stop();
    expect(performance.now() - stopAt).toBeLessThan(200);
    const [stop] = sink.stops();
    expect(stop!.silentAtMs - stop!.requestedAtMs).toBeLessThan(200);
    expect(voice.isSpeaking()).toBe(false);
    expect(events.map((e) => e.type)).toEqual(['tts.started', 'tts.finished']);
    expect(events[1]).toMatchObject({ utteranceId: id, interrupted: true });
    // Nothing more is played after the stop.
    await sleep(300);
    expect(Math.max(...sink.chunks().map((c) => c.writtenAtMs))).toBeLessThanOrEqual(stop!.requestedAtMs);
  });

  it('replaces what it is saying with a new answer', async () => {
    const { events, voice } = voiceWith(espeak);
    const first = voice.say(KNOWLEDGE_BASE_ANSWER);
    await sleep(500);
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
