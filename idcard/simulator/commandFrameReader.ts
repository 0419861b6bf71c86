// The SAM's side of the line: its own reader of command frames, written apart from the client's SamFrameScanner so
// that the two can be checked against each other (test/idcard/samFrameFuzz.test.ts). Same rules: preamble
// AA AA AA 96 69, big-endian length (Cmd..CHK_SUM, 3..4096), XOR over length..data; after any rejection the hunt
// resumes one byte after the rejected preamble.

export interface HostCommand {
  cmd: number;
  para: number;
  data: Uint8Array;
}

export interface CommandFrameReaderStats {
  frames: number;
  lengthErrors: number;
  checksumErrors: number;
  discardedBytes: number;
}

export interface CommandFrameEvents {
  onCommand(command: HostCommand): void;
  /** A whole frame failed its check: the SAM answers 0x10. */
  onChecksumError?(): void;
  /** A preamble with an impossible length: the SAM answers 0x11. */
  onLengthError?(): void;
}

const P = [0xaa, 0xaa, 0xaa, 0x96, 0x69];
const MIN_LENGTH = 3;
const MAX_LENGTH = 0x1000;

export class CommandFrameReader {
  readonly stats: CommandFrameReaderStats = { frames: 0, lengthErrors: 0, checksumErrors: 0, discardedBytes: 0 };
  private held: number[] = [];

  feed(chunk: Uint8Array, events: CommandFrameEvents): void {
    const bytes = this.held.concat(Array.from(chunk));
    let i = 0;
    for (;;) {
      // Hunt: the first index where the whole preamble starts, or where a preamble cut by the end could start.
      let start = i;
      let matched = 0;
      while (start < bytes.length) {
        matched = 0;
        while (matched < P.length && start + matched < bytes.length && bytes[start + matched] === P[matched]) matched++;
        if (matched === P.length || start + matched === bytes.length) break;
        start++;
      }
      this.stats.discardedBytes += start - i;
      i = start;
      if (matched < P.length || bytes.length - i < 7) break; // nothing, or a preamble/length still arriving
      const length = bytes[i + 5]! * 256 + bytes[i + 6]!;
      if (length < MIN_LENGTH || length > MAX_LENGTH) {
        this.stats.lengthErrors++;
        this.stats.discardedBytes++;
        events.onLengthError?.();
        i++;
        continue;
      }
      const total = 7 + length;
      if (bytes.length - i < total) break;
      let check = 0;
      for (let k = i + 5; k < i + total - 1; k++) check ^= bytes[k]!;
      if (check !== bytes[i + total - 1]) {
        this.stats.checksumErrors++;
        this.stats.discardedBytes++;
        events.onChecksumError?.();
        i++;
        continue;
      }
      this.stats.frames++;
      events.onCommand({ cmd: bytes[i + 7]!, para: bytes[i + 8]!, data: Uint8Array.from(bytes.slice(i + 9, i + total - 1)) });
      i += total;
    }
    this.held = bytes.slice(i);
  }

  reset(): void {
    this.held = [];
  }
}
