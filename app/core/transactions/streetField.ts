import type { TransactionField } from './transactionSpec.js';

/** Characters that open a reply ("我住在", "户口在", "到") rather than a street's name. */
const LEADING = /^[我俺在住到去是户口家就的]+/;

/** "市北区台东街道" → "台东街道", "我户口在即墨区移风店镇" → "移风店镇", "住在中韩街道" → "中韩街道". */
export function readStreet(text: string): string | null {
  const found = /([^区市县省\s，,。、]{2,8}(?:街道|镇))/.exec(text)?.[1];
  if (!found) return null;
  const name = found.slice(0, found.endsWith('街道') ? -2 : -1);
  const suffix = found.slice(name.length);
  const trimmed = name.replace(LEADING, '');
  return trimmed.length >= 2 ? `${trimmed}${suffix}` : null;
}

/** A street (街道) or town (镇) of the city, as the citizen names it. */
export function streetField(name: string, label: string, ask: string): TransactionField<string> {
  return {
    name,
    label,
    ask,
    read: (text) => {
      const street = readStreet(text);
      return street ? { ok: true, value: street } : null;
    },
    readBack: (value) => value,
  };
}
