import { displayWidth } from '../escpos/gb18030Text.js';
import type { TicketLine } from './ticket.js';

/**
 * The ticket as a person would read it: text lines aligned within the paper's columns (full-width
 * characters take two), QR codes and images as bracketed placeholders with their content.
 */
export function renderTicketText(lines: readonly TicketLine[], columns = 48): string {
  const out: string[] = [];
  for (const line of lines) {
    switch (line.kind) {
      case 'text': {
        const text = line.segments.map((s) => s.text).join('');
        const width = line.segments.reduce((sum, s) => sum + displayWidth(s.text) * s.widthScale, 0);
        const room = Math.max(0, columns - width);
        const pad = line.align === 'center' ? room >> 1 : line.align === 'right' ? room : 0;
        out.push((' '.repeat(pad) + text).trimEnd());
        break;
      }
      case 'qr':
        out.push(`[QR ${line.errorCorrection} ${line.moduleSize}] ${line.payload}`);
        break;
      case 'image':
        out.push(`[image ${line.widthDots * line.scaleX}x${line.height * line.scaleY}]`);
        break;
      case 'barcode':
        out.push(`[barcode ${line.symbology}] ${line.data}`);
        break;
      case 'feed':
        break;
    }
  }
  return out.join('\n');
}
