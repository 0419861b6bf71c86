import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeWav, mixToMono } from '../../../speech/audio/decodeWav.js';
import { createFrameSplitter } from '../../../speech/audio/frameSplitter.js';
import { createPcm16Decoder } from '../../../speech/audio/pcm16Decoder.js';
import { readAudioFile } from '../../../speech/audio/readAudioFile.js';
import { createResampler, resampleAll } from '../../../speech/audio/resampler.js';
import { createRecentAudio } from '../../../speech/vad/recentAudio.js';
import { commandAvailable } from './inputFixtures.js';

function tone(hz: number, rate: number, seconds: number, amplitude = 0.5): Float32Array {
  return Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / rate));
}

function rms(x: Float32Array, skip = 0): number {
  let sum = 0;
  for (let i = skip; i < x.length - skip; i++) sum += x[i]! ** 2;
  return Math.sqrt(sum / (x.length - 2 * skip));
}

const gainDb = (input: Float32Array, output: Float32Array) => 20 * Math.log10(rms(output, 2_000) / rms(input, 2_000));

/** A WAV file as a writer would make it, to test the decoder on every sample format. */
function encodeWav(channels: Float32Array[], rate: number, format: 'u8' | 's16' | 's24' | 's32' | 'f32' | 'f64', extensible = false): Buffer {
  const bits = { u8: 8, s16: 16, s24: 24, s32: 32, f32: 32, f64: 64 }[format];
  const bytes = bits / 8;
  const frames = channels[0]!.length;
  const data = Buffer.alloc(frames * channels.length * bytes);
  for (let f = 0; f < frames; f++) {
    channels.forEach((channel, c) => {
      const at = (f * channels.length + c) * bytes;
      const v = channel[f]!;
      if (format === 'u8') data.writeUInt8(Math.round(v * 127 + 128), at);
      if (format === 's16') data.writeInt16LE(Math.round(v * 32767), at);
      if (format === 's24') data.writeIntLE(Math.round(v * 8388607), at, 3);
      if (format === 's32') data.writeInt32LE(Math.round(v * 2147483647), at);
      if (format === 'f32') data.writeFloatLE(v, at);
      if (format === 'f64') data.writeDoubleLE(v, at);
    });
  }
  const code = format.startsWith('f') ? 3 : 1;
  const fmt = Buffer.alloc(extensible ? 40 : 16);
  fmt.writeUInt16LE(extensible ? 0xfffe : code, 0);
  fmt.writeUInt16LE(channels.length, 2);
  fmt.writeUInt32LE(rate, 4);
  fmt.writeUInt32LE(rate * channels.length * bytes, 8);
  fmt.writeUInt16LE(channels.length * bytes, 12);
  fmt.writeUInt16LE(bits, 14);
  if (extensible) {
    fmt.writeUInt16LE(22, 16);
    fmt.writeUInt16LE(bits, 18);
    fmt.writeUInt16LE(code, 24); // sub-format GUID starts with the format code
  }
  const chunk = (id: string, body: Buffer) => Buffer.concat([Buffer.from(id, 'ascii'), Buffer.from(Uint32Array.of(body.length).buffer), body]);
  const list = chunk('LIST', Buffer.from('INFOjunk', 'ascii')); // a chunk the decoder must skip
  const body = Buffer.concat([Buffer.from('WAVE', 'ascii'), chunk('fmt ', fmt), list, chunk('data', data)]);
  return Buffer.concat([Buffer.from('RIFF', 'ascii'), Buffer.from(Uint32Array.of(body.length).buffer), body]);
}

describe('resampler (Kaiser-windowed sinc)', () => {
  it('passes the speech band flat and rejects what would alias, from 48 and 44.1 kHz to 16 kHz', () => {
    for (const rate of [48_000, 44_100]) {
      for (const hz of [300, 1_000, 3_400, 6_000]) expect(Math.abs(gainDb(tone(hz, rate, 1), resampleAll(tone(hz, rate, 1), rate, 16_000)))).toBeLessThan(0.1);
      // 8.5 and 12 kHz would fold back to 7.5 and 4 kHz.
      for (const hz of [8_500, 12_000]) expect(gainDb(tone(hz, rate, 1), resampleAll(tone(hz, rate, 1), rate, 16_000))).toBeLessThan(-60);
    }
  });

  it('keeps time: output sample n is input time n·in/out, no delay', () => {
    const out = resampleAll(tone(440, 44_100, 1), 44_100, 16_000);
    expect(out.length).toBe(16_000);
    const ideal = tone(440, 16_000, 1);
    for (let i = 500; i < 15_500; i += 97) expect(out[i]).toBeCloseTo(ideal[i]!, 4);
  });

  it('upsamples 8 kHz to 16 kHz, and gives the same samples whatever the chunk sizes', () => {
    const input = tone(1_000, 8_000, 1);
    const whole = resampleAll(input, 8_000, 16_000);
    expect(whole.length).toBe(16_000);
    expect(Math.abs(gainDb(input, whole))).toBeLessThan(0.1);
    const streaming = createResampler(8_000, 16_000);
    const parts: number[] = [];
    for (let i = 0; i < input.length; i += 37) parts.push(...streaming.process(input.subarray(i, i + 37)));
    parts.push(...streaming.flush());
    expect(parts.length).toBe(whole.length);
    expect(Math.max(...parts.map((v, i) => Math.abs(v - whole[i]!)))).toBeLessThan(1e-6);
  });

  it('keeps a constant constant and passes 16 kHz through', () => {
    const out = resampleAll(new Float32Array(22_050).fill(0.25), 22_050, 16_000);
    for (let i = 1_000; i < out.length - 1_000; i += 50) expect(out[i]).toBeCloseTo(0.25, 5);
    const same = Float32Array.of(0.1, 0.2);
    expect(Array.from(resampleAll(same, 16_000, 16_000))).toEqual(Array.from(same));
  });
});

