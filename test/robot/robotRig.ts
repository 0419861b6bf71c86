// A real motion client and the simulator on the two ends of a socat pty pair, with test-speed settings.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPtyPair, type PtyPair } from '../../app/core/devices/index.js';
import { TEST_DEADLINE_MS } from '../testDeadline.js';
import { createMotionClient, startMotionSimulator, type MotionClient, type MotionClientOptions, type MotionSimulator, type MotionSimulatorOptions, type RobotEvent } from '../../robot/index.js';

// Motion is fast so tests are short; the link's deadlines are generous (ten or more heartbeats), so a machine busy
// with other work delays frames without the link being declared lost. How fast the link notices a real loss is
// measured in bench/robotLink.bench.ts with the product defaults.
export const fastSimulator: Partial<MotionSimulatorOptions> = {
  maxLinearSpeed: 2,
  maxAngularSpeed: 240,
  obstacleGiveUpMs: 300,
  telemetryIntervalMs: 50,
  heartbeatMs: 100,
  hostTimeoutMs: 3_000,
  reopenMs: 50,
};

export const fastClient: Partial<MotionClientOptions> = {
  ackTimeoutMs: 250,
  maxRetries: 3,
  heartbeatMs: 100,
  linkTimeoutMs: 2_000,
  reconnectMs: 100,
};

export interface Rig {
  pair: PtyPair;
  sim: MotionSimulator;
  client: MotionClient;
  /** Every event the client emitted, in order. */
  events: RobotEvent[];
  /** Resolves with the first event (from now on) that matches; rejects after timeoutMs. */
  waitFor<T extends RobotEvent['type']>(type: T, match?: (e: Extract<RobotEvent, { type: T }>) => boolean, timeoutMs?: number): Promise<Extract<RobotEvent, { type: T }>>;
  /** Pull the cable: socat exits, both pty ends vanish. */
  unplug(): Promise<void>;
  /** Plug it back: the same link paths come back. */
  replug(): Promise<void>;
  close(): Promise<void>;
}

export async function startRig(options: { sim?: Partial<MotionSimulatorOptions>; client?: Partial<MotionClientOptions> } = {}): Promise<Rig> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'robot-rig-'));
  const name = 'base';
  let pair = await openPtyPair({ dir, name });
  const sim = await startMotionSimulator({ ...fastSimulator, ...options.sim, path: pair.devicePath });
  const client = createMotionClient({ ...fastClient, ...options.client, path: pair.kioskPath });
  const events: RobotEvent[] = [];
  client.subscribe((e) => events.push(e));
  const rig: Rig = {
    get pair() {
      return pair;
    },
    sim,
    client,
    events,
    waitFor(type, match = () => true, timeoutMs = TEST_DEADLINE_MS) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          unsubscribe();
          reject(new Error(`no ${type} event within ${timeoutMs} ms`));
        }, timeoutMs);
        const unsubscribe = client.subscribe((e) => {
          if (e.type === type && match(e as never)) {
            clearTimeout(timer);
            unsubscribe();
            resolve(e as never);
          }
        });
      });
    },
    async unplug() {
      await pair.close();
    },
    async replug() {
      pair = await openPtyPair({ dir, name });
    },
    async close() {
      await client.close();
      await sim.stop();
      await pair.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (!(await client.waitForConnection(TEST_DEADLINE_MS))) {
    await rig.close();
    throw new Error('the client did not connect to the simulator');
  }
  return rig;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
