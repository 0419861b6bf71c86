import { describe, expect, it } from 'vitest';
import {
  decodeAck,
  decodeCommand,
  decodeHeartbeat,
  decodeHelloReply,
  decodeNak,
  decodeTelemetry,
  encodeAck,
  encodeCommand,
  encodeHeartbeat,
  encodeHelloReply,
  encodeNak,
  encodeTelemetry,
  FrameType,
  type RobotCommand,
  type RobotTelemetry,
} from '../../robot/index.js';

const commands: RobotCommand[] = [
  { kind: 'hello', protocolVersion: 1, sessionNonce: 0xdeadbeef },
  { kind: 'goTo', taskId: 7, target: { x: 12.5, y: -3.2, heading: 90 }, maxSpeed: null },
  { kind: 'goTo', taskId: 65535, target: { x: -1000, y: 1000, heading: -179.99 }, maxSpeed: 0.35 },
  { kind: 'velocity', taskId: 1, linear: -0.25, angular: 45.5, durationMs: 800 },
  { kind: 'stop' },
  { kind: 'headPanTilt', pan: -90, tilt: 30 },
  { kind: 'gesture', gesture: 'point', direction: -45 },
  { kind: 'gesture', gesture: 'wave', direction: 0 },
  { kind: 'dock', taskId: 3 },
  { kind: 'resetEstop' },
  { kind: 'dryRun', command: { kind: 'velocity', taskId: 2, linear: 0, angular: 0, durationMs: 1 } },
];

const telemetry: RobotTelemetry = {
  pose: { x: 3.456, y: -7.89, heading: -45.5 },
  linearSpeed: 0.5,
  angularSpeed: -30,
  battery: 73,
  charging: false,
  docked: false,
  estopPressed: true,
  estopLatched: true,
  bumper: false,
  obstacle: true,
  motorFault: false,
  task: { id: 42, kind: 'goTo', state: 'e-stop', distanceRemaining: 4.321 },
  head: { pan: 12.5, tilt: -3 },
  gesture: 'nod',
};

describe('command payloads', () => {
  it.each(commands)('round-trips $kind', (command) => {
    const { type, payload } = encodeCommand(command);
    expect(decodeCommand(type, payload)).toEqual({ ok: true, value: command });
  });

  it('normalises the heading to (−180, 180]', () => {
    const { type, payload } = encodeCommand({ kind: 'goTo', taskId: 1, target: { x: 0, y: 0, heading: 270 }, maxSpeed: null });
    const decoded = decodeCommand(type, payload);
    expect(decoded.ok && decoded.value.kind === 'goTo' && decoded.value.target.heading).toBe(-90);
  });

  it('refuses to encode values the wire cannot carry (RangeError)', () => {
    const bad: RobotCommand[] = [
      { kind: 'goTo', taskId: 1, target: { x: Number.NaN, y: 0, heading: 0 }, maxSpeed: null },
      { kind: 'goTo', taskId: 1, target: { x: 1000.001, y: 0, heading: 0 }, maxSpeed: null },
      { kind: 'goTo', taskId: 0, target: { x: 0, y: 0, heading: 0 }, maxSpeed: null },
      { kind: 'goTo', taskId: 1, target: { x: 0, y: 0, heading: 0 }, maxSpeed: 2 },
      { kind: 'velocity', taskId: 1, linear: 1.6, angular: 0, durationMs: 100 },
      { kind: 'velocity', taskId: 1, linear: 0, angular: 0, durationMs: 0 },
      { kind: 'velocity', taskId: 1, linear: 0, angular: 0, durationMs: 10_001 },
      { kind: 'headPanTilt', pan: 91, tilt: 0 },
      { kind: 'headPanTilt', pan: 0, tilt: Infinity },
      { kind: 'gesture', gesture: 'dance' as never, direction: 0 },
    ];
    for (const command of bad) expect(() => encodeCommand(command), JSON.stringify(command)).toThrow(RangeError);
  });

  it('decodes out-of-bounds fields, wrong lengths and unknown types as values, never as exceptions', () => {
    const goTo = encodeCommand(commands[1]!).payload;
    const tooFar = Buffer.from(goTo);
    tooFar.writeInt32BE(1_000_001, 2);
    expect(decodeCommand(FrameType.GoTo, tooFar)).toMatchObject({ ok: false, reason: 'bad-payload' });
    expect(decodeCommand(FrameType.GoTo, goTo.subarray(0, 13))).toMatchObject({ ok: false, reason: 'bad-payload' });
    expect(decodeCommand(FrameType.GoTo, Buffer.concat([goTo, Buffer.of(0)]))).toMatchObject({ ok: false, reason: 'bad-payload' });
    expect(decodeCommand(FrameType.Stop, Buffer.of(1))).toMatchObject({ ok: false, reason: 'bad-payload' });
    expect(decodeCommand(FrameType.Gesture, Buffer.of(9, 0, 0))).toMatchObject({ ok: false, reason: 'bad-payload' });
    expect(decodeCommand(FrameType.Dock, Buffer.of(0, 0))).toMatchObject({ ok: false, reason: 'bad-payload' });
    expect(decodeCommand(0x3c, Buffer.alloc(0))).toMatchObject({ ok: false, reason: 'unknown-type' });
    expect(decodeCommand(FrameType.DryRun, Buffer.of(FrameType.Hello, 1, 0, 0, 0, 0))).toMatchObject({ ok: false, reason: 'bad-payload' });
    expect(decodeCommand(FrameType.DryRun, Buffer.alloc(0))).toMatchObject({ ok: false, reason: 'bad-payload' });
  });
});

