import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EndpointProfileName } from '../../../speech/asr/endpointRules.js';
import { createSpeechInput } from '../../../speech/asr/speechInput.js';
import { createStreamingRecognizer } from '../../../speech/asr/streamingRecognizer.js';
import { createPushSource } from '../../../speech/audio/pushSource.js';
import { readAudioFile } from '../../../speech/audio/readAudioFile.js';
import { createWavFileSource } from '../../../speech/audio/wavFileSource.js';
import type { SpeechEvent } from '../../../speech/speechEvents.js';
import { pinyinTokens } from '../../../speech/transcribe/tokenErrorRate.js';
import { createVoiceActivityDetector } from '../../../speech/vad/voiceActivityDetector.js';
import { commandAvailable, concat, energySpeechSpans, missingSpeechFixtures, pinyinModel, recording, roomNoise, sileroVadPath } from './inputFixtures.js';

const missing = missingSpeechFixtures();
const canMakeAudio = commandAvailable('sox') && commandAvailable('espeak-ng');
const noAudioTools = canMakeAudio ? '' : ' (skipped: sox and espeak-ng are needed to make the test speech)';
type Final = Extract<SpeechEvent, { type: 'asr.final' }>;

/**
 * Runs samples through the whole input pipeline (push source → VAD → ASR) and returns every event with the source
 * time of the frame that produced it (the pipeline is synchronous with a push source).
 */
function listen(samples: Float32Array, profile: EndpointProfileName = 'default', onPartial?: (set: (p: EndpointProfileName) => void) => void): Array<SpeechEvent & { emittedAtMs: number }> {
  const source = createPushSource();
  const input = createSpeechInput({
    source,
    vad: createVoiceActivityDetector({ modelPath: sileroVadPath }),
    recognizer: createStreamingRecognizer({ model: pinyinModel, endpointProfile: profile }),
  });
  const events: Array<SpeechEvent & { emittedAtMs: number }> = [];
  let pushedMs = 0;
  input.subscribe((e) => {
    events.push({ ...e, emittedAtMs: pushedMs });
    if (e.type === 'asr.partial') onPartial?.((p) => input.setEndpointProfile(p));
  });
  input.start();
  for (let i = 0; i < samples.length; i += 320) {
    pushedMs = (i + 320) / 16;
    source.push(samples.subarray(i, i + 320));
  }
  return events;
}

const finals = <E extends SpeechEvent>(events: E[]) => events.filter((e): e is E & Final => e.type === 'asr.final');

