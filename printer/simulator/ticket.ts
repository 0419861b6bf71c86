import type { Alignment } from '../escpos/escPosCommands.js';

/** A run of text printed in one style. */
export interface TextSegment {
  text: string;
  bold: boolean;
  underline: boolean;
  reverse: boolean;
  widthScale: number;
  heightScale: number;
}

export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';

/** One printed line (or block) of a ticket, in paper order. */
export type TicketLine =
  | { kind: 'text'; align: Alignment; segments: TextSegment[] }
  | { kind: 'qr'; align: Alignment; payload: string; data: Uint8Array; model: 1 | 2; moduleSize: number; errorCorrection: QrErrorCorrection }
  /** Row-major, 1 bit per dot, MSB first; `scaleX`/`scaleY` double the dots (GS v 0 m, ESC * density). */
  | { kind: 'image'; align: Alignment; widthDots: number; height: number; data: Uint8Array; scaleX: number; scaleY: number }
  | { kind: 'barcode'; align: Alignment; symbology: number; data: string }
  | { kind: 'feed'; dots: number };

/** What came out between two cuts. */
export interface Ticket {
  /** 1-based, in the order the tickets were cut. */
  index: number;
  lines: TicketLine[];
  cut: 'full' | 'partial';
  /** The ticket read back as plain text (see renderTicketText). */
  text: string;
  qrPayloads: string[];
}

export function lineText(line: TicketLine): string {
  return line.kind === 'text' ? line.segments.map((s) => s.text).join('') : '';
}
