import { FRAME_MARKER, FRAME_OVERHEAD, MAX_PAYLOAD_LENGTH } from '../frameTypes.js';

// A faulty cable between the kiosk and the base, one per direction. Frame rules hit the next N frames (optionally of
// one type) exactly, for tests that need a particular frame to go wrong; noise hits random bytes, like a bad line.
// It finds frames by marker and length only (no CRC): it is the cable, not a receiver.

export type FrameFaultAction =
  /** Flip one bit somewhere after the marker. */
  | { kind: 'corrupt' }
  /** Lose `bytes` bytes from the middle: a cut frame. */
  | { kind: 'cut'; bytes: number }
  /** Lose the whole frame. */
  | { kind: 'drop' };

export interface FrameFaultRule {
  action: FrameFaultAction;
  /** How many more frames this rule hits. */
  count: number;
  /** Only frames of this type (FrameType code); any frame when absent. */
  type?: number;
}

export interface LineNoise {
  /** Per byte. */
  corruptProbability?: number;
  dropProbability?: number;
}

const [M0, M1] = FRAME_MARKER;

export class FaultyLine {
  private rules: FrameFaultRule[] = [];
  private noise: Required<LineNoise> | null = null;
  private held: number[] = [];
  readonly stats = { framesHit: 0, bytesCorrupted: 0, bytesDropped: 0 };

  constructor(private readonly random: () => number) {}

  addRule(rule: FrameFaultRule): void {
    if (rule.count > 0) this.rules.push({ ...rule });
  }

  setNoise(noise: LineNoise | null): void {
    this.noise = noise === null ? null : { corruptProbability: noise.corruptProbability ?? 0, dropProbability: noise.dropProbability ?? 0 };
  }

  clear(): void {
    this.rules = [];
    this.noise = null;
  }

  get active(): boolean {
    return this.rules.length > 0 || this.noise !== null || this.held.length > 0;
  }

  /** Bytes in, bytes out (possibly fewer, possibly held back until the rest of a frame arrives). */
  pass(chunk: Buffer): Buffer {
    if (!this.active) return chunk;
    let out: number[];
    if (this.rules.length === 0 && this.held.length === 0) {
      out = Array.from(chunk);
    } else {
      out = [];
      for (const byte of chunk) this.track(byte, out);
    }
    return Buffer.from(this.applyNoise(out));
  }

  /** Holds bytes from a marker until the frame is complete, then applies the first matching rule. */
  private track(byte: number, out: number[]): void {
    const h = this.held;
    if (h.length === 0) {
      if (byte === M0) h.push(byte);
      else out.push(byte);
      return;
    }
    h.push(byte);
    if (h.length === 2 && byte !== M1) return this.release(out);
    if (h.length === 4 && (h[2]! > MAX_PAYLOAD_LENGTH || (h[2]! ^ h[3]!) !== 0xff)) return this.release(out);
    if (h.length >= 4 && h.length === FRAME_OVERHEAD + h[2]!) {
      this.held = [];
      out.push(...this.applyRule(h));
    }
  }

  private release(out: number[]): void {
    // Not a frame after all: pass the first byte, look at the rest again.
    const [first, ...rest] = this.held;
    this.held = [];
    out.push(first!);
    for (const b of rest) this.track(b, out);
  }

  private applyRule(frame: number[]): number[] {
    const rule = this.rules.find((r) => r.type === undefined || r.type === frame[5]);
    if (!rule) return frame;
    rule.count--;
    if (rule.count <= 0) this.rules.splice(this.rules.indexOf(rule), 1);
    this.stats.framesHit++;
    switch (rule.action.kind) {
      case 'drop':
        this.stats.bytesDropped += frame.length;
        return [];
      case 'corrupt': {
        const at = 2 + Math.floor(this.random() * (frame.length - 2));
        frame[at] = frame[at]! ^ (1 << Math.floor(this.random() * 8));
        this.stats.bytesCorrupted++;
        return frame;
      }
      case 'cut': {
        const n = Math.min(rule.action.bytes, frame.length - 2);
        const at = 2 + Math.floor(this.random() * (frame.length - 1 - n));
        this.stats.bytesDropped += n;
        return [...frame.slice(0, at), ...frame.slice(at + n)];
      }
    }
  }

  private applyNoise(bytes: number[]): number[] {
    const noise = this.noise;
    if (!noise) return bytes;
    const out: number[] = [];
    for (const b of bytes) {
      if (this.random() < noise.dropProbability) {
        this.stats.bytesDropped++;
        continue;
      }
      if (this.random() < noise.corruptProbability) {
        this.stats.bytesCorrupted++;
        out.push(b ^ (1 << Math.floor(this.random() * 8)));
        continue;
      }
      out.push(b);
    }
    return out;
  }
}
