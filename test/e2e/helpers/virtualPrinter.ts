import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The virtual printer's text copies of what it printed (the kiosk's data folder, `virtual-printer/`), newest last. */
export function printedTexts(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.txt'));
  } catch {
    return [];
  }
  return names
    .map((name) => path.join(dir, name))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs)
    .map((file) => readFileSync(file, 'utf8'));
}
