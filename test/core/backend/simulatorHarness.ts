/** Starts a real simulator on loopback and real clients for it, sharing one fixed clock. */
import { createBackendClient, createBackendSimulator, type BackendClient, type BackendClientOptions, type BackendSimulator, type BackendSimulatorOptions } from '../../../app/core/backend/index.js';
import { sharedDataDir } from '../../sharedData.js';
import { TEST_DEADLINE_MS } from '../../testDeadline.js';

export const KIOSK_ID = 'kiosk-qd-sn-01';
export const SECRET = 'test-secret-0123456789abcdef';
/** 2025-03-14 10:00 China time: the seed day and "now" of every harness simulator. */
export const FIXED_NOW = Date.parse('2025-03-14T02:00:00Z');

export interface Harness {
  simulator: BackendSimulator;
  client(overrides?: Partial<BackendClientOptions>): BackendClient;
  close(): Promise<void>;
}

export async function startHarness(overrides: Partial<BackendSimulatorOptions> = {}): Promise<Harness> {
  // The shared folder the tests use (KIOSK_SHARED_DIR may move it), not the simulator's own default.
  const simulator = await createBackendSimulator({ secret: SECRET, kioskId: KIOSK_ID, now: () => FIXED_NOW, sharedDataDir, ...overrides });
  return {
    simulator,
    client: (clientOverrides = {}) =>
      createBackendClient({ baseUrl: simulator.url, kioskId: KIOSK_ID, secret: SECRET, timeoutMs: TEST_DEADLINE_MS, now: () => FIXED_NOW, ...clientOverrides }),
    close: () => simulator.close(),
  };
}

/** Runs `action` and returns what it rejected with; fails the test if it resolved. */
export async function rejectionOf(action: Promise<unknown>): Promise<unknown> {
  try {
    await action;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
