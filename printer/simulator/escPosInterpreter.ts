import iconv from 'iconv-lite';
import type { Alignment } from '../escpos/escPosCommands.js';
import { renderTicketText } from './renderTicketText.js';
import type { QrErrorCorrection, TextSegment, Ticket, TicketLine } from './ticket.js';

export interface InterpreterHooks {
  /** A line (or block) advanced the paper; the virtual printer counts these for "paper out after N lines". */
  onLineFed?(count: number): void;
  onCut?(ticket: Ticket): void;
  /** GS ( H fn 48 reached: everything before it has been processed. */
  onProcessId?(id: string): void;
}

export interface InterpreterOptions {
  columns?: number;
  /** Chinese printers power up in Chinese (multi-byte) mode; ESC @ returns to it. */
  chineseModeAtPowerOn?: boolean;
  /** Lines kept per ticket before the oldest are dropped (a stream that never cuts must not grow forever). */
  maxLinesPerTicket?: number;
}

interface Style {
  bold: boolean;
  underline: boolean;
  reverse: boolean;
  widthScale: number;
  heightScale: number;
}

interface PendingSegment {
  bytes: number[];
  chinese: boolean;
  style: Style;
}

/** Bytes a single print line may collect before the printer wraps it on its own. */
const MAX_LINE_BYTES = 1024;
const QR_LEVELS: Record<number, QrErrorCorrection> = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' };

function alignmentOf(n: number): Alignment | undefined {
  if (n === 0 || n === 48) return 'left';
  if (n === 1 || n === 49) return 'center';
  if (n === 2 || n === 50) return 'right';
  return undefined;
}

function sameStyle(a: Style, b: Style): boolean {
  return a.bold === b.bold && a.underline === b.underline && a.reverse === b.reverse && a.widthScale === b.widthScale && a.heightScale === b.heightScale;
}

/**
 * Executes whole ESC/POS elements the way a thermal printer would and collects what lands on paper.
 * Real-time commands (DLE EOT/ENQ/DC4) are the caller's business and are ignored here. Never throws on
 * any input: unknown or malformed commands are skipped and counted.
 */
export class EscPosInterpreter {
  readonly #columns: number;
  readonly #chineseAtPowerOn: boolean;
  readonly #maxLines: number;
  readonly #hooks: InterpreterHooks;

  #chinese: boolean;
  #style: Style = { bold: false, underline: false, reverse: false, widthScale: 1, heightScale: 1 };
  #align: Alignment = 'left';
  #lineAlign: Alignment | undefined;
  #segments: PendingSegment[] = [];
  #lineBytes = 0;
  #pendingImage: Extract<TicketLine, { kind: 'image' }> | undefined;
  #qr = { model: 2 as 1 | 2, moduleSize: 3, level: 'L' as QrErrorCorrection, data: undefined as Uint8Array | undefined };
  #lines: TicketLine[] = [];
  #ticketCount = 0;
  #ignored = 0;
  #droppedLines = 0;

  constructor(hooks: InterpreterHooks = {}, options: InterpreterOptions = {}) {
    this.#hooks = hooks;
    this.#columns = options.columns ?? 48;
    this.#chineseAtPowerOn = options.chineseModeAtPowerOn ?? true;
    this.#maxLines = options.maxLinesPerTicket ?? 20_000;
    this.#chinese = this.#chineseAtPowerOn;
  }

  /** Elements that were unknown or malformed and therefore skipped. */
  get ignoredElements(): number {
    return this.#ignored;
  }

  get droppedLines(): number {
    return this.#droppedLines;
  }

  /** Lines printed since the last cut (what hangs out of the printer right now). */
  uncutLines(): readonly TicketLine[] {
    return this.#lines;
  }

  execute(el: Uint8Array): void {
    const first = el[0];
    if (first === undefined) return;
    if (first >= 0x20) return this.#text(el);
    switch (first) {
      case 0x0a:
      case 0x0c:
        return this.#commitLine();
      case 0x09:
        return this.#text(Uint8Array.of(0x20, 0x20, 0x20, 0x20));
      case 0x0d:
      case 0x10: // real-time commands are answered on arrival, not printed
        return;
      case 0x1b:
        return this.#esc(el);
      case 0x1d:
        return this.#gs(el);
      case 0x1c:
        return this.#fs(el);
      default:
        this.#ignored++;
    }
  }

