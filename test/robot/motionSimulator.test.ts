// The simulator as a device: raw frames written to its pty, answers read back. No client in the way.
import { SerialPort } from 'serialport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPtyPair, type PtyPair } from '../../app/core/devices/index.js';
import {
  decodeAck,
  decodeHelloReply,
  decodeNak,
  decodeTelemetry,
  encodeCommand,
  encodeFrame,
  FrameScanner,
  FrameType,
  startMotionSimulator,
  type Frame,
  type MotionSimulator,
  type RobotCommand,
} from '../../robot/index.js';
import { until } from '../testDeadline.js';
import { fastSimulator, sleep } from './robotRig.js';

let pair: PtyPair;
let sim: MotionSimulator;
let port: SerialPort;
let received: Frame[];

beforeEach(async () => {
  pair = await openPtyPair();
  sim = await startMotionSimulator({ ...fastSimulator, path: pair.devicePath });
  port = await new Promise<SerialPort>((resolve, reject) => {
    const p = new SerialPort({ path: pair.kioskPath, baudRate: 115_200 }, (e) => (e ? reject(e) : resolve(p)));
  });
  received = [];
  const scanner = new FrameScanner();
  port.on('data', (chunk: Buffer) => scanner.push(chunk, (f) => received.push(f)));
  await until(() => sim.portOpen(), 'simulator port');
});

afterEach(async () => {
  await new Promise((r) => port.close(r));
  await sim.stop();
  await pair.close();
});

function frameOf(seq: number, command: RobotCommand): Buffer {
  return encodeFrame({ seq, ...encodeCommand(command) });
}

async function nextFrame(type: number, match: (f: Frame) => boolean = () => true): Promise<Frame> {
  const from = received.length;
  let found: Frame | undefined;
  await until(() => (found = received.slice(from).find((f) => f.type === type && match(f))) !== undefined, `frame type 0x${type.toString(16)}`);
  return found!;
}

async function command(seq: number, cmd: RobotCommand) {
  const ack = nextFrame(FrameType.Ack, (f) => f.seq === seq);
  port.write(frameOf(seq, cmd));
  const decoded = decodeAck((await ack).payload);
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.value;
}

