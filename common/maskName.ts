/**
 * "王*兰", as the hall shows names on its screens and queue displays: the family name and the last character kept,
 * every character between them a '*'; a two-character name keeps only the family name ("李*").
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.length === 0 ? '' : '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