  #esc(el: Uint8Array): void {
    const n = el[2] ?? 0;
    switch (el[1]) {
      case 0x40: // @
        return this.#initialize();
      case 0x21: // ! print mode
        this.#setStyle({ bold: (n & 0x08) !== 0, heightScale: n & 0x10 ? 2 : 1, widthScale: n & 0x20 ? 2 : 1, underline: (n & 0x80) !== 0 });
        return;
      case 0x45: // E emphasised
      case 0x47: // G double-strike
        return this.#setStyle({ bold: (n & 1) === 1 });
      case 0x2d: // - underline
        return this.#setStyle({ underline: (n & 3) !== 0 && n !== 48 });
      case 0x61: { // a alignment
        const align = alignmentOf(n);
        if (align) this.#align = align;
        else this.#ignored++;
        return;
      }
      case 0x64: { // d print and feed n lines
        this.#commitLine();
        for (let i = 1; i < n; i++) this.#commitLine();
        return;
      }
      case 0x4a: // J print and feed n dots
        this.#commitLine();
        return;
      case 0x69:
        return this.#cut('full');
      case 0x6d:
        return this.#cut('partial');
      case 0x2a:
        return this.#columnImage(el);
      default:
        return; // font, code page, spacing, drawer pulse …: no effect on what we read back
    }
  }

  #gs(el: Uint8Array): void {
    const n = el[2] ?? 0;
    switch (el[1]) {
      case 0x21: // ! character size
        return this.#setStyle({ widthScale: ((n >> 4) & 7) + 1, heightScale: (n & 7) + 1 });
      case 0x42: // B reverse
        return this.#setStyle({ reverse: (n & 1) === 1 });
      case 0x56: // V cut
        return this.#cut(n === 1 || n === 49 || n === 66 || n === 98 || n === 104 ? 'partial' : 'full');
      case 0x76:
        return this.#rasterImage(el);
      case 0x6b:
        return this.#barcode(el);
      case 0x28:
        if (el[2] === 0x6b) return this.#qrFunction(el);
        if (el[2] === 0x48) return this.#processId(el);
        return;
      default:
        return;
    }
  }

  #fs(el: Uint8Array): void {
    const n = el[2] ?? 0;
    switch (el[1]) {
      case 0x26:
        this.#chinese = true;
        return;
      case 0x2e:
        this.#chinese = false;
        return;
      case 0x21: // ! Chinese print mode
        return this.#setStyle({ widthScale: n & 0x04 ? 2 : 1, heightScale: n & 0x08 ? 2 : 1, underline: (n & 0x80) !== 0 });
      case 0x57: // W quadruple size
        return this.#setStyle({ widthScale: n & 1 ? 2 : 1, heightScale: n & 1 ? 2 : 1 });
      case 0x2d:
        return this.#setStyle({ underline: (n & 3) !== 0 && n !== 48 });
      default:
        return;
    }
  }

  #initialize(): void {
    this.#segments = [];
    this.#lineBytes = 0;
    this.#pendingImage = undefined;
    this.#lineAlign = undefined;
    this.#style = { bold: false, underline: false, reverse: false, widthScale: 1, heightScale: 1 };
    this.#align = 'left';
    this.#chinese = this.#chineseAtPowerOn;
    this.#qr = { model: 2, moduleSize: 3, level: 'L', data: undefined };
  }

  #setStyle(change: Partial<Style>): void {
    this.#style = { ...this.#style, ...change };
  }

  #text(bytes: Uint8Array): void {
    if (this.#lineBytes + bytes.length > MAX_LINE_BYTES) this.#commitLine();
    this.#lineAlign ??= this.#align;
    const last = this.#segments[this.#segments.length - 1];
    const target = last && last.chinese === this.#chinese && sameStyle(last.style, this.#style) ? last : undefined;
    if (target) {
      for (const b of bytes) target.bytes.push(b);
    } else {
      this.#segments.push({ bytes: Array.from(bytes), chinese: this.#chinese, style: this.#style });
    }
    this.#lineBytes += bytes.length;
  }

  #commitLine(): void {
    if (this.#pendingImage && this.#segments.length === 0) {
      this.#addLine(this.#pendingImage);
    } else {
      const segments: TextSegment[] = this.#segments.map((s) => ({
        text: iconv.decode(Buffer.from(s.bytes), s.chinese ? 'gb18030' : 'cp437'),
        ...s.style,
      }));
      this.#addLine({ kind: 'text', align: this.#lineAlign ?? this.#align, segments });
    }
    this.#segments = [];
    this.#lineBytes = 0;
    this.#pendingImage = undefined;
    this.#lineAlign = undefined;
  }

  /** A block (QR, raster image) prints the pending text line first, as printers do. */
  #commitPendingText(): void {
    if (this.#segments.length > 0 || this.#pendingImage) this.#commitLine();
  }

  #addLine(line: TicketLine): void {
    this.#lines.push(line);
    if (this.#lines.length > this.#maxLines) {
      this.#lines.shift();
      this.#droppedLines++;
    }
    this.#hooks.onLineFed?.(1);
  }

  #cut(kind: 'full' | 'partial'): void {
    this.#commitPendingText();
    if (this.#lines.length === 0) return; // a cut on blank paper makes no ticket
    const lines = this.#lines;
    this.#lines = [];
    const ticket: Ticket = {
      index: ++this.#ticketCount,
      lines,
      cut: kind,
      text: renderTicketText(lines, this.#columns),
      qrPayloads: lines.flatMap((l) => (l.kind === 'qr' ? [l.payload] : [])),
    };
    this.#hooks.onCut?.(ticket);
  }

  // GS ( k pL pH cn fn [parameters] — QR code (cn = 49)
  #qrFunction(el: Uint8Array): void {
    if (el[5] !== 0x31) return; // other symbologies (PDF417, MaxiCode …) are not read back
    const fn = el[6];
    const p = el[7] ?? 0;
    switch (fn) {
      case 0x41:
        if (p === 49 || p === 50) this.#qr.model = p === 49 ? 1 : 2;
        return;
      case 0x43:
        if (p >= 1 && p <= 16) this.#qr.moduleSize = p;
        return;
      case 0x45: {
        const level = QR_LEVELS[p];
        if (level) this.#qr.level = level;
        return;
      }
      case 0x50:
        this.#qr.data = el.length > 8 ? el.slice(8) : undefined;
        return;
      case 0x51: {
        const data = this.#qr.data;
        if (!data) {
          this.#ignored++;
          return;
        }
        this.#commitPendingText();
        this.#addLine({
          kind: 'qr',
          align: this.#align,
          payload: Buffer.from(data).toString('latin1'),
          data,
          model: this.#qr.model,
          moduleSize: this.#qr.moduleSize,
          errorCorrection: this.#qr.level,
        });
        return;
      }
      default:
        return;
    }
  }

  // GS ( H pL pH fn=48 m=48 d1..d4
  #processId(el: Uint8Array): void {
    if (el.length !== 11 || el[5] !== 0x30 || el[6] !== 0x30) {
      this.#ignored++;
      return;
    }
    this.#hooks.onProcessId?.(Buffer.from(el.subarray(7, 11)).toString('latin1'));
  }

  // GS v 0 m xL xH yL yH d…
  #rasterImage(el: Uint8Array): void {
    if (el[2] !== 0x30 || el.length < 8) {
      this.#ignored++;
      return;
    }
    const m = el[3]! & 3;
    const widthBytes = el[4]! + el[5]! * 256;
    const height = el[6]! + el[7]! * 256;
    if (widthBytes === 0 || height === 0) return;
    this.#commitPendingText();
    this.#addLine({
      kind: 'image',
      align: this.#align,
      widthDots: widthBytes * 8,
      height,
      data: el.slice(8),
      scaleX: m === 1 || m === 3 ? 2 : 1,
      scaleY: m === 2 || m === 3 ? 2 : 1,
    });
  }

  // ESC * m nL nH d… — column-format bit image, printed with the next line feed
  #columnImage(el: Uint8Array): void {
    const m = el[2] ?? 0;
    const columns = (el[3] ?? 0) + (el[4] ?? 0) * 256;
    const bytesPerColumn = m === 32 || m === 33 ? 3 : 1;
    if (columns === 0 || el.length !== 5 + columns * bytesPerColumn) {
      this.#ignored++;
      return;
    }
    const height = bytesPerColumn * 8;
    const widthBytes = Math.ceil(columns / 8);
    const data = new Uint8Array(widthBytes * height);
    for (let x = 0; x < columns; x++) {
      for (let k = 0; k < bytesPerColumn; k++) {
        const byte = el[5 + x * bytesPerColumn + k]!;
        for (let bit = 0; bit < 8; bit++) {
          if ((byte & (0x80 >> bit)) === 0) continue;
          const y = k * 8 + bit;
          const at = y * widthBytes + (x >> 3);
          data[at] = data[at]! | (0x80 >> (x & 7));
        }
      }
    }
    this.#pendingImage = { kind: 'image', align: this.#align, widthDots: widthBytes * 8, height, data, scaleX: m === 0 || m === 32 ? 2 : 1, scaleY: 1 };
  }

  // GS k m d1…dk NUL  |  GS k m n d1…dn
  #barcode(el: Uint8Array): void {
    const m = el[2] ?? 0;
    const data = m <= 6 ? el.subarray(3, el.length - 1) : el.subarray(4);
    if (el.length <= 3) {
      this.#ignored++;
      return;
    }
    this.#commitPendingText();
    this.#addLine({ kind: 'barcode', align: this.#align, symbology: m, data: Buffer.from(data).toString('latin1') });
  }
}
