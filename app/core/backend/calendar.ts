/**
 * Calendar arithmetic on the business system's date strings. The 人社 system works in China time (UTC+8,
 * no daylight saving), so "today" is the China calendar day whatever the kiosk's host timezone is.
 */

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** YYYY-MM-DD of an instant, in China time. */
export function chinaDateOf(epochMs: number): string {
  return new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** YYYY-MM of an instant, in China time. */
export function chinaYearMonthOf(epochMs: number): string {
  return chinaDateOf(epochMs).slice(0, 7);
}

/** ISO 8601 with the +08:00 offset, the way the business system writes timestamps. */
export function chinaDateTimeOf(epochMs: number): string {
  return `${new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

function splitYearMonth(yearMonth: string): [number, number] {
  const match = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  if (!match) throw new TypeError(`not a YYYY-MM month: ${yearMonth}`);
  return [Number(match[1]), Number(match[2])];
}

function formatYearMonth(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** "2024-11" + 3 → "2025-02". */
export function addMonthsToYearMonth(yearMonth: string, months: number): string {
  const [year, month] = splitYearMonth(yearMonth);
  const index = year * 12 + (month - 1) + months;
  return formatYearMonth(Math.floor(index / 12), (index % 12) + 1);
}

/** Every month from `from` to `to`, both included; empty when `from` is after `to`. */
export function monthsInRange(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = addMonthsToYearMonth(month, 1)) months.push(month);
  return months;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Calendar months later, keeping the day of month; a day the target month lacks becomes its last day
 * (2024-02-29 + 12 months → 2025-02-28), so a cycle never silently spills into the next month.
 */
export function addMonthsToDate(date: string, months: number): string {
  const day = Number(date.slice(8, 10));
  const yearMonth = addMonthsToYearMonth(date.slice(0, 7), months);
  const [year, month] = splitYearMonth(yearMonth);
  return `${yearMonth}-${String(Math.min(day, daysInMonth(year, month))).padStart(2, '0')}`;
}

/** "2024-03-01" + -1 → "2024-02-29". */
export function addDaysToDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
