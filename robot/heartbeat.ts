import { FrameType } from './frameTypes.js';
import { decodeWith, PayloadError, requireInteger, type Decoded } from './payloadBytes.js';

/**
 * Sent by both sides every heartbeat interval (unreliable, seq 0). `token` counts the sender's heartbeats; `echo` is
 * the last token received from the peer. A heartbeat with `echoRequested` is answered at once, which measures the
 * round trip; the kiosk's own heartbeats ask for it so the base's answers double as its liveness signal.
 */
export interface Heartbeat {
  token: number;
  echo: number;
  echoRequested: boolean;
}

export const HEARTBEAT_PAYLOAD_LENGTH = 9;

export function encodeHeartbeat(h: Heartbeat): { type: number; payload: Buffer } {
  const p = Buffer.alloc(HEARTBEAT_PAYLOAD_LENGTH);
  p.writeUInt32BE(requireInteger('token', h.token, 0, 0xffffffff), 0);
  p.writeUInt32BE(requireInteger('echo', h.echo, 0, 0xffffffff), 4);
  p.writeUInt8(h.echoRequested ? 1 : 0, 8);
  return { type: FrameType.Heartbeat, payload: p };
}

export function decodeHeartbeat(payload: Buffer): Decoded<Heartbeat> {
  return decodeWith(payload, (r) => {
    const token = r.u32();
    const echo = r.u32();
    const flags = r.u8();
    if ((flags & ~1) !== 0) throw new PayloadError('unknown heartbeat flags');
    return { token, echo, echoRequested: flags === 1 };
  });
}
