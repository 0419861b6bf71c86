import { describe, expect, it } from 'vitest';
import type { RobotEvent } from '../../../robot/index.js';
import { createRobotSessionAdapter } from '../../../app/core/devices/robotSessionAdapter.js';
import type { RobotSessionEvent } from '../../../app/core/devices/deviceSessionEvents.js';

function adapter() {
  const sent: RobotSessionEvent[] = [];
  const accept = createRobotSessionAdapter({ batteryLowPercent: 20, send: (e) => sent.push(e) });
  return { sent, accept };
}

const telemetry = (battery: number) => ({ type: 'robot.telemetry', telemetry: { battery } }) as unknown as RobotEvent;

describe('robot events into the session', () => {
  it('reports e-stop and bumper edges only, a latched e-stop counting as pressed until reset', () => {
    const { sent, accept } = adapter();
    accept({ type: 'robot.estop', pressed: true, latched: true });
    accept({ type: 'robot.estop', pressed: false, latched: true });
    accept({ type: 'robot.estop', pressed: false, latched: false });
    accept({ type: 'robot.bumper', pressed: true });
    accept({ type: 'robot.bumper', pressed: true });
    accept({ type: 'robot.bumper', pressed: false });
    expect(sent).toEqual([
      { type: 'robot.estop', pressed: true },
      { type: 'robot.estop', pressed: false },
      { type: 'robot.bumper', pressed: true },
      { type: 'robot.bumper', pressed: false },
    ]);
  });

  it('reports the battery crossing the low mark once, and charged again only well above it', () => {
    const { sent, accept } = adapter();
    for (const level of [40, 21, 19, 18, 19, 22, 24, 25, 30, 19]) accept(telemetry(level));
    expect(sent).toEqual([
      { type: 'robot.batteryLow', percent: 19 },
      { type: 'robot.batteryOk', percent: 25 },
      { type: 'robot.batteryLow', percent: 19 },
    ]);
  });

  it('reports a lost link once and its return; closing the client is not a fault', () => {
    const { sent, accept } = adapter();
    accept({ type: 'robot.connection', state: 'disconnected', reason: 'heartbeat-lost' });
    accept({ type: 'robot.connection', state: 'disconnected', reason: 'port-closed' });
    accept({ type: 'robot.connection', state: 'connected', device: {} as never });
    accept({ type: 'robot.connection', state: 'disconnected', reason: 'client-closed' });
    expect(sent).toEqual([{ type: 'robot.linkLost', reason: 'heartbeat-lost' }, { type: 'robot.linkRestored' }]);
  });

  it('reports how a motion ended', () => {
    const { sent, accept } = adapter();
    accept({ type: 'robot.motion', taskId: 1, kind: 'goTo', outcome: 'arrived', delivered: true } as RobotEvent);
    accept({ type: 'robot.motion', taskId: 2, kind: 'goTo', outcome: 'blocked', delivered: true } as RobotEvent);
    expect(sent).toEqual([{ type: 'robot.motionDone' }, { type: 'robot.motionFailed', outcome: 'blocked' }]);
  });
});
