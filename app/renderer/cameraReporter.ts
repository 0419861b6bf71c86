import type { CameraInput } from '../api/kioskApi.js';
import type { KioskClient } from './kioskClient.js';

/**
 * Tells the core about the camera (camera.lost / camera.restored) and makes sure it hears: a change that could
 * not be sent (the WebSocket was down, e.g. the camera failed before the page connected) is sent when the
 * connection opens, and a lost camera is said again on every reconnect, since a restarted core assumes one works.
 */
export function createCameraReporter(client: Pick<KioskClient, 'send' | 'onConnectionChange'>): (input: CameraInput) => void {
  let latest: CameraInput | null = null;
  let delivered = false;
  client.onConnectionChange((state) => {
    if (state !== 'open' || !latest) return;
    if (!delivered || latest.type === 'camera.lost') delivered = client.send(latest);
  });
  return (input) => {
    latest = input;
    delivered = client.send(input);
  };
}
