import { crc16 } from './crc16.js';
import type { Frame } from './frameCodec.js';
import { FRAME_MARKER, FRAME_OVERHEAD, HEADER_LENGTH, MAX_PAYLOAD_LENGTH } from './frameTypes.js';

export interface FrameScannerStats {
  frames: number;
  /** Marker found but length and ~length disagree or the length is out of bounds. */
  headerErrors: number;
  crcErrors: number;
  /** Bytes skipped while hunting for a marker (garbage, cut frames, rejected frames). */
  discardedBytes: number;
}

const [M0, M1] = FRAME_MARKER;

/**
 * Incremental frame finder. It never accepts a frame whose CRC fails, and after any failure it resumes the hunt one
 * byte after the rejected marker, so a real frame hidden behind garbage or a cut frame is still found.
 * It holds at most one frame's worth of bytes between pushes.
 */
export class FrameScanner {
  readonly stats: FrameScannerStats = { frames: 0, headerErrors: 0, crcErrors: 0, discardedBytes: 0 };
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Uint8Array, onFrame: (frame: Frame) => void): void {
    const buf = this.pending.length === 0 ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength) : Buffer.concat([this.pending, chunk]);
    const end = buf.length;
    let pos = 0;
    for (;;) {
      let start = pos;
      while (start < end - 1 && !(buf[start] === M0 && buf[start + 1] === M1)) start++;
      if (start >= end - 1) {
        // No whole marker left; a trailing 0xAA may be the first half of the next one.
        const keepFrom = end > pos && buf[end - 1] === M0 ? end - 1 : end;
        this.stats.discardedBytes += keepFrom - pos;
        pos = keepFrom;
        break;
      }
      this.stats.discardedBytes += start - pos;
      pos = start;
      if (end - pos < HEADER_LENGTH - 2) break;
      const length = buf[pos + 2]!;
      if (length > MAX_PAYLOAD_LENGTH || (length ^ buf[pos + 3]!) !== 0xff) {
        this.stats.headerErrors++;
        this.stats.discardedBytes++;
        pos++;
        continue;
      }
      if (end - pos < FRAME_OVERHEAD + length) break;
      const payloadEnd = pos + HEADER_LENGTH + length;
      if (crc16(buf, pos + 2, payloadEnd) !== ((buf[payloadEnd]! << 8) | buf[payloadEnd + 1]!)) {
        this.stats.crcErrors++;
        this.stats.discardedBytes++;
        pos++;
        continue;
      }
      this.stats.frames++;
      onFrame({ seq: buf[pos + 4]!, type: buf[pos + 5]!, payload: Buffer.from(buf.subarray(pos + HEADER_LENGTH, payloadEnd)) });
      pos = payloadEnd + 2;
    }
    // Copy: the caller may reuse its chunk buffer.
    this.pending = pos < end ? Buffer.from(buf.subarray(pos)) : Buffer.alloc(0);
  }

  /** Forget a partial frame (after the port was reopened). */
  reset(): void {
    this.pending = Buffer.alloc(0);
  }

  get bufferedBytes(): number {
    return this.pending.length;
  }
}
