/** Citizens type a lower-case x and stray spaces; compare, store and show the canonical form of an ID number. */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}
