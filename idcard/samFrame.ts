// GA 467 SAM frames on UART (the SAM_V serial protocol):
//   command:  AA AA AA 96 69 | Len1 Len2 | Cmd  Para       | data | CHK_SUM
//   response: AA AA AA 96 69 | Len1 Len2 | SW1  SW2  SW3   | data | CHK_SUM
// Len (big-endian) counts every byte after itself, CHK_SUM included. CHK_SUM is the XOR of every byte after the
// preamble and before itself (Len1 .. last data byte).

export const SAM_PREAMBLE: readonly number[] = [0xaa, 0xaa, 0xaa, 0x96, 0x69];
export const PREAMBLE_LENGTH = 5;
/** Preamble and the two length bytes. */
export const FRAME_HEADER_LENGTH = PREAMBLE_LENGTH + 2;
/** Cmd, Para and CHK_SUM: the shortest command a length can describe. */
export const MIN_COMMAND_LENGTH = 3;
/** SW1, SW2, SW3 and CHK_SUM. */
export const MIN_RESPONSE_LENGTH = 4;
/**
 * The largest length this implementation accepts. The largest answer the standard defines (text, photo and
 * fingerprint, 0x30 0x10) has a length of 2314; a bound keeps a corrupted length from holding the line for long.
 */
export const MAX_FRAME_LENGTH = 0x1000;

export interface SamCommand {
  cmd: number;
  para: number;
  data: Uint8Array;
}

export interface SamResponse {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Uint8Array;
}

/** XOR of bytes[start, end). */
export function xorCheck(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let check = 0;
  for (let i = start; i < end; i++) check ^= bytes[i]!;
  return check;
}

function assertByte(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) throw new RangeError(`${what} ${value} is not a byte`);
}

/** Preamble, length, the three leading bytes, data and the XOR check. */
function encode(first: readonly [number, number] | readonly [number, number, number], data: Uint8Array, minLength: number): Buffer {
  const length = first.length + data.length + 1;
  if (length > MAX_FRAME_LENGTH) throw new RangeError(`frame length ${length} exceeds ${MAX_FRAME_LENGTH}`);
  if (length < minLength) throw new RangeError(`frame length ${length} is below ${minLength}`);
  const bytes = Buffer.alloc(FRAME_HEADER_LENGTH + length);
  bytes.set(SAM_PREAMBLE, 0);
  bytes.writeUInt16BE(length, PREAMBLE_LENGTH);
  bytes.set(first, FRAME_HEADER_LENGTH);
  bytes.set(data, FRAME_HEADER_LENGTH + first.length);
  bytes[bytes.length - 1] = xorCheck(bytes, PREAMBLE_LENGTH, bytes.length - 1);
  return bytes;
}

/** What the kiosk sends: e.g. find card `{ cmd: 0x20, para: 0x01 }` → AA AA AA 96 69 00 03 20 01 22. */
export function encodeCommandFrame(command: SamCommand): Buffer {
  assertByte(command.cmd, 'Cmd');
  assertByte(command.para, 'Para');
  return encode([command.cmd, command.para], command.data, MIN_COMMAND_LENGTH);
}

/** What the SAM answers: e.g. find-card success → AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97. */
export function encodeResponseFrame(response: SamResponse): Buffer {
  assertByte(response.sw1, 'SW1');
  assertByte(response.sw2, 'SW2');
  assertByte(response.sw3, 'SW3');
  return encode([response.sw1, response.sw2, response.sw3], response.data, MIN_RESPONSE_LENGTH);
}
