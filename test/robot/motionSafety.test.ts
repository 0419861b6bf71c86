// E-stop, bumper, motor fault and obstacles: the real client against the simulator over a pty pair.
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_DEADLINE_MS, until } from '../testDeadline.js';
import { startRig, type Rig } from './robotRig.js';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const far = { x: 8, y: 0, heading: 0 };
const goToCount = (r: Rig) => r.sim.received.filter((c) => c.command?.kind === 'goTo').length;

describe('safety always wins', () => {
  it('an obstacle that stays blocks the goTo', async () => {
    rig = await startRig();
    rig.sim.faults.obstacle(true);
    const obstacle = rig.waitFor('robot.obstacle', (e) => e.present);
    const result = await rig.client.goTo(far, { timeoutMs: TEST_DEADLINE_MS });
    await obstacle;
    expect(result).toMatchObject({ outcome: 'blocked', delivered: true });
    // obstacleGiveUpMs = 300 in the rig.
    expect(result.elapsedMs).toBeGreaterThan(250);
    rig.sim.faults.obstacle(false);
    expect(await rig.client.goTo({ x: 1.2, y: 0, heading: 0 }, { timeoutMs: TEST_DEADLINE_MS })).toMatchObject({ outcome: 'arrived' });
  });

  // How quickly a move settles after the e-stop or the bumper is measured in bench/robotLink.bench.ts.
  it('e-stop during a move fails it at once; moves are refused until released and reset', async () => {
    rig = await startRig({ sim: { maxLinearSpeed: 0.5 } });
    const move = rig.client.goTo(far);
    await rig.waitFor('robot.progress');
    rig.sim.faults.estop(true);
    const result = await move;
    expect(result).toMatchObject({ outcome: 'e-stop', delivered: true });
    expect(result.pose!.x).toBeLessThan(far.x / 2); // settled where it stopped, not by driving on
    expect(rig.events.some((e) => e.type === 'robot.estop' && e.pressed && e.latched)).toBe(true);
    expect(rig.sim.snapshot().linearSpeed).toBe(0);

    // Pressed: refused by the client, nothing goes on the wire.
    const before = goToCount(rig);
    expect(await rig.client.goTo(far)).toMatchObject({ outcome: 'e-stop', delivered: false, refusedBy: 'client' });
    expect(await rig.client.velocity({ linear: 0.1, angular: 0, durationMs: 200 })).toMatchObject({ outcome: 'e-stop', refusedBy: 'client' });
    expect(await rig.client.gesture('wave')).toMatchObject({ outcome: 'refused', refusedBy: 'client', status: 'e-stop' });
    expect(await rig.client.resetEstop()).toMatchObject({ outcome: 'refused', refusedBy: 'device', status: 'e-stop-pressed' });

    // Released but not reset: still refused.
    rig.sim.faults.estop(false);
    await rig.waitFor('robot.estop', (e) => !e.pressed && e.latched);
    expect(await rig.client.goTo(far)).toMatchObject({ outcome: 'e-stop', delivered: false, refusedBy: 'client' });
    expect(goToCount(rig)).toBe(before);

    // Reset: moves again, straight away.
    expect(await rig.client.resetEstop()).toEqual({ outcome: 'accepted', delivered: true });
    expect(await rig.client.goTo({ x: 1, y: 0.3, heading: 0 }, { timeoutMs: TEST_DEADLINE_MS })).toMatchObject({ outcome: 'arrived' });
  });

  it('the bumper fails a move at once and blocks motion while pressed, no reset needed', async () => {
    rig = await startRig({ sim: { maxLinearSpeed: 0.5 } });
    const move = rig.client.velocity({ linear: 0.3, angular: 0, durationMs: 3_000 });
    await rig.waitFor('robot.progress');
    rig.sim.faults.bumper(true);
    const result = await move;
    expect(result).toMatchObject({ outcome: 'bumper', delivered: true });
    expect(rig.sim.snapshot().linearSpeed).toBe(0);
    expect(await rig.client.goTo(far)).toMatchObject({ outcome: 'bumper', refusedBy: 'client' });
    // The head still works: only the e-stop stops it.
    expect(await rig.client.headPanTilt({ pan: 10, tilt: 0 })).toMatchObject({ outcome: 'accepted' });
    rig.sim.faults.bumper(false);
    await rig.waitFor('robot.bumper', (e) => !e.pressed);
    expect(await rig.client.velocity({ linear: 0.2, angular: 0, durationMs: 100 })).toMatchObject({ outcome: 'completed' });
  });

  it('a motor fault fails the move with "fault" and blocks motion until it clears', async () => {
    rig = await startRig({ sim: { maxLinearSpeed: 0.5 } });
    const move = rig.client.goTo(far);
    await rig.waitFor('robot.progress');
    rig.sim.faults.motorFault(true);
    expect(await move).toMatchObject({ outcome: 'fault', delivered: true });
    await until(() => rig!.client.telemetry!.motorFault, 'fault in telemetry');
    expect(await rig.client.dock()).toMatchObject({ outcome: 'fault', refusedBy: 'client', delivered: false });
    rig.sim.faults.motorFault(false);
    await rig.waitFor('robot.motorFault', (e) => !e.active);
    expect(await rig.client.goTo({ x: 0.8, y: 0, heading: 0 }, { timeoutMs: TEST_DEADLINE_MS })).toMatchObject({ outcome: 'arrived' });
  });

  it('the base refuses a move the client let through before it heard of the e-stop', async () => {
    rig = await startRig();
    // Press on the base and send before its telemetry arrives: the base's own gate answers.
    rig.sim.faults.estop(true);
    const result = await rig.client.goTo(far);
    expect(result.outcome).toBe('e-stop');
    await until(() => rig!.sim.received.some((c) => c.command?.kind === 'goTo'), 'goTo on the base');
    expect(rig.sim.received.filter((c) => c.command?.kind === 'goTo').map((c) => c.status)).toEqual(['e-stop']);
    expect(rig.sim.executed().some((c) => c.command?.kind === 'goTo')).toBe(false);
  });
});
