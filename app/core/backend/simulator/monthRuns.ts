/** Runs and holes in month lists: contribution periods, employment periods and 断缴 gaps. */
import { addMonthsToYearMonth } from '../calendar.js';

export interface PayerRun {
  from: string;
  to: string;
  months: number;
  payer: string;
}

/** Unbroken runs of months with the same payer (a gap or a change of payer starts a new run). Rows ordered by month. */
export function periodsOf(rows: readonly { month: string; payer: string }[]): PayerRun[] {
  const periods: PayerRun[] = [];
  for (const row of rows) {
    const current = periods[periods.length - 1];
    if (current && current.payer === row.payer && addMonthsToYearMonth(current.to, 1) === row.month) {
      current.to = row.month;
      current.months += 1;
    } else {
      periods.push({ from: row.month, to: row.month, months: 1, payer: row.payer });
    }
  }
  return periods;
}

export interface MonthGap {
  from: string;
  to: string;
  months: number;
}

/** The holes between the first and the last of `months` (sorted, distinct YYYY-MM). */
export function gapsOf(months: readonly string[]): MonthGap[] {
  const gaps: MonthGap[] = [];
  for (let i = 1; i < months.length; i += 1) {
    const expected = addMonthsToYearMonth(months[i - 1]!, 1);
    if (expected === months[i]) continue;
    const to = addMonthsToYearMonth(months[i]!, -1);
    gaps.push({ from: expected, to, months: monthsBetween(expected, to) });
  }
  return gaps;
}

/** Months from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): number {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return index(to) - index(from) + 1;
}
