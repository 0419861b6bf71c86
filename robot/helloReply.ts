import { FrameType } from './frameTypes.js';
import { decodeWith, requireInteger, type Decoded } from './payloadBytes.js';

/** The base's answer to HELLO: who it is and how it will behave. Sent after the ACK, and again for a repeated HELLO. */
export interface HelloReply {
  protocolVersion: number;
  /** The nonce from the HELLO it answers, so a stale reply from an earlier attempt is ignored. */
  sessionNonce: number;
  telemetryIntervalMs: number;
  /** The base stops any motion when it has heard nothing from the kiosk for this long. */
  hostTimeoutMs: number;
  firmware: string;
}

export const MAX_FIRMWARE_LENGTH = 32;

export function encodeHelloReply(h: HelloReply): { type: number; payload: Buffer } {
  if (!/^[\x20-\x7e]*$/.test(h.firmware) || h.firmware.length > MAX_FIRMWARE_LENGTH) {
    throw new RangeError(`firmware must be printable ASCII of at most ${MAX_FIRMWARE_LENGTH} characters`);
  }
  const p = Buffer.alloc(10 + h.firmware.length);
  p.writeUInt8(requireInteger('protocolVersion', h.protocolVersion, 1, 255), 0);
  p.writeUInt32BE(requireInteger('sessionNonce', h.sessionNonce, 0, 0xffffffff), 1);
  p.writeUInt16BE(requireInteger('telemetryIntervalMs', h.telemetryIntervalMs, 1, 0xffff), 5);
  p.writeUInt16BE(requireInteger('hostTimeoutMs', h.hostTimeoutMs, 1, 0xffff), 7);
  p.writeUInt8(h.firmware.length, 9);
  p.write(h.firmware, 10, 'latin1');
  return { type: FrameType.HelloReply, payload: p };
}

export function decodeHelloReply(payload: Buffer): Decoded<HelloReply> {
  return decodeWith(payload, (r) => {
    const protocolVersion = r.within('protocolVersion', r.u8(), 1, 255);
    const sessionNonce = r.u32();
    const telemetryIntervalMs = r.within('telemetryIntervalMs', r.u16(), 1, 0xffff);
    const hostTimeoutMs = r.within('hostTimeoutMs', r.u16(), 1, 0xffff);
    const firmware = r.ascii(r.within('firmwareLength', r.u8(), 0, MAX_FIRMWARE_LENGTH));
    return { protocolVersion, sessionNonce, telemetryIntervalMs, hostTimeoutMs, firmware };
  });
}