describe('motion simulator (device side of the protocol)', () => {
  it('answers HELLO with ACK, HELLO_REPLY carrying the nonce, then telemetry', async () => {
    const reply = nextFrame(FrameType.HelloReply);
    expect(await command(1, { kind: 'hello', protocolVersion: 1, sessionNonce: 4242 })).toEqual({ status: 'ok', previousTask: null });
    const decoded = decodeHelloReply((await reply).payload);
    expect(decoded).toMatchObject({ ok: true, value: { protocolVersion: 1, sessionNonce: 4242, telemetryIntervalMs: 50 } });
    const t = decodeTelemetry((await nextFrame(FrameType.Telemetry)).payload);
    expect(t.ok && t.value.battery).toBe(80);
  });

  it('executes a repeated frame (same seq and CRC) once and answers it with the same ACK', async () => {
    const bytes = frameOf(7, { kind: 'goTo', taskId: 11, target: { x: 3, y: 0, heading: 0 }, maxSpeed: null });
    port.write(bytes);
    const first = await nextFrame(FrameType.Ack, (f) => f.seq === 7);
    port.write(bytes);
    const second = await nextFrame(FrameType.Ack, (f) => f.seq === 7);
    expect(second.payload).toEqual(first.payload);
    expect(sim.executed().filter((c) => c.command?.kind === 'goTo')).toHaveLength(1);
    expect(sim.stats.duplicates).toBe(1);
    // Same seq, different command: not a duplicate.
    expect(await command(7, { kind: 'stop' })).toEqual({ status: 'ok', previousTask: { id: 11, state: 'cancelled' } });
  });

  it('NAKs a frame with a bad CRC and never executes it', async () => {
    const bad = frameOf(3, { kind: 'goTo', taskId: 5, target: { x: 1, y: 1, heading: 0 }, maxSpeed: null });
    bad[9]! ^= 0x10;
    const nak = nextFrame(FrameType.Nak);
    port.write(bad);
    const n = await nak;
    expect(n.seq).toBe(3);
    expect(decodeNak(n.payload)).toEqual({ ok: true, value: 'crc' });
    await sleep(100);
    expect(sim.received).toHaveLength(0);
    expect(sim.snapshot().task.id).toBe(0);
  });

  it('finds a command behind garbage and a cut frame', async () => {
    const cut = frameOf(9, { kind: 'headPanTilt', pan: 10, tilt: 0 }).subarray(0, 7);
    port.write(Buffer.concat([Buffer.from('00aa55ff13aa', 'hex'), cut, frameOf(10, { kind: 'headPanTilt', pan: 20, tilt: 5 })]));
    await nextFrame(FrameType.Ack, (f) => f.seq === 10);
    expect(sim.executed().map((c) => c.command)).toEqual([{ kind: 'headPanTilt', pan: 20, tilt: 5 }]);
    expect(sim.stats.discardedBytes).toBeGreaterThan(0);
  });

  it('answers unknown commands and bad payloads with a refusal, executing nothing', async () => {
    const unknown = nextFrame(FrameType.Ack, (f) => f.seq === 1);
    port.write(encodeFrame({ seq: 1, type: 0x3c, payload: Buffer.alloc(0) }));
    expect(decodeAck((await unknown).payload)).toMatchObject({ value: { status: 'unknown-command' } });
    const bad = nextFrame(FrameType.Ack, (f) => f.seq === 2);
    port.write(encodeFrame({ seq: 2, type: FrameType.HeadPanTilt, payload: Buffer.from('7fff0000', 'hex') }));
    expect(decodeAck((await bad).payload)).toMatchObject({ value: { status: 'bad-payload' } });
    expect(sim.executed()).toHaveLength(0);
  });

  it('refuses motion while the e-stop is pressed or latched, and resets only once released', async () => {
    sim.faults.estop(true);
    const goTo: RobotCommand = { kind: 'goTo', taskId: 2, target: { x: 2, y: 0, heading: 0 }, maxSpeed: null };
    expect((await command(1, goTo)).status).toBe('e-stop');
    expect((await command(2, { kind: 'gesture', gesture: 'wave', direction: 0 })).status).toBe('e-stop');
    expect((await command(3, { kind: 'resetEstop' })).status).toBe('e-stop-pressed');
    sim.faults.estop(false);
    expect((await command(4, goTo)).status).toBe('e-stop');
    expect((await command(5, { kind: 'resetEstop' })).status).toBe('ok');
    expect((await command(6, goTo)).status).toBe('ok');
  });

  it('answers DRY_RUN with the status a command would get, without running it', async () => {
    const velocity: RobotCommand = { kind: 'velocity', taskId: 4, linear: 0.5, angular: 0, durationMs: 500 };
    expect((await command(1, { kind: 'dryRun', command: velocity })).status).toBe('ok');
    sim.faults.bumper(true);
    expect((await command(2, { kind: 'dryRun', command: velocity })).status).toBe('bumper');
    expect(sim.executed()).toHaveLength(0);
    expect(sim.odometer()).toBe(0);
  });

  it('stops a move when the kiosk falls silent (host timeout)', async () => {
    await command(1, { kind: 'velocity', taskId: 8, linear: 0.2, angular: 0, durationMs: 5_000 });
    await until(() => sim.snapshot().linearSpeed > 0, 'moving');
    // Nothing more is written: after fastSimulator.hostTimeoutMs the base gives up on the kiosk.
    await until(() => sim.snapshot().task.state === 'cancelled', 'host-timeout stop');
    expect(sim.snapshot().linearSpeed).toBe(0);
    expect(sim.stats.hostLinkLosses).toBe(1);
  });
});
