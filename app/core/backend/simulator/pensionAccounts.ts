/**
 * 养老个人账户: the personal accounts computed from what was paid in, year by year, in integer fen. Closed years earn
 * interest at their 记账利率; the open year's interest is booked when it closes. A pensioner's employee account
 * pays out its part of the pension (balance at retirement ÷ 计发月数) each month a pension was paid.
 */
import { addDaysToDate, addMonthsToYearMonth } from '../calendar.js';
import type { PensionAccount } from '../backendTypes.js';
import { yuan } from './citizenRows.js';
import { accountInterestPercent, payoutMonthsForAge, yearInterestFen } from './pensionRules.js';

export interface AccountInputs {
  scheme: PensionAccount['scheme'];
  /** Amounts credited, with the day they were booked (a month's end, or a resident's payment day). */
  credits: ReadonlyArray<{ year: number; fen: number; bookedOn: string }>;
  /** The pensioner's paid pension months (employee account only) and the age they retired at. */
  payouts?: { months: ReadonlyArray<{ year: number; paidDate: string }>; retirementAge: number };
  today: string;
}

/** The account, or null when nothing was ever credited. */
export function computePensionAccount(inputs: AccountInputs): PensionAccount | null {
  if (inputs.credits.length === 0) return null;
  const currentYear = Number(inputs.today.slice(0, 4));
  const creditedByYear = new Map<number, number>();
  for (const credit of inputs.credits) creditedByYear.set(credit.year, (creditedByYear.get(credit.year) ?? 0) + credit.fen);
  const payoutMonthsByYear = new Map<number, number>();
  for (const month of inputs.payouts?.months ?? []) payoutMonthsByYear.set(month.year, (payoutMonthsByYear.get(month.year) ?? 0) + 1);

  const firstYear = Math.min(...inputs.credits.map((credit) => credit.year));
  const years: PensionAccount['years'] = [];
  let balance = 0;
  let monthlyPayout: number | null = null;
  const payOut = (year: number): number => {
    const months = payoutMonthsByYear.get(year) ?? 0;
    if (months === 0 || !inputs.payouts) return 0;
    // The account part of the pension is fixed at retirement from the balance then.
    monthlyPayout ??= Math.round(balance / payoutMonthsForAge(inputs.payouts.retirementAge));
    return Math.min(balance, monthlyPayout * months);
  };

  for (let year = firstYear; year < currentYear; year += 1) {
    const opening = balance;
    const credited = creditedByYear.get(year) ?? 0;
    balance = opening + credited;
    const paidOut = payOut(year);
    const percent = accountInterestPercent(year);
    const interest = yearInterestFen(Math.max(0, opening - paidOut / 2), credited, percent);
    balance = balance - paidOut + interest;
    years.push({ year, creditedAmount: yuan(credited), interestRatePercent: percent, interest: yuan(interest), paidOut: yuan(paidOut), closingBalance: yuan(balance) });
  }
  const creditedThisYear = creditedByYear.get(currentYear) ?? 0;
  balance += creditedThisYear;
  balance -= payOut(currentYear);

  const lastCredit = inputs.credits.reduce((latest, credit) => (credit.bookedOn > latest ? credit.bookedOn : latest), '');
  const lastPayout = (inputs.payouts?.months ?? []).reduce((latest, month) => (month.paidDate > latest ? month.paidDate : latest), '');
  return {
    scheme: inputs.scheme,
    balance: yuan(balance),
    asOfDate: lastPayout > lastCredit ? lastPayout : lastCredit,
    thisYear: { year: currentYear, creditedAmount: yuan(creditedThisYear), interest: null },
    years,
  };
}

/** The last day of a YYYY-MM month: when a month's contribution is booked. */
export function endOfMonth(month: string): string {
  return addDaysToDate(`${addMonthsToYearMonth(month, 1)}-01`, -1);
}
