import { beforeEach, describe, expect, it } from 'vitest';
import { readAudioFile } from '../../../speech/audio/readAudioFile.js';
import { createVoiceActivityDetector, type VoiceActivity, type VoiceActivityDetector } from '../../../speech/vad/voiceActivityDetector.js';
import { concat, energySpeechSpans, missingSpeechFixtures, recording, roomNoise, sileroVadPath } from './inputFixtures.js';

const missing = missingSpeechFixtures();
const TOLERANCE_MS = 150;

async function withTrailingQuiet(file: string): Promise<{ samples: Float32Array; speech: Array<{ startMs: number; endMs: number }> }> {
  const audio = await readAudioFile(recording(file));
  // One second of room noise after the file, so the detector sees the speaker stop rather than the file end.
  return { samples: concat(audio.samples, roomNoise(16_000)), speech: energySpeechSpans(audio.samples) };
}

function run(vad: VoiceActivityDetector, samples: Float32Array, onFrame?: (startMs: number) => void): VoiceActivity[] {
  const activities: VoiceActivity[] = [];
  for (let i = 0; i < samples.length; i += 320) {
    onFrame?.(i / 16);
    activities.push(...vad.accept({ samples: samples.slice(i, i + 320), startMs: i / 16 }));
  }
  activities.push(...vad.flush());
  return activities;
}

const segmentsOf = (activities: VoiceActivity[]) => activities.flatMap((a) => (a.kind === 'ended' ? [a.segment] : []));

describe('voice activity detection (Silero through sherpa-onnx)', () => {
  beforeEach((context) => context.skip(missing !== undefined, missing));

  it('finds the speech of the composed files within ±150 ms of the energy boundaries', async () => {
    for (const file of ['composed/vad_two_utterances_0wav_2s_gap_1wav.wav', 'composed/vad_sil1s_espeak-s01_sil1s.wav']) {
      const { samples, speech } = await withTrailingQuiet(file);
      const activities = run(createVoiceActivityDetector({ modelPath: sileroVadPath }), samples);
      const segments = segmentsOf(activities);
      expect(segments.map((s) => [Math.round(s.startMs), Math.round(s.endMs)]), file).toHaveLength(speech.length);
      segments.forEach((segment, i) => {
        expect(Math.abs(segment.startMs - speech[i]!.startMs), `${file} start of ${i}`).toBeLessThanOrEqual(TOLERANCE_MS);
        expect(Math.abs(segment.endMs - speech[i]!.endMs), `${file} end of ${i}`).toBeLessThanOrEqual(TOLERANCE_MS);
        expect(segment.samples.length).toBeCloseTo(((segment.endMs - segment.startMs) * 16_000) / 1000, -1);
      });
      // Events pair up, in order, and the start is reported near the onset, not when the detector was sure.
      expect(activities.map((a) => a.kind)).toEqual(speech.flatMap(() => ['started', 'ended']));
      activities.forEach((a, i) => {
        if (a.kind === 'started') expect(Math.abs(a.event.atMs - speech[i / 2]!.startMs)).toBeLessThanOrEqual(TOLERANCE_MS);
      });
    }
  });

  it('hands over a pre-roll: audio from 300 ms before the onset to the end of the current frame', async () => {
    const { samples } = await withTrailingQuiet('composed/vad_sil1s_espeak-s01_sil1s.wav');
    const vad = createVoiceActivityDetector({ modelPath: sileroVadPath, preRollMs: 300 });
    let frameEndMs = 0;
    const started = run(vad, samples, (startMs) => (frameEndMs = startMs + 20)).find((a) => a.kind === 'started');
    expect(started?.kind).toBe('started');
    if (started?.kind !== 'started') return;
    expect(started.leadIn.startMs).toBeCloseTo(started.event.atMs - 300, 0);
    const leadInEndMs = started.leadIn.startMs + (started.leadIn.samples.length * 1000) / 16_000;
    expect(leadInEndMs).toBeGreaterThan(started.event.atMs + 250); // detection comes after minSpeech
    expect(leadInEndMs).toBeLessThanOrEqual(frameEndMs);
    // The lead-in is the audio itself, not a copy of silence.
    const from = Math.round((started.leadIn.startMs * 16_000) / 1000);
    expect(Array.from(started.leadIn.samples.subarray(0, 50))).toEqual(Array.from(samples.subarray(from, from + 50)));
  });

  it('a raised threshold ignores faint speech that the normal one reports (the robot\'s own echo)', async () => {
    const audio = await readAudioFile(recording('sherpa-kws-test-wavs/0.wav'));
    const faint = audio.samples.map((v) => v * 10 ** (-45 / 20)); // 45 dB down
    expect(segmentsOf(run(createVoiceActivityDetector({ modelPath: sileroVadPath }), faint)).length).toBeGreaterThan(0);
    const raised = createVoiceActivityDetector({ modelPath: sileroVadPath, whileSpeaking: { threshold: 0.9 } });
    raised.setWhileSpeaking(true);
    expect(raised.threshold).toBe(0.9);
    expect(run(raised, faint)).toEqual([]);
    raised.setThreshold(0.5);
    expect(segmentsOf(run(raised, faint)).length).toBeGreaterThan(0);
  });

  it('switching threshold mid-speech keeps the segment open: no false end while the citizen talks', async () => {
    const { samples, speech } = await withTrailingQuiet('composed/vad_two_utterances_0wav_2s_gap_1wav.wav');
    const vad = createVoiceActivityDetector({ modelPath: sileroVadPath });
    const activities = run(vad, samples, (startMs) => {
      if (startMs === 2_000) vad.setWhileSpeaking(true);
      if (startMs === 3_000) vad.setWhileSpeaking(false);
    });
    expect(activities.map((a) => a.kind)).toEqual(['started', 'ended', 'started', 'ended']);
    const firstEnd = activities[1]!;
    expect(firstEnd.kind === 'ended' && Math.abs(firstEnd.event.atMs - speech[0]!.endMs)).toBeLessThanOrEqual(TOLERANCE_MS);
    expect(vad.inSpeech).toBe(false);
  });

  it('rejects a threshold outside (0, 1)', () => {
    const vad = createVoiceActivityDetector({ modelPath: sileroVadPath });
    expect(() => vad.setThreshold(1.5)).toThrow(/between 0 and 1/);
  });
});