describe('WAV decoding', () => {
  const left = tone(500, 22_050, 0.2, 0.6);
  const right = tone(500, 22_050, 0.2, 0.2);

  it('reads every integer and float format, plain and extensible headers, and mixes channels to mono', () => {
    for (const format of ['u8', 's16', 's24', 's32', 'f32', 'f64'] as const) {
      for (const extensible of [false, true]) {
        const wav = decodeWav(encodeWav([left, right], 22_050, format, extensible));
        expect(wav).toMatchObject({ sampleRate: 22_050, channels: 2 });
        const mono = mixToMono(wav.channelData);
        const tolerance = format === 'u8' ? 0.02 : 1e-4;
        for (let i = 0; i < mono.length; i += 41) expect(Math.abs(mono[i]! - (left[i]! + right[i]!) / 2)).toBeLessThan(tolerance);
      }
    }
  });

  it('refuses what is not a WAV, or an encoding it cannot read, with a reason', () => {
    expect(() => decodeWav(Buffer.from('ID3 not a wave file'))).toThrow(/not a RIFF\/WAVE/);
    const alaw = encodeWav([left], 8_000, 's16');
    alaw.writeUInt16LE(6, 20); // format code 6 = A-law
    expect(() => decodeWav(alaw)).toThrow(/unsupported WAV encoding: format 6/);
  });

  it.skipIf(!commandAvailable('sox'))(`reads what sox writes (44.1 kHz stereo 24-bit, extensible header) into 16 kHz mono${commandAvailable('sox') ? '' : ' (skipped: sox is not installed)'}`, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wav-'));
    const source = path.join(dir, 'tone.wav');
    writeFileSync(source, encodeWav([tone(700, 16_000, 1, 0.5)], 16_000, 's16'));
    const converted = path.join(dir, 'tone-44k-stereo-24.wav');
    execFileSync('sox', [source, '-r', '44100', '-c', '2', '-b', '24', converted]);
    const audio = await readAudioFile(converted);
    expect(audio.original).toEqual({ sampleRate: 44_100, channels: 2, bitsPerSample: 24 });
    expect(audio.samples.length).toBeGreaterThan(15_990);
    expect(audio.samples.length).toBeLessThan(16_010);
    expect(rms(audio.samples, 500)).toBeCloseTo(0.5 / Math.SQRT2, 1);
  });
});

describe('PCM, framing and pre-roll helpers', () => {
  it('decodes 16-bit PCM split at odd byte boundaries and mixes interleaved channels', () => {
    const decoder = createPcm16Decoder(2);
    const bytes = Buffer.alloc(8);
    bytes.writeInt16LE(16_384, 0);
    bytes.writeInt16LE(0, 2);
    bytes.writeInt16LE(-32_768, 4);
    bytes.writeInt16LE(-32_768, 6);
    const first = decoder.decode(bytes.subarray(0, 3));
    const second = decoder.decode(bytes.subarray(3));
    expect(Array.from(first)).toEqual([]);
    expect(Array.from(second)).toEqual([0.25, -1]);
  });

  it('cuts arbitrary chunks into fixed frames', () => {
    const splitter = createFrameSplitter(4);
    expect(splitter.push(Float32Array.of(1, 2, 3)).map((f) => Array.from(f))).toEqual([]);
    expect(splitter.push(Float32Array.of(4, 5, 6, 7, 8, 9)).map((f) => Array.from(f))).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ]);
    expect(Array.from(splitter.drain())).toEqual([9]);
  });

  it('keeps the last samples by absolute index for the pre-roll', () => {
    const recent = createRecentAudio(5);
    recent.push(Float32Array.of(0, 1, 2, 3));
    recent.push(Float32Array.of(4, 5, 6));
    expect(recent.end).toBe(7);
    expect(recent.since(4)).toEqual({ startIndex: 4, samples: Float32Array.of(4, 5, 6) });
    expect(recent.since(0)).toEqual({ startIndex: 2, samples: Float32Array.of(2, 3, 4, 5, 6) });
    recent.clear();
    expect(recent.since(0)).toEqual({ startIndex: 7, samples: new Float32Array(0) });
  });
});
