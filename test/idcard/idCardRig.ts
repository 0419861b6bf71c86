// A real ID-card reader client and the simulated SAM on the two ends of a socat pty pair, with test-speed settings.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPtyPair, type PtyPair } from '../../app/core/devices/index.js';
import {
  createIdCardReader,
  startIdCardReaderSimulator,
  type IdCardEvent,
  type IdCardReader,
  type IdCardReaderOptions,
  type IdCardReaderSimulator,
  type IdCardReaderSimulatorOptions,
} from '../../idcard/index.js';
import { TEST_DEADLINE_MS } from '../testDeadline.js';

// Polling is fast so tests are short; answer deadlines stay generous (a busy machine delays answers without a test
// calling it a fault). Tests about timeouts shorten commandTimeoutMs themselves.
export const fastReader: Partial<IdCardReaderOptions> = {
  pollMs: 40,
  commandTimeoutMs: 2_000,
  readTimeoutMs: 5_000,
  retryDelayMs: 20,
  reconnectMs: 100,
};

export const fastSimulator: Partial<IdCardReaderSimulatorOptions> = { reopenMs: 50 };

export interface IdCardRig {
  readonly pair: PtyPair;
  sim: IdCardReaderSimulator;
  reader: IdCardReader;
  /** Every event the reader emitted, in order. */
  events: IdCardEvent[];
  /** Resolves with the first event (from now on) that matches; rejects after timeoutMs. */
  waitFor<T extends IdCardEvent['type']>(type: T, match?: (e: Extract<IdCardEvent, { type: T }>) => boolean, timeoutMs?: number): Promise<Extract<IdCardEvent, { type: T }>>;
  /** Pull the cable: socat exits, both pty ends vanish. */
  unplug(): Promise<void>;
  /** Plug it back: the same paths come back. */
  replug(): Promise<void>;
  /** A new simulated module on the device end (after the old one was stopped). */
  restartSimulator(options?: Partial<IdCardReaderSimulatorOptions>): Promise<IdCardReaderSimulator>;
  close(): Promise<void>;
}

export async function startIdCardRig(options: { sim?: Partial<IdCardReaderSimulatorOptions>; reader?: Partial<IdCardReaderOptions>; waitReady?: boolean } = {}): Promise<IdCardRig> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'idcard-rig-'));
  const name = 'idcard';
  let pair = await openPtyPair({ dir, name });
  let sim = await startIdCardReaderSimulator({ ...fastSimulator, ...options.sim, path: pair.devicePath });
  const reader = createIdCardReader({ ...fastReader, ...options.reader, path: pair.kioskPath });
  const events: IdCardEvent[] = [];
  reader.subscribe((e) => events.push(e));
  const rig: IdCardRig = {
    get pair() {
      return pair;
    },
    get sim() {
      return sim;
    },
    reader,
    events,
    waitFor(type, match = () => true, timeoutMs = TEST_DEADLINE_MS) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          unsubscribe();
          reject(new Error(`no ${type} event within ${timeoutMs} ms`));
        }, timeoutMs);
        const unsubscribe = reader.subscribe((e) => {
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
    async restartSimulator(simOptions = {}) {
      sim = await startIdCardReaderSimulator({ ...fastSimulator, ...options.sim, ...simOptions, path: pair.devicePath });
      return sim;
    },
    async close() {
      await reader.close();
      await sim.stop();
      await pair.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if ((options.waitReady ?? true) && !(await reader.waitUntilReady(TEST_DEADLINE_MS))) {
    await rig.close();
    throw new Error('the reader did not become ready against the simulator');
  }
  return rig;
}
