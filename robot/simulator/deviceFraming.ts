import { FRAME_MARKER, FRAME_OVERHEAD, HEADER_LENGTH, MAX_FRAME_LENGTH, MAX_PAYLOAD_LENGTH } from '../frameTypes.js';
import { crc16Bitwise } from './crc16Bitwise.js';

// The base's side of the framing, written independently of the client's FrameScanner: a byte-at-a-time state
// machine that, when a candidate frame fails, replays the candidate's bytes after its first marker byte. The two
// must agree on every input; the fuzz test holds them to it.

export interface DeviceFrame {
  seq: number;
  type: number;
  payload: Buffer;
  /** The frame's CRC, used with seq to recognise a retransmission. */
  crc: number;
}

export interface DeviceFrameReaderStats {
  frames: number;
  headerErrors: number;
  crcErrors: number;
  discardedBytes: number;
}

const [M0, M1] = FRAME_MARKER;

export class DeviceFrameReader {
  readonly stats: DeviceFrameReaderStats = { frames: 0, headerErrors: 0, crcErrors: 0, discardedBytes: 0 };
  private readonly candidate = new Uint8Array(MAX_FRAME_LENGTH);
  private length = 0;
  /** Bytes to look at again, last one on top. */
  private readonly replay: number[] = [];

  /** onCrcError gets the seq byte of a frame whose header was sound but whose CRC failed (for a NAK). */
  feed(chunk: Uint8Array, onFrame: (frame: DeviceFrame) => void, onCrcError?: (seqByte: number) => void): void {
    for (let i = 0; i < chunk.length; i++) {
      this.replay.push(chunk[i]!);
      while (this.replay.length > 0) this.step(this.replay.pop()!, onFrame, onCrcError);
    }
  }

  reset(): void {
    this.length = 0;
    this.replay.length = 0;
  }

  private step(byte: number, onFrame: (frame: DeviceFrame) => void, onCrcError?: (seqByte: number) => void): void {
    const c = this.candidate;
    if (this.length === 0) {
      if (byte === M0) c[this.length++] = byte;
      else this.stats.discardedBytes++;
      return;
    }
    if (this.length === 1) {
      if (byte === M1) {
        c[this.length++] = byte;
      } else {
        this.stats.discardedBytes++;
        this.length = 0;
        this.replay.push(byte);
      }
      return;
    }
    c[this.length++] = byte;
    if (this.length === HEADER_LENGTH - 2) {
      if (c[2]! > MAX_PAYLOAD_LENGTH || (c[2]! ^ c[3]!) !== 0xff) {
        this.stats.headerErrors++;
        this.rejectCandidate();
      }
      return;
    }
    if (this.length < HEADER_LENGTH || this.length !== FRAME_OVERHEAD + c[2]!) return;
    const payloadEnd = HEADER_LENGTH + c[2]!;
    const crc = (c[payloadEnd]! << 8) | c[payloadEnd + 1]!;
    if (crc16Bitwise(c, 2, payloadEnd) !== crc) {
      this.stats.crcErrors++;
      onCrcError?.(c[4]!);
      this.rejectCandidate();
      return;
    }
    this.stats.frames++;
    this.length = 0;
    onFrame({ seq: c[4]!, type: c[5]!, payload: Buffer.from(c.subarray(HEADER_LENGTH, payloadEnd)), crc });
  }

  /** Drop the first marker byte and look at the rest again: a real frame may start inside a rejected one. */
  private rejectCandidate(): void {
    this.stats.discardedBytes++;
    for (let k = this.length - 1; k >= 1; k--) this.replay.push(this.candidate[k]!);
    this.length = 0;
  }
}

/** The base's frame writer (same layout as the client's encodeFrame, own CRC). */
export function writeDeviceFrame(seq: number, type: number, payload: Buffer): Buffer {
  const bytes = Buffer.alloc(FRAME_OVERHEAD + payload.length);
  bytes[0] = M0;
  bytes[1] = M1;
  bytes[2] = payload.length;
  bytes[3] = 0xff - payload.length;
  bytes[4] = seq;
  bytes[5] = type;
  payload.copy(bytes, HEADER_LENGTH);
  const crc = crc16Bitwise(bytes, 2, HEADER_LENGTH + payload.length);
  bytes[HEADER_LENGTH + payload.length] = crc >> 8;
  bytes[HEADER_LENGTH + payload.length + 1] = crc & 0xff;
  return bytes;
}
