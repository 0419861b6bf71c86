import { normalizeText } from './normalizeText.js';

// Digits as people read them out, in toneless pinyin and in characters (幺 and 洞 are how numbers are read aloud
// to avoid 一/七 and 零 confusion); the check character X is read as the letter or as 叉. `lin` and `you` are how the
// small development recognizer hears 零 and 九 (measured on the espeak fixtures of test/core/voice/spokenQueries.test.ts).
const DIGITS: Record<string, string> = {
  ling: '0', lin: '0', dong: '0', yi: '1', yao: '1', er: '2', liang: '2', san: '3', si: '4', wu: '5', liu: '6', qi: '7', guai: '7', ba: '8', jiu: '9', you: '9', gou: '9',
  零: '0', 〇: '0', 洞: '0', 一: '1', 幺: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 拐: '7', 八: '8', 九: '9',
  x: 'X', cha: 'X', 叉: 'X', ai: 'X',
};

/**
 * The digits of an ID number read out loud ("san qi ling er ling san …", "三七零二…", or digits), or null when what
 * was heard is not 18 characters of digits (the last may be X). Filler between digit groups is ignored.
 */
export function parseSpokenIdNumber(heard: string): string | null {
  const out = spokenDigits(heard);
  return /^\d{17}[\dX]$/.test(out) ? out : null;
}

/**
 * Every digit read out in what was heard, in order (digits, characters, toneless pinyin; X as the letter or 叉),
 * everything else dropped: "幺三八 零零一三" → "1380013". Shared by the ID number and the phone number.
 */
export function spokenDigits(heard: string): string {
  let out = '';
  for (const unit of spokenUnits(heard)) {
    if (/^\d+$/.test(unit)) out += unit;
    else if (unit in DIGITS) out += DIGITS[unit];
  }
  return out;
}

/**
 * The digits read out, as the runs they were said in: a word that is not a digit ends a run, spaces and
 * punctuation between digit groups do not ("帮我改一下，新号幺三八 零零一三，八零零零" → ["1", "13800138000"]).
 */
export function spokenDigitRuns(heard: string): string[] {
  const runs: string[] = [];
  let run = '';
  for (const unit of spokenUnits(heard)) {
    const digit = /^\d+$/.test(unit) ? unit : Object.hasOwn(DIGITS, unit) ? DIGITS[unit] : undefined;
    if (digit !== undefined) run += digit;
    else if (run) {
      runs.push(run);
      run = '';
    }
  }
  if (run) runs.push(run);
  return runs;
}

/** Toneless pinyin split into syllables; characters and typed digits one by one (spaces and punctuation dropped). */
function spokenUnits(heard: string): string[] {
  const text = normalizeText(heard).replace(/\b(ke si|ai ke si|aikesi)\b/g, 'x');
  return /[a-z]/.test(text) && !/^[\dx\s]+$/.test(text) ? text.split(' ') : [...text.replace(/\s+/g, '')];
}
