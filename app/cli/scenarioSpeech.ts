import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pinyin } from 'pinyin-pro';

const DIGITS = '零一二三四五六七八九';

/** Whether `espeak-ng` with its pinyin voice can be run here (Debian: `apt-get install espeak-ng`). */
export function speechSynthesisProblem(): string | null {
  const probe = spawnSync('espeak-ng', ['--voices=cmn'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return 'espeak-ng is not installed (apt-get install espeak-ng)';
  return /cmn-latn-pinyin/.test(probe.stdout) ? null : "espeak-ng has no cmn-latn-pinyin voice";
}

/** The numbered pinyin espeak-ng's pinyin voice reads ("wo3 de5 she4 bao3 ka3"); digits are read one by one. */
export function numberedPinyin(text: string): string {
  const spelled = text.replace(/\d/g, (d) => DIGITS[Number(d)]!);
  return pinyin(spelled, { toneType: 'num', type: 'array', nonZh: 'removed' })
    .map((syllable) => syllable.trim().replace(/0$/, '5'))
    .filter((syllable) => /^[a-zü]+[1-5]$/.test(syllable))
    .join(' ');
}

/**
 * A scenario's spoken line as a WAV file: the recipe of the shared test recordings (`data/speech/README.md`):
 * numbered pinyin from pinyin-pro into espeak-ng's `cmn-latn-pinyin` voice, 120 words a minute, a 50 ms word gap
 * (the settings that gave the development recognizer its lowest error). Feeding characters to the `cmn` voice reads
 * most of them as English letter names. Returns the file; the caller removes it with `done()`.
 */
export function synthesizeLine(text: string): { wav: string; done: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-speak-'));
  const wav = path.join(dir, 'line.wav');
  const run = spawnSync('espeak-ng', ['-v', 'cmn-latn-pinyin', '-s', '120', '-g', '5', '-w', wav, numberedPinyin(text)], { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`espeak-ng could not say the line: ${run.error?.message ?? run.stderr.trim()}`);
  }
  return { wav, done: () => rmSync(dir, { recursive: true, force: true }) };
}
