// Cable pull and replug: the pty pair vanishes (socat exits) and comes back on the same paths.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPtyPair } from '../../app/core/devices/index.js';
import { createMotionClient, FrameType, startMotionSimulator, type MotionClient, type MotionSimulator } from '../../robot/index.js';
import { TEST_DEADLINE_MS, until } from '../testDeadline.js';
import { fastClient, fastSimulator, sleep, startRig, type Rig } from './robotRig.js';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const goTos = (r: Rig) => r.sim.received.filter((c) => c.command?.kind === 'goTo');
const sessions = (r: Rig) => r.sim.received.filter((c) => c.command?.kind === 'hello').length;

describe('cable pull', () => {
  // How soon a pull is noticed and a replug reconnects is measured in bench/robotLink.bench.ts.
  it('is noticed; an ACKed move settles disconnected with delivered: true; replug reconnects', async () => {
    rig = await startRig({ sim: { maxLinearSpeed: 0.3 } });
    const move = rig.client.goTo({ x: 6, y: 0, heading: 0 });
    await rig.waitFor('robot.progress');

    const lost = rig.waitFor('robot.connection', (e) => e.state === 'disconnected');
    await rig.unplug();
    const event = await lost;
    expect(event).toMatchObject({ state: 'disconnected' });
    expect(['port-closed', 'port-error', 'heartbeat-lost']).toContain((event as { reason: string }).reason);
    expect(await move).toMatchObject({ outcome: 'disconnected', delivered: true });
    // While unplugged, commands settle at once, undelivered.
    expect(await rig.client.goTo({ x: 1, y: 1, heading: 0 })).toMatchObject({ outcome: 'disconnected', delivered: false });

    await sleep(300);
    const back = rig.waitFor('robot.connection', (e) => e.state === 'connected');
    await rig.replug();
    await back;
    expect(sessions(rig)).toBe(2);
    // Never repeated after reconnect, and the base is not driving for a forgotten session.
    await sleep(200);
    expect(goTos(rig)).toHaveLength(1);
    expect(rig.client.telemetry!.task.state).not.toBe('active');
    expect(await rig.client.goTo({ x: 1, y: 0, heading: 0 }, { timeoutMs: TEST_DEADLINE_MS })).toMatchObject({ outcome: 'arrived' });
  });

  it('a command in flight without an ACK settles delivered: false and is never sent again', async () => {
    rig = await startRig();
    rig.sim.faults.silence(true); // the base hears nothing from here on
    const move = rig.client.goTo({ x: 3, y: 0, heading: 0 });
    await until(() => rig!.client.stats().retransmissions >= 1, 'a retransmission'); // transmitted and retransmitted, not answered
    await rig.unplug();
    expect(await move).toMatchObject({ outcome: 'disconnected', delivered: false });
    rig.sim.faults.silence(false);
    await rig.replug();
    expect(await rig.client.waitForConnection(TEST_DEADLINE_MS)).toBe(true);
    await sleep(300);
    expect(goTos(rig)).toHaveLength(0);
  });

  it('delivered: false can mean "sent, ACK lost": the base ran it once, the new session stopped it, nothing is resent', async () => {
    rig = await startRig({ sim: { maxLinearSpeed: 0.3 } });
    rig.sim.faults.dropBytes('toHost', { count: 20, type: FrameType.Ack, bytes: 'frame' });
    const move = rig.client.goTo({ x: 5, y: 0, heading: 0 });
    await until(() => rig!.sim.snapshot().task.state === 'active', 'base moving');
    await rig.unplug();
    expect(await move).toMatchObject({ outcome: 'disconnected', delivered: false });
    rig.sim.faults.clearLine();
    await rig.replug();
    expect(await rig.client.waitForConnection(TEST_DEADLINE_MS)).toBe(true);
    await until(() => rig!.client.telemetry?.linearSpeed === 0, 'base stopped');
    expect(rig.sim.executed().filter((c) => c.command?.kind === 'goTo')).toHaveLength(1);
    expect(rig.sim.snapshot().task.state).toBe('cancelled');
  });

  it('keeps trying a missing port path and connects when the cable is plugged in', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'robot-late-'));
    const client: MotionClient = createMotionClient({ ...fastClient, path: path.join(dir, 'base-kiosk') });
    let sim: MotionSimulator | undefined;
    try {
      await sleep(350);
      expect(client.connectionState).toBe('connecting');
      const pair = await openPtyPair({ dir, name: 'base' });
      sim = await startMotionSimulator({ ...fastSimulator, path: pair.devicePath });
      expect(await client.waitForConnection(TEST_DEADLINE_MS)).toBe(true);
      await client.close();
      await sim.stop();
      await pair.close();
    } finally {
      await client.close();
      await sim?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
