import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AudioSourceEvent } from '../../../speech/audio/audioSource.js';
import { createPushSource } from '../../../speech/audio/pushSource.js';
import { recorderCommand } from '../../../speech/audio/recorderCommand.js';
import { createWavFileSource } from '../../../speech/audio/wavFileSource.js';
import { until } from '../../testDeadline.js';

/** 16-bit mono WAV bytes. */
function wavBytes(samples: Float32Array, rate: number): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((v, i) => data.writeInt16LE(Math.round(v * 32767), i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

function collect(source: { subscribe(l: (e: AudioSourceEvent) => void): () => void }) {
  const events: AudioSourceEvent[] = [];
  source.subscribe((e) => events.push(e));
  return events;
}

const frames = (events: AudioSourceEvent[]) => events.flatMap((e) => (e.type === 'audio.frame' ? [e.frame] : []));

describe('push source', () => {
  it('cuts pushed audio into 20 ms frames timed by their sample count, and ends with the rest', () => {
    const source = createPushSource();
    const events = collect(source);
    source.start();
    source.push(new Float32Array(500));
    source.push(new Float32Array(500));
    source.end();
    expect(frames(events).map((f) => [f.startMs, f.samples.length])).toEqual([
      [0, 320],
      [20, 320],
      [40, 320],
      [60, 40],
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'audio.ended', atMs: 62.5 });
  });

  it('resamples what it is given at another rate', () => {
    const source = createPushSource({ sampleRate: 48_000 });
    const events = collect(source);
    source.start();
    source.push(new Float32Array(48_000).fill(0.5));
    source.end();
    const total = frames(events).reduce((n, f) => n + f.samples.length, 0);
    expect(total).toBe(16_000);
    expect(frames(events)[10]!.samples[100]).toBeCloseTo(0.5, 4);
  });

  it('reports faults and recovery as a microphone would', () => {
    const source = createPushSource();
    const events = collect(source);
    source.start();
    source.fail('test: unplugged');
    source.restore();
    expect(events.map((e) => e.type)).toEqual(['audio.fault', 'audio.restored']);
    // The device and why, no wording: what the citizen is told is app/core's.
    expect(events[0]).toEqual({ type: 'audio.fault', device: 'microphone', reason: 'test: unplugged' });
    expect(() => createPushSource().push(new Float32Array(1))).toThrow(/start\(\) it before pushing/);
  });
});

describe('WAV file source', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wav-source-'));

  it('plays a file at the speed of speech, converted to 16 kHz, then ends', async () => {
    const file = path.join(dir, 'half-second-8k.wav');
    writeFileSync(file, wavBytes(new Float32Array(4_000).fill(0.25), 8_000));
    // The source paces itself by a clock the test moves: each frame comes when its start is due, never before.
    let clockMs = 0;
    const source = createWavFileSource(file, { trailingSilenceMs: 100, now: () => clockMs });
    const events = collect(source);
    source.start();
    await until(() => frames(events).length === 1, 'the first frame');
    clockMs = 300;
    await until(() => frames(events).length === 16, 'the frames due by 300 ms');
    await new Promise((r) => setTimeout(r, 100));
    expect(frames(events).map((f) => f.startMs)).toEqual(Array.from({ length: 16 }, (_, i) => i * 20));
    clockMs = 600;
    await until(() => events.some((e) => e.type === 'audio.ended'), 'the end of the file');
    const played = frames(events);
    expect(played.reduce((n, f) => n + f.samples.length, 0)).toBe(9_600); // 0.5 s at 16 kHz + 100 ms
    expect(played[10]!.samples[0]).toBeCloseTo(0.25, 3);
    expect(played.at(-1)!.samples.every((v) => v === 0)).toBe(true);
  });

  it('can run as fast as the listener takes it', async () => {
    const file = path.join(dir, 'two-seconds.wav');
    writeFileSync(file, wavBytes(new Float32Array(32_000), 16_000));
    // A clock that never moves: only a source that does not pace itself can reach the end.
    const source = createWavFileSource(file, { realTime: false, now: () => 0 });
    const events = collect(source);
    const ended = new Promise<void>((resolve) => source.subscribe((e) => e.type === 'audio.ended' && resolve()));
    source.start();
    await ended;
    expect(frames(events)).toHaveLength(100);
  });

  it('reports an unreadable file as a microphone fault instead of throwing', async () => {
    const source = createWavFileSource(path.join(dir, 'missing.wav'));
    const fault = new Promise<AudioSourceEvent>((resolve) => source.subscribe(resolve));
    expect(() => source.start()).not.toThrow();
    expect(await fault).toMatchObject({ type: 'audio.fault', device: 'microphone', reason: expect.stringMatching(/cannot read the recording .*missing\.wav/) });
  });
});

describe('recorder commands', () => {
  it('builds the arecord, sox and parec command lines', () => {
    expect(recorderCommand()).toEqual({ program: 'arecord', args: ['-q', '-f', 'S16_LE', '-r', '16000', '-c', '1', '-t', 'raw'], sampleRate: 16_000, channels: 1 });
    expect(recorderCommand('arecord', { device: 'plughw:1,0', sampleRate: 48_000, channels: 2 }).args).toEqual(['-q', '-f', 'S16_LE', '-r', '48000', '-c', '2', '-t', 'raw', '-D', 'plughw:1,0']);
    expect(recorderCommand('sox').args).toEqual(['-q', '-d', '-t', 'raw', '-r', '16000', '-c', '1', '-b', '16', '-e', 'signed-integer', '-L', '-']);
    expect(recorderCommand('parec', { device: 'alsa_input.usb' }).args).toEqual(['--raw', '--format=s16le', '--rate=16000', '--channels=1', '--latency-msec=20', '--device=alsa_input.usb']);
  });
});
