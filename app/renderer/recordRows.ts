import { scrubIdNumbers } from './scrubIdNumbers.js';

/** One row of a citizen's record: `2024年` | `5,200 元`; a line without a label (a note) has `label: null`. */
export interface RecordRow {
  label: string | null;
  value: string;
  /** A closing parenthetical of a labelled value, kept apart for a smaller second line: `（2024年3月15日发放）`. */
  note: string | null;
}

/** `2,345.60 元（2024年3月15日发放）` → the amount, and the parenthetical with its brackets. */
const trailingNote = /^(.*[^\s])\s*(（[^（）]+）)$/;

/**
 * The rows of a record as the core words it, one line per row (`2024年：5,200 元`, `状态：正常（自…起）`): split on
 * the first full-width colon. Blank lines are dropped; a line with nothing before or after its colon is a note.
 */
export function recordRows(screen: string): RecordRow[] {
  return screen
    .split('\n')
    .map((line) => scrubIdNumbers(line.trim()))
    .filter((line) => line.length > 0)
    .map((line) => {
      const colon = line.indexOf('：');
      const label = colon > 0 ? line.slice(0, colon).trim() : '';
      const value = colon > 0 ? line.slice(colon + 1).trim() : '';
      if (!label || !value) return { label: null, value: line, note: null };
      const split = trailingNote.exec(value);
      return split?.[1] && split[2] ? { label, value: split[1], note: split[2] } : { label, value, note: null };
    });
}
