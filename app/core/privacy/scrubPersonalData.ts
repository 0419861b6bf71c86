/**
 * Masks personal data before it reaches a log or an event log: ID numbers, phone numbers, bank/card numbers,
 * and the values of fields whose names say they are personal. Free text from citizens goes through here too,
 * because people type their ID number into the question box.
 */

// 18-digit resident ID (last may be X) and the old 15-digit form; bounded by non-digits.
const ID_NUMBER = /(?<!\d)(\d{6})(\d{8}|\d{6})(\d{3}[\dXx]|\d{1})(?!\d)/g;
const MOBILE = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;
const LONG_NUMBER = /(?<!\d)(\d{4})\d{8,11}(\d{4})(?!\d)/g;

const PERSONAL_KEYS = new Set([
  'name', 'fullname', 'citizenname', 'idnumber', 'idno', 'idcard', 'sfzh', 'phone', 'mobile', 'address',
  'cardnumber', 'bankaccount', 'birthdate', 'photo', 'referencephoto', 'embedding', 'image', 'frame',
]);

export function maskIdLike(text: string): string {
  return text
    .replace(ID_NUMBER, (_m, head: string, _mid: string, tail: string) => `${head.slice(0, 4)}${'*'.repeat(10)}${tail.slice(-4).padStart(4, '*')}`)
    .replace(MOBILE, (_m, a: string, _b: string, c: string) => `${a}****${c}`)
    .replace(LONG_NUMBER, (_m, a: string, b: string) => `${a}********${b}`);
}

export function isPersonalKey(key: string): boolean {
  return PERSONAL_KEYS.has(key.toLowerCase().replace(/[_-]/g, ''));
}

/** Deep copy with personal values masked. Safe on cycles and on large values (depth-limited). */
export function scrubPersonalData(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskIdLike(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return '[depth]';
  if (value instanceof Error) return { name: value.name, message: maskIdLike(value.message) };
  if (Array.isArray(value)) return value.map((v) => scrubPersonalData(v, depth + 1));
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    out[key] = isPersonalKey(key) && v != null ? '[redacted]' : scrubPersonalData(v, depth + 1);
  }
  return out;
}
