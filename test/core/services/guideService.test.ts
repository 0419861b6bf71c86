import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../app/core/config/loadConfig.js';
import { createLogger } from '../../../app/core/log/createLogger.js';
import { createGuideService, labelForUnknownPlace } from '../../../app/core/services/guideService.js';
import { startRig, type Rig } from '../../robot/robotRig.js';
import { TEST_DEADLINE_MS } from '../../testDeadline.js';

// The guide service driving the real motion client against the base simulator over a socat pty pair.
const log = createLogger({ level: 'silent' });
const places = parseConfig({ places: { 'window-3': { label: '3号窗口', x: 1.5, y: 0.5, directions: '大厅东侧' } } }).places;
let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

function guideWith(r: Rig) {
  return createGuideService({ places, robot: r.client, moveTimeoutMs: TEST_DEADLINE_MS, log });
}

describe('guide service on the simulated base', () => {
  it('announces the move, drives there and reports arrival', async () => {
    rig = await startRig();
    const started: string[] = [];
    const outcome = await guideWith(rig)({ placeId: 'window-3' }, new AbortController().signal, (label) => started.push(label));
    expect(started).toEqual(['3号窗口']);
    expect(outcome).toEqual({ result: 'arrived', placeLabel: '3号窗口', directions: '大厅东侧' });
    const pose = rig.sim.snapshot().pose;
    expect(Math.hypot(pose.x - 1.5, pose.y - 0.5)).toBeLessThan(0.2);
  });

  it('reports an obstacle as blocked so the robot can give directions instead', async () => {
    rig = await startRig();
    rig.sim.faults.obstacle(true);
    const outcome = await guideWith(rig)({ placeId: 'window-3' }, new AbortController().signal, () => undefined);
    expect(outcome.result).toBe('blocked');
  });

  it('stops the base when the visit is cancelled mid-way', async () => {
    rig = await startRig({ sim: { maxLinearSpeed: 0.3 } }); // a walk of seconds: the cancel comes mid-way on any machine
    const controller = new AbortController();
    const moving = guideWith(rig)({ placeId: 'window-3' }, controller.signal, () => setTimeout(() => controller.abort(), 100));
    const outcome = await moving;
    expect(outcome.result).toBe('cancelled');
    expect(rig.sim.snapshot().linearSpeed).toBe(0);
  });

  it('knows a window that is not on the map, without moving', async () => {
    rig = await startRig();
    const outcome = await guideWith(rig)({ placeId: 'window-21' }, new AbortController().signal, () => undefined);
    expect(outcome).toEqual({ result: 'unknown-place', placeLabel: '21号窗口', directions: '' });
    expect(rig.sim.odometer()).toBe(0);
    expect(labelForUnknownPlace('lobby')).toBe('这个地方');
  });
});
