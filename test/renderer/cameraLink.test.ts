import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CameraInput } from '../../app/api/kioskApi.js';
import { parseKioskInput } from '../../app/api/parseKioskInput.js';
import { createCameraLink, type CameraOpenResult } from '../../app/renderer/camera/cameraLink.js';
import { cameraFailureOf, cameraProblems } from '../../app/renderer/camera/openCamera.js';

interface FakeStream {
  id: number;
}

/** A camera whose next answers the test decides; records every call the link makes. */
function setUp(answers: CameraOpenResult<FakeStream>[]) {
  const reports: CameraInput[] = [];
  const opened: FakeStream[] = [];
  const problems: string[] = [];
  let opens = 0;
  const link = createCameraLink<FakeStream>({
    open: async () => {
      opens += 1;
      const answer = answers.shift();
      if (!answer) throw new Error('no answer scripted');
      return answer;
    },
    onOpened: (stream) => opened.push(stream),
    onUnavailable: (problem) => problems.push(problem),
    report: (input) => reports.push(input),
    retryDelaysMs: [1_000, 5_000],
  });
  return { link, reports, opened, problems, opens: () => opens };
}

const ok = (id: number): CameraOpenResult<FakeStream> => ({ ok: true, stream: { id } });
const missing: CameraOpenResult<FakeStream> = { ok: false, problem: cameraProblems.missing, lost: 'no-camera', reason: 'NotFoundError' };
const denied: CameraOpenResult<FakeStream> = { ok: false, problem: cameraProblems.denied, lost: 'denied', reason: 'NotAllowedError' };

describe('createCameraLink', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports nothing when the camera works from the start', async () => {
    const { link, reports, opened } = setUp([ok(1)]);
    link.start();
    await vi.runAllTimersAsync();
    expect(opened).toEqual([{ id: 1 }]);
    expect(reports).toEqual([]);
  });

  it('reports camera.lost with the reason when getUserMedia fails, once, and camera.restored when a retry works', async () => {
    const { link, reports, opened, problems, opens } = setUp([denied, denied, ok(2)]);
    link.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(reports).toEqual([{ type: 'camera.lost', reason: 'denied' }]);
    expect(problems).toEqual([cameraProblems.denied]);
    await vi.advanceTimersByTimeAsync(999);
    expect(opens()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(opens()).toBe(2);
    expect(reports).toHaveLength(1);
    // The pauses grow: the second retry waits 5 s.
    await vi.advanceTimersByTimeAsync(4_999);
    expect(opens()).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(opened).toEqual([{ id: 2 }]);
    expect(reports).toEqual([{ type: 'camera.lost', reason: 'denied' }, { type: 'camera.restored' }]);
  });

  it('reports camera.lost (ended) when the picture stops, and camera.restored when it reopens', async () => {
    const { link, reports, opened, problems } = setUp([ok(1), missing, ok(3)]);
    link.start();
    await vi.advanceTimersByTimeAsync(0);
    link.ended();
    expect(reports).toEqual([{ type: 'camera.lost', reason: 'ended' }]);
    expect(problems).toEqual([cameraProblems.ended]);
    // Ended twice (two tracks) is still one loss.
    link.ended();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(reports).toEqual([{ type: 'camera.lost', reason: 'ended' }]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(opened).toEqual([{ id: 1 }, { id: 3 }]);
    expect(reports).toEqual([{ type: 'camera.lost', reason: 'ended' }, { type: 'camera.restored' }]);
    // Lost again after coming back: reported again.
    link.ended();
    expect(reports.at(-1)).toEqual({ type: 'camera.lost', reason: 'ended' });
  });

  it('tries again at once on retryNow (a device was plugged in), but not while the camera is on', async () => {
    const { link, reports, opens } = setUp([missing, ok(2)]);
    link.start();
    await vi.advanceTimersByTimeAsync(0);
    link.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(opens()).toBe(2);
    expect(reports).toEqual([{ type: 'camera.lost', reason: 'no-camera' }, { type: 'camera.restored' }]);
    link.retryNow();
    await vi.runAllTimersAsync();
    expect(opens()).toBe(2);
  });

  it('treats an open that throws as no camera and keeps trying', async () => {
    const { link, reports, opens } = setUp([]);
    link.start();
    await vi.advanceTimersByTimeAsync(6_000);
    expect(reports).toEqual([{ type: 'camera.lost', reason: 'no-camera' }]);
    expect(opens()).toBeGreaterThan(1);
  });

  it('sends only inputs the core accepts', async () => {
    const { link, reports } = setUp([denied, ok(1)]);
    link.start();
    await vi.advanceTimersByTimeAsync(1_000);
    link.ended();
    for (const input of reports) expect(parseKioskInput(input)).toEqual({ ok: true, input });
    expect(reports).toHaveLength(3);
  });
});

describe('cameraFailureOf', () => {
  it.each([
    ['NotAllowedError', 'denied', cameraProblems.denied],
    ['SecurityError', 'denied', cameraProblems.denied],
    ['NotFoundError', 'no-camera', cameraProblems.missing],
    ['OverconstrainedError', 'no-camera', cameraProblems.missing],
    ['NotReadableError', 'no-camera', cameraProblems.busy],
    ['AbortError', 'no-camera', cameraProblems.busy],
    ['SomethingNew', 'no-camera', cameraProblems.missing],
  ])('maps %s to %s', (name, lost, problem) => {
    expect(cameraFailureOf(name)).toEqual({ lost, problem });
  });
});
