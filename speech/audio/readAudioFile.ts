import { readFile } from 'node:fs/promises';
import { ENGINE_SAMPLE_RATE } from './audioFrame.js';
import { decodeWav, mixToMono } from './decodeWav.js';
import { resampleAll } from './resampler.js';

/** A whole recording in the engine format (16 kHz mono float), with what it was before conversion. */
export interface EngineAudio {
  samples: Float32Array;
  durationSeconds: number;
  original: { sampleRate: number; channels: number; bitsPerSample: number };
}

/** Reads a WAV file of any rate, channel count and sample format and converts it to 16 kHz mono. */
export async function readAudioFile(file: string): Promise<EngineAudio> {
  const wav = decodeWav(await readFile(file));
  const samples = resampleAll(mixToMono(wav.channelData), wav.sampleRate, ENGINE_SAMPLE_RATE);
  return {
    samples,
    durationSeconds: samples.length / ENGINE_SAMPLE_RATE,
    original: { sampleRate: wav.sampleRate, channels: wav.channels, bitsPerSample: wav.bitsPerSample },
  };
}
