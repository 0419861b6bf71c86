import { afterAll, describe, expect, it } from 'vitest';
import type { SpeakerStatusEvent } from '../../../speech/playback/audioSink.js';
import { createMemoryAudioSink } from '../../../speech/playback/memoryAudioSink.js';
import { createSpawnAudioSink } from '../../../speech/playback/spawnAudioSink.js';
import { aplayCommand, paplayCommand } from '../../../speech/playback/playerCommand.js';
import type { PcmAudio } from '../../../speech/playback/pcmAudio.js';
import { installFakeAplay, withFakeAplayOnPath } from './fixtures/fakePlayer.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A tone: steady level, so the output level is predictable. */
function tone(seconds: number, amplitude = 0.5, sampleRate = 16_000): PcmAudio {
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < samples.length; i++) samples[i] = amplitude * Math.sin((2 * Math.PI * 440 * i) / sampleRate);
  return { samples, sampleRate };
}

describe('memory sink', () => {
  it('plays in real time, gapless from one play() to the next, and reports what is playing now', async () => {
    const sink = createMemoryAudioSink();
    const starts: number[] = [];
    const first = sink.play(tone(0.3), { onStart: (at) => starts.push(at) });
    const second = sink.play(tone(0.3, 0.25), { onStart: (at) => starts.push(at) });
    await sleep(100);
    expect(sink.isPlaying()).toBe(true);
    expect(sink.outputLevel()).toBeCloseTo(0.5 / Math.SQRT2, 1);
    await sleep(300);
    expect(sink.outputLevel()).toBeCloseTo(0.25 / Math.SQRT2, 1);
    expect(await first).toMatchObject({ reason: 'finished' });
    expect(await second).toEqual({ reason: 'finished', playedMs: 300 });
    expect(starts[1]! - starts[0]!).toBeCloseTo(300, 6); // the second begins exactly where the first ends
    expect(sink.isPlaying()).toBe(false);
    expect(sink.outputLevel()).toBe(0);
    // Never more than a chunk and the lead ahead of the speaker.
    for (const chunk of sink.chunks()) expect(chunk.playsFromMs - chunk.writtenAtMs).toBeLessThanOrEqual(40 + 1);
    expect(sink.playedSamples().length).toBe(2 * 4_800);
  });

  it('stops within 200 ms by its own timestamps and drops the rest', async () => {
    const sink = createMemoryAudioSink();
    const playing = sink.play(tone(3));
    const queued = sink.play(tone(1));
    await sleep(500);
    await sink.stop();
    const outcome = await playing;
    expect(outcome.reason).toBe('stopped');
    expect(outcome.playedMs).toBeGreaterThan(400);
    expect(outcome.playedMs).toBeLessThan(900);
    expect(await queued).toEqual({ reason: 'stopped', playedMs: 0 });
    const [stop] = sink.stops();
    expect(stop!.silentAtMs - stop!.requestedAtMs).toBeLessThan(200);
    // Nothing was written after the stop, and far less than the 4 s queued was written at all.
    expect(Math.max(...sink.chunks().map((c) => c.writtenAtMs))).toBeLessThanOrEqual(stop!.requestedAtMs);
    expect(sink.playedSamples().length / 16_000).toBeLessThan(1);
    expect(sink.isPlaying()).toBe(false);
  });
});

describe('spawned player', () => {
  const fake = installFakeAplay();
  afterAll(() => fake.remove());

  it('builds the aplay and paplay command lines', () => {
    expect(aplayCommand().args(22_050)).toEqual(['-q', '-t', 'raw', '-f', 'S16_LE', '-r', '22050', '-c', '1', '-']);
    expect(aplayCommand('plughw:1,0').args(16_000)).toContain('plughw:1,0');
    expect(paplayCommand().args(16_000)).toEqual(['--raw', '--format=s16le', '--rate=16000', '--channels=1']);
  });

  it('streams PCM to aplay in real time and kills it within 200 ms on stop', async () => {
    await withFakeAplayOnPath(fake, {}, async () => {
      const sink = createSpawnAudioSink();
      const playing = sink.play(tone(3));
      await sleep(800);
      const stopAt = Date.now();
      const stopStarted = performance.now();
      await sink.stop();
      const stopTookMs = performance.now() - stopStarted;
      expect(await playing).toMatchObject({ reason: 'stopped' });
      expect(stopTookMs).toBeLessThan(200);
      const log = fake.entries();
      expect(log[0]).toMatchObject({ event: 'start', args: aplayCommand().args(16_000) });
      const terminated = log.find((e) => e.event === 'term')!;
      expect(terminated.at - stopAt).toBeLessThan(200);
      // It received about what 800 ms plus the lead make (2 bytes a sample), not the whole 3 s.
      const receivedSeconds = terminated.bytes! / 2 / 16_000;
      expect(receivedSeconds).toBeGreaterThan(0.6);
      expect(receivedSeconds).toBeLessThan(1.3);
      await sink.close();
    });
  });

  it('plays to the end and lets the player drain', async () => {
    await withFakeAplayOnPath(fake, {}, async () => {
      const sink = createSpawnAudioSink({ idleCloseMs: 50 });
      const started = performance.now();
      expect(await sink.play(tone(0.5))).toEqual({ reason: 'finished', playedMs: 500 });
      expect(performance.now() - started).toBeGreaterThanOrEqual(490);
      await sleep(400);
      const ends = fake.entries().filter((e) => e.event === 'end');
      expect(ends.at(-1)?.bytes).toBe(0.5 * 16_000 * 2);
    });
  });

  it('turns a missing player into one audio.fault and a "fault" outcome, never an exception', async () => {
    const events: SpeakerStatusEvent[] = [];
    const sink = createSpawnAudioSink({ player: aplayCommand(undefined, 'no-such-aplay') });
    sink.onStatus((e) => events.push(e));
    expect(await sink.play(tone(1))).toMatchObject({ reason: 'fault' });
    expect(await sink.play(tone(1))).toMatchObject({ reason: 'fault' });
    expect(events).toEqual([
      { type: 'audio.fault', device: 'speaker', reason: 'audio player not found: no-such-aplay', citizenMessage: expect.stringMatching(/屏幕/) },
    ]);
    expect(sink.isPlaying()).toBe(false);
  });

  it('reports a player that dies mid-sentence, then its recovery', async () => {
    const events: SpeakerStatusEvent[] = [];
    const sink = createSpawnAudioSink({ idleCloseMs: 50 });
    sink.onStatus((e) => events.push(e));
    await withFakeAplayOnPath(fake, { FAKE_APLAY_FAIL_AFTER_MS: '200' }, async () => {
      expect(await sink.play(tone(2))).toMatchObject({ reason: 'fault' });
    });
    expect(events[0]).toMatchObject({ type: 'audio.fault', device: 'speaker', reason: expect.stringMatching(/stopped unexpectedly: aplay: pcm_write.*Input\/output error/) });
    await withFakeAplayOnPath(fake, {}, async () => {
      expect(await sink.play(tone(0.2))).toMatchObject({ reason: 'finished' });
    });
    expect(events.map((e) => e.type)).toEqual(['audio.fault', 'audio.restored']);
    await sink.close();
  });
});
