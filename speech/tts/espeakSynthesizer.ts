import { spawn } from 'node:child_process';
import type { PcmAudio } from '../playback/pcmAudio.js';
import { decodeWav, mixToMono } from '../audio/decodeWav.js';
import { toNumberedPinyin } from './numberedPinyin.js';
import type { SpeechSynthesizer, SynthesisOptions } from './speechSynthesizer.js';
import { SpeechSynthesisError } from './speechSynthesisError.js';

export interface EspeakSettings {
  /** The executable, looked up on PATH unless absolute. */
  command: string;
  /** cmn-latn-pinyin reads numbered pinyin; Debian's cmn voice lacks most hanzi (espeak-synth/README.txt). */
  voice: string;
  /**
   * Syllables per minute before the word gaps. 170 with a 50 ms gap comes out at about 2.6 syllables a second, a third
   * slower than conversational Mandarin: slow and clear for elderly listeners. (The shared recordings used 120.)
   */
  wordsPerMinute: number;
  /** Pause between words in units of 10 ms; 5 gave the best recognition in the shared recordings' recipe. */
  wordGap: number;
}

/**
 * The pinyin voice at 200 wpm with a 50 ms word gap says about 3.2 syllables a second: a careful, normal pace.
 * Speed 0.85 (the kiosk default) is therefore 170 wpm.
 */
export const ESPEAK_NORMAL_WORDS_PER_MINUTE = 200;

export const DEFAULT_ESPEAK_SETTINGS: EspeakSettings = {
  command: 'espeak-ng',
  voice: 'cmn-latn-pinyin',
  wordsPerMinute: 170,
  wordGap: 5,
};

/** The command line that speaks the text: the numbered pinyin goes in as the last argument, the WAV comes out on stdout. */
export function espeakCommandLine(text: string, settings: EspeakSettings, rate?: number): { command: string; args: string[]; pinyin: string } {
  const pinyin = toNumberedPinyin(text);
  const wordsPerMinute = Math.round(rate ?? settings.wordsPerMinute);
  return {
    command: settings.command,
    args: ['-v', settings.voice, '-s', String(wordsPerMinute), '-g', String(settings.wordGap), '--stdout', pinyin],
    pinyin,
  };
}

/**
 * espeak-ng quietly falls back to its default (English) voice when the one asked for is not installed, which
 * would read pinyin as English words; so the voice is looked up once in `espeak-ng --voices` first.
 */
async function checkVoiceInstalled(command: string, voice: string): Promise<void> {
  const listing = (await runEspeak(command, ['--voices'], undefined)).toString('utf8');
  const wanted = voice.toLowerCase();
  const installed = listing
    .split('\n')
    .slice(1)
    .some((line) => {
      const [, language, , name, file] = line.trim().split(/\s+/);
      return [language, name, file, file?.split('/').at(-1)].some((field) => field?.toLowerCase() === wanted);
    });
  if (!installed) throw new SpeechSynthesisError('voiceInvalid', `espeak-ng has no voice "${voice}" (Debian's espeak-ng-data ships cmn-latn-pinyin)`);
}

function runEspeak(command: string, args: string[], signal: AbortSignal | undefined): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new SpeechSynthesisError('aborted', 'synthesis aborted before it started'));
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    let stderr = '';
    let aborted = false;
    const onAbort = () => {
      aborted = true;
      child.kill('SIGKILL');
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error: NodeJS.ErrnoException) => {
      signal?.removeEventListener('abort', onAbort);
      if (error.code === 'ENOENT') {
        reject(new SpeechSynthesisError('engineMissing', `espeak-ng not found (${command}): install the Debian package espeak-ng`, { cause: error }));
      } else {
        reject(new SpeechSynthesisError('engineFailed', `espeak-ng could not start: ${error.message}`, { cause: error }));
      }
    });
    child.on('close', (code, killedBy) => {
      signal?.removeEventListener('abort', onAbort);
      if (aborted) return reject(new SpeechSynthesisError('aborted', 'synthesis aborted'));
      if (code !== 0) {
        const why = stderr.trim() || (killedBy ? `killed by ${killedBy}` : `exit code ${code}`);
        return reject(new SpeechSynthesisError('engineFailed', `espeak-ng failed: ${why}`));
      }
      resolve(Buffer.concat(stdout));
    });
  });
}

/** espeak-ng fed with numbered pinyin: robotic but intelligible, always available, about 20 ms per sentence. */
export function createEspeakSynthesizer(settings: Partial<EspeakSettings> = {}): SpeechSynthesizer {
  const resolved: EspeakSettings = { ...DEFAULT_ESPEAK_SETTINGS, ...settings };
  let closed = false;
  let voiceChecked: Promise<void> | undefined;
  return {
    engine: 'espeak-ng',
    async synthesize(text: string, options: SynthesisOptions = {}): Promise<PcmAudio> {
      if (closed) throw new SpeechSynthesisError('engineFailed', 'synthesizer closed');
      const line = espeakCommandLine(text, resolved, options.rate);
      // Nothing speakable (only punctuation or symbols): no process, no sound.
      if (!/[a-z]/i.test(line.pinyin)) return { samples: new Float32Array(0), sampleRate: 22_050 };
      voiceChecked ??= checkVoiceInstalled(resolved.command, resolved.voice);
      await voiceChecked.catch((error: unknown) => {
        voiceChecked = undefined; // espeak may be installed later: look again next time
        throw error;
      });
      const wav = await runEspeak(line.command, line.args, options.signal);
      try {
        const decoded = decodeWav(wav);
        return { samples: mixToMono(decoded.channelData), sampleRate: decoded.sampleRate };
      } catch (error) {
        throw new SpeechSynthesisError('engineFailed', `espeak-ng wrote no usable WAV: ${(error as Error).message}`, { cause: error });
      }
    },
    rateForSpeed(speed: number): number {
      return Math.round(ESPEAK_NORMAL_WORDS_PER_MINUTE * speed);
    },
    close() {
      closed = true;
    },
  };
}
