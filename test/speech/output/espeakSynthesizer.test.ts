import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryAudioSink } from '../../../speech/playback/memoryAudioSink.js';
import { pcmDurationMs, rootMeanSquare } from '../../../speech/playback/pcmAudio.js';
import { createEspeakSynthesizer } from '../../../speech/tts/espeakSynthesizer.js';
import { SpeechSynthesisError } from '../../../speech/tts/speechSynthesisError.js';
import { createRobotVoice, type RobotVoiceEvent } from '../../../speech/turnTaking/robotVoice.js';
import { espeakUnavailable } from './fixtures/speechOutputFixtures.js';

const skipReason = espeakUnavailable();
if (skipReason) console.warn(skipReason);

const scratch = mkdtempSync(path.join(os.tmpdir(), 'espeak-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** An espeak-ng stand-in that records its arguments, then runs the real one. */
function recordingEspeak(): { command: string; calls: () => string[][] } {
  const log = path.join(scratch, `calls-${Math.random().toString(36).slice(2)}.jsonl`);
  const command = path.join(scratch, `espeak-recorder-${Math.random().toString(36).slice(2)}`);
  writeFileSync(log, '');
  writeFileSync(
    command,
    `#!/usr/bin/env node
require('fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n');
const r = require('child_process').spawnSync('espeak-ng', process.argv.slice(2), { stdio: ['ignore', 'inherit', 'inherit'] });
process.exit(r.status ?? 1);
`,
  );
  chmodSync(command, 0o755);
  return { command, calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as string[]) };
}

// Kiosk sentences with their syllable counts (numbers spelled out).
const KIOSK_SENTENCES: Array<[text: string, syllables: number]> = [
  ['我要打印参保证明', 8],
  ['请到3号窗口办理养老认证。', 11],
  ['社保卡丢了可以拨打12333挂失。', 14],
  ['2025年起，缴费基数调整为每月5000元。', 18],
];

describe.skipIf(skipReason !== undefined)('espeak-ng through numbered pinyin', () => {
  const synthesizer = createEspeakSynthesizer();

  it.each(KIOSK_SENTENCES)('"%s" becomes speech of plausible length', async (text, syllables) => {
    const audio = await synthesizer.synthesize(text);
    expect(audio.sampleRate).toBe(22_050);
    const seconds = pcmDurationMs(audio) / 1000;
    // Slow and clear: between 1.5 and 5 syllables a second, with some leading and trailing silence.
    expect(seconds).toBeGreaterThan(syllables / 5);
    expect(seconds).toBeLessThan(syllables / 1.5 + 1);
    expect(rootMeanSquare(audio.samples)).toBeGreaterThan(0.03); // it is sound, not silence
  });

  it('feeds espeak-ng the cmn-latn-pinyin voice with numbers already in Chinese', async () => {
    const espeak = recordingEspeak();
    const recorded = createEspeakSynthesizer({ command: espeak.command });
    const audio = await recorded.synthesize('请在45天内拨打12333，2025年有效。');
    expect(audio.samples.length).toBeGreaterThan(0);
    const [voiceLookup, args] = espeak.calls();
    expect(voiceLookup).toEqual(['--voices']);
    expect(args!.slice(0, 2)).toEqual(['-v', 'cmn-latn-pinyin']);
    expect(args).toContain('--stdout');
    expect(args!.at(-1)).toBe('qing3 zai4 si4 shi2 wu3 tian1 nei4 bo1 da3 yi1 er4 san1 san1 san1, er4 ling2 er4 wu3 nian2 you3 xiao4.');
  });

  it('maps the configured relative speed to words per minute (0.85, the kiosk default, is its default 170)', () => {
    expect(synthesizer.rateForSpeed(0.85)).toBe(170);
    expect(synthesizer.rateForSpeed(1)).toBe(200);
  });

  it('speaks slower when asked: rate is words per minute', async () => {
    const text = '请到3号窗口办理养老认证。';
    const slow = await synthesizer.synthesize(text, { rate: 120 });
    const fast = await synthesizer.synthesize(text, { rate: 240 });
    expect(pcmDurationMs(slow)).toBeGreaterThan(pcmDurationMs(fast) * 1.4);
  });

  it('returns silence without starting espeak for text with nothing to say', async () => {
    const audio = await createEspeakSynthesizer({ command: '/nonexistent/espeak-ng' }).synthesize('……');
    expect(audio.samples.length).toBe(0);
  });

  it('stops the process when the synthesis is aborted', async () => {
    const abort = new AbortController();
    const pending = synthesizer.synthesize('这是一段很长的话。'.repeat(40), { signal: abort.signal });
    abort.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
  });
});

describe('a missing espeak-ng', () => {
  it('is an engineMissing error naming the package', async () => {
    const missing = createEspeakSynthesizer({ command: 'espeak-ng-not-installed' });
    const error = await missing.synthesize('您好').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpeechSynthesisError);
    expect(error).toMatchObject({ kind: 'engineMissing' });
    expect((error as Error).message).toMatch(/espeak-ng/);
  });

  it('reaches the session as a speaker fault and an interrupted utterance, not a crash', async () => {
    const events: RobotVoiceEvent[] = [];
    const voice = createRobotVoice({
      synthesizer: createEspeakSynthesizer({ command: 'espeak-ng-not-installed' }),
      sink: createMemoryAudioSink(),
      onEvent: (e) => events.push(e),
    });
    const id = voice.say('您好，请问办理什么业务？');
    await voice.idle();
    expect(events.map((e) => e.type)).toEqual(['audio.fault', 'tts.finished']);
    expect(events[0]).toEqual({ type: 'audio.fault', device: 'speaker', reason: expect.stringMatching(/espeak-ng not found/) });
    expect(events[1]).toMatchObject({ utteranceId: id, interrupted: true });
  });

  it.skipIf(skipReason !== undefined)('is told apart from a missing voice, which espeak-ng would otherwise replace by English', async () => {
    const error = await createEspeakSynthesizer({ voice: 'no-such-voice' }).synthesize('您好').catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'voiceInvalid', message: expect.stringMatching(/no voice "no-such-voice"/) });
  });
});
