// Bounds-checked reading of untrusted payload bytes. A decoder never throws at its caller: it returns a value.

export type DecodeFailureReason = 'unknown-type' | 'bad-payload';
export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: DecodeFailureReason; error: string };

export class PayloadError extends Error {}

export class PayloadReader {
  private offset = 0;
  constructor(private readonly bytes: Buffer) {}

  private take(n: number): number {
    if (this.offset + n > this.bytes.length) throw new PayloadError(`payload too short: need ${this.offset + n} bytes, have ${this.bytes.length}`);
    const at = this.offset;
    this.offset += n;
    return at;
  }
  u8(): number {
    return this.bytes.readUInt8(this.take(1));
  }
  u16(): number {
    return this.bytes.readUInt16BE(this.take(2));
  }
  i16(): number {
    return this.bytes.readInt16BE(this.take(2));
  }
  u32(): number {
    return this.bytes.readUInt32BE(this.take(4));
  }
  i32(): number {
    return this.bytes.readInt32BE(this.take(4));
  }
  ascii(length: number): string {
    const at = this.take(length);
    const text = this.bytes.toString('latin1', at, at + length);
    if (!/^[\x20-\x7e]*$/.test(text)) throw new PayloadError('text is not printable ASCII');
    return text;
  }
  rest(): Buffer {
    const at = this.take(this.bytes.length - this.offset);
    return this.bytes.subarray(at);
  }
  /** A field read off the wire must lie in [min, max]. */
  within(name: string, value: number, min: number, max: number): number {
    if (value < min || value > max) throw new PayloadError(`${name} ${value} outside [${min}, ${max}]`);
    return value;
  }
  end(): void {
    if (this.offset !== this.bytes.length) throw new PayloadError(`${this.bytes.length - this.offset} unexpected trailing bytes`);
  }
}

export function decodeWith<T>(payload: Buffer, read: (reader: PayloadReader) => T): Decoded<T> {
  try {
    const reader = new PayloadReader(payload);
    const value = read(reader);
    reader.end();
    return { ok: true, value };
  } catch (error) {
    if (error instanceof PayloadError) return { ok: false, reason: 'bad-payload', error: error.message };
    throw error;
  }
}

/** Converts an API value to a wire integer, refusing what the wire cannot carry (a programming error: RangeError). */
export function toWire(name: string, value: number, scale: number, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${String(value)}`);
  const wire = Math.round(value * scale);
  if (wire < min || wire > max) throw new RangeError(`${name} ${value} outside [${min / scale}, ${max / scale}]`);
  return wire;
}

export function requireInteger(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${name} must be an integer in [${min}, ${max}], got ${String(value)}`);
  return value;
}
