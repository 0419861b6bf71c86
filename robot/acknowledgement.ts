import { FrameType } from './frameTypes.js';
import { taskStateCodes, taskStateFromCode, type TaskReport } from './motionTask.js';
import { decodeWith, PayloadError, type Decoded } from './payloadBytes.js';

// ACK: the base received a reliable frame intact (seq = that frame's seq) and says whether it accepted it.
// NAK: the base saw a frame start whose header or CRC was bad (seq = the seq byte as read; a hint to resend at once).

export type AckStatus = 'ok' | 'e-stop' | 'bumper' | 'motor-fault' | 'bad-payload' | 'unknown-command' | 'e-stop-pressed';
export type NakReason = 'crc' | 'header';

export interface Acknowledgement {
  status: AckStatus;
  /** For GO_TO, VELOCITY, DOCK, STOP and HELLO: how the task they replaced ended (null when there was none). */
  previousTask: TaskReport | null;
}

export const ACK_PAYLOAD_LENGTH = 4;

const statusCodes: Record<AckStatus, number> = {
  ok: 0,
  'e-stop': 1,
  bumper: 2,
  'motor-fault': 3,
  'bad-payload': 4,
  'unknown-command': 5,
  'e-stop-pressed': 6,
};
const statusFromCode = new Map(Object.entries(statusCodes).map(([k, v]) => [v, k as AckStatus]));
const nakCodes: Record<NakReason, number> = { crc: 1, header: 2 };
const nakFromCode = new Map(Object.entries(nakCodes).map(([k, v]) => [v, k as NakReason]));

export function encodeAck(ack: Acknowledgement): { type: number; payload: Buffer } {
  const p = Buffer.alloc(ACK_PAYLOAD_LENGTH);
  p.writeUInt8(statusCodes[ack.status], 0);
  p.writeUInt16BE(ack.previousTask?.id ?? 0, 1);
  p.writeUInt8(ack.previousTask === null ? 0 : taskStateCodes[ack.previousTask.state], 3);
  return { type: FrameType.Ack, payload: p };
}

export function decodeAck(payload: Buffer): Decoded<Acknowledgement> {
  return decodeWith(payload, (r) => {
    const status = statusFromCode.get(r.u8());
    if (status === undefined) throw new PayloadError('unknown ACK status');
    const id = r.u16();
    const state = taskStateFromCode.get(r.u8());
    if (state === undefined) throw new PayloadError('unknown task state in ACK');
    return { status, previousTask: id === 0 ? null : { id, state } };
  });
}

export function encodeNak(reason: NakReason): { type: number; payload: Buffer } {
  return { type: FrameType.Nak, payload: Buffer.of(nakCodes[reason]) };
}

export function decodeNak(payload: Buffer): Decoded<NakReason> {
  return decodeWith(payload, (r) => {
    const reason = nakFromCode.get(r.u8());
    if (reason === undefined) throw new PayloadError('unknown NAK reason');
    return reason;
  });
}
