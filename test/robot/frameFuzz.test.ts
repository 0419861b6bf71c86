// ≥ 10^6 random and mutated frames through both receivers (the client's FrameParser and the simulator's
// DeviceFrameReader): nothing throws, both accept exactly the same frames, every accepted frame is byte for byte a
// valid encoding present in the input, and a frame with 1–3 flipped bits is never accepted.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../common/seededRandom.js';
import { crc16Bitwise, DeviceFrameReader, encodeFrame, FrameParser, MAX_PAYLOAD_LENGTH, type Frame } from '../../robot/index.js';
import { CPU_BOUND_TEST_TIMEOUT_MS } from '../testDeadline.js';

const MUTATED_TARGET = 1_000_000;
const ITEMS_PER_BATCH = 4_000;
const VALID_SHARE = 0.2;

/** Seeded, so a failure can be replayed. */
function generator(seed: number) {
  const next = seededRandom(seed);
  return { int: (n: number) => Math.floor(next() * n), chance: (p: number) => next() < p };
}

type Mutation = 'flip' | 'truncate' | 'splice' | 'length' | 'inconsistent-length' | 'random' | 'random-with-header';
const mutations: Mutation[] = ['flip', 'truncate', 'splice', 'length', 'inconsistent-length', 'random', 'random-with-header'];

describe('frame parsers under fuzzing', () => {
  it('accept only byte-identical valid frames, agree with each other and never throw', { timeout: CPU_BOUND_TEST_TIMEOUT_MS }, async () => {
    const rng = generator(0x5eed);
    const randomBytes = (n: number) => {
      const b = Buffer.allocUnsafe(n);
      for (let i = 0; i < n; i++) b[i] = rng.int(256);
      return b;
    };
    const validFrame = () => encodeFrame({ seq: rng.int(256), type: rng.int(256), payload: randomBytes(rng.int(MAX_PAYLOAD_LENGTH + 1)) });
    const mutate = (kind: Mutation): Buffer => {
      const f = validFrame();
      switch (kind) {
        case 'flip': {
          const bits = 1 + rng.int(3);
          const picked = new Set<number>();
          while (picked.size < bits) picked.add(rng.int(f.length * 8));
          for (const bit of picked) f[bit >> 3]! ^= 1 << (bit & 7);
          return f;
        }
        case 'truncate':
          return f.subarray(0, rng.int(f.length));
        case 'splice': {
          // Never a whole frame on either side (a prefix may equal g's own start: then try again).
          for (;;) {
            const g = validFrame();
            const spliced = Buffer.concat([f.subarray(0, 1 + rng.int(f.length - 1)), g.subarray(1 + rng.int(g.length - 1))]);
            if (!spliced.equals(g)) return spliced;
          }
        }
        case 'length': {
          const len = (f[2]! + 1 + rng.int(MAX_PAYLOAD_LENGTH)) % (MAX_PAYLOAD_LENGTH + 1); // any length but the true one
          f[2] = len;
          f[3] = 0xff - len;
          return f;
        }
        case 'inconsistent-length':
          f[2] = rng.int(256);
          f[3] = rng.int(256);
          return f;
        case 'random':
          return randomBytes(1 + rng.int(80));
        case 'random-with-header': {
          const len = rng.int(MAX_PAYLOAD_LENGTH + 1);
          return Buffer.concat([Buffer.of(0xaa, 0x55, len, 0xff - len), randomBytes(rng.int(len + 8))]);
        }
      }
    };

    const totals = { mutated: 0, valid: 0, validRecovered: 0, accepted: 0, acceptedOther: 0, flips: 0, bytes: 0 };
    const byKind = Object.fromEntries(mutations.map((m) => [m, 0])) as Record<Mutation, number>;

    while (totals.mutated < MUTATED_TARGET) {
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
          const m = mutate(kind);
          items.push(m);
          if (kind === 'flip') flipped.add(m.toString('hex'));
          byKind[kind]++;
          totals.mutated++;
        }
      }
      const input = Buffer.concat(items);
      totals.bytes += input.length;

      // Both receivers get the same bytes in different random chunkings.
      const clientFrames: Frame[] = [];
      const parser = new FrameParser();
      parser.on('data', (f: Frame) => clientFrames.push(f));
      const deviceFrames: Frame[] = [];
      const reader = new DeviceFrameReader();
      for (let at = 0; at < input.length; ) {
        const n = 1 + rng.int(600);
        parser.write(input.subarray(at, at + n));
        at += n;
      }
      for (let at = 0; at < input.length; ) {
        const n = 1 + rng.int(600);
        reader.feed(input.subarray(at, at + n), (f) => deviceFrames.push(f));
        at += n;
      }
      await new Promise((r) => setImmediate(r));

      expect(clientFrames.length).toBe(deviceFrames.length);
      expect(parser.stats.crcErrors).toBe(reader.stats.crcErrors);
      expect(parser.stats.headerErrors).toBe(reader.stats.headerErrors);
      expect(parser.stats.discardedBytes).toBe(reader.stats.discardedBytes);

      let cursor = 0;
      for (let i = 0; i < clientFrames.length; i++) {
        const c = clientFrames[i]!;
        const d = deviceFrames[i]!;
        if (c.seq !== d.seq || c.type !== d.type || !c.payload.equals(d.payload)) {
          expect.fail(`frame ${i}: client ${JSON.stringify(c)} ≠ simulator ${JSON.stringify(d)}`);
        }
        const bytes = encodeFrame(c);
        // A valid encoding (checked with the other CRC implementation too) found in the input, in order.
        if (crc16Bitwise(bytes, 2, bytes.length - 2) !== bytes.readUInt16BE(bytes.length - 2)) expect.fail('accepted frame has a bad CRC');
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
      totals.flips += flipped.size;
    }

    // Nearly every valid frame survives its neighbours; the few that do not were swallowed by a mutated frame whose
    // CRC matched by chance (1 in 65536), which the protocol counts as a valid frame.
    expect(totals.mutated).toBeGreaterThanOrEqual(MUTATED_TARGET);
    expect(totals.validRecovered / totals.valid).toBeGreaterThan(0.999);
    expect(totals.acceptedOther).toBeLessThan(totals.mutated / 10_000);
    console.log(JSON.stringify({ ...totals, byKind }));
  });
});
