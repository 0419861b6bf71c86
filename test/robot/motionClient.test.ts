// The real client against the simulator over a socat pty pair: motion commands and their outcomes.
import { afterEach, describe, expect, it } from 'vitest';
import { FrameType, type RobotEvent } from '../../robot/index.js';
import { TEST_DEADLINE_MS, until } from '../testDeadline.js';
import { fastSimulator, startRig, type Rig } from './robotRig.js';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('motion client with the simulator', () => {
  it('connects with a HELLO exchange and reports the device', async () => {
    rig = await startRig();
    expect(rig.client.connectionState).toBe('connected');
    expect(rig.client.device).toEqual({ protocolVersion: 1, telemetryIntervalMs: 50, hostTimeoutMs: fastSimulator.hostTimeoutMs, firmware: 'qd-base-sim 1.0.0' });
    expect(rig.events.find((e) => e.type === 'robot.connection')).toMatchObject({ state: 'connected' });
    expect(rig.sim.executed()[0]?.command?.kind).toBe('hello');
    expect(rig.client.telemetry?.battery).toBe(80);
  });

  it('goTo arrives at the target, reporting progress on the way', async () => {
    rig = await startRig({ sim: { drainPerMeter: 5 } });
    const progress: number[] = [];
    rig.client.subscribe((e) => e.type === 'robot.progress' && progress.push(e.distanceRemaining));
    const result = await rig.client.goTo({ x: 2.5, y: 1, heading: 90 }, { timeoutMs: TEST_DEADLINE_MS });
    expect(result).toMatchObject({ outcome: 'arrived', kind: 'goTo', delivered: true });
    expect(result.pose!.x).toBeCloseTo(2.5, 1);
    expect(result.pose!.y).toBeCloseTo(1, 1);
    expect(Math.abs(result.pose!.heading - 90)).toBeLessThan(1);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress[progress.length - 1]!).toBeLessThan(progress[0]!);
    // About 2.3 m at 5 %/m: the battery went down.
    expect(rig.client.telemetry!.battery).toBeLessThan(80);
    expect(rig.events.some((e) => e.type === 'robot.motion' && e.outcome === 'arrived' && e.taskId === result.taskId)).toBe(true);
  });

  it('velocity completes after its duration; dock reaches the charging pile and charges', async () => {
    rig = await startRig({ sim: { chargePerMinute: 600, initialBattery: 50 } });
    const before = rig.client.telemetry!.pose;
    const moved = await rig.client.velocity({ linear: 0.5, angular: 0, durationMs: 300 });
    expect(moved).toMatchObject({ outcome: 'completed', kind: 'velocity', delivered: true });
    await until(() => rig!.client.telemetry!.linearSpeed === 0, 'telemetry of the stopped base');
    expect(rig.client.telemetry!.pose.x - before.x).toBeGreaterThan(0.1);

    const docking = rig.waitFor('robot.dock', (e) => e.docked);
    expect(await rig.client.dock({ timeoutMs: TEST_DEADLINE_MS })).toMatchObject({ outcome: 'arrived', kind: 'dock' });
    expect(await docking).toEqual({ type: 'robot.dock', docked: true, charging: true });
    const charged = rig.client.telemetry!.battery;
    await until(() => rig!.client.telemetry!.battery > charged + 2, 'battery charging');
  });

  it('head, gestures, stop and e-stop reset are acknowledged', async () => {
    rig = await startRig();
    expect(await rig.client.headPanTilt({ pan: 30, tilt: -10 })).toEqual({ outcome: 'accepted', delivered: true });
    expect(await rig.client.gesture('point', { direction: -40 })).toEqual({ outcome: 'accepted', delivered: true });
    await until(() => rig!.client.telemetry?.gesture === 'point', 'gesture in telemetry');
    expect(await rig.client.gesture('wave')).toEqual({ outcome: 'accepted', delivered: true });
    expect(await rig.client.stop()).toEqual({ outcome: 'accepted', delivered: true });
    expect(await rig.client.resetEstop()).toEqual({ outcome: 'accepted', delivered: true });
    const kinds = rig.sim.executed().map((c) => c.command?.kind);
    expect(kinds).toEqual(['hello', 'headPanTilt', 'gesture', 'gesture', 'stop', 'resetEstop']);
    await until(() => rig!.sim.snapshot().head.pan === -40, 'head turned to point');
  });

  it('stop cancels a running goTo, and a new goTo replaces the previous one', async () => {
    rig = await startRig({ sim: { maxLinearSpeed: 0.3 } });
    const first = rig.client.goTo({ x: 5, y: 0, heading: 0 });
    await rig.waitFor('robot.progress');
    const second = rig.client.goTo({ x: 0, y: 3, heading: 0 });
    const firstResult = await first;
    expect(firstResult).toMatchObject({ outcome: 'cancelled', delivered: true });
    await rig.waitFor('robot.progress', (e) => e.taskId !== firstResult.taskId);
    expect(await rig.client.stop()).toMatchObject({ outcome: 'accepted' });
    expect(await second).toMatchObject({ outcome: 'cancelled', delivered: true });
    await until(() => rig!.client.telemetry!.linearSpeed === 0, 'standing still');
  });

  it('a goTo past its deadline settles timed-out and the client stops the base', async () => {
    rig = await startRig({ sim: { maxLinearSpeed: 0.2 } });
    const result = await rig.client.goTo({ x: 10, y: 0, heading: 0 }, { timeoutMs: 300 });
    expect(result).toMatchObject({ outcome: 'timed-out', delivered: true });
    expect(result.distanceRemaining).toBeGreaterThan(5);
    await until(() => rig!.sim.executed().some((c) => c.command?.kind === 'stop'), 'STOP sent');
    await until(() => rig!.sim.snapshot().task.state === 'cancelled', 'task cancelled on the base');
  });

  it('refuses to send a command when not connected, and rejects arguments the protocol cannot carry', async () => {
    rig = await startRig();
    await expect(rig.client.goTo({ x: Number.NaN, y: 0, heading: 0 })).rejects.toThrow(RangeError);
    await expect(rig.client.velocity({ linear: 3, angular: 0, durationMs: 100 })).rejects.toThrow(RangeError);
    const sent = rig.sim.stats.frames;
    await rig.client.close();
    expect(await rig.client.goTo({ x: 1, y: 0, heading: 0 })).toMatchObject({ outcome: 'disconnected', delivered: false });
    expect(await rig.client.stop()).toEqual({ outcome: 'disconnected', delivered: false });
    expect(rig.sim.received.some((c) => c.command?.kind === 'goTo')).toBe(false);
    expect(rig.sim.stats.frames).toBeLessThanOrEqual(sent + 2);
  });

  it('events are a typed union the kiosk can switch on', async () => {
    rig = await startRig();
    const seen = new Set<RobotEvent['type']>();
    rig.client.subscribe((e) => seen.add(e.type));
    await rig.client.goTo({ x: 1, y: 0.5, heading: 0 }, { timeoutMs: TEST_DEADLINE_MS });
    expect([...seen]).toEqual(expect.arrayContaining(['robot.telemetry', 'robot.progress', 'robot.motion']));
    expect(FrameType.Telemetry).toBe(0xa0);
  });
});
