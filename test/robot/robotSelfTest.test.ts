import { afterEach, describe, expect, it } from 'vitest';
import { checkPowerAndSafety, checkShortMotion, runRobotSelfTests, type SelfTestResult } from '../../robot/index.js';
import { TEST_DEADLINE_MS, until } from '../testDeadline.js';
import { startRig, type Rig } from './robotRig.js';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const chinese = /[\u4e00-\u9fff]/;

function expectDisplayable(results: SelfTestResult[]) {
  for (const r of results) {
    expect(r.title).toMatch(chinese);
    if (r.status !== 'pass') expect(r.remedy, r.id).toMatch(chinese);
  }
}

describe('robot self-tests (diagnostics mode)', () => {
  it('all pass on a healthy base, with measurements', async () => {
    rig = await startRig();
    const results = await runRobotSelfTests(rig.client, { connectTimeoutMs: TEST_DEADLINE_MS });
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['robot.link', 'pass'],
      ['robot.heartbeat', 'pass'],
      ['robot.commandEcho', 'pass'],
      ['robot.power', 'pass'],
      ['robot.motion', 'pass'],
    ]);
    expectDisplayable(results);
    const [link, heartbeat, echo, power, motion] = results;
    expect(link!.measurements).toMatchObject({ firmware: 'qd-base-sim 1.0.0', protocolVersion: 1 });
    expect(heartbeat!.measurements).toMatchObject({ probes: 5, answered: 5 });
    expect(echo!.measurements).toMatchObject({ goTo: 'ack', velocity: 'ack', stop: 'ack', headPanTilt: 'ack', gesture: 'ack', dock: 'ack', resetEstop: 'ack' });
    expect(power!.measurements).toMatchObject({ batteryPercent: 80, estopPressed: 'no' });
    expect(motion!.measurements.movedM).toBeGreaterThan(0.005);
    // The echo check never moved anything: only the short motion did (one velocity move, then STOP).
    expect(rig.sim.executed().map((c) => c.command?.kind)).toEqual(['hello', 'velocity', 'stop']);
  });

  it('fail with a Chinese remedy when the cable is pulled', async () => {
    rig = await startRig();
    const lost = rig.waitFor('robot.connection', (e) => e.state === 'disconnected');
    await rig.unplug();
    await lost;
    const results = await runRobotSelfTests(rig.client, { connectTimeoutMs: 300 });
    expect(results.every((r) => r.status === 'fail')).toBe(true);
    expectDisplayable(results);
    expect(results[0]).toMatchObject({ id: 'robot.link', status: 'fail' });
    expect(results[0]!.remedy).toContain('请检查底盘串口线是否插好');
  });

  it('report a pressed e-stop, a low battery and a docked robot with what to do', async () => {
    rig = await startRig({ sim: { initialBattery: 15 } });
    expect(await checkPowerAndSafety(rig.client)).toMatchObject({ status: 'warn', remedy: expect.stringContaining('充电') });
    rig.sim.faults.estop(true);
    await until(() => rig!.client.telemetry!.estopPressed, 'e-stop in telemetry');
    const power = await checkPowerAndSafety(rig.client);
    expect(power).toMatchObject({ status: 'fail', measurements: { estopPressed: 'yes' } });
    expect(power.remedy).toContain('急停');
    const all = await runRobotSelfTests(rig.client);
    expect(all.find((r) => r.id === 'robot.commandEcho')).toMatchObject({ status: 'warn', measurements: { goTo: 'refused:e-stop' } });
    expect(all.find((r) => r.id === 'robot.motion')).toMatchObject({ status: 'fail' });
    expectDisplayable(all);

    rig.sim.faults.estop(false);
    await rig.client.resetEstop();
    expect(await rig.client.dock({ timeoutMs: TEST_DEADLINE_MS })).toMatchObject({ outcome: 'arrived' });
    expect(await checkShortMotion(rig.client)).toMatchObject({ status: 'warn', remedy: expect.stringContaining('充电桩') });
  });
});
