/**
 * Deterministic, plausible contribution and pension histories for the demo citizens.
 * The rates and wage levels are rounded approximations for a realistic look, not official Qingdao figures.
 * Amounts are integer fen so sums are exact.
 */
import type { RandomSource } from '../../../../common/seededRandom.js';
import { addMonthsToYearMonth, monthsInRange } from '../calendar.js';
import { FLEXIBLE_EMPLOYMENT_PAYER, type InsuranceType } from '../backendTypes.js';
import type { ContributionSpell, DemoPension } from './demoCitizens.js';
import { averageMonthlyWage } from './pensionRules.js';

export interface ContributionRow {
  month: string;
  type: InsuranceType;
  baseFen: number;
  personalFen: number;
  employerFen: number;
  payer: string;
}

export interface PensionPaymentRow {
  month: string;
  amountFen: number;
  paidDate: string;
}

/** Share of the base: [personal, employer]. */
const EMPLOYEE_RATES: Record<InsuranceType, [number, number]> = {
  养老: [0.08, 0.16],
  医疗: [0.02, 0.08],
  失业: [0.003, 0.007],
  工伤: [0, 0.004],
  生育: [0, 0.008],
};
/** A flexible worker pays both halves alone. */
const FLEXIBLE_RATES: Partial<Record<InsuranceType, [number, number]>> = {
  养老: [0.2, 0],
  医疗: [0.09, 0],
};


/** The last month a spell paid for, given the month before the seed month. */
export function lastMonthOfSpell(spell: ContributionSpell, lastPaidMonth: string): string {
  if (spell.until === 'ongoing') return lastPaidMonth;
  if (typeof spell.until === 'string') return spell.until;
  return addMonthsToYearMonth(lastPaidMonth, 1 - spell.until.monthsBeforeSeed);
}

function yearlyBase(spell: ContributionSpell, year: number, random: RandomSource): number {
  const average = averageMonthlyWage(year);
  if (spell.payer === FLEXIBLE_EMPLOYMENT_PAYER) return Math.round((average * (spell.level ?? 60)) / 100);
  const firstYear = Number(spell.from.slice(0, 4));
  const raised = (spell.startingBase ?? average) * 1.07 ** (year - firstYear);
  const jittered = raised * (0.97 + random() * 0.06);
  // Bases are clamped between 60 % and 300 % of the average wage.
  return Math.round(Math.min(Math.max(jittered, average * 0.6), average * 3));
}

export function generateContributions(spells: readonly ContributionSpell[], lastPaidMonth: string, random: RandomSource): ContributionRow[] {
  const rows: ContributionRow[] = [];
  for (const spell of spells) {
    const baseByYear = new Map<number, number>();
    for (const month of monthsInRange(spell.from, lastMonthOfSpell(spell, lastPaidMonth))) {
      const year = Number(month.slice(0, 4));
      if (!baseByYear.has(year)) baseByYear.set(year, yearlyBase(spell, year, random));
      const baseFen = baseByYear.get(year)! * 100;
      for (const type of spell.types) {
        const rates = spell.payer === FLEXIBLE_EMPLOYMENT_PAYER ? FLEXIBLE_RATES[type] : EMPLOYEE_RATES[type];
        if (!rates) continue;
        rows.push({ month, type, baseFen, personalFen: Math.round(baseFen * rates[0]), employerFen: Math.round(baseFen * rates[1]), payer: spell.payer });
      }
    }
  }
  return rows;
}

/** The day of the month pensions reach the bank account. */
const PENSION_PAY_DAY = '10';
/** Pensions are adjusted upward once a year (in January); about 3 % on average. */
const YEARLY_PENSION_RAISE = 1.03;

/**
 * Monthly payments from the first pension month, paid on the 10th, up to today. Pension authentication
 * gates payment: months paid after an overdue due date are withheld until the pensioner authenticates.
 */
export function generatePensionPayments(pension: DemoPension, today: string, nextAuthDueDate: string): PensionPaymentRow[] {
  const rows: PensionPaymentRow[] = [];
  const firstYear = Number(pension.firstMonth.slice(0, 4));
  for (const month of monthsInRange(pension.firstMonth, today.slice(0, 7))) {
    const paidDate = `${month}-${PENSION_PAY_DAY}`;
    if (paidDate > today || paidDate > nextAuthDueDate) break;
    const amountFen = Math.round(pension.firstMonthlyAmount * 100 * YEARLY_PENSION_RAISE ** (Number(month.slice(0, 4)) - firstYear));
    rows.push({ month, amountFen, paidDate });
  }
  return rows;
}

/**
 * What is paid when a pensioner authenticates after the due date had passed (补发): every month after the last
 * one paid whose pay day fell after the old due date (withheld) and has come by `today`, all paid on `today`,
 * at the last amount with the yearly adjustment for each new year. Months up to the old due date were paid
 * as usual, so nothing is owed for them; an authentication in time owes nothing.
 */
export function withheldPensionPayments(lastPaid: PensionPaymentRow, previousDueDate: string, today: string): PensionPaymentRow[] {
  const rows: PensionPaymentRow[] = [];
  const lastYear = Number(lastPaid.month.slice(0, 4));
  for (const month of monthsInRange(addMonthsToYearMonth(lastPaid.month, 1), today.slice(0, 7))) {
    const payDay = `${month}-${PENSION_PAY_DAY}`;
    if (payDay > today) break;
    if (payDay <= previousDueDate) continue;
    const amountFen = Math.round(lastPaid.amountFen * YEARLY_PENSION_RAISE ** (Number(month.slice(0, 4)) - lastYear));
    rows.push({ month, amountFen, paidDate: today });
  }
  return rows;
}
