import { FrameType } from './frameTypes.js';
import { decodeWith, PayloadError, requireInteger, toWire, type Decoded, type PayloadReader } from './payloadBytes.js';
import { normalizeHeading, type Pose } from './pose.js';

// Commands the kiosk sends (reliable frames). API units: metres, m/s, degrees, deg/s, ms.
// Wire units: millimetres, mm/s, centidegrees, centidegrees/s, ms — big-endian integers (docs/robot-protocol.md).

export type GestureKind = 'wave' | 'nod' | 'point';

export type MotionCommand =
  | { kind: 'goTo'; taskId: number; target: Pose; maxSpeed: number | null }
  | { kind: 'velocity'; taskId: number; linear: number; angular: number; durationMs: number }
  | { kind: 'dock'; taskId: number };

export type ActuatorCommand = { kind: 'headPanTilt'; pan: number; tilt: number } | { kind: 'gesture'; gesture: GestureKind; direction: number };

/** Commands that can be wrapped in DRY_RUN: everything the base executes. */
export type ExecutableCommand = MotionCommand | ActuatorCommand | { kind: 'stop' } | { kind: 'resetEstop' };

export type RobotCommand =
  | ExecutableCommand
  | { kind: 'hello'; protocolVersion: number; sessionNonce: number }
  /** Ask the base whether it would accept a command (ACK status) without executing it. */
  | { kind: 'dryRun'; command: ExecutableCommand };

export const COMMAND_LIMITS = {
  coordinateM: 1000,
  maxSpeedMps: 1.5,
  linearMps: 1.5,
  angularDegPerS: 180,
  durationMs: { min: 1, max: 10_000 },
  panDeg: 90,
  tiltDeg: 30,
  pointDirectionDeg: 90,
  taskId: { min: 1, max: 0xffff },
} as const;

const gestureCodes: Record<GestureKind, number> = { wave: 1, nod: 2, point: 3 };
const gestureFromCode = new Map(Object.entries(gestureCodes).map(([k, v]) => [v, k as GestureKind]));

export function gestureCode(gesture: GestureKind): number {
  return gestureCodes[gesture];
}
export function gestureFromWire(code: number): GestureKind | undefined {
  return gestureFromCode.get(code);
}

export interface EncodedCommand {
  type: number;
  payload: Buffer;
}

const L = COMMAND_LIMITS;
const MM = 1000;
const CENTI = 100;

/** Encodes a command's payload. Throws RangeError for values the protocol cannot carry (a caller's bug). */
export function encodeCommand(command: RobotCommand): EncodedCommand {
  switch (command.kind) {
    case 'hello': {
      const p = Buffer.alloc(5);
      p.writeUInt8(requireInteger('protocolVersion', command.protocolVersion, 1, 255), 0);
      p.writeUInt32BE(requireInteger('sessionNonce', command.sessionNonce, 0, 0xffffffff), 1);
      return { type: FrameType.Hello, payload: p };
    }
    case 'goTo': {
      const p = Buffer.alloc(14);
      p.writeUInt16BE(requireInteger('taskId', command.taskId, L.taskId.min, L.taskId.max), 0);
      p.writeInt32BE(toWire('x', command.target.x, MM, -L.coordinateM * MM, L.coordinateM * MM), 2);
      p.writeInt32BE(toWire('y', command.target.y, MM, -L.coordinateM * MM, L.coordinateM * MM), 6);
      p.writeInt16BE(toWire('heading', normalizeHeading(finite('heading', command.target.heading)), CENTI, -18000, 18000), 10);
      p.writeUInt16BE(command.maxSpeed === null ? 0 : toWire('maxSpeed', command.maxSpeed, MM, 1, L.maxSpeedMps * MM), 12);
      return { type: FrameType.GoTo, payload: p };
    }
    case 'velocity': {
      const p = Buffer.alloc(8);
      p.writeUInt16BE(requireInteger('taskId', command.taskId, L.taskId.min, L.taskId.max), 0);
      p.writeInt16BE(toWire('linear', command.linear, MM, -L.linearMps * MM, L.linearMps * MM), 2);
      p.writeInt16BE(toWire('angular', command.angular, CENTI, -L.angularDegPerS * CENTI, L.angularDegPerS * CENTI), 4);
      p.writeUInt16BE(requireInteger('durationMs', command.durationMs, L.durationMs.min, L.durationMs.max), 6);
      return { type: FrameType.Velocity, payload: p };
    }
    case 'dock': {
      const p = Buffer.alloc(2);
      p.writeUInt16BE(requireInteger('taskId', command.taskId, L.taskId.min, L.taskId.max), 0);
      return { type: FrameType.Dock, payload: p };
    }
    case 'stop':
      return { type: FrameType.Stop, payload: Buffer.alloc(0) };
    case 'resetEstop':
      return { type: FrameType.ResetEstop, payload: Buffer.alloc(0) };
    case 'headPanTilt': {
      const p = Buffer.alloc(4);
      p.writeInt16BE(toWire('pan', command.pan, CENTI, -L.panDeg * CENTI, L.panDeg * CENTI), 0);
      p.writeInt16BE(toWire('tilt', command.tilt, CENTI, -L.tiltDeg * CENTI, L.tiltDeg * CENTI), 2);
      return { type: FrameType.HeadPanTilt, payload: p };
    }
    case 'gesture': {
      const code = gestureCodes[command.gesture];
      if (code === undefined) throw new RangeError(`unknown gesture ${String(command.gesture)}`);
      const p = Buffer.alloc(3);
      p.writeUInt8(code, 0);
      p.writeInt16BE(toWire('direction', command.direction, CENTI, -L.pointDirectionDeg * CENTI, L.pointDirectionDeg * CENTI), 1);
      return { type: FrameType.Gesture, payload: p };
    }
    case 'dryRun': {
      if ((command.command.kind as string) === 'dryRun' || (command.command.kind as string) === 'hello') throw new RangeError('DRY_RUN wraps an executable command');
      const inner = encodeCommand(command.command);
      return { type: FrameType.DryRun, payload: Buffer.concat([Buffer.of(inner.type), inner.payload]) };
    }
  }
}

