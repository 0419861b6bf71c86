import { describe, expect, it } from 'vitest';
import { crc16, crc16Bitwise, DeviceFrameReader, encodeFrame, FrameParser, FrameScanner, FrameType, MAX_PAYLOAD_LENGTH, writeDeviceFrame, type Frame } from '../../robot/index.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

// The vectors printed in docs/robot-protocol.md §1.
const vectors: { frame: Frame; bytes: string }[] = [
  { frame: { seq: 1, type: FrameType.Stop, payload: Buffer.alloc(0) }, bytes: 'AA 55 00 FF 01 12 4A E1' },
  { frame: { seq: 1, type: FrameType.Hello, payload: hex('01 12345678') }, bytes: 'AA 55 05 FA 01 01 01 12 34 56 78 50 F3' },
  { frame: { seq: 2, type: FrameType.GoTo, payload: hex('0007 000030D4 FFFFF380 2328 0000') }, bytes: 'AA 55 0E F1 02 10 00 07 00 00 30 D4 FF FF F3 80 23 28 00 00 87 80' },
  { frame: { seq: 2, type: FrameType.Ack, payload: hex('00 0006 04') }, bytes: 'AA 55 04 FB 02 80 00 00 06 04 19 56' },
  { frame: { seq: 0, type: FrameType.Heartbeat, payload: hex('00000001 00000000 01') }, bytes: 'AA 55 09 F6 00 02 00 00 00 01 00 00 00 00 01 C8 11' },
];

/** Both receivers behind one interface: the client's scanner and the simulator's reader. */
const parsers = {
  'client FrameScanner': () => {
    const s = new FrameScanner();
    return { push: (b: Buffer) => collect((f) => s.push(b, f)), stats: () => s.stats };
  },
  'simulator DeviceFrameReader': () => {
    const r = new DeviceFrameReader();
    return { push: (b: Buffer) => collect((f) => r.feed(b, f)), stats: () => r.stats };
  },
};

function collect(run: (onFrame: (f: Frame) => void) => void): Frame[] {
  const frames: Frame[] = [];
  run((f) => frames.push({ seq: f.seq, type: f.type, payload: f.payload }));
  return frames;
}

describe('CRC-16/CCITT-FALSE', () => {
  it('gives the check value 0x29B1 for "123456789" in both implementations', () => {
    expect(crc16(Buffer.from('123456789'))).toBe(0x29b1);
    expect(crc16Bitwise(Buffer.from('123456789'))).toBe(0x29b1);
    expect(crc16(Buffer.alloc(0))).toBe(0xffff);
  });

  it('table and bitwise implementations agree on random data', () => {
    for (let n = 0; n < 200; n++) {
      const bytes = Buffer.from(Array.from({ length: n }, () => Math.floor(Math.random() * 256)));
      expect(crc16(bytes)).toBe(crc16Bitwise(bytes));
    }
  });
});

describe('frame encoding', () => {
  it.each(vectors)('encodes $bytes', ({ frame, bytes }) => {
    expect(encodeFrame(frame)).toEqual(hex(bytes));
    expect(writeDeviceFrame(frame.seq, frame.type, frame.payload)).toEqual(hex(bytes));
  });

  it('refuses what a frame cannot carry', () => {
    expect(() => encodeFrame({ seq: 256, type: 1, payload: Buffer.alloc(0) })).toThrow(RangeError);
    expect(() => encodeFrame({ seq: 1, type: -1, payload: Buffer.alloc(0) })).toThrow(RangeError);
    expect(() => encodeFrame({ seq: 1, type: 1, payload: Buffer.alloc(MAX_PAYLOAD_LENGTH + 1) })).toThrow(RangeError);
    expect(encodeFrame({ seq: 1, type: 1, payload: Buffer.alloc(MAX_PAYLOAD_LENGTH) })).toHaveLength(MAX_PAYLOAD_LENGTH + 8);
  });
});

describe.each(Object.entries(parsers))('%s', (_name, make) => {
  const a = vectors[2]!;
  const b = vectors[3]!;
  const aBytes = hex(a.bytes);
  const bBytes = hex(b.bytes);

  it('decodes every test vector, whole or byte by byte', () => {
    const p = make();
    expect(p.push(Buffer.concat(vectors.map((v) => hex(v.bytes))))).toEqual(vectors.map((v) => v.frame));
    const q = make();
    const frames = [...Buffer.concat(vectors.map((v) => hex(v.bytes)))].flatMap((byte) => q.push(Buffer.of(byte)));
    expect(frames).toEqual(vectors.map((v) => v.frame));
  });

  it('skips garbage before, between and after frames, including stray marker bytes', () => {
    const p = make();
    const garbage = hex('00 AA 13 55 AA AA 55 FE');
    expect(p.push(Buffer.concat([garbage, aBytes, garbage, bBytes, garbage]))).toEqual([a.frame, b.frame]);
    expect(p.stats().discardedBytes).toBeGreaterThan(0);
  });

  it('never accepts a frame with a bad CRC, and finds the next one', () => {
    for (let bit = 0; bit < (aBytes.length - 2) * 8; bit++) {
      const p = make();
      const bad = Buffer.from(aBytes);
      bad[2 + (bit >> 3)]! ^= 1 << (bit & 7);
      // Padding flushes a frame whose corrupted length made the receiver wait for more bytes.
      expect(p.push(Buffer.concat([bad, bBytes, Buffer.alloc(80)]))).toEqual([b.frame]);
    }
  });

  it('recovers a frame that starts inside a cut frame', () => {
    const p = make();
    const cut = aBytes.subarray(0, 11); // header promises 14 payload bytes; only 5 arrive
    const frames = p.push(Buffer.concat([cut, bBytes]));
    // b's bytes were first taken as the rest of the cut frame; the CRC failed and the hunt resumed inside it.
    expect(frames).toEqual([b.frame]);
    expect(p.stats().crcErrors + p.stats().headerErrors).toBeGreaterThan(0);
  });

  it('rejects an out-of-bounds or inconsistent length at once', () => {
    const p = make();
    expect(p.push(Buffer.concat([hex('AA 55 41 BE 01 10'), bBytes]))).toEqual([b.frame]);
    expect(p.push(Buffer.concat([hex('AA 55 04 FA 01 10'), bBytes]))).toEqual([b.frame]);
    expect(p.stats().headerErrors).toBe(2);
  });

  it('finds a frame whose payload contains the marker', () => {
    const frame: Frame = { seq: 9, type: FrameType.HeadPanTilt, payload: hex('AA 55 AA 55') };
    expect(make().push(encodeFrame(frame))).toEqual([frame]);
  });
});

describe('FrameParser (Transform)', () => {
  it('turns a byte stream in arbitrary chunks into frames', async () => {
    const parser = new FrameParser();
    const frames: Frame[] = [];
    parser.on('data', (f: Frame) => frames.push(f));
    const stream = Buffer.concat([hex('01 02'), ...vectors.map((v) => hex(v.bytes)), hex('AA')]);
    for (let i = 0; i < stream.length; i += 3) parser.write(stream.subarray(i, i + 3));
    await new Promise((r) => parser.end(r));
    expect(frames).toEqual(vectors.map((v) => v.frame));
    expect(parser.stats.frames).toBe(vectors.length);
  });
});