describe('telemetry, ACK, NAK, heartbeat, hello reply', () => {
  it('round-trips telemetry with every flag', () => {
    const { type, payload } = encodeTelemetry(telemetry);
    expect(type).toBe(FrameType.Telemetry);
    expect(decodeTelemetry(payload)).toEqual({ ok: true, value: telemetry });
    for (const flag of ['charging', 'docked', 'estopPressed', 'estopLatched', 'bumper', 'obstacle', 'motorFault'] as const) {
      const only = { ...telemetry, charging: false, docked: false, estopPressed: false, estopLatched: false, bumper: false, obstacle: false, motorFault: false, [flag]: true };
      const decoded = decodeTelemetry(encodeTelemetry(only).payload);
      expect(decoded.ok && decoded.value[flag]).toBe(true);
    }
  });

  it('rejects telemetry with a battery above 100 %, unknown flags or task codes', () => {
    const good = encodeTelemetry(telemetry).payload;
    const withByte = (offset: number, value: number) => {
      const p = Buffer.from(good);
      p[offset] = value;
      return p;
    };
    expect(decodeTelemetry(withByte(14, 101)).ok).toBe(false);
    expect(decodeTelemetry(withByte(15, 0x80)).ok).toBe(false);
    expect(decodeTelemetry(withByte(18, 9)).ok).toBe(false);
    expect(decodeTelemetry(withByte(19, 8)).ok).toBe(false);
    expect(decodeTelemetry(withByte(28, 4)).ok).toBe(false);
    expect(decodeTelemetry(good.subarray(1)).ok).toBe(false);
  });

  it('round-trips ACK, NAK, heartbeat and hello reply', () => {
    const ack = { status: 'e-stop-pressed' as const, previousTask: { id: 9, state: 'cancelled' as const } };
    expect(decodeAck(encodeAck(ack).payload)).toEqual({ ok: true, value: ack });
    expect(decodeAck(encodeAck({ status: 'ok', previousTask: null }).payload)).toEqual({ ok: true, value: { status: 'ok', previousTask: null } });
    expect(decodeAck(Buffer.of(7, 0, 0, 0)).ok).toBe(false);
    expect(decodeNak(encodeNak('header').payload)).toEqual({ ok: true, value: 'header' });
    const hb = { token: 4_000_000_000, echo: 17, echoRequested: true };
    expect(decodeHeartbeat(encodeHeartbeat(hb).payload)).toEqual({ ok: true, value: hb });
    expect(decodeHeartbeat(Buffer.from('000000010000000102', 'hex')).ok).toBe(false);
    const reply = { protocolVersion: 1, sessionNonce: 5, telemetryIntervalMs: 100, hostTimeoutMs: 1500, firmware: 'base 2.3.1' };
    expect(decodeHelloReply(encodeHelloReply(reply).payload)).toEqual({ ok: true, value: reply });
    expect(() => encodeHelloReply({ ...reply, firmware: '固件' })).toThrow(RangeError);
  });
});
