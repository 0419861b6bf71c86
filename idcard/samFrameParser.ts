import { Transform, type TransformCallback, type TransformOptions } from 'node:stream';
import { SamFrameScanner, type SamFrameDirection, type SamFrameOf, type SamFrameScannerStats } from './samFrameScanner.js';

/**
 * A parser in the shape of serialport's parsers: pipe the line's bytes in, read `SamResponse` (or, on the SAM's side,
 * `SamCommand`) objects out. Resynchronises after garbage or a cut frame and drops frames whose XOR check fails.
 */
export class SamFrameParser<D extends SamFrameDirection = 'response'> extends Transform {
  private readonly scanner: SamFrameScanner<D>;

  constructor(direction: D, options: TransformOptions = {}) {
    super({ ...options, readableObjectMode: true, writableObjectMode: false });
    this.scanner = new SamFrameScanner(direction);
  }

  get stats(): Readonly<SamFrameScannerStats> {
    return this.scanner.stats;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.scanner.push(chunk, (frame: SamFrameOf<D>) => this.push(frame));
    callback();
  }

  override _flush(callback: TransformCallback): void {
    this.scanner.reset();
    callback();
  }
}
