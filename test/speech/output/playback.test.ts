import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SpeakerStatusEvent } from '../../../speech/playback/audioSink.js';
import { createMemoryAudioSink } from '../../../speech/playback/memoryAudioSink.js';
import { createSpawnAudioSink } from '../../../speech/playback/spawnAudioSink.js';
import { aplayCommand, paplayCommand } from '../../../speech/playback/playerCommand.js';
import type { PcmAudio } from '../../../speech/playback/pcmAudio.js';
import { TEST_DEADLINE_MS, until } from '../../testDeadline.js';
import { installFakeAplay, withFakeAplayOnPath } from './fixtures/fakePlayer.js';

// The pacing settings of the sinks (PacedPlayback's defaults; the spawned player runs a longer lead).
const CHUNK_MS = 20;
const LEAD_MS = 40;
const SPAWNED_LEAD_MS = 120;

/** A tone: steady level, so the output level is predictable. */
function tone(seconds: number, amplitude = 0.5, sampleRate = 16_000): PcmAudio {
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < samples.length; i++) samples[i] = amplitude * Math.sin((2 * Math.PI * 440 * i) / sampleRate);
  return { samples, sampleRate };
}

// The memory sink on a simulated clock: what it writes, and when, follows from the clock alone.
describe('memory sink', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const simulatedNow = () => Date.now();

  it('plays in real time, gapless from one play() to the next, and reports what is playing now', async () => {
    const sink = createMemoryAudioSink({ now: simulatedNow });
    const starts: number[] = [];
    const first = sink.play(tone(0.3), { onStart: (at) => starts.push(at) });
    const second = sink.play(tone(0.3, 0.25), { onStart: (at) => starts.push(at) });
    await vi.advanceTimersByTimeAsync(100);
    expect(sink.isPlaying()).toBe(true);
    expect(sink.outputLevel()).toBeCloseTo(0.5 / Math.SQRT2, 1);
    await vi.advanceTimersByTimeAsync(300);
    expect(sink.outputLevel()).toBeCloseTo(0.25 / Math.SQRT2, 1);
    expect(starts).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(250);
    expect(await first).toEqual({ reason: 'finished', playedMs: 300 });
    expect(await second).toEqual({ reason: 'finished', playedMs: 300 });
    expect(starts[1]! - starts[0]!).toBe(300); // the second begins exactly where the first ends
    expect(sink.isPlaying()).toBe(false);
    expect(sink.outputLevel()).toBe(0);
    // Never more than the lead ahead of the speaker.
    for (const chunk of sink.chunks()) expect(chunk.playsFromMs - chunk.writtenAtMs).toBeLessThan(LEAD_MS);
    expect(sink.playedSamples().length).toBe(2 * 4_800);
  });

  it('does not finish before the audio has played', async () => {
    const sink = createMemoryAudioSink({ now: simulatedNow });
    let finished = false;
    const playing = sink.play(tone(0.5)).then((outcome) => {
      finished = true;
      return outcome;
    });
    await vi.advanceTimersByTimeAsync(490);
    expect(finished).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(await playing).toEqual({ reason: 'finished', playedMs: 500 });
  });

  it('on stop, writes nothing more, drops what is queued and holds at most a chunk and the lead', async () => {
    const sink = createMemoryAudioSink({ now: simulatedNow });
    const playing = sink.play(tone(3));
    const queued = sink.play(tone(1));
    await vi.advanceTimersByTimeAsync(500);
    await sink.stop();
    expect(await playing).toEqual({ reason: 'stopped', playedMs: 500 });
    expect(await queued).toEqual({ reason: 'stopped', playedMs: 0 });
    const [stop] = sink.stops();
    // The memory device plays out what it already holds: the pacing keeps that to one chunk beyond the lead.
    expect(stop!.silentAtMs - stop!.requestedAtMs).toBeLessThanOrEqual(CHUNK_MS + LEAD_MS);
    const written = sink.chunks().length;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sink.chunks()).toHaveLength(written);
    expect(Math.max(...sink.chunks().map((c) => c.writtenAtMs))).toBeLessThanOrEqual(stop!.requestedAtMs);
    expect((sink.playedSamples().length / 16_000) * 1000).toBeLessThanOrEqual(500 + CHUNK_MS + LEAD_MS);
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

  // The sink paces on a clock the test moves by hand: how much it writes depends on that clock, not on the machine.
  const bytesFor = (ms: number) => (ms / 1000) * 16_000 * 2;
  /** What the player started last has received so far (the log spans every test). */
  const received = () => {
    const entries = fake.entries();
    const pid = entries.findLast((e) => e.event === 'start')?.pid;
    return Math.max(0, ...entries.filter((e) => e.pid === pid && e.event === 'data').map((e) => e.bytes!));
  };

  it('streams PCM to aplay no further ahead than its lead, and kills it on stop', async () => {
    await withFakeAplayOnPath(fake, {}, async () => {
      let clockMs = 0;
      const sink = createSpawnAudioSink({ now: () => clockMs, killGraceMs: TEST_DEADLINE_MS });
      const playing = sink.play(tone(3));
      clockMs = 800;
      await until(() => received() >= bytesFor(800), 'the player to receive 800 ms of audio');
      await sink.stop();
      expect(await playing).toEqual({ reason: 'stopped', playedMs: 800 });
      const log = fake.entries();
      expect(log.find((e) => e.event === 'start')).toMatchObject({ args: aplayCommand().args(16_000) });
      // Killed with SIGTERM, having received what the clock allowed (800 ms, the 120 ms lead, one chunk), not the 3 s.
      const terminated = log.find((e) => e.event === 'term')!;
      expect(terminated.pid).toBe(log.findLast((e) => e.event === 'start')!.pid);
      expect(terminated.bytes).toBeGreaterThanOrEqual(bytesFor(800));
      expect(terminated.bytes).toBeLessThanOrEqual(bytesFor(800 + SPAWNED_LEAD_MS + CHUNK_MS));
      await sink.close();
    });
  });

  it('plays to the end and lets the player drain', async () => {
    await withFakeAplayOnPath(fake, {}, async () => {
      let clockMs = 0;
      const sink = createSpawnAudioSink({ idleCloseMs: 50, now: () => clockMs });
      let finished = false;
      const playing = sink.play(tone(0.5)).then((outcome) => {
        finished = true;
        return outcome;
      });
      clockMs = 490;
      await until(() => received() === bytesFor(500), 'the player to receive the whole tone');
      expect(finished).toBe(false); // all written, but not yet played by the clock
      clockMs = 500;
      expect(await playing).toEqual({ reason: 'finished', playedMs: 500 });
      await until(() => fake.entries().some((e) => e.event === 'end'), 'the player to drain and exit');
      const ends = fake.entries().filter((e) => e.event === 'end');
      expect(ends.at(-1)?.bytes).toBe(bytesFor(500));
    });
  });

  it('turns a missing player into one audio.fault and a "fault" outcome, never an exception', async () => {
    const events: SpeakerStatusEvent[] = [];
    const sink = createSpawnAudioSink({ player: aplayCommand(undefined, 'no-such-aplay') });
    sink.onStatus((e) => events.push(e));
    expect(await sink.play(tone(1))).toMatchObject({ reason: 'fault' });
    expect(await sink.play(tone(1))).toMatchObject({ reason: 'fault' });
    expect(events).toEqual([
      { type: 'audio.fault', device: 'speaker', reason: 'audio player not found: no-such-aplay' },
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
