import { gestureCode, gestureFromWire, type GestureKind } from './commands.js';
import { FrameType } from './frameTypes.js';
import { taskKindCodes, taskKindFromCode, taskStateCodes, taskStateFromCode, type TaskKind, type TaskState } from './motionTask.js';
import { decodeWith, PayloadError, requireInteger, toWire, type Decoded } from './payloadBytes.js';
import { normalizeHeading, type Pose } from './pose.js';

/**
 * A snapshot of the base, sent every telemetry interval and at once when a flag, the task, the battery percentage or
 * the gesture changes. Snapshots replace each other, so a lost one is repaired by the next: they are not acknowledged.
 */
export interface RobotTelemetry {
  pose: Pose;
  /** m/s and deg/s. */
  linearSpeed: number;
  angularSpeed: number;
  /** 0–100 %. */
  battery: number;
  charging: boolean;
  docked: boolean;
  /** The button is pressed now. */
  estopPressed: boolean;
  /** An e-stop happened and has not been reset (RESET_ESTOP, accepted only once the button is released). */
  estopLatched: boolean;
  bumper: boolean;
  obstacle: boolean;
  motorFault: boolean;
  /** The current task, or the last one with its final state. distanceRemaining in metres (0 when not a goTo/dock). */
  task: { id: number; kind: TaskKind | 'none'; state: TaskState; distanceRemaining: number };
  head: { pan: number; tilt: number };
  gesture: GestureKind | null;
}

export const TELEMETRY_PAYLOAD_LENGTH = 29;

const flagBits = ['charging', 'docked', 'estopPressed', 'estopLatched', 'bumper', 'obstacle', 'motorFault'] as const;
const KNOWN_FLAGS = (1 << flagBits.length) - 1;
const MM = 1000;
const CENTI = 100;
const MAX_DISTANCE_MM = 10_000_000;

export function encodeTelemetry(t: RobotTelemetry): { type: number; payload: Buffer } {
  const p = Buffer.alloc(TELEMETRY_PAYLOAD_LENGTH);
  p.writeInt32BE(toWire('x', t.pose.x, MM, -0x7fffffff, 0x7fffffff), 0);
  p.writeInt32BE(toWire('y', t.pose.y, MM, -0x7fffffff, 0x7fffffff), 4);
  p.writeInt16BE(toWire('heading', normalizeHeading(t.pose.heading), CENTI, -18000, 18000), 8);
  p.writeInt16BE(toWire('linearSpeed', t.linearSpeed, MM, -32767, 32767), 10);
  p.writeInt16BE(toWire('angularSpeed', t.angularSpeed, CENTI, -32767, 32767), 12);
  p.writeUInt8(requireInteger('battery', Math.round(t.battery), 0, 100), 14);
  let flags = 0;
  flagBits.forEach((name, bit) => {
    if (t[name]) flags |= 1 << bit;
  });
  p.writeUInt8(flags, 15);
  p.writeUInt16BE(requireInteger('task.id', t.task.id, 0, 0xffff), 16);
  p.writeUInt8(taskKindCodes[t.task.kind], 18);
  p.writeUInt8(taskStateCodes[t.task.state], 19);
  p.writeUInt32BE(toWire('distanceRemaining', t.task.distanceRemaining, MM, 0, MAX_DISTANCE_MM), 20);
  p.writeInt16BE(toWire('head.pan', t.head.pan, CENTI, -9000, 9000), 24);
  p.writeInt16BE(toWire('head.tilt', t.head.tilt, CENTI, -3000, 3000), 26);
  p.writeUInt8(t.gesture === null ? 0 : gestureCode(t.gesture), 28);
  return { type: FrameType.Telemetry, payload: p };
}

export function decodeTelemetry(payload: Buffer): Decoded<RobotTelemetry> {
  return decodeWith(payload, (r) => {
    const x = r.i32() / MM;
    const y = r.i32() / MM;
    const heading = r.within('heading', r.i16(), -18000, 18000) / CENTI;
    const linearSpeed = r.i16() / MM;
    const angularSpeed = r.i16() / CENTI;
    const battery = r.within('battery', r.u8(), 0, 100);
    const flags = r.u8();
    if ((flags & ~KNOWN_FLAGS) !== 0) throw new PayloadError(`unknown telemetry flags 0x${flags.toString(16)}`);
    const id = r.u16();
    const kind = taskKindFromCode.get(r.u8());
    const state = taskStateFromCode.get(r.u8());
    if (kind === undefined || state === undefined) throw new PayloadError('unknown task kind or state');
    const distanceRemaining = r.within('distanceRemaining', r.u32(), 0, MAX_DISTANCE_MM) / MM;
    const pan = r.within('head.pan', r.i16(), -9000, 9000) / CENTI;
    const tilt = r.within('head.tilt', r.i16(), -3000, 3000) / CENTI;
    const gestureByte = r.u8();
    const gesture = gestureByte === 0 ? null : gestureFromWire(gestureByte);
    if (gesture === undefined) throw new PayloadError('unknown gesture code');
    const flag = (bit: number) => (flags & (1 << bit)) !== 0;
    return {
      pose: { x, y, heading },
      linearSpeed,
      angularSpeed,
      battery,
      charging: flag(0),
      docked: flag(1),
      estopPressed: flag(2),
      estopLatched: flag(3),
      bumper: flag(4),
      obstacle: flag(5),
      motorFault: flag(6),
      task: { id, kind, state, distanceRemaining },
      head: { pan, tilt },
      gesture,
    };
  });
}
