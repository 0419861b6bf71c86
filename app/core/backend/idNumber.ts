import { normalizeIdNumber } from '../../../common/normalizeIdNumber.js';

/**
 * Resident identity card numbers (公民身份号码, GB 11643-1999): 6-digit area code, 8-digit birth date,
 * 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
 */

const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
const ID_NUMBER_SHAPE = /^[1-9]\d{16}[\dX]$/;

/** The check character for the first 17 digits. */
export function idNumberCheckCharacter(first17Digits: string): string {
  if (!/^\d{17}$/.test(first17Digits)) throw new TypeError('expected exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17Digits[i]) * CHECK_WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

/** The birth date encoded in digits 7–14, as YYYY-MM-DD, or null when it is not a real calendar date. */
export function birthDateFromIdNumber(idNumber: string): string | null {
  const digits = normalizeIdNumber(idNumber).slice(6, 14);
  if (!/^\d{8}$/.test(digits)) return null;
  const year = Number(digits.slice(0, 4));
  const month = Number(digits.slice(4, 6));
  const day = Number(digits.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 02-30 over into March; a real date survives the round trip.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year < 1900) return null;
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
}

/** Shape, real birth date (not in the future) and check character. Accepts a lower-case x. */
export function isValidIdNumber(raw: string, today: Date = new Date()): boolean {
  const idNumber = normalizeIdNumber(raw);
  if (!ID_NUMBER_SHAPE.test(idNumber)) return false;
  const birthDate = birthDateFromIdNumber(idNumber);
  if (birthDate === null || birthDate > today.toISOString().slice(0, 10)) return false;
  return idNumberCheckCharacter(idNumber.slice(0, 17)) === idNumber[17];
}

/** Gender from the sequence digit: odd 男, even 女. */
export function genderFromIdNumber(idNumber: string): '男' | '女' {
  return Number(normalizeIdNumber(idNumber)[16]) % 2 === 1 ? '男' : '女';
}

// app/core/services/pensionAuth takes the mask from here; it lives in common/ with the screen's and the printer's.
export { maskIdNumber } from '../../../common/maskIdNumber.js';
