import { Transform, type TransformCallback, type TransformOptions } from 'node:stream';
import type { Frame } from './frameCodec.js';
import { FrameScanner, type FrameScannerStats } from './frameScanner.js';

/**
 * A parser in the shape of serialport's parsers: pipe the port's bytes in, read `Frame` objects out.
 * Resynchronises after garbage or a cut frame and drops frames with a bad CRC (see FrameScanner).
 */
export class FrameParser extends Transform {
  private readonly scanner = new FrameScanner();

  constructor(options: TransformOptions = {}) {
    super({ ...options, readableObjectMode: true, writableObjectMode: false });
  }

  get stats(): Readonly<FrameScannerStats> {
    return this.scanner.stats;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.scanner.push(chunk, (frame: Frame) => this.push(frame));
    callback();
  }

  override _flush(callback: TransformCallback): void {
    this.scanner.reset();
    callback();
  }
}
