import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import type { Alignment } from '../escpos/escPosCommands.js';
import { ensureCjkFont } from '../escpos/cjkFont.js';
import type { TicketLine } from './ticket.js';

export interface RenderPngOptions {
  /** Printable width of 80 mm paper at 203 dpi. */
  widthDots?: number;
  /** Default line pitch (ESC 2) in dots. */
  lineSpacingDots?: number;
  fontPaths?: readonly string[];
}

const CELL = 12; // font A: 12 × 24 dots, full-width characters 24 × 24
const MARGIN = 16;

function startX(align: Alignment, contentWidth: number, paperWidth: number): number {
  if (align === 'center') return Math.max(0, Math.floor((paperWidth - contentWidth) / 2));
  if (align === 'right') return Math.max(0, paperWidth - contentWidth);
  return 0;
}

/** Builds the QR matrix the printer would print for these bytes (the printer picks the smallest version). */
function qrMatrix(data: Uint8Array, level: string): { size: number; dark(row: number, col: number): boolean } | undefined {
  try {
    const qr = QRCode.create([{ data: Buffer.from(data), mode: 'byte' }], { errorCorrectionLevel: level as QRCode.QRCodeErrorCorrectionLevel });
    return { size: qr.modules.size, dark: (r, c) => Boolean(qr.modules.get(r, c)) };
  } catch {
    return undefined; // more data than a QR code holds: the printer prints nothing
  }
}

function lineHeight(line: TicketLine, pitch: number, qrSizes: Map<TicketLine, number>): number {
  switch (line.kind) {
    case 'text':
      return pitch + 24 * (Math.max(1, ...line.segments.map((s) => s.heightScale)) - 1);
    case 'qr':
      return ((qrSizes.get(line) ?? 0) + 2) * line.moduleSize;
    case 'image':
      return line.height * line.scaleY;
    case 'barcode':
      return 80 + pitch;
    case 'feed':
      return line.dots;
  }
}

/**
 * Draws a ticket as thermal paper: 576 dots wide, font A cells (12 dots per half-width column) in Noto
 * Sans CJK, QR codes drawn from their payload, raster images dot for dot. Returns PNG bytes.
 */
export function renderTicketPng(lines: readonly TicketLine[], options: RenderPngOptions = {}): Buffer {
  const width = options.widthDots ?? 576;
  const pitch = options.lineSpacingDots ?? 30;
  const family = ensureCjkFont(options.fontPaths);
  const matrices = new Map<TicketLine, NonNullable<ReturnType<typeof qrMatrix>>>();
  const qrSizes = new Map<TicketLine, number>();
  for (const line of lines) {
    if (line.kind !== 'qr') continue;
    const matrix = qrMatrix(line.data, line.errorCorrection);
    if (matrix) {
      matrices.set(line, matrix);
      qrSizes.set(line, matrix.size);
    }
  }
  const height = Math.min(32_000, MARGIN * 2 + lines.reduce((sum, l) => sum + lineHeight(l, pitch, qrSizes), 0));
  const canvas = createCanvas(width, Math.max(1, height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.textBaseline = 'middle';

  let y = MARGIN;
  for (const line of lines) {
    if (y >= height) break;
    const h = lineHeight(line, pitch, qrSizes);
    switch (line.kind) {
      case 'text':
        drawTextLine(ctx, line, y, h, pitch, width, family);
        break;
      case 'qr': {
        const matrix = matrices.get(line);
        if (!matrix) break;
        const m = line.moduleSize;
        const x0 = startX(line.align, matrix.size * m, width);
        for (let r = 0; r < matrix.size; r++) {
          for (let c = 0; c < matrix.size; c++) if (matrix.dark(r, c)) ctx.fillRect(x0 + c * m, y + m + r * m, m, m);
        }
        break;
      }
      case 'image':
        drawImage(ctx, line, y, width);
        break;
      case 'barcode':
        ctx.font = `20px "${family}"`;
        ctx.fillText(`[条码] ${line.data}`, 0, y + h / 2);
        break;
      case 'feed':
        break;
    }
    y += h;
  }
  return canvas.toBuffer('image/png');
}

function drawTextLine(ctx: SKRSContext2D, line: Extract<TicketLine, { kind: 'text' }>, y: number, h: number, pitch: number, width: number, family: string): void {
  const contentWidth = line.segments.reduce((sum, s) => {
    let w = 0;
    for (const ch of s.text) w += (ch.codePointAt(0)! < 0x80 ? CELL : 2 * CELL) * s.widthScale;
    return sum + w;
  }, 0);
  let x = startX(line.align, contentWidth, width);
  const bottom = y + h - Math.max(0, pitch - 24); // the gap between lines stays below the characters
  for (const s of line.segments) {
    ctx.font = `${s.bold ? 'bold ' : ''}22px "${family}"`;
    const cellHeight = 24 * s.heightScale;
    const top = bottom - cellHeight;
    for (const ch of s.text) {
      const unscaledWidth = ch.codePointAt(0)! < 0x80 ? CELL : 2 * CELL;
      const cellWidth = unscaledWidth * s.widthScale;
      if (x + cellWidth > width) return; // past the paper edge
      if (s.reverse) {
        ctx.fillRect(x, top, cellWidth, cellHeight);
        ctx.fillStyle = '#fff';
      }
      ctx.save();
      ctx.translate(x, top);
      ctx.scale(s.widthScale, s.heightScale);
      // A bold Latin glyph can be wider than its 12-dot cell; squeeze it rather than overlap the next one.
      const glyphWidth = ctx.measureText(ch).width;
      if (glyphWidth > unscaledWidth) ctx.scale(unscaledWidth / glyphWidth, 1);
      ctx.fillText(ch, Math.max(0, (unscaledWidth - glyphWidth) / 2), 12);
      ctx.restore();
      ctx.fillStyle = '#000';
      if (s.underline) ctx.fillRect(x, bottom - 2, cellWidth, 2);
      x += cellWidth;
    }
  }
}

function drawImage(ctx: SKRSContext2D, line: Extract<TicketLine, { kind: 'image' }>, y: number, width: number): void {
  const widthBytes = Math.ceil(line.widthDots / 8);
  const drawnWidth = Math.min(width, line.widthDots * line.scaleX);
  const drawnHeight = line.height * line.scaleY;
  if (drawnWidth <= 0 || drawnHeight <= 0) return;
  const image = ctx.createImageData(drawnWidth, drawnHeight);
  const px = image.data;
  px.fill(255);
  const x0 = startX(line.align, drawnWidth, width);
  for (let dy = 0; dy < drawnHeight; dy++) {
    const row = Math.floor(dy / line.scaleY);
    for (let dx = 0; dx < drawnWidth; dx++) {
      const col = Math.floor(dx / line.scaleX);
      const byte = line.data[row * widthBytes + (col >> 3)] ?? 0;
      if ((byte & (0x80 >> (col & 7))) === 0) continue;
      const i = (dy * drawnWidth + dx) * 4;
      px[i] = px[i + 1] = px[i + 2] = 0;
    }
  }
  ctx.putImageData(image, x0, y);
}