describe('endpointing in the input pipeline', () => {
  let work: string;
  let digits: Float32Array;

  beforeAll(async () => {
    if (missing || !canMakeAudio) return;
    work = mkdtempSync(path.join(os.tmpdir(), 'endpoint-'));
    // An ID-number-like reading: three digit groups, 1.3 s apart, as a citizen reads them off a card.
    const groups = ['yao1 san1 ba1', 'liu4 liu4 wu3 qi1', 'er4 san1 si4 jiu3'].map((text, i) => {
      const raw = path.join(work, `g${i}-raw.wav`);
      const trimmed = path.join(work, `g${i}.wav`);
      execFileSync('espeak-ng', ['-v', 'cmn-latn-pinyin', '-s', '110', '-g', '5', '-w', raw, text]);
      execFileSync('sox', [raw, '-r', '16000', '-c', '1', '-b', '16', trimmed, 'silence', '1', '0.02', '1%', 'reverse', 'silence', '1', '0.02', '1%', 'reverse']);
      return trimmed;
    });
    const parts = await Promise.all(groups.map(async (g) => (await readAudioFile(g)).samples));
    digits = concat(roomNoise(8_000, 2), parts[0]!, roomNoise(20_800, 3), parts[1]!, roomNoise(20_800, 4), parts[2]!, roomNoise(64_000, 5));
  });
  beforeEach((context) => context.skip(missing !== undefined, missing));

  it('gives one final per recording, 0.6–1.8 s after the end of speech (default profile)', async () => {
    // Measured (docs/speech.md): 0.84 s for 0.wav (its weak last syllable counts as speech by energy), 1.32 s and 1.38 s.
    for (const file of ['sherpa-kws-test-wavs/0.wav', 'sherpa-kws-test-wavs/1.wav', 'funasr/asr_example.wav']) {
      const audio = await readAudioFile(recording(file));
      const [final, ...more] = finals(listen(concat(audio.samples, roomNoise(48_000))));
      expect(more, file).toEqual([]);
      expect(final, file).toBeDefined();
      const speechEndMs = energySpeechSpans(audio.samples).at(-1)!.endMs;
      const latencyMs = final!.emittedAtMs - speechEndMs;
      expect(latencyMs, file).toBeGreaterThanOrEqual(600);
      expect(latencyMs, file).toBeLessThanOrEqual(1_800);
      expect(final!.endMs).toBeLessThan(final!.emittedAtMs - 1_000); // the rule waited at least 1.1 s of silence
      expect(final!.endMs).toBeGreaterThan(speechEndMs - 800);
    }
  });

  it.skipIf(!canMakeAudio)(`is not cut off in the pauses of slowed speech (0.75×, a stand-in for elderly speakers)${noAudioTools}`, () => {
    // The four recordings with the longest pauses the recognizer saw (0.84–1.08 s once slowed, docs/speech.md).
    for (const file of ['sherpa-kws-test-wavs/0.wav', 'sherpa-kws-test-wavs/1.wav', 'sherpa-kws-test-wavs/3.wav', 'sherpa-kws-test-wavs/5.wav']) {
      const slowed = path.join(work, `slow-${path.basename(file)}`);
      execFileSync('sox', [recording(file), slowed, 'tempo', '-s', '0.75']);
      const samples = execFileSync('sox', [slowed, '-t', 'raw', '-e', 'floating-point', '-b', '32', '-']);
      const audio = new Float32Array(samples.buffer, samples.byteOffset, samples.length / 4);
      const result = finals(listen(concat(audio, roomNoise(48_000))));
      expect(result.map((f) => f.pinyin), file).toHaveLength(1);
    }
  });

  it.skipIf(!canMakeAudio)(`waits through the pauses of a number read in groups with the "number" profile, not with the others${noAudioTools}`, () => {
    const byDefault = finals(listen(digits, 'default'));
    const asNumber = finals(listen(digits, 'number'));
    const asShortAnswer = finals(listen(digits, 'short-answer'));
    expect(byDefault.length).toBeGreaterThanOrEqual(2);
    expect(asNumber).toHaveLength(1);
    expect(asShortAnswer.length).toBeGreaterThanOrEqual(byDefault.length);
    // The one final spans the groups the default profile split apart.
    expect(asNumber[0]!.startMs).toBeLessThanOrEqual(byDefault[0]!.startMs + 100);
    expect(asNumber[0]!.endMs).toBeGreaterThanOrEqual(byDefault.at(-1)!.startMs);
    expect(pinyinTokens(asNumber[0]!.pinyin).length).toBeGreaterThanOrEqual(8);
  });

  it.skipIf(!canMakeAudio)(`applies a profile switched during the utterance (the app hears digits and asks for patience)${noAudioTools}`, () => {
    let switched = false;
    const result = finals(
      listen(digits, 'default', (set) => {
        if (!switched) set('number');
        switched = true;
      }),
    );
    expect(result).toHaveLength(1);
  });

  it('ends with a final when a file source runs out, even without trailing silence', async () => {
    const source = createWavFileSource(recording('funasr/asr_example.wav'), { realTime: false });
    const input = createSpeechInput({ source, vad: createVoiceActivityDetector({ modelPath: sileroVadPath }), recognizer: createStreamingRecognizer({ model: pinyinModel }) });
    const events: SpeechEvent[] = [];
    const done = new Promise<void>((resolve) => {
      input.subscribe((e) => {
        events.push(e);
        if (e.type === 'asr.final') resolve();
      });
    });
    input.start();
    await done;
    expect(finals(events)[0]!.pinyin).toBe('huan ying da jia lai ti yan da mo yuan tui chu de yu yin shi bie mo xing');
    expect(events.map((e) => e.type)).toContain('speech.ended');
  });
});
