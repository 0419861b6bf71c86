import { maskIdNumber } from '../../common/maskIdNumber.js';

/**
 * A resident ID number anywhere in a text: 17 digits and a check character, not part of a longer run of digits.
 * The core only sends masked numbers; this is the screen's second line of defence, not its first.
 */
const idNumberRun = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9Xx])/g;

/** The text with every ID number in it masked as the hall masks them (3702**********0422). */
export function scrubIdNumbers(text: string): string {
  return text.replace(idNumberRun, (number) => maskIdNumber(number));
}
