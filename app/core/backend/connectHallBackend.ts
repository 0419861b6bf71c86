import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BackendConfig } from '../config/kioskConfigSchema.js';
import { ConfigError } from '../config/loadConfig.js';
import { createBackendClient, type BackendClient } from './backendClient.js';
import { createBackendSimulator } from './simulator/createBackendSimulator.js';

export interface HallBackend {
  client: BackendClient;
  /** Set when the kiosk runs the built-in simulator: its loopback URL. */
  simulatorUrl: string | null;
  close(): Promise<void>;
}

/**
 * The hall business system as configured: the remote system (signing secret from the environment), or the
 * built-in simulator on loopback with its own SQLite file in the kiosk's data folder.
 */
export async function connectHallBackend(config: BackendConfig, dataDir: string): Promise<HallBackend> {
  if (config.mode === 'remote') {
    const secret = process.env[config.secretEnv];
    if (!secret) {
      throw new ConfigError(`配置项 backend.secretEnv: 环境变量 ${config.secretEnv} 没有设置 (the request-signing secret must be set in $${config.secretEnv})`, []);
    }
    const client = createBackendClient({ baseUrl: config.baseUrl, kioskId: config.kioskId, secret, timeoutMs: config.timeoutMs });
    return { client, simulatorUrl: null, close: async () => undefined };
  }
  // A fresh secret each start: only this process talks to its simulator.
  const secret = randomBytes(32).toString('hex');
  mkdirSync(dataDir, { recursive: true });
  const simulator = await createBackendSimulator({ secret, kioskId: config.kioskId, dbPath: path.join(dataDir, 'backend-simulator.sqlite') });
  const client = createBackendClient({ baseUrl: simulator.url, kioskId: config.kioskId, secret, timeoutMs: 5_000 });
  return { client, simulatorUrl: simulator.url, close: () => simulator.close() };
}
