import {
  FRAME_HEADER_LENGTH,
  MAX_FRAME_LENGTH,
  MIN_COMMAND_LENGTH,
  MIN_RESPONSE_LENGTH,
  PREAMBLE_LENGTH,
  SAM_PREAMBLE,
  xorCheck,
  type SamCommand,
  type SamResponse,
} from './samFrame.js';

export interface SamFrameScannerStats {
  frames: number;
  /** Preamble found but the length is below the direction's minimum or above MAX_FRAME_LENGTH. */
  headerErrors: number;
  /** A whole frame whose XOR check did not match. */
  checksumErrors: number;
  /** Bytes skipped while hunting for a preamble (garbage, cut frames, rejected frames). */
  discardedBytes: number;
}

export type SamFrameDirection = 'command' | 'response';
export type SamFrameOf<D extends SamFrameDirection> = D extends 'command' ? SamCommand : SamResponse;

const PREAMBLE = Buffer.from(SAM_PREAMBLE);

/** How many trailing bytes of buf[from, end) could be the start of a preamble cut by the chunk boundary. */
function preamblePrefixAtEnd(buf: Buffer, from: number, end: number): number {
  for (let keep = Math.min(PREAMBLE_LENGTH - 1, end - from); keep > 0; keep--) {
    if (buf.subarray(end - keep, end).equals(PREAMBLE.subarray(0, keep))) return keep;
  }
  return 0;
}

/**
 * Incremental frame finder for one direction of the line. It never accepts a frame whose XOR check fails, and after
 * any rejection it resumes the hunt one byte after the rejected preamble, so a real frame hidden behind garbage or a
 * cut frame is still found. It holds at most one frame's worth of bytes between pushes.
 *
 * A one-byte XOR is what GA 467 specifies: it catches every error that flips an odd number of bits, and lets a
 * random corruption through one time in 256. Callers check that an answer has the shape its command expects.
 */
export class SamFrameScanner<D extends SamFrameDirection> {
  readonly stats: SamFrameScannerStats = { frames: 0, headerErrors: 0, checksumErrors: 0, discardedBytes: 0 };
  private pending: Buffer = Buffer.alloc(0);
  private readonly minLength: number;

  constructor(readonly direction: D) {
    this.minLength = direction === 'command' ? MIN_COMMAND_LENGTH : MIN_RESPONSE_LENGTH;
  }

  push(chunk: Uint8Array, onFrame: (frame: SamFrameOf<D>) => void): void {
    const incoming = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const buf = this.pending.length === 0 ? incoming : Buffer.concat([this.pending, incoming]);
    const end = buf.length;
    let pos = 0;
    for (;;) {
      const start = buf.indexOf(PREAMBLE, pos);
      if (start < 0) {
        const keepFrom = end - preamblePrefixAtEnd(buf, pos, end);
        this.stats.discardedBytes += keepFrom - pos;
        pos = keepFrom;
        break;
      }
      this.stats.discardedBytes += start - pos;
      pos = start;
      if (end - pos < FRAME_HEADER_LENGTH) break;
      const length = buf.readUInt16BE(pos + PREAMBLE_LENGTH);
      if (length < this.minLength || length > MAX_FRAME_LENGTH) {
        this.stats.headerErrors++;
        this.stats.discardedBytes++;
        pos++;
        continue;
      }
      const frameEnd = pos + FRAME_HEADER_LENGTH + length;
      if (end < frameEnd) break;
      if (xorCheck(buf, pos + PREAMBLE_LENGTH, frameEnd - 1) !== buf[frameEnd - 1]) {
        this.stats.checksumErrors++;
        this.stats.discardedBytes++;
        pos++;
        continue;
      }
      this.stats.frames++;
      onFrame(this.frameAt(buf, pos + FRAME_HEADER_LENGTH, frameEnd - 1));
      pos = frameEnd;
    }
    // Copy: the caller may reuse its chunk buffer.
    this.pending = pos < end ? Buffer.from(buf.subarray(pos)) : Buffer.alloc(0);
  }

  private frameAt(buf: Buffer, from: number, checkAt: number): SamFrameOf<D> {
    if (this.direction === 'command') {
      const command: SamCommand = { cmd: buf[from]!, para: buf[from + 1]!, data: Uint8Array.from(buf.subarray(from + 2, checkAt)) };
      return command as SamFrameOf<D>;
    }
    const response: SamResponse = { sw1: buf[from]!, sw2: buf[from + 1]!, sw3: buf[from + 2]!, data: Uint8Array.from(buf.subarray(from + 3, checkAt)) };
    return response as SamFrameOf<D>;
  }

  /** Forget a partial frame (after the port was reopened, or before a command is sent again). */
  reset(): void {
    this.pending = Buffer.alloc(0);
  }

  get bufferedBytes(): number {
    return this.pending.length;
  }
}
