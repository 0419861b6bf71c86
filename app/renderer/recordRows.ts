import { scrubIdNumbers } from './scrubIdNumbers.js';

/** One row of a citizen's record: `2024年` | `5,200 元`; a line without a label (a note) has `label: null`. */
export interface RecordRow {
  label: string | null;
  value: string;
}

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
      return label && value ? { label, value } : { label: null, value: line };
    });
}
