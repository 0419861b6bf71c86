import { openPtyPair, socatAvailable, type PtyPair } from '../devices/socatPtyPair.js';
import { diagnosticResult, type DiagnosticDevice, type DiagnosticResult } from './diagnosticResult.js';

/**
 * Where a device check talks to its device: the real port named in the configuration, or (for `simulator`) the
 * kiosk's end of a fresh socat pty pair whose far end the check gives to the built-in simulator — as
 * app/core/devices/kioskDevices.ts opens them.
 */
export type DeviceEndpoint =
  | { kind: 'port'; path: string; close(): Promise<void> }
  | { kind: 'simulator'; path: string; devicePath: string; close(): Promise<void> }
  | { kind: 'unavailable'; reason: string };

export async function openDeviceEndpoint(port: string, name: string): Promise<DeviceEndpoint> {
  if (port === 'off') return { kind: 'unavailable', reason: '配置中未启用该设备（port: off）' };
  if (port !== 'simulator') return { kind: 'port', path: port, close: async () => {} };
  if (!socatAvailable()) return { kind: 'unavailable', reason: '配置为内置模拟器，但本机未安装 socat，模拟器无法启动（apt-get install socat）' };
  const pair: PtyPair = await openPtyPair({ name });
  return { kind: 'simulator', path: pair.kioskPath, devicePath: pair.devicePath, close: () => pair.close() };
}

/** The one result of a device that could not be reached here at all (not configured, no socat). */
export function skippedDevice(device: DiagnosticDevice, id: string, title: string, reason: string, at: Date): DiagnosticResult {
  return diagnosticResult({ id, device, title, status: 'skipped', measurements: { reason }, remedy: `未检查：${reason}。` }, at);
}

/** Runs `task` and says how long it took in ms (one decimal). */
export async function timed<T>(task: () => Promise<T>): Promise<{ value?: T; error?: unknown; ms: number }> {
  const started = performance.now();
  try {
    return { value: await task(), ms: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    return { error, ms: Math.round((performance.now() - started) * 10) / 10 };
  }
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return (error as Error & { kind?: string }).kind ?? error.message;
  return String(error);
}
