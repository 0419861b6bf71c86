import { elementLength, INCOMPLETE } from '../escpos/escPosElementLength.js';

const EMPTY = new Uint8Array(0);

/**
 * Cuts a byte stream that arrives in arbitrary pieces into whole ESC/POS elements. An element that
 * announces more than `maxElementBytes` (a corrupt raster or QR length) is skipped as it arrives instead
 * of being buffered, so a hostile length cannot make the printer hold gigabytes.
 */
export class EscPosStreamSplitter {
  #pending: Uint8Array = EMPTY;
  #skip = 0;
  #oversized = 0;

  constructor(private readonly maxElementBytes = 1 << 20) {}

  get oversizedElements(): number {
    return this.#oversized;
  }

  /** Bytes of an incomplete element held until the rest arrives. */
  get pendingBytes(): number {
    return this.#pending.length;
  }

  push(chunk: Uint8Array, emit: (element: Uint8Array) => void): void {
    let data = chunk;
    if (this.#skip > 0) {
      const skipped = Math.min(this.#skip, data.length);
      this.#skip -= skipped;
      data = data.subarray(skipped);
    }
    if (data.length === 0) return;
    if (this.#pending.length > 0) {
      const joined = new Uint8Array(this.#pending.length + data.length);
      joined.set(this.#pending, 0);
      joined.set(data, this.#pending.length);
      data = joined;
    }
    let offset = 0;
    while (offset < data.length) {
      const length = elementLength(data, offset);
      if (length === INCOMPLETE) break;
      if (length > this.maxElementBytes) {
        this.#oversized++;
        const available = data.length - offset;
        if (available >= length) {
          offset += length;
        } else {
          this.#skip = length - available;
          offset = data.length;
        }
        continue;
      }
      if (offset + length > data.length) break;
      emit(data.subarray(offset, offset + length));
      offset += length;
    }
    this.#pending = offset < data.length ? data.slice(offset) : EMPTY;
  }

  reset(): void {
    this.#pending = EMPTY;
    this.#skip = 0;
  }
}
