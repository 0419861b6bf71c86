import type { DeviceStates } from './sessionContext.js';
import type { SessionEvent } from './sessionEvents.js';

/** What the session knows of its devices after a device event (other events change nothing). */
export function deviceStatesAfter(devices: DeviceStates, event: SessionEvent): DeviceStates {
  const patch = patchFor(event);
  return patch ? { ...devices, ...patch } : devices;
}

function patchFor(event: SessionEvent): Partial<DeviceStates> | null {
  switch (event.type) {
    case 'microphone.ready':
      return { hearing: 'on' };
    case 'microphone.fault':
      return { hearing: event.reason };
    case 'speaker.fault':
    case 'speaker.ready':
      return { speaker: event.type === 'speaker.fault' ? 'fault' : 'ok' };
    case 'robot.estop':
      return { estop: event.pressed };
    case 'robot.linkLost':
    case 'robot.linkRestored':
      return { robotLink: event.type === 'robot.linkLost' ? 'lost' : 'ok' };
    case 'robot.batteryLow':
    case 'robot.batteryOk':
      return { batteryLow: event.type === 'robot.batteryLow' };
    case 'camera.lost':
    case 'camera.restored':
      return { camera: event.type === 'camera.lost' ? 'lost' : 'ok' };
    default:
      return null;
  }
}
