import { addDaysToDate, addMonthsToDate } from './calendar.js';

/** Pensioners confirm they are alive and entitled (养老金领取资格认证) once every 12 months. */
export const PENSION_AUTH_CYCLE_MONTHS = 12;

/** How early the kiosk starts reminding: a month before the due date. */
export const PENSION_AUTH_REMINDER_DAYS = 30;

/** The date by which the next authentication is due: the last one plus 12 calendar months. */
export function nextPensionAuthDueDate(lastAuthenticatedOn: string): string {
  return addMonthsToDate(lastAuthenticatedOn, PENSION_AUTH_CYCLE_MONTHS);
}

/** Where a pensioner stands on `today` (YYYY-MM-DD) relative to the due date. */
export function pensionAuthStanding(nextDueDate: string, today: string): '有效' | '即将到期' | '已到期' {
  if (today > nextDueDate) return '已到期';
  if (today >= addDaysToDate(nextDueDate, -PENSION_AUTH_REMINDER_DAYS)) return '即将到期';
  return '有效';
}
