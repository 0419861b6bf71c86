import iconv from 'iconv-lite';
import type { Alignment } from './escPosCommands.js';

/**
 * Citizen data must never smuggle printer commands into the stream (a name with ESC @ or GS V in it would
 * reset or cut the paper), so control characters are removed before anything is encoded.
 */
export function stripControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

/** GB18030 bytes of `text` (after control characters are removed). */
export function encodeGb18030(text: string): Buffer {
  return iconv.encode(stripControlCharacters(text), 'gb18030');
}

/**
 * Printed width in half-width columns. In Chinese mode a thermal printer prints every single-byte
 * character half width and every multi-byte GB18030 character full width, and in GB18030 only
 * U+0000..U+007F are single-byte — so the width follows from the code point alone.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.codePointAt(0)! < 0x80 ? 1 : 2;
  return width;
}

/**
 * Characters that GB18030 encodes in four bytes lie outside GBK; most printer fonts only cover GBK and
 * print them as blanks, so a line holding one (a rare character in a name, say) is printed as an image.
 */
export function hasCharactersOutsideGbk(text: string): boolean {
  for (const char of text) {
    if (char.codePointAt(0)! >= 0x80 && iconv.encode(char, 'gb18030').length === 4) return true;
  }
  return false;
}

/** Breaks text into lines no wider than `columns`, never splitting a character. */
export function wrapToWidth(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const char of stripControlCharacters(text)) {
    const w = displayWidth(char);
    if (width + w > columns && line !== '') {
      lines.push(line);
      line = '';
      width = 0;
    }
    line += char;
    width += w;
  }
  lines.push(line);
  return lines;
}

/** Pads (or clips) text to exactly `columns` columns for a table cell. */
export function fitToWidth(text: string, columns: number, align: Alignment = 'left'): string {
  let clipped = '';
  let width = 0;
  for (const char of stripControlCharacters(text)) {
    const w = displayWidth(char);
    if (width + w > columns) break;
    clipped += char;
    width += w;
  }
  const room = columns - width;
  if (align === 'right') return ' '.repeat(room) + clipped;
  if (align === 'center') return ' '.repeat(room >> 1) + clipped + ' '.repeat(room - (room >> 1));
  return clipped + ' '.repeat(room);
}
