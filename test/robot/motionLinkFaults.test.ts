// A bad cable: corrupted, cut and lost frames, garbage, a silent base. The real client against the simulator.
import { afterEach, describe, expect, it } from 'vitest';
import { FrameType, type RobotTelemetry } from '../../robot/index.js';
import { TEST_DEADLINE_MS, until } from '../testDeadline.js';
import { startRig, type Rig } from './robotRig.js';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const headCommands = (r: Rig) => r.sim.executed().filter((c) => c.command?.kind === 'headPanTilt');

describe('link faults', () => {
  it('corrupted command frames are retransmitted, executed once and never accepted corrupted', async () => {
    rig = await startRig();
    rig.sim.faults.corruptFrames('fromHost', { count: 2, type: FrameType.GoTo });
    const target = { x: 1.234, y: -0.567, heading: 45 };
    expect(await rig.client.goTo(target, { timeoutMs: TEST_DEADLINE_MS })).toMatchObject({ outcome: 'arrived', delivered: true });
    expect(rig.client.stats().retransmissions).toBeGreaterThanOrEqual(2);
    expect(rig.sim.stats.crcErrors + rig.sim.stats.headerErrors).toBeGreaterThanOrEqual(2);
    const goTos = rig.sim.received.filter((c) => c.command?.kind === 'goTo');
    expect(goTos).toHaveLength(1);
    expect(goTos[0]!.command).toMatchObject({ kind: 'goTo', target });
  });

  it('a lost ACK makes the client retransmit; the base re-ACKs and executes the command once', async () => {
    rig = await startRig({ sim: { maxLinearSpeed: 0.5 } });
    rig.sim.faults.dropBytes('toHost', { count: 1, type: FrameType.Ack, bytes: 'frame' });
    const result = await rig.client.goTo({ x: 1, y: 0.4, heading: 0 }, { timeoutMs: TEST_DEADLINE_MS });
    expect(result).toMatchObject({ outcome: 'arrived', delivered: true });
    expect(rig.sim.stats.duplicates).toBeGreaterThanOrEqual(1);
    expect(rig.sim.executed().filter((c) => c.command?.kind === 'goTo')).toHaveLength(1);
    expect(rig.client.stats().retransmissions).toBeGreaterThanOrEqual(1);
  });

  it('cut frames in both directions: commands still go through, each once', async () => {
    rig = await startRig();
    rig.sim.faults.dropBytes('fromHost', { count: 2, type: FrameType.HeadPanTilt, bytes: 3 });
    rig.sim.faults.dropBytes('toHost', { count: 5, type: FrameType.Telemetry, bytes: 4 });
    for (const pan of [10, 20, 30]) expect(await rig.client.headPanTilt({ pan, tilt: 0 })).toMatchObject({ outcome: 'accepted' });
    expect(headCommands(rig).map((c) => c.command)).toEqual([10, 20, 30].map((pan) => ({ kind: 'headPanTilt', pan, tilt: 0 })));
    await until(() => rig!.client.stats().crcErrors + rig!.client.stats().headerErrors >= 5, 'cut telemetry rejected');
    expect(rig.client.connectionState).toBe('connected');
  });

  it('corrupted telemetry is rejected, never turned into a wrong reading', async () => {
    rig = await startRig();
    const seen: RobotTelemetry[] = [];
    rig.client.subscribe((e) => e.type === 'robot.telemetry' && seen.push(e.telemetry));
    rig.sim.faults.corruptFrames('toHost', { count: 30, type: FrameType.Telemetry });
    await until(() => rig!.client.stats().crcErrors + rig!.client.stats().headerErrors >= 30, '30 rejected frames');
    await until(() => seen.length >= 10, 'telemetry after the corruption');
    // The base stands still at its start pose with 80 %: any accepted bit flip would show here.
    for (const t of seen) expect(t).toMatchObject({ battery: 80, pose: { x: 0.6, y: 0, heading: 0 }, estopPressed: false, bumper: false, motorFault: false, task: { id: 0 } });
  });

  it('random noise on both sides: every command arrives exactly once, in order', async () => {
    rig = await startRig({ client: { maxRetries: 8 }, sim: { seed: 7 } });
    rig.sim.faults.noise('fromHost', { corruptProbability: 0.003, dropProbability: 0.002 });
    rig.sim.faults.noise('toHost', { corruptProbability: 0.003, dropProbability: 0.002 });
    const pans = Array.from({ length: 40 }, (_, i) => i - 20);
    for (const pan of pans) expect(await rig.client.headPanTilt({ pan, tilt: 0 })).toMatchObject({ outcome: 'accepted', delivered: true });
    rig.sim.faults.clearLine();
    expect(headCommands(rig).map((c) => (c.command as { pan: number }).pan)).toEqual(pans);
    const stats = rig.client.stats();
    expect(stats.retransmissions).toBeGreaterThan(0);
    expect(stats.crcErrors + stats.headerErrors + rig.sim.stats.crcErrors + rig.sim.stats.headerErrors).toBeGreaterThan(0);
    expect(rig.client.connectionState).toBe('connected');
  });

  it('garbage between frames and in bursts is skipped', async () => {
    rig = await startRig();
    rig.sim.faults.garbageBetweenFrames(0.5, 24);
    rig.sim.faults.garbage(600);
    for (let i = 0; i < 20; i++) expect(await rig.client.gesture(i % 2 ? 'nod' : 'wave')).toMatchObject({ outcome: 'accepted' });
    expect(await rig.client.velocity({ linear: 0.2, angular: 10, durationMs: 200 })).toMatchObject({ outcome: 'completed' });
    expect(rig.client.stats().discardedBytes).toBeGreaterThan(600);
    expect(rig.client.stats().disconnects).toBe(0);
    expect(rig.sim.executed().filter((c) => c.command?.kind === 'gesture')).toHaveLength(20);
  });

  // How soon the loss is noticed is measured in bench/robotLink.bench.ts (silenceDetectMs).
  it('a silent base is declared disconnected (heartbeat lost) and reconnected when it speaks again', async () => {
    rig = await startRig({ sim: { maxLinearSpeed: 0.3 } });
    const move = rig.client.goTo({ x: 6, y: 0, heading: 0 });
    await rig.waitFor('robot.progress');
    rig.sim.faults.silence(true);
    const lost = await rig.waitFor('robot.connection', (e) => e.state === 'disconnected');
    expect(lost).toEqual({ type: 'robot.connection', state: 'disconnected', reason: 'heartbeat-lost' });
    expect(await move).toMatchObject({ outcome: 'disconnected', delivered: true });
    expect(await rig.client.headPanTilt({ pan: 5, tilt: 0 })).toEqual({ outcome: 'disconnected', delivered: false });

    rig.sim.faults.silence(false);
    await rig.waitFor('robot.connection', (e) => e.state === 'connected');
    // The base stopped by itself (host timeout / new session) and the goTo was not sent again.
    await until(() => rig!.client.telemetry?.linearSpeed === 0, 'base standing still');
    expect(rig.sim.received.filter((c) => c.command?.kind === 'goTo')).toHaveLength(1);
    expect(rig.sim.received.filter((c) => c.command?.kind === 'headPanTilt')).toHaveLength(0);
    expect(await rig.client.goTo({ x: 1, y: 0, heading: 0 }, { timeoutMs: TEST_DEADLINE_MS })).toMatchObject({ outcome: 'arrived' });
  });
});