function finite(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${String(value)}`);
  return value;
}

/** Decodes a command frame as the base does: unknown types and out-of-bounds fields are values, not exceptions. */
export function decodeCommand(type: number, payload: Buffer): Decoded<RobotCommand> {
  if (type === FrameType.DryRun) {
    if (payload.length < 1) return { ok: false, reason: 'bad-payload', error: 'DRY_RUN without an inner command' };
    const innerType = payload[0]!;
    if (innerType === FrameType.DryRun || innerType === FrameType.Hello) return { ok: false, reason: 'bad-payload', error: 'DRY_RUN wraps an executable command' };
    const inner = decodeCommand(innerType, payload.subarray(1));
    if (!inner.ok) return inner;
    return { ok: true, value: { kind: 'dryRun', command: inner.value as ExecutableCommand } };
  }
  const read = readers.get(type);
  if (read === undefined) return { ok: false, reason: 'unknown-type', error: `unknown command type 0x${type.toString(16).padStart(2, '0')}` };
  return decodeWith(payload, read);
}

const readers = new Map<number, (r: PayloadReader) => RobotCommand>([
  [
    FrameType.Hello,
    (r) => {
      const protocolVersion = r.within('protocolVersion', r.u8(), 1, 255);
      return { kind: 'hello', protocolVersion, sessionNonce: r.u32() };
    },
  ],
  [
    FrameType.GoTo,
    (r) => {
      const taskId = r.within('taskId', r.u16(), L.taskId.min, L.taskId.max);
      const x = r.within('x', r.i32(), -L.coordinateM * MM, L.coordinateM * MM) / MM;
      const y = r.within('y', r.i32(), -L.coordinateM * MM, L.coordinateM * MM) / MM;
      const heading = r.within('heading', r.i16(), -18000, 18000) / CENTI;
      const speed = r.within('maxSpeed', r.u16(), 0, L.maxSpeedMps * MM);
      return { kind: 'goTo', taskId, target: { x, y, heading }, maxSpeed: speed === 0 ? null : speed / MM };
    },
  ],
  [
    FrameType.Velocity,
    (r) => {
      const taskId = r.within('taskId', r.u16(), L.taskId.min, L.taskId.max);
      const linear = r.within('linear', r.i16(), -L.linearMps * MM, L.linearMps * MM) / MM;
      const angular = r.within('angular', r.i16(), -L.angularDegPerS * CENTI, L.angularDegPerS * CENTI) / CENTI;
      const durationMs = r.within('durationMs', r.u16(), L.durationMs.min, L.durationMs.max);
      return { kind: 'velocity', taskId, linear, angular, durationMs };
    },
  ],
  [FrameType.Dock, (r) => ({ kind: 'dock', taskId: r.within('taskId', r.u16(), L.taskId.min, L.taskId.max) })],
  [FrameType.Stop, () => ({ kind: 'stop' })],
  [FrameType.ResetEstop, () => ({ kind: 'resetEstop' })],
  [
    FrameType.HeadPanTilt,
    (r) => {
      const pan = r.within('pan', r.i16(), -L.panDeg * CENTI, L.panDeg * CENTI) / CENTI;
      const tilt = r.within('tilt', r.i16(), -L.tiltDeg * CENTI, L.tiltDeg * CENTI) / CENTI;
      return { kind: 'headPanTilt', pan, tilt };
    },
  ],
  [
    FrameType.Gesture,
    (r) => {
      const gesture = gestureFromCode.get(r.u8());
      if (gesture === undefined) throw new PayloadError('unknown gesture code');
      const direction = r.within('direction', r.i16(), -L.pointDirectionDeg * CENTI, L.pointDirectionDeg * CENTI) / CENTI;
      return { kind: 'gesture', gesture, direction };
    },
  ],
]);
