// Frames written out by hand from GA 467's frame format (preamble, big-endian length over what follows, Cmd Para or
// SW1 SW2 SW3, data, XOR of length..data), and the receivers' resynchronisation.
import { describe, expect, it } from 'vitest';
import {
  CommandFrameReader,
  encodeCommandFrame,
  encodeResponseFrame,
  MAX_FRAME_LENGTH,
  SamCommandCode,
  samCommandName,
  SamFrameParser,
  SamFrameScanner,
  SamStatus,
  xorCheck,
  type HostCommand,
  type SamCommand,
  type SamResponse,
} from '../../idcard/index.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const none = new Uint8Array(0);

// Each check byte worked out by hand: XOR of the length bytes and everything after them.
const commandVectors: { name: string; command: SamCommand; bytes: string }[] = [
  { name: 'SAM status 11 FF', command: { cmd: 0x11, para: 0xff, data: none }, bytes: 'AA AA AA 96 69 00 03 11 FF ED' }, // 03^11^FF
  { name: 'SAM ID 12 FF', command: { cmd: 0x12, para: 0xff, data: none }, bytes: 'AA AA AA 96 69 00 03 12 FF EE' },
  { name: 'reset SAM 10 FF', command: { cmd: 0x10, para: 0xff, data: none }, bytes: 'AA AA AA 96 69 00 03 10 FF EC' },
  { name: 'find card 20 01', command: { cmd: 0x20, para: 0x01, data: none }, bytes: 'AA AA AA 96 69 00 03 20 01 22' },
  { name: 'select card 20 02', command: { cmd: 0x20, para: 0x02, data: none }, bytes: 'AA AA AA 96 69 00 03 20 02 21' },
  { name: 'read base info 30 01', command: { cmd: 0x30, para: 0x01, data: none }, bytes: 'AA AA AA 96 69 00 03 30 01 32' },
  // A command with a data byte (lengths count it): 00^04^60^FF^02 = 0x99.
  { name: 'with data', command: { cmd: 0x60, para: 0xff, data: Uint8Array.of(0x02) }, bytes: 'AA AA AA 96 69 00 04 60 FF 02 99' },
];

const responseVectors: { name: string; response: SamResponse; bytes: string }[] = [
  { name: 'success, no data', response: { sw1: 0, sw2: 0, sw3: 0x90, data: none }, bytes: 'AA AA AA 96 69 00 04 00 00 90 94' },
  { name: 'find card success', response: { sw1: 0, sw2: 0, sw3: 0x9f, data: new Uint8Array(4) }, bytes: 'AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97' },
  { name: 'no card', response: { sw1: 0, sw2: 0, sw3: 0x80, data: none }, bytes: 'AA AA AA 96 69 00 04 00 00 80 84' },
  { name: 'select success', response: { sw1: 0, sw2: 0, sw3: 0x90, data: new Uint8Array(8) }, bytes: 'AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C' },
  { name: 'select failed', response: { sw1: 0, sw2: 0, sw3: 0x81, data: none }, bytes: 'AA AA AA 96 69 00 04 00 00 81 85' },
  { name: 'checksum error', response: { sw1: 0, sw2: 0, sw3: 0x10, data: none }, bytes: 'AA AA AA 96 69 00 04 00 00 10 14' },
  { name: 'SAM self-test failed', response: { sw1: 0, sw2: 0, sw3: 0x60, data: none }, bytes: 'AA AA AA 96 69 00 04 00 00 60 64' },
];

function scanResponses(chunks: Buffer[]): { frames: SamResponse[]; scanner: SamFrameScanner<'response'> } {
  const scanner = new SamFrameScanner('response');
  const frames: SamResponse[] = [];
  for (const chunk of chunks) scanner.push(chunk, (f) => frames.push(f));
  return { frames, scanner };
}

function readCommands(chunks: Buffer[]): { frames: HostCommand[]; reader: CommandFrameReader; checksumErrors: number } {
  const reader = new CommandFrameReader();
  const frames: HostCommand[] = [];
  let checksumErrors = 0;
  for (const chunk of chunks) reader.feed(chunk, { onCommand: (c) => frames.push(c), onChecksumError: () => checksumErrors++ });
  return { frames, reader, checksumErrors };
}

const bytewise = (b: Buffer) => [...b].map((x) => Buffer.of(x));

describe('command frames', () => {
  it.each(commandVectors)('encodes $name as $bytes', ({ command, bytes }) => {
    expect(encodeCommandFrame(command)).toEqual(hex(bytes));
  });

  it.each(commandVectors)('decodes $name with the client scanner and the simulator reader, whole and byte by byte', ({ command, bytes }) => {
    for (const chunks of [[hex(bytes)], bytewise(hex(bytes))]) {
      const scanner = new SamFrameScanner('command');
      const fromScanner: SamCommand[] = [];
      for (const c of chunks) scanner.push(c, (f) => fromScanner.push(f));
      expect(fromScanner).toEqual([command]);
      expect(readCommands(chunks).frames).toEqual([command]);
    }
  });

  it('names the standard commands', () => {
    expect(SamCommandCode.findCard).toEqual({ cmd: 0x20, para: 0x01 });
    expect(samCommandName(0x30, 0x01)).toBe('readBaseInfo');
    expect(samCommandName(0x12, 0xff)).toBe('samId');
    expect(samCommandName(0x99, 0x99)).toBeNull();
  });
});

