import type { InsurancePeriod } from './certificateContent.js';

/** `2010-07至2015-12`, or `2016-03至今` for a period that has not ended. */
export function formatPeriod(period: InsurancePeriod): string {
  return `${period.from}至${period.to ?? '今'}`;
}
