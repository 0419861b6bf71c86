// The screen's presence logic (app/renderer/camera, pure): arrival after ~1 s of attention, departure after ~5 s of nobody.
import { describe, expect, it } from 'vitest';
import { createPresenceDetector, type PresenceEvent } from '../../app/renderer/camera/presenceDetector.js';

/** Feeds one sample every 100 ms (the idle tracking rate) from `from` to `to` ms; returns the events with their times. */
function run(detector: ReturnType<typeof createPresenceDetector>, from: number, to: number, sample: { someone: boolean; attending: boolean }): [number, PresenceEvent][] {
  const events: [number, PresenceEvent][] = [];
  for (let at = from; at < to; at += 100) {
    const event = detector.update({ ...sample, at });
    if (event) events.push([at, event]);
  }
  return events;
}

describe('presence from face tracking', () => {
  it('arrives once after about a second of someone close and facing the screen', () => {
    const detector = createPresenceDetector();
    expect(run(detector, 0, 3_000, { someone: true, attending: true })).toEqual([[1_000, 'presence.arrived']]);
    expect(detector.present).toBe(true);
  });

  it('does not arrive for someone far away or looking aside', () => {
    const detector = createPresenceDetector();
    expect(run(detector, 0, 5_000, { someone: true, attending: false })).toEqual([]);
  });

  it('forgives a missed frame but restarts the count after a longer glance away', () => {
    const detector = createPresenceDetector();
    run(detector, 0, 600, { someone: true, attending: true });
    run(detector, 600, 800, { someone: true, attending: false });
    expect(run(detector, 800, 1_100, { someone: true, attending: true })).toEqual([[1_000, 'presence.arrived']]);

    const other = createPresenceDetector();
    run(other, 0, 600, { someone: true, attending: true });
    run(other, 600, 1_200, { someone: true, attending: false });
    expect(run(other, 1_200, 3_000, { someone: true, attending: true })).toEqual([[2_200, 'presence.arrived']]);
  });

  it('leaves after about five seconds with nobody in view, and arrives again for the next citizen', () => {
    const detector = createPresenceDetector();
    run(detector, 0, 2_000, { someone: true, attending: true });
    // Looking down at the touch screen still counts as someone there.
    expect(run(detector, 2_000, 9_000, { someone: true, attending: false })).toEqual([]);
    expect(run(detector, 9_000, 16_000, { someone: false, attending: false })).toEqual([[13_900, 'presence.left']]);
    expect(detector.present).toBe(false);
    expect(run(detector, 16_000, 18_000, { someone: true, attending: true })).toEqual([[17_000, 'presence.arrived']]);
  });
});

describe('presence.changed: the face gone for a moment, then a face again', () => {
  it('a gap of 2 s or more (but less than leaving) then someone facing the screen is reported once as changed', () => {
    const detector = createPresenceDetector();
    run(detector, 0, 3_000, { someone: true, attending: true });
    expect(run(detector, 3_000, 5_500, { someone: false, attending: false })).toEqual([]);
    expect(run(detector, 5_500, 7_000, { someone: true, attending: true })).toEqual([[5_500, 'presence.changed']]);
  });

  it('a short gap (a glance away, a missed detection) is the same person', () => {
    const detector = createPresenceDetector();
    run(detector, 0, 3_000, { someone: true, attending: true });
    run(detector, 3_000, 4_500, { someone: false, attending: false });
    expect(run(detector, 4_500, 6_000, { someone: true, attending: true })).toEqual([]);
  });

  it('a gap as long as leaving is a departure, then a new arrival, not a change', () => {
    const detector = createPresenceDetector();
    run(detector, 0, 3_000, { someone: true, attending: true });
    expect(run(detector, 3_000, 9_000, { someone: false, attending: false })).toEqual([[7_900, 'presence.left']]);
    expect(run(detector, 9_000, 11_000, { someone: true, attending: true })).toEqual([[10_000, 'presence.arrived']]);
  });
});
