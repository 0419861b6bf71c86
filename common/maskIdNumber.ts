import { normalizeIdNumber } from './normalizeIdNumber.js';

/**
 * "3702**********123X", as on certificates and receipts: the first and last four characters, every other one a '*'.
 * Enough to recognise one's own number on a screen or slip, not enough to misuse it.
 */
export function maskIdNumber(raw: string): string {
  const idNumber = normalizeIdNumber(raw);
  if (idNumber.length <= 8) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`;
}
