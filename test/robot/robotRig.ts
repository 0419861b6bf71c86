// A real motion client and the simulator on the two ends of a socat pty pair, with test-speed settings.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPtyPair, type PtyPair } from '../../app/core/devices/index.js';
import { createMotionClient, startMotionSimulator, type MotionClient, type MotionClientOptions, type MotionSimulator, type MotionSimulatorOptions, type RobotEvent } from '../../robot/index.js';

export const fastSimulator: Partial<MotionSimulatorOptions> = {
  maxLinearSpeed: 2,
  maxAngularSpeed: 240,
  obstacleGiveUpMs: 300,
  telemetryIntervalMs: 50,
  heartbeatMs: 100,
  hostTimeoutMs: 800,
  reopenMs: 50,
};

export const fastClient: Partial<MotionClientOptions> = {
  ackTimeoutMs: 80,
  maxRetries: 3,
  heartbeatMs: 100,
  linkTimeoutMs: 600,
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
    waitFor(type, match = () => true, timeoutMs = 3_000) {
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
  if (!(await client.waitForConnection(5_000))) {
    await rig.close();
    throw new Error('the client did not connect to the simulator');
  }
  return rig;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls until the condition holds; rejects after timeoutMs. */
export async function until(condition: () => boolean, timeoutMs = 3_000, what = 'condition'): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}
