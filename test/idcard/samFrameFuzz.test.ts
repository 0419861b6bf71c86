// Seeded random and mutated frames through the receivers: the client's SamFrameParser (answers) and, for commands,
// the library's SamFrameScanner beside the simulator's own CommandFrameReader. Nothing throws; every accepted frame
// is byte for byte a valid encoding found in the input, in order; a frame with an odd number of flipped bits (which
// a one-byte XOR always detects) is never accepted; the two command receivers agree on every frame and counter.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../common/seededRandom.js';
import {
  CommandFrameReader,
  encodeCommandFrame,
  encodeResponseFrame,
  MAX_FRAME_LENGTH,
  SAM_PREAMBLE,
  SamFrameParser,
  SamFrameScanner,
  xorCheck,
  type HostCommand,
  type SamCommand,
  type SamResponse,
} from '../../idcard/index.js';
import { CPU_BOUND_TEST_TIMEOUT_MS } from '../testDeadline.js';

const ITEMS_PER_BATCH = 2_000;
const VALID_SHARE = 0.25;

type Mutation = 'flip' | 'truncate' | 'splice' | 'length' | 'random-length' | 'random' | 'random-with-preamble';
const mutations: Mutation[] = ['flip', 'truncate', 'splice', 'length', 'random-length', 'random', 'random-with-preamble'];

function generator(seed: number) {
  const next = seededRandom(seed);
  const int = (n: number) => Math.floor(next() * n);
  const bytes = (n: number) => {
    const b = Buffer.allocUnsafe(n);
    for (let i = 0; i < n; i++) b[i] = int(256);
    return b;
  };
  /** Mostly short frames like the SAM's status answers, sometimes a text-and-photo answer, rarely a large one. */
  const dataLength = () => {
    const r = next();
    if (r < 0.85) return int(24);
    if (r < 0.97) return 1284;
    return int(2400);
  };
  return { int, bytes, dataLength, chance: (p: number) => next() < p };
}

type Rng = ReturnType<typeof generator>;

function mutate(kind: Mutation, rng: Rng, valid: () => Buffer): Buffer {
  const f = valid();
  switch (kind) {
    case 'flip': {
      const bits = rng.chance(0.5) ? 1 : 3; // odd: the XOR check must catch it
      const picked = new Set<number>();
      while (picked.size < bits) picked.add(rng.int(f.length * 8));
      for (const bit of picked) f[bit >> 3]! ^= 1 << (bit & 7);
      return f;
    }
    case 'truncate':
      return f.subarray(0, rng.int(f.length));
    case 'splice':
      for (;;) {
        const g = valid();
        const spliced = Buffer.concat([f.subarray(0, 1 + rng.int(f.length - 1)), g.subarray(1 + rng.int(g.length - 1))]);
        if (!spliced.equals(g)) return spliced;
      }
    case 'length': {
      const wrong = (f.readUInt16BE(5) + 1 + rng.int(64)) % 2400;
      f.writeUInt16BE(wrong, 5);
      return f;
    }
    case 'random-length':
      f.writeUInt16BE(rng.int(0x10000), 5);
      return f;
    case 'random':
      return rng.bytes(1 + rng.int(80));
    case 'random-with-preamble': {
      const length = rng.int(64);
      const b = Buffer.concat([Buffer.from(SAM_PREAMBLE), Buffer.of(0, length), rng.bytes(rng.int(length + 8))]);
      return b;
    }
  }
}

interface Totals {
  mutated: number;
  valid: number;
  validRecovered: number;
  accepted: number;
  acceptedOther: number;
  flips: number;
  bytes: number;
}

/** Checks the accepted frames against the input; returns how many were the generated valid ones. */
function audit(input: Buffer, acceptedBytes: Buffer[], valid: Map<string, number>, flipped: Set<string>, totals: Totals): void {
  let cursor = 0;
  for (const bytes of acceptedBytes) {
    if (xorCheck(bytes, 5, bytes.length - 1) !== bytes[bytes.length - 1]) expect.fail('accepted frame has a bad check');
    const at = input.indexOf(bytes, cursor);
    if (at < 0) expect.fail(`accepted frame ${bytes.toString('hex')} is not in the input after offset ${cursor}`);
    cursor = at + bytes.length;
    const key = bytes.toString('hex');
    if (flipped.has(key) && !valid.has(key)) expect.fail(`a frame with flipped bits was accepted: ${key}`);
    const left = valid.get(key);
    if (left) {
      valid.set(key, left - 1);
      totals.validRecovered++;
    } else {
      totals.acceptedOther++;
    }
    totals.accepted++;
  }
}

