import { hasHan, normalizeText } from './normalizeText.js';

// Digits as people read them out (幺 and 洞 are how numbers are read aloud to avoid 一/七 and 零 confusion), in
// characters and in the small recognizer's toneless pinyin.
const HAN_DIGITS: Record<string, string> = { 零: '0', 〇: '0', 洞: '0', 一: '1', 幺: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 拐: '7', 八: '8', 九: '9' };
const PINYIN_DIGITS: Record<string, string> = { ling: '0', dong: '0', yi: '1', yao: '1', er: '2', liang: '2', san: '3', si: '4', wu: '5', liu: '6', qi: '7', guai: '7', ba: '8', jiu: '9' };

/** What a certificate number can be: 8–32 letters and digits, as the public lookup accepts them. */
const CANDIDATE = /(?<![A-Za-z0-9])([A-Za-z]?)[ -]?((?:\d[ -]?){6,31}\d)(?![0-9])/g;
/** Mentions that make a bare run of digits a certificate number. */
const CONTEXT = /证书|证号|编号|证件号|技能|等级证|zheng shu|bian hao|zheng hao/;
/** The citizen speaks of an ID card: no run of digits in what they say is a certificate number. */
const ID_CONTEXT = /身份证|shen fen zheng/;

/**
 * A 职业技能等级证书 number said or typed ("S000037021002193000284", "s 0000 3702 …", "证书编号三七零二…"), in the
 * form the public lookup takes (upper case, no spaces); null when none was said.
 *
 * Never an ID number or a phone number: an 18-character or 15-digit number and a mobile number are left alone (the
 * identity check has its own path, and they must not travel into a public lookup), and nothing at all is taken from
 * an utterance that speaks of an ID card. A bare run of digits counts only when the citizen speaks of a certificate
 * or a number (证书, 编号) and has no ID or phone number inside it; one that starts with a letter (the national
 * format, S000037…) always counts.
 */
export function parseCertificateNumber(text: string, pinyin?: string, asked = false): string | null {
  for (const heard of [text, pinyin]) {
    if (!heard) continue;
    const found = findIn(withAsciiDigits(heard), asked);
    if (found) return found;
  }
  return null;
}

/** `asked`: the robot has just asked for the certificate number, so digits said alone are the answer. */
function findIn(text: string, asked: boolean): string | null {
  const normalized = normalizeText(text);
  if (ID_CONTEXT.test(normalized)) return null;
  const inContext = asked || CONTEXT.test(normalized);
  for (const match of text.matchAll(CANDIDATE)) {
    const letter = match[1]!.toUpperCase();
    const digits = match[2]!.replace(/[ -]/g, '');
    const number = `${letter}${digits}`;
    if (number.length < 8 || number.length > 32) continue;
    if (looksLikeIdOrPhone(digits)) continue;
    if (!letter && (!inContext || mayBeMisheardIdOrPhone(digits))) continue;
    return number;
  }
  return null;
}

/** ID and phone numbers, and two years side by side (2019-2022): never a certificate number. */
function looksLikeIdOrPhone(digits: string): boolean {
  return /^\d{17}[\dXx]?$/.test(digits) || /^\d{15}$/.test(digits) || /^1[3-9]\d{9}$/.test(digits) || /^(?:19|20)\d{2}(?:19|20)\d{2}$/.test(digits);
}

/**
 * Digits alone that hold an ID number or a mobile number with a digit more or less: a word beside the number read as
 * a digit (the 灵 of 灵活 heard as "ling") or one digit dropped makes a number the shape checks above miss. A run of
 * 15–19 digits with a 15-digit (old) or 17/18-digit ID number inside it (a real province code and birth date), or of
 * 10–12 digits with a mobile number inside it, is never taken for a certificate number.
 */
function mayBeMisheardIdOrPhone(digits: string): boolean {
  if (digits.length >= 10 && digits.length <= 12) return windows(digits, 11).some((w) => /^1[3-9]\d{9}$/.test(w));
  if (digits.length < 15 || digits.length > 19) return false;
  return (
    windows(digits, 15).some((w) => looksLikeId(w.slice(0, 2), `19${w.slice(6, 12)}`)) ||
    windows(digits, 17).some((w) => looksLikeId(w.slice(0, 2), w.slice(6, 14)))
  );
}

function windows(digits: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + size <= digits.length; i++) out.push(digits.slice(i, i + size));
  return out;
}

/** Province codes of GB/T 2260 that ID numbers begin with. */
const PROVINCES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82']);

function looksLikeId(province: string, yyyymmdd: string): boolean {
  if (!PROVINCES.has(province)) return false;
  const [y, m, d] = [Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8))];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2099 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Full-width characters folded, and digits read out in characters or pinyin written as ASCII digits. */
function withAsciiDigits(heard: string): string {
  const text = heard.normalize('NFKC');
  if (hasHan(text)) return text.replace(/[零〇洞一幺二两三四五六七拐八九](?:[ ，,、]?[零〇洞一幺二两三四五六七拐八九]){5,}/g, (run) => [...run].map((c) => HAN_DIGITS[c] ?? '').join(''));
  // Pinyin: a run of six or more digit syllables becomes digits; a lone letter before it (the recognizer writes "s")
  // stays as it is.
  return text.replace(/\b(?:ling|dong|yi|yao|er|liang|san|si|wu|liu|qi|guai|ba|jiu)(?:\s+(?:ling|dong|yi|yao|er|liang|san|si|wu|liu|qi|guai|ba|jiu)){5,}\b/gi, (run) =>
    run
      .toLowerCase()
      .split(/\s+/)
      .map((s) => PINYIN_DIGITS[s] ?? '')
      .join(''),
  );
}
