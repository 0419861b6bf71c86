import { describe, expect, it } from 'vitest';
import { resampleAll } from '../../../speech/audio/resampler.js';
import { rootMeanSquare } from '../../../speech/playback/pcmAudio.js';
import { createEspeakSynthesizer } from '../../../speech/tts/espeakSynthesizer.js';
import { createBargeInDetector, type BargeInDecision } from '../../../speech/turnTaking/bargeInDetector.js';
import { espeakUnavailable } from './fixtures/speechOutputFixtures.js';

const skipReason = espeakUnavailable();
if (skipReason) console.warn(skipReason);

const FRAME = 320; // 20 ms at 16 kHz

/**
 * Runs the detector offline over a robot utterance as the microphone hears it (its output delayed by 60 ms and
 * scaled by echoGain, plus `extra`), with the VAD taken to hear speech all the time — the worst case, since the
 * robot's voice is speech. Returns the first decision that was a barge-in.
 */
function detect(robot: Float32Array, echoGain: number, extra?: { samples: Float32Array; at: number }): BargeInDecision {
  const detector = createBargeInDetector();
  const delay = 960;
  for (let start = 0; start + FRAME <= robot.length; start += FRAME) {
    const mic = new Float32Array(FRAME);
    for (let i = 0; i < FRAME; i++) {
      const n = start + i;
      mic[i] = (robot[n - delay] ?? 0) * echoGain + (extra ? (extra.samples[n - extra.at] ?? 0) : 0);
    }
    const playbackLevel = rootMeanSquare(robot, start, start + FRAME);
    const decision = detector.accept({ samples: mic, startMs: start / 16 }, true, playbackLevel);
    if (decision.bargeIn) return decision;
  }
  return { bargeIn: false };
}

function voiceLike(ms: number, amplitude: number): Float32Array {
  // A 150 Hz buzz with syllable-rate (4 Hz) loudness changes: loud like a citizen close to the microphone.
  const samples = new Float32Array(ms * 16);
  for (let i = 0; i < samples.length; i++) samples[i] = amplitude * Math.sin((2 * Math.PI * 150 * i) / 16_000) * (0.6 + 0.4 * Math.sin((2 * Math.PI * 4 * i) / 16_000));
  return samples;
}

describe.skipIf(skipReason !== undefined)('barge-in decision against the echo gate (VAD always on)', async () => {
  const tts = await createEspeakSynthesizer().synthesize('您好，欢迎来到人社服务大厅。请问您今天要办理什么业务？');
  const robot = resampleAll(tts.samples, tts.sampleRate, 16_000);

  it('ignores the robot echo 10 dB down, and even 7 dB down', () => {
    expect(detect(robot, 0.3)).toEqual({ bargeIn: false });
    expect(detect(robot, 0.45)).toEqual({ bargeIn: false });
  });

  it('is fooled by an echo louder than the assumed 6 dB loss (the limit the site calibration must respect)', () => {
    expect(detect(robot, 0.6).bargeIn).toBe(true);
  });

  it('hears a citizen over the echo after 300 ms of voice, dating the run from its start', () => {
    const at = 16_000; // 1 s in
    const decision = detect(robot, 0.3, { samples: voiceLike(1_500, 0.3), at });
    expect(decision.bargeIn).toBe(true);
    if (!decision.bargeIn) return;
    expect(decision.voiceStartedAtMs).toBeGreaterThanOrEqual(1_000);
    expect(decision.voiceStartedAtMs).toBeLessThan(1_100);
    expect(decision.atMs - decision.voiceStartedAtMs).toBeGreaterThanOrEqual(300);
    expect(decision.atMs - 1_000).toBeLessThan(600);
  });

  it('does not take a 150 ms burst for a citizen, however loud', () => {
    expect(detect(robot, 0.3, { samples: voiceLike(150, 0.8), at: 16_000 })).toEqual({ bargeIn: false });
  });

  it('joins syllables across short gaps but not across long ones', () => {
    const syllables = (gapMs: number) => {
      const one = voiceLike(120, 0.3);
      const out = new Float32Array(4 * (120 + gapMs) * 16);
      for (let k = 0; k < 4; k++) out.set(one, k * (120 + gapMs) * 16);
      return out;
    };
    expect(detect(robot, 0.3, { samples: syllables(150), at: 16_000 }).bargeIn).toBe(true);
    expect(detect(robot, 0.3, { samples: syllables(400), at: 16_000 })).toEqual({ bargeIn: false });
  });
});