function batch(rng: Rng, validFrame: () => Buffer, totals: Totals) {
  const items: Buffer[] = [];
  const valid = new Map<string, number>();
  const flipped = new Set<string>();
  for (let i = 0; i < ITEMS_PER_BATCH; i++) {
    if (rng.chance(VALID_SHARE)) {
      const f = validFrame();
      items.push(f);
      const key = f.toString('hex');
      valid.set(key, (valid.get(key) ?? 0) + 1);
      totals.valid++;
    } else {
      const kind = mutations[rng.int(mutations.length)]!;
      const m = mutate(kind, rng, validFrame);
      items.push(m);
      if (kind === 'flip') {
        flipped.add(m.toString('hex'));
        totals.flips++;
      }
      totals.mutated++;
    }
  }
  const input = Buffer.concat(items);
  totals.bytes += input.length;
  return { input, valid, flipped };
}

function chunked(input: Buffer, rng: Rng, feed: (chunk: Buffer) => void): void {
  for (let at = 0; at < input.length; ) {
    const n = 1 + rng.int(600);
    feed(input.subarray(at, at + n));
    at += n;
  }
}

const newTotals = (): Totals => ({ mutated: 0, valid: 0, validRecovered: 0, accepted: 0, acceptedOther: 0, flips: 0, bytes: 0 });

/**
 * Expectations that follow from a one-byte check: a false candidate (garbage with a preamble and a plausible length)
 * passes one time in 256, so a few coincidental frames are accepted, and each may swallow a valid frame behind it.
 */
function expectHealthyTotals(totals: Totals, target: number): void {
  expect(totals.mutated).toBeGreaterThanOrEqual(target);
  expect(totals.flips).toBeGreaterThan(target / 10);
  expect(totals.validRecovered / totals.valid).toBeGreaterThan(0.99);
  expect(totals.acceptedOther).toBeLessThan(totals.mutated / 100);
}

describe('SAM frame receivers under fuzzing', () => {
  it('the client parser accepts only valid answers present in the input and never throws', { timeout: CPU_BOUND_TEST_TIMEOUT_MS }, async () => {
    const TARGET = 1_000_000;
    const rng = generator(0x1dca4d);
    const validFrame = () => encodeResponseFrame({ sw1: rng.int(256), sw2: rng.int(256), sw3: rng.int(256), data: rng.bytes(rng.dataLength()) });
    const totals = newTotals();
    while (totals.mutated < TARGET) {
      const { input, valid, flipped } = batch(rng, validFrame, totals);
      const parser = new SamFrameParser('response');
      const accepted: Buffer[] = [];
      parser.on('data', (f: SamResponse) => accepted.push(encodeResponseFrame(f)));
      chunked(input, rng, (chunk) => parser.write(chunk));
      await new Promise((r) => setImmediate(r));
      audit(input, accepted, valid, flipped, totals);
    }
    expectHealthyTotals(totals, TARGET);
    console.log('answers', JSON.stringify(totals));
  });

  it('the client scanner and the simulator reader agree on commands, frame for frame and counter for counter', { timeout: CPU_BOUND_TEST_TIMEOUT_MS }, () => {
    const TARGET = 300_000;
    const rng = generator(0xc0ffee);
    const validFrame = () => encodeCommandFrame({ cmd: rng.int(256), para: rng.int(256), data: rng.bytes(rng.chance(0.9) ? rng.int(8) : rng.int(MAX_FRAME_LENGTH - 2)) });
    const totals = newTotals();
    while (totals.mutated < TARGET) {
      const { input, valid, flipped } = batch(rng, validFrame, totals);
      const scanner = new SamFrameScanner('command');
      const fromScanner: SamCommand[] = [];
      chunked(input, rng, (chunk) => scanner.push(chunk, (f) => fromScanner.push(f)));
      const reader = new CommandFrameReader();
      const fromReader: HostCommand[] = [];
      let checksumCallbacks = 0;
      let lengthCallbacks = 0;
      chunked(input, rng, (chunk) =>
        reader.feed(chunk, { onCommand: (c) => fromReader.push(c), onChecksumError: () => checksumCallbacks++, onLengthError: () => lengthCallbacks++ }),
      );

      expect(fromReader.length).toBe(fromScanner.length);
      expect(reader.stats.checksumErrors).toBe(scanner.stats.checksumErrors);
      expect(reader.stats.lengthErrors).toBe(scanner.stats.headerErrors);
      expect(reader.stats.discardedBytes).toBe(scanner.stats.discardedBytes);
      expect(checksumCallbacks).toBe(reader.stats.checksumErrors);
      expect(lengthCallbacks).toBe(reader.stats.lengthErrors);
      for (let i = 0; i < fromScanner.length; i++) {
        const a = fromScanner[i]!;
        const b = fromReader[i]!;
        if (a.cmd !== b.cmd || a.para !== b.para || !Buffer.from(a.data).equals(Buffer.from(b.data))) expect.fail(`command ${i} differs`);
      }
      audit(input, fromScanner.map((c) => encodeCommandFrame(c)), valid, flipped, totals);
    }
    expectHealthyTotals(totals, TARGET);
    console.log('commands', JSON.stringify(totals));
  });
});
