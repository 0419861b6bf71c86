// 公民身份号码 (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence (odd: male, even: female)
// and a check character by ISO 7064 MOD 11-2. The reader checks numbers it reads off a chip with this; the
// simulator builds its demo cards' numbers with it.

const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/** The check character for the first 17 digits. */
export function idNumberCheckCharacter(first17Digits: string): string {
  if (!/^\d{17}$/.test(first17Digits)) throw new RangeError('expected exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17Digits[i]) * CHECK_WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

/** YYYYMMDD is a real calendar date (from 1900 on). */
export function isCalendarDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** 18 characters, upper-case X only, a real birth date and the right check character. */
export function hasValidIdNumberChecksum(idNumber: string): boolean {
  if (!/^[1-9]\d{16}[\dX]$/.test(idNumber)) return false;
  if (!isCalendarDate(idNumber.slice(6, 14))) return false;
  return idNumberCheckCharacter(idNumber.slice(0, 17)) === idNumber[17];
}