describe('response frames', () => {
  it.each(responseVectors)('encodes $name as $bytes', ({ response, bytes }) => {
    expect(encodeResponseFrame(response)).toEqual(hex(bytes));
  });

  it.each(responseVectors)('decodes $name, whole and byte by byte', ({ response, bytes }) => {
    expect(scanResponses([hex(bytes)]).frames).toEqual([response]);
    expect(scanResponses(bytewise(hex(bytes))).frames).toEqual([response]);
  });

  it('frames a text-and-photo answer with length 0x0508 and the data lengths 0x0100 and 0x0400 up front', () => {
    const data = new Uint8Array(4 + 256 + 1024);
    data.set([0x01, 0x00, 0x04, 0x00]);
    for (let i = 4; i < data.length; i++) data[i] = (i * 7) & 0xff;
    const frame = encodeResponseFrame({ sw1: 0, sw2: 0, sw3: SamStatus.Success, data });
    expect(frame).toHaveLength(1295);
    expect(frame.subarray(0, 14)).toEqual(hex('AA AA AA 96 69 05 08 00 00 90 01 00 04 00'));
    expect(frame[1294]).toBe(xorCheck(frame, 5, 1294));
    const { frames } = scanResponses([frame.subarray(0, 700), frame.subarray(700)]);
    expect(frames).toHaveLength(1);
    expect(Buffer.from(frames[0]!.data)).toEqual(Buffer.from(data));
  });

  it('refuses what a frame cannot carry', () => {
    expect(() => encodeResponseFrame({ sw1: 0, sw2: 0, sw3: 0x100, data: none })).toThrow(RangeError);
    expect(() => encodeCommandFrame({ cmd: -1, para: 0, data: none })).toThrow(RangeError);
    expect(() => encodeCommandFrame({ cmd: 1, para: 1, data: new Uint8Array(MAX_FRAME_LENGTH - 2) })).toThrow(RangeError);
    expect(encodeCommandFrame({ cmd: 1, para: 1, data: new Uint8Array(MAX_FRAME_LENGTH - 3) })).toHaveLength(MAX_FRAME_LENGTH + 7);
  });
});

describe('resynchronisation', () => {
  const findOk = hex('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97');
  const noCard = hex('AA AA AA 96 69 00 04 00 00 80 84');

  it('skips garbage, including preamble fragments and an extra AA, before a frame', () => {
    const garbage = hex('00 13 AA AA 96 AA 69 AA AA AA AA');
    const { frames, scanner } = scanResponses([Buffer.concat([garbage, findOk])]);
    expect(frames.map((f) => f.sw3)).toEqual([0x9f]);
    // Four AAs ahead of the real AA AA AA 96 69: the hunt slides past them one at a time.
    expect(scanner.stats.discardedBytes).toBe(garbage.length);
    expect(scanner.bufferedBytes).toBe(0);
  });

  it('drops a frame with a bad check and still finds the next one', () => {
    const corrupted = Buffer.from(findOk);
    corrupted[9]! ^= 0x01; // 9F → 9E: the check no longer matches
    const { frames, scanner } = scanResponses([Buffer.concat([corrupted, noCard])]);
    expect(frames.map((f) => f.sw3)).toEqual([0x80]);
    expect(scanner.stats.checksumErrors).toBe(1);
  });

  it('finds a frame hidden behind a cut frame whose length runs over it', () => {
    // A find-success frame cut after its length: the scanner waits for 8 more bytes, takes the next frame's
    // bytes for them, rejects the check, and resumes one byte after the cut preamble.
    const cut = findOk.subarray(0, 9);
    const { frames, scanner } = scanResponses([cut, noCard, findOk]);
    expect(frames.map((f) => f.sw3)).toEqual([0x80, 0x9f]);
    expect(scanner.stats.checksumErrors).toBe(1);
  });

  it('rejects lengths the direction cannot have, and resumes', () => {
    const tooShort = hex('AA AA AA 96 69 00 03 00 00 03'); // a response needs SW1 SW2 SW3 and the check: 4
    const tooLong = hex('AA AA AA 96 69 10 01 00'); // 4097
    const { frames, scanner } = scanResponses([Buffer.concat([tooShort, tooLong, noCard])]);
    expect(frames.map((f) => f.sw3)).toEqual([0x80]);
    expect(scanner.stats.headerErrors).toBe(2);
  });

  it('the simulator reader reports a corrupted command so the SAM can answer 0x10', () => {
    const find = hex('AA AA AA 96 69 00 03 20 01 22');
    const bad = Buffer.from(find);
    bad[9] = 0x23;
    const { frames, checksumErrors } = readCommands([Buffer.concat([bad, find])]);
    expect(checksumErrors).toBe(1);
    expect(frames).toEqual([{ cmd: 0x20, para: 0x01, data: none }]);
  });

  it('works as a stream Transform', async () => {
    const parser = new SamFrameParser('response');
    const frames: SamResponse[] = [];
    parser.on('data', (f: SamResponse) => frames.push(f));
    parser.write(Buffer.concat([hex('55 55'), noCard.subarray(0, 6)]));
    parser.write(Buffer.concat([noCard.subarray(6), findOk]));
    await new Promise((r) => setImmediate(r));
    expect(frames.map((f) => f.sw3)).toEqual([0x80, 0x9f]);
    expect(parser.stats.frames).toBe(2);
    expect(parser.stats.discardedBytes).toBe(2);
  });
});
