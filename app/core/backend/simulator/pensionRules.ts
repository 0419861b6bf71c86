/**
 * The simulator's rules of thumb for accounts and benefits. Rounded approximations chosen for a realistic look,
 * not official Qingdao figures: the real business system holds the real ones.
 */

/** Rough average monthly wage of the year in whole yuan: the anchor for base limits, flexible levels and indexes. */
export function averageMonthlyWage(year: number): number {
  return Math.round(year <= 2023 ? 7000 / 1.075 ** (2023 - year) : 7000 * 1.04 ** (year - 2023));
}

/** Share of the 养老 base credited to the personal account each month (employees and flexible workers alike). */
export const PERSONAL_ACCOUNT_SHARE = 0.08;

/** 记账利率 of the personal account, percent, by year (the national rates from 2016; about a deposit rate before). */
const ACCOUNT_INTEREST_PERCENT: Readonly<Record<number, number>> = {
  2016: 8.31, 2017: 7.12, 2018: 8.29, 2019: 7.61, 2020: 6.04, 2021: 6.69, 2022: 6.12, 2023: 3.97, 2024: 2.62,
};
const EARLY_INTEREST_PERCENT = 2.5;
/** Years after the last published rate use the last one until a newer one is added. */
const LATEST_RATED_YEAR = 2024;

export function accountInterestPercent(year: number): number {
  if (year < 2016) return EARLY_INTEREST_PERCENT;
  return ACCOUNT_INTEREST_PERCENT[Math.min(year, LATEST_RATED_YEAR)]!;
}

/**
 * A closed year's interest in fen: the opening balance for the whole year, and the year's credits (made month by
 * month) for about half of it (the usual 1.083 × ½ factor); payouts are ignored.
 */
export function yearInterestFen(openingFen: number, creditedFen: number, percent: number): number {
  return Math.round(openingFen * (percent / 100) + creditedFen * (percent / 100) * 1.083 * 0.5);
}

/** 计发月数: the months a personal account is spread over, by age at retirement. */
export function payoutMonthsForAge(age: number): number {
  if (age >= 60) return 139;
  if (age >= 55) return 170;
  return 195;
}

/** The original statutory retirement age by category. */
export const ORIGINAL_RETIREMENT_AGE = { 男职工: 60, 女职工50: 50, 女职工55: 55, 城乡居民: 60 } as const;

/** Months of 失业保险金 by months of 失业 contributions: 1–5 years 12, 5–10 years 18, 10 years or more 24. */
export function unemploymentEntitlementMonths(contributionMonths: number): number {
  if (contributionMonths >= 120) return 24;
  if (contributionMonths >= 60) return 18;
  if (contributionMonths >= 12) return 12;
  return 0;
}

/** The day of the month 失业保险金 reaches the bank account. */
export const UNEMPLOYMENT_PAY_DAY = '20';

/** 城乡居民养老: the government subsidy (yuan a year) that comes with each grade (档次, yuan a year). */
export const RESIDENT_PENSION_SUBSIDY: Readonly<Record<number, number>> = {
  300: 60, 500: 80, 800: 100, 1000: 120, 1500: 150, 2000: 180, 3000: 200, 4000: 220, 5000: 240,
};

/** 城乡居民养老 basic pension (基础养老金), yuan a month. */
export const RESIDENT_BASIC_PENSION = 265;

/** The day of the year residents pay their yearly contribution in the demo (MM-DD). */
export const RESIDENT_PENSION_PAY_DAY = '06-18';
