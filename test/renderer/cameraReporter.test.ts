import { describe, expect, it } from 'vitest';
import type { CameraInput, KioskInput } from '../../app/api/kioskApi.js';
import { createCameraReporter } from '../../app/renderer/cameraReporter.js';
import type { ConnectionState } from '../../app/renderer/kioskClient.js';

/** A client whose connection the test opens and closes. */
function createClient(initial: ConnectionState) {
  let state = initial;
  const sent: KioskInput[] = [];
  const listeners = new Set<(state: ConnectionState) => void>();
  return {
    sent,
    send(input: KioskInput) {
      if (state !== 'open') return false;
      sent.push(input);
      return true;
    },
    onConnectionChange(listener: (state: ConnectionState) => void) {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },
    set(next: ConnectionState) {
      state = next;
      for (const listener of listeners) listener(next);
    },
  };
}

const lost: CameraInput = { type: 'camera.lost', reason: 'no-camera' };
const restored: CameraInput = { type: 'camera.restored' };

describe('createCameraReporter', () => {
  it('sends a change at once when connected', () => {
    const client = createClient('open');
    const report = createCameraReporter(client);
    report(lost);
    report(restored);
    expect(client.sent).toEqual([lost, restored]);
  });

  it('sends a loss that happened before the connection opened when it opens', () => {
    const client = createClient('connecting');
    const report = createCameraReporter(client);
    report(lost);
    expect(client.sent).toEqual([]);
    client.set('open');
    expect(client.sent).toEqual([lost]);
  });

  it('says a lost camera again after a reconnect (the core may have restarted), but not a delivered restore', () => {
    const client = createClient('open');
    const report = createCameraReporter(client);
    report(lost);
    client.set('closed');
    client.set('open');
    expect(client.sent).toEqual([lost, lost]);
    report(restored);
    client.set('closed');
    client.set('open');
    expect(client.sent).toEqual([lost, lost, restored]);
  });

  it('sends a restore that could not be delivered when the connection is back', () => {
    const client = createClient('open');
    const report = createCameraReporter(client);
    report(lost);
    client.set('closed');
    report(restored);
    client.set('open');
    expect(client.sent).toEqual([lost, restored]);
  });

  it('sends nothing on connect when the camera never failed', () => {
    const client = createClient('connecting');
    createCameraReporter(client);
    client.set('open');
    expect(client.sent).toEqual([]);
  });
});
