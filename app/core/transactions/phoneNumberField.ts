import { spokenDigitRuns } from '../nlu/spokenIdNumber.js';
import type { FieldReading, TransactionField } from './transactionSpec.js';

/** A mainland mobile number: 11 digits, 13–19 first (the business system's rule too). */
export const MOBILE_NUMBER = /^1[3-9]\d{9}$/;

/** Fewer digits than this in one run are not an attempt at a phone number ("改一下", "三号楼"). */
const LEAST_DIGITS_OF_AN_ATTEMPT = 7;

function readRuns(runs: readonly string[]): FieldReading<string> {
  const mobile = runs.find((run) => MOBILE_NUMBER.test(run));
  if (mobile) return { ok: true, value: mobile };
  const attempt = runs.find((run) => run.length >= LEAST_DIGITS_OF_AN_ATTEMPT);
  if (!attempt) return null;
  if (attempt.length !== 11) return { ok: false, problem: `手机号码是11位，我听到的是${attempt.length}位。` };
  return { ok: false, problem: '手机号码要以13到19开头，这个号码不像手机号码。' };
}

/**
 * A mobile phone number, typed or read out (digits, characters with 幺/洞, or the recognizer's toneless pinyin), in
 * groups or in one breath. A run of seven or more digits that is not a mobile number is told why; fewer is not heard.
 */
export function readPhoneNumber(text: string, pinyin: string | null): FieldReading<string> {
  const fromText = readRuns(spokenDigitRuns(text));
  if (fromText?.ok || pinyin === null) return fromText;
  return readRuns(spokenDigitRuns(pinyin)) ?? fromText;
}

/** Read back digit by digit in the usual 3-4-4 groups: "1 3 8，0 0 1 3，8 0 0 0". */
export function readBackPhoneNumber(phone: string): string {
  const spaced = (part: string) => part.split('').join(' ');
  return [phone.slice(0, 3), phone.slice(3, 7), phone.slice(7)].map(spaced).join('，');
}

export function phoneNumberField(name: string, label: string, ask: string): TransactionField<string> {
  return { name, label, ask, listen: 'number', read: readPhoneNumber, readBack: readBackPhoneNumber };
}
