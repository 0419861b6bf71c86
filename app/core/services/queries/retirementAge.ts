/**
 * The statutory retirement age under the gradual reform (全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定,
 * 2024-09-13, in force 2025-01-01, and its 办法 with the 对照表 in 附件1–3). Pure: no clock, no record.
 *
 * - Men (originally 60) and women originally retiring at 55 (干部, managerial and technical posts, and women in
 *   flexible employment): one month of delay for every 4 months, counted from January 2025 by the month the old rule
 *   would have retired them in, up to 36 months (63 and 58).
 * - Women originally retiring at 50 (worker posts): one month for every 2 months, up to 60 months (55).
 * - Whoever reached the old age before 2025 is not affected.
 * - The minimum contribution for a monthly employee pension stays 15 years for retirements up to 2029 and rises by
 *   6 months a year from 2030-01-01 until it is 20 years (2039).
 *
 * 城乡居民基本养老保险 is drawn from 60 and is not changed by the reform (the decision concerns 法定退休年龄 of employees).
 */

export type OriginalRetirementAge = 60 | 55 | 50;

export interface BirthMonth {
  year: number;
  /** 1–12. */
  month: number;
}

export interface StatutoryRetirement {
  originalAge: OriginalRetirementAge;
  /** When the rule before 2025 would have retired them, YYYY-MM. */
  originalRetirementMonth: string;
  /** Months added by the reform (0 for those who reached the old age before 2025). */
  delayMonths: number;
  /** The retirement age: whole years and months. */
  age: { years: number; months: number };
  /** The month in which they reach it (birth month + age), YYYY-MM. */
  retirementMonth: string;
  /** The least contribution, in months, for a monthly employee pension when retiring in that month. */
  minimumContributionMonths: number;
}

/** How the delay builds up for each original age: one month per `step` months, at most `cap` months. */
const SCHEDULE: Record<OriginalRetirementAge, { step: number; cap: number }> = {
  60: { step: 4, cap: 36 },
  55: { step: 4, cap: 36 },
  50: { step: 2, cap: 60 },
};

/** January 2025 as a month index (year × 12 + month − 1). */
const REFORM_START = 2025 * 12;

const monthIndex = ({ year, month }: BirthMonth) => year * 12 + (month - 1);
const formatMonth = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The least contribution for a monthly employee pension when retiring in this year: 15 years, +6 months a year from 2030, 20 at most. */
export function minimumContributionMonths(retirementYear: number): number {
  if (retirementYear < 2030) return 15 * 12;
  return Math.min(20 * 12, 15 * 12 + 6 * (retirementYear - 2029));
}

/** The retirement age and month of someone born in `birth` whose age was `originalAge` before the reform. */
export function statutoryRetirement(birth: BirthMonth, originalAge: OriginalRetirementAge): StatutoryRetirement {
  if (!Number.isInteger(birth.year) || !Number.isInteger(birth.month) || birth.month < 1 || birth.month > 12) {
    throw new RangeError(`not a birth month: ${birth.year}-${birth.month}`);
  }
  const { step, cap } = SCHEDULE[originalAge];
  const original = monthIndex(birth) + originalAge * 12;
  const sinceReform = original - REFORM_START;
  const delayMonths = sinceReform < 0 ? 0 : Math.min(cap, Math.floor(sinceReform / step) + 1);
  const ageMonths = originalAge * 12 + delayMonths;
  const retirement = monthIndex(birth) + ageMonths;
  return {
    originalAge,
    originalRetirementMonth: formatMonth(original),
    delayMonths,
    age: { years: Math.floor(ageMonths / 12), months: ageMonths % 12 },
    retirementMonth: formatMonth(retirement),
    minimumContributionMonths: minimumContributionMonths(Math.floor(retirement / 12)),
  };
}

/** 60岁, 60岁1个月. */
export function ageLabel(age: { years: number; months: number }): string {
  return `${age.years}岁${age.months > 0 ? `${age.months}个月` : ''}`;
}
