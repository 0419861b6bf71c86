import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { enterChineseMode, selectAlignment, type Alignment } from './escPosCommands.js';
import { encodeGb18030, hasCharactersOutsideGbk, stripControlCharacters, wrapToWidth } from './gb18030Text.js';
import { rasterizeTextLine } from './rasterizeTextLine.js';

export interface LineStyle {
  align?: Alignment;
  bold?: boolean;
  /** 2 = double width and double height (GS ! 0x11). */
  size?: 1 | 2;
}

export interface EscPosDocumentOptions {
  /** Font A columns on 80 mm paper (576 dots / 12 dots). */
  columns?: number;
  widthDots?: number;
  /** Line feeds before the partial cut, so the last line clears the cutter. */
  feedBeforeCut?: number;
  /** Print lines holding characters outside GBK as raster images (default true). */
  rasterizeOutsideGbk?: boolean;
  fontPaths?: readonly string[];
}

/**
 * An 80 mm ESC/POS document: @point-of-sale/receipt-printer-encoder does initialisation, bold, size, QR
 * codes (GS ( k), raster images (GS v 0), feeds and the cut; this class adds what it lacks — Chinese text
 * as GB18030 in FS & mode, measured in printed columns, aligned by the printer (ESC a).
 */
export class EscPosDocument {
  readonly columns: number;
  readonly widthDots: number;
  readonly #encoder: ReceiptPrinterEncoder;
  readonly #rasterizeOutsideGbk: boolean;
  readonly #fontPaths: readonly string[] | undefined;

  constructor(options: EscPosDocumentOptions = {}) {
    this.columns = options.columns ?? 48;
    this.widthDots = options.widthDots ?? 576;
    this.#rasterizeOutsideGbk = options.rasterizeOutsideGbk ?? true;
    this.#fontPaths = options.fontPaths;
    this.#encoder = new ReceiptPrinterEncoder({
      language: 'esc-pos',
      columns: this.columns,
      newline: '\n',
      feedBeforeCut: options.feedBeforeCut ?? 4,
      feedAfterBlock: false,
      imageMode: 'raster',
    });
    // initialize() ends with FS . (single-byte mode); the certificate is Chinese, so switch straight back.
    this.#encoder.initialize().raw(enterChineseMode());
  }

  /** Prints text, wrapped to the paper width; each "\n" starts a new line. */
  line(text: string, style: LineStyle = {}): this {
    const size = style.size ?? 1;
    for (const paragraph of text.split('\n')) {
      for (const piece of wrapToWidth(paragraph, Math.floor(this.columns / size))) this.#printLine(piece, style);
    }
    return this;
  }

  blankLine(count = 1): this {
    for (let i = 0; i < count; i++) this.#encoder.newline();
    return this;
  }

  rule(char = '-'): this {
    return this.line(char.repeat(this.columns));
  }

  /** QR code model 2, error correction M, stored then printed (GS ( k fn 65/67/69/80/81). */
  qrCode(payload: string, options: { moduleSize?: number; align?: Alignment } = {}): this {
    if (!/^[\x20-\x7e]+$/.test(payload)) throw new RangeError('QR payloads are printable ASCII (the encoder sends them as ISO-8859-1)');
    this.#encoder
      .align(options.align ?? 'center')
      .qrcode(payload, { model: 2, size: options.moduleSize ?? 4, errorlevel: 'm' })
      .align('left');
    return this;
  }

  /** Feeds past the cutter and cuts partially, leaving a tab so the citizen tears the certificate off. */
  cut(): this {
    this.#encoder.cut('partial');
    return this;
  }

  encode(): Uint8Array {
    return this.#encoder.encode();
  }

  #printLine(text: string, style: LineStyle): void {
    const clean = stripControlCharacters(text);
    const size = style.size ?? 1;
    if (this.#rasterizeOutsideGbk && hasCharactersOutsideGbk(clean)) {
      const image = rasterizeTextLine(clean, { widthDots: this.widthDots, size, bold: style.bold ?? false, align: style.align ?? 'left', fontPaths: this.#fontPaths });
      // The encoder accepts any ImageData-shaped object; Skia's ImageData is one.
      this.#encoder.image(image as unknown as Parameters<ReceiptPrinterEncoder['image']>[0], image.width, image.height, 'threshold');
      return;
    }
    const encoder = this.#encoder;
    encoder.raw(selectAlignment(style.align ?? 'left'));
    if (style.bold) encoder.bold(true);
    if (size === 2) encoder.size(2, 2);
    encoder.raw(encodeGb18030(clean));
    encoder.newline();
    if (style.bold) encoder.bold(false);
    if (size === 2) encoder.size(1, 1);
  }
}
