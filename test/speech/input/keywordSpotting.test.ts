import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readAudioFile } from '../../../speech/audio/readAudioFile.js';
import { keywordLine, keywordLines, readTokens, splitSyllable } from '../../../speech/kws/keywordLines.js';
import { createKeywordSpotter, type KeywordEvent, type KeywordSpotter } from '../../../speech/kws/keywordSpotter.js';
import { KIOSK_KEYWORDS } from '../../../speech/kws/kioskKeywords.js';
import { concat, keywordModel, missingSpeechFixtures, recording, roomNoise, speechDataDir } from './inputFixtures.js';

const missing = missingSpeechFixtures();

describe('keyword lines from phrases (pinyin-pro, split after the initial)', () => {
  it('splits toned syllables after the initial, y and w included', () => {
    expect(splitSyllable('xiǎo')).toEqual(['x', 'iǎo']);
    expect(splitSyllable('zhōu')).toEqual(['zh', 'ōu']);
    expect(splitSyllable('yǒu')).toEqual(['y', 'ǒu']);
    expect(splitSyllable('ér')).toEqual(['ér']);
    expect(splitSyllable('nǚ')).toEqual(['n', 'ǚ']);
  });

  it('writes per-keyword boost and threshold, and the phrase after @', () => {
    expect(keywordLine({ phrase: '你好小青', boost: 1.5, threshold: 0.3 })).toBe('n ǐ h ǎo x iǎo q īng :1.5 #0.3 @你好小青');
    expect(keywordLine({ phrase: '停' })).toBe('t íng @停');
    expect(keywordLine({ phrase: '找工作人员' })).toBe('zh ǎo g ōng z uò r én y uán @找工作人员');
    // A reading given by hand wins over pinyin-pro's.
    expect(keywordLine({ phrase: '小青', pinyin: 'xiǎo qìng' })).toBe('x iǎo q ìng @小青');
    // Dictionary tones, not sandhi: the model was trained on dictionary pinyin.
    expect(keywordLine({ phrase: '不对' })).toBe('b ù d uì @不对');
  });

  it('reports every problem at once: unknown tokens, duplicates, spaces', () => {
    const tokens = new Set(['n', 'ǐ', 'h', 'ǎo']);
    expect(() => keywordLines([{ phrase: '你好' }, { phrase: '你好' }, { phrase: '嗯' }, { phrase: '小 青' }], tokens)).toThrow(
      /listed twice.*"嗯": the model has no token for "ǹg".*"小 青" must be non-empty and without spaces/,
    );
  });

  it.skipIf(!existsSync(path.join(speechDataDir, 'sherpa-kws-test-wavs/test_keywords.txt')))(`reproduces the model's own test_keywords.txt from the phrases${existsSync(path.join(speechDataDir, 'sherpa-kws-test-wavs/test_keywords.txt')) ? '' : ' (skipped: the keyword test recordings are absent)'}`, () => {
    const reference = readFileSync(path.join(speechDataDir, 'sherpa-kws-test-wavs/test_keywords.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => l.replace(/\s+/g, ' ').trim());
    const phrases = reference.map((l) => l.split('@')[1]!);
    expect(keywordLines(phrases.map((phrase) => ({ phrase })))).toEqual(reference);
  });
});

// Measured on this machine (docs/speech.md "Keyword spotting"): 8/8 keywords found in 3–6.wav, no false alarm in
// 14 other recordings (real, espeak and composed) for these keywords nor for the kiosk's commands.
describe('keyword spotting on the recordings', () => {
  const keywordsIn: Record<string, string[]> = {
    'sherpa-kws-test-wavs/3.wav': ['文森特卡索', '法国'],
    'sherpa-kws-test-wavs/4.wav': ['蒋友伯', '女儿'],
    'sherpa-kws-test-wavs/5.wav': ['周望军', '落实'],
    'sherpa-kws-test-wavs/6.wav': ['朱丽楠', '见面会'],
  };
  const otherRecordings = [
    'sherpa-kws-test-wavs/0.wav',
    'sherpa-kws-test-wavs/1.wav',
    'sherpa-kws-test-wavs/2.wav',
    'sherpa-kws-test-wavs/2-8k.wav',
    'funasr/asr_example.wav',
    ...['s01', 's02', 's03', 's04', 's05', 's06', 's07', 's08'].map((s) => `espeak-synth/${s}.wav`),
    'composed/vad_two_utterances_0wav_2s_gap_1wav.wav',
  ];
  let testSpotter: KeywordSpotter;
  let kioskSpotter: KeywordSpotter;

  beforeAll(() => {
    if (missing) return;
    const phrases = Object.values(keywordsIn).flat();
    testSpotter = createKeywordSpotter({ model: keywordModel, keywords: phrases.map((phrase) => ({ phrase })) });
    kioskSpotter = createKeywordSpotter({ model: keywordModel, keywords: KIOSK_KEYWORDS });
  });
  beforeEach((context) => context.skip(missing !== undefined, missing));

  async function spot(spotter: KeywordSpotter, file: string): Promise<KeywordEvent[]> {
    spotter.reset();
    const audio = await readAudioFile(recording(file));
    const samples = concat(audio.samples, roomNoise(8_000));
    const events: KeywordEvent[] = [];
    for (let i = 0; i < samples.length; i += 320) events.push(...spotter.accept({ samples: samples.subarray(i, i + 320), startMs: i / 16 }));
    return events;
  }

  it('finds each keyword of the keyword test files, once, in order', async () => {
    for (const [file, expected] of Object.entries(keywordsIn)) {
      const events = await spot(testSpotter, file);
      expect(events.map((e) => e.phrase), file).toEqual(expected);
      for (const e of events) expect(e.atMs).toBeGreaterThan(0);
    }
  });

  it('raises no false alarm on the other recordings, for the test keywords nor the kiosk commands', async () => {
    for (const file of otherRecordings) {
      expect(await spot(testSpotter, file), file).toEqual([]);
      expect(await spot(kioskSpotter, file), file).toEqual([]);
    }
  });

  it('names the keyword by the app\'s id', async () => {
    const spotter = createKeywordSpotter({ model: keywordModel, keywords: [{ id: 'daughter', phrase: '女儿' }] });
    const events = await spot(spotter, 'sherpa-kws-test-wavs/4.wav');
    expect(events).toEqual([{ type: 'kws.keyword', keyword: 'daughter', phrase: '女儿', atMs: expect.any(Number) }]);
  });

  it('is harder to trigger with a higher per-keyword threshold', async () => {
    const strict = createKeywordSpotter({ model: keywordModel, keywords: [{ phrase: '女儿', threshold: 0.99 }, { phrase: '蒋友伯' }] });
    expect((await spot(strict, 'sherpa-kws-test-wavs/4.wav')).map((e) => e.phrase)).toEqual(['蒋友伯']);
  });

  it('refuses a phrase the model has no tokens for, before loading anything', () => {
    expect(() => createKeywordSpotter({ model: keywordModel, keywords: [{ phrase: '嗯' }] })).toThrow(/"嗯": the model has no token/);
    expect(readTokens(keywordModel.tokens).has('iǎo')).toBe(true);
  });
});
