import { crc16 } from './crc16.js';
import { FRAME_MARKER, FRAME_OVERHEAD, HEADER_LENGTH, MAX_PAYLOAD_LENGTH } from './frameTypes.js';

/** One decoded frame: what travels between the kiosk and the base, without marker, length and CRC. */
export interface Frame {
  seq: number;
  type: number;
  payload: Buffer;
}

/** Encodes a frame: AA 55 | len | ~len | seq | type | payload | CRC-16 (big-endian, over len..payload). */
export function encodeFrame(frame: Frame): Buffer {
  const { seq, type, payload } = frame;
  if (!Number.isInteger(seq) || seq < 0 || seq > 0xff) throw new RangeError(`frame seq ${seq} is not a byte`);
  if (!Number.isInteger(type) || type < 0 || type > 0xff) throw new RangeError(`frame type ${type} is not a byte`);
  if (payload.length > MAX_PAYLOAD_LENGTH) throw new RangeError(`payload of ${payload.length} bytes exceeds ${MAX_PAYLOAD_LENGTH}`);
  const bytes = Buffer.allocUnsafe(FRAME_OVERHEAD + payload.length);
  bytes[0] = FRAME_MARKER[0];
  bytes[1] = FRAME_MARKER[1];
  bytes[2] = payload.length;
  bytes[3] = ~payload.length & 0xff;
  bytes[4] = seq;
  bytes[5] = type;
  payload.copy(bytes, HEADER_LENGTH);
  bytes.writeUInt16BE(crc16(bytes, 2, HEADER_LENGTH + payload.length), HEADER_LENGTH + payload.length);
  return bytes;
}
