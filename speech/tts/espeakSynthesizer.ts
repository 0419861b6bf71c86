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
  /** Words (here: syllables) per minute. 120 is slow and clear for elderly listeners; espeak's own default is 175. */
  wordsPerMinute: number;
  /** Pause between words in units of 10 ms; 5 gave the best recognition in the shared recordings' recipe. */
  wordGap: number;
}

export const DEFAULT_ESPEAK_SETTINGS: EspeakSettings = {
  command: 'espeak-ng',
  voice: 'cmn-latn-pinyin',
  wordsPerMinute: 120,
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
  return {
    engine: 'espeak-ng',
    async synthesize(text: string, options: SynthesisOptions = {}): Promise<PcmAudio> {
      if (closed) throw new SpeechSynthesisError('engineFailed', 'synthesizer closed');
      const line = espeakCommandLine(text, resolved, options.rate);
      // Nothing speakable (only punctuation or symbols): no process, no sound.
      if (!/[a-z]/i.test(line.pinyin)) return { samples: new Float32Array(0), sampleRate: 22_050 };
      const wav = await runEspeak(line.command, line.args, options.signal);
      try {
        const decoded = decodeWav(wav);
        return { samples: mixToMono(decoded.channelData), sampleRate: decoded.sampleRate };
      } catch (error) {
        throw new SpeechSynthesisError('engineFailed', `espeak-ng wrote no usable WAV: ${(error as Error).message}`, { cause: error });
      }
    },
    close() {
      closed = true;
    },
  };
}
