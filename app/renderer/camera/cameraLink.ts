import type { CameraInput, CameraLostReason } from '../../api/kioskApi.js';
import { cameraProblems } from './openCamera.js';

export type CameraOpenResult<S> = { ok: true; stream: S } | { ok: false; problem: string; lost: CameraLostReason; reason: string };

export interface CameraLinkOptions<S> {
  open(): Promise<CameraOpenResult<S>>;
  /** The camera works: the first time, or again after it was lost. */
  onOpened(stream: S): void;
  /** The camera does not work (did not open, or stopped): `problem` for the screen, `detail` for the console. */
  onUnavailable(problem: string, detail: string): void;
  /** Tells the core: `camera.lost` once when it goes (or never opens), `camera.restored` once when it is back. */
  report(input: CameraInput): void;
  /** Pauses between attempts to reopen a lost camera; the last one repeats. */
  retryDelaysMs?: readonly number[];
}

export interface CameraLink {
  /** Opens the camera (once, at start). */
  start(): void;
  /** The open camera's picture ended (unplugged, driver reset): report it and try to reopen. */
  ended(): void;
  /** Try to reopen now, e.g. when a device was plugged in. Does nothing while the camera is on or opening. */
  retryNow(): void;
}

export const defaultCameraRetryDelaysMs: readonly number[] = [1_000, 3_000, 10_000, 30_000];

/**
 * Keeps the camera open: opens it, reopens it after it was lost (with growing pauses), and reports each change
 * to the core exactly once. A camera that works from the start reports nothing; one that never opens reports
 * `camera.lost` with its reason.
 */
export function createCameraLink<S>(options: CameraLinkOptions<S>): CameraLink {
  const delays = options.retryDelaysMs ?? defaultCameraRetryDelaysMs;
  let state: 'idle' | 'opening' | 'on' | 'off' = 'idle';
  let reported: 'lost' | 'restored' | null = null;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  function attempt(): void {
    clearTimeout(retryTimer);
    state = 'opening';
    options.open().then(
      (result) => (result.ok ? opened(result.stream) : lost(result.lost, result.problem, result.reason)),
      (error: unknown) => lost('no-camera', cameraProblems.busy, String(error)),
    );
  }

  function opened(stream: S): void {
    state = 'on';
    failures = 0;
    options.onOpened(stream);
    if (reported === 'lost') {
      reported = 'restored';
      options.report({ type: 'camera.restored' });
    }
  }

  function lost(reason: CameraLostReason, problem: string, detail: string): void {
    state = 'off';
    options.onUnavailable(problem, detail);
    if (reported !== 'lost') {
      reported = 'lost';
      options.report({ type: 'camera.lost', reason });
    }
    const delay = delays[Math.min(failures, delays.length - 1)] ?? 30_000;
    failures += 1;
    retryTimer = setTimeout(attempt, delay);
  }

  return {
    start() {
      if (state === 'idle') attempt();
    },
    ended() {
      if (state !== 'on') return;
      lost('ended', cameraProblems.ended, 'the video track ended');
    },
    retryNow() {
      if (state === 'off') attempt();
    },
  };
}
