import type { RobotEvent } from '../../../robot/index.js';
import type { RobotSessionEvent } from './deviceSessionEvents.js';

export interface RobotSessionAdapterOptions {
  /** Battery percentage below which staff should put the robot on its charger. */
  batteryLowPercent: number;
  send: (event: RobotSessionEvent) => void;
}

/** Percentage points above the low mark before the battery counts as charged again (no flapping at the mark). */
const BATTERY_HYSTERESIS = 5;

/**
 * Turns the motion client's events into session events: edges only (an e-stop is reported when it is pressed and
 * when it is reset, not with every telemetry frame), battery as crossings of the configured mark.
 */
export function createRobotSessionAdapter(options: RobotSessionAdapterOptions): (event: RobotEvent) => void {
  let estop = false;
  let bumper = false;
  let batteryLow = false;
  let linkLost = false;

  return (event) => {
    switch (event.type) {
      case 'robot.connection':
        if (event.state === 'disconnected' && event.reason !== 'client-closed' && !linkLost) {
          linkLost = true;
          options.send({ type: 'robot.linkLost', reason: event.reason });
        } else if (event.state === 'connected' && linkLost) {
          linkLost = false;
          options.send({ type: 'robot.linkRestored' });
        }
        return;
      case 'robot.estop': {
        const pressed = event.pressed || event.latched;
        if (pressed !== estop) options.send({ type: 'robot.estop', pressed: (estop = pressed) });
        return;
      }
      case 'robot.bumper':
        if (event.pressed !== bumper) options.send({ type: 'robot.bumper', pressed: (bumper = event.pressed) });
        return;
      case 'robot.telemetry': {
        const percent = Math.round(event.telemetry.battery);
        if (!batteryLow && percent < options.batteryLowPercent) {
          batteryLow = true;
          options.send({ type: 'robot.batteryLow', percent });
        } else if (batteryLow && percent >= options.batteryLowPercent + BATTERY_HYSTERESIS) {
          batteryLow = false;
          options.send({ type: 'robot.batteryOk', percent });
        }
        return;
      }
      case 'robot.motion':
        options.send(event.outcome === 'arrived' || event.outcome === 'completed' ? { type: 'robot.motionDone' } : { type: 'robot.motionFailed', outcome: event.outcome });
        return;
      default:
        return;
    }
  };
}
