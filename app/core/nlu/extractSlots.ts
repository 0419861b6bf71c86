import { detectGuideRequest } from './detectGuideRequest.js';
import { parseBirthMonth, type SpokenBirthMonth } from './spokenBirthMonth.js';
import { parseCertificateNumber } from './spokenCertificateNumber.js';
import { parseRetirementCategory, type SpokenRetirementCategory } from './spokenRetirementCategory.js';
import { standardChinese } from './utteranceSyllables.js';

export interface RouteSlots {
  year?: number;
  period?: { from: number; to: number };
  relativeYear?: 'this' | 'last';
  place?: string;
  cardType?: 'social-security-card' | 'id-card';
  certificate?: 'insurance' | 'rights-record' | 'not-insured' | 'pension' | 'unemployment' | 'injury';
  /** A 职业技能等级证书 number as the public lookup takes it (S000037021002193000284); never an ID or phone number. */
  certificateNumber?: string;
  /** The birth year (and month, when said) the citizen states: "我是1965年1月出生的", "俺65年生人". */
  birthYearMonth?: SpokenBirthMonth;
  /** Whose retirement age applies, whole (男, 女干部, 女工人) or the half that was said (女, 干部, 工人). */
  retirementCategory?: SpokenRetirementCategory;
}

const CERTIFICATES: [RegExp, NonNullable<RouteSlots['certificate']>][] = [
  [/未参保/, 'not-insured'],
  [/权益记录/, 'rights-record'],
  [/养老(保险)?证明|退休证明|养老金证明/, 'pension'],
  [/失业(保险)?证明/, 'unemployment'],
  [/工伤(保险)?证明/, 'injury'],
  [/参保证明|缴费证明|社保证明/, 'insurance'],
];

/**
 * What the utterance says beyond its intent: a year or period, a place of the hall, a card, a certificate, a
 * certificate number, a birth month and a retirement category.
 */
export function extractSlots(text: string, pinyin?: string): RouteSlots {
  const t = standardChinese(text);
  const slots: RouteSlots = {};
  const period = /((?:19|20)\d{2})\s*年?\s*(?:到|至|-|~)\s*((?:19|20)\d{2})\s*年?/.exec(t);
  if (period) slots.period = { from: Number(period[1]), to: Number(period[2]) };
  else {
    const year = /((?:19|20)\d{2})\s*年/.exec(t);
    if (year) slots.year = Number(year[1]);
  }
  if (/今年|本年/.test(t)) slots.relativeYear = 'this';
  else if (/去年|上一年/.test(t)) slots.relativeYear = 'last';
  const place = detectGuideRequest(text) ?? (pinyin ? detectGuideRequest(pinyin) : null);
  if (place) slots.place = place.placeId;
  if (/社保卡|社会保障卡|社宝卡/.test(t)) slots.cardType = 'social-security-card';
  else if (/身份证/.test(t)) slots.cardType = 'id-card';
  for (const [pattern, kind] of CERTIFICATES) {
    if (pattern.test(t)) {
      slots.certificate = kind;
      break;
    }
  }
  const certificateNumber = parseCertificateNumber(text, pinyin);
  if (certificateNumber) slots.certificateNumber = certificateNumber;
  const birth = parseBirthMonth(text, pinyin);
  if (birth) slots.birthYearMonth = birth;
  const category = parseRetirementCategory(text, pinyin);
  if (category) slots.retirementCategory = category;
  return slots;
}
