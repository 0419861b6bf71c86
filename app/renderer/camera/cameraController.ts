import type { CameraFrame, CameraInput } from '../../api/kioskApi.js';
import { createCameraLink } from './cameraLink.js';
import { captureFrame } from './captureFrame.js';
import { isAttending, type FaceObservation } from './faceGeometry.js';
import { loadFaceTracker, type FaceTracking } from './faceTracker.js';
import { openCamera } from './openCamera.js';
import { createPresenceDetector, type PresenceEvent } from './presenceDetector.js';

export interface CameraStatus {
  camera: 'starting' | 'on' | 'unavailable';
  /** Plain Chinese, when the camera is unavailable. */
  cameraProblem: string | null;
  tracking: 'loading' | 'on' | 'unavailable';
  /** Plain Chinese, when there is no face tracking (no model, failed to load, no camera). */
  trackingProblem: string | null;
}

export interface FaceTrack {
  face: FaceObservation | null;
  faces: number;
  at: number;
}

export interface CameraController {
  status(): CameraStatus;
  onStatus(listener: (status: CameraStatus) => void): () => void;
  /** The live stream for previews; null until the camera is on. */
  stream(): MediaStream | null;
  /** Every tracked video frame (only while tracking works). */
  onTrack(listener: (track: FaceTrack) => void): () => void;
  /** A preview is on screen: track faster so the overlay follows the face. Returns the call that ends it. */
  addPreview(): () => void;
  /** Send `auth.frame` frames (8–10 per second) while true; stops at once when false. */
  setStreaming(streaming: boolean): void;
  /** Restarts the frame sequence (a new authentication attempt). */
  resetSequence(): void;
  /** One JPEG frame now (staff enrolment), or null when the camera has no picture. */
  captureOne(): Promise<CameraFrame | null>;
}

export interface CameraControllerOptions {
  onPresence(event: PresenceEvent): void;
  onFrame(frame: CameraFrame): void;
  /** The camera was lost (or never opened) or came back: for the core, once per change. */
  onCameraChange(input: CameraInput): void;
}

/** Tracking rates: modest while idle (presence), faster while a preview shows the overlay. */
const idleTrackMs = 100;
const previewTrackMs = 66;
/** Frames to the core during 养老认证: about 9 per second. */
const streamFrameMs = 110;
/** This many failed detections in a row and tracking is given up (the kiosk still works by touch). */
const maxTrackingErrors = 5;

/**
 * Owns the camera: one hidden video element that stays in the document (a video taken out of the document
 * pauses), MediaPipe tracking for presence and the preview overlay, and frame capture while the core asks.
 * A camera that fails or stops is reopened by itself (cameraLink), and the core is told it was lost and restored.
 */
export function startCameraController(options: CameraControllerOptions): CameraController {
  let status: CameraStatus = { camera: 'starting', cameraProblem: null, tracking: 'loading', trackingProblem: null };
  const statusListeners = new Set<(status: CameraStatus) => void>();
  const trackListeners = new Set<(track: FaceTrack) => void>();
  let stream: MediaStream | null = null;
  let tracker: FaceTracking | null = null;
  let previews = 0;
  let streaming = false;
  let streamTimer: ReturnType<typeof setTimeout> | undefined;
  let trackTimer: ReturnType<typeof setTimeout> | undefined;
  let trackerLoading = false;
  /** Why face tracking cannot run at all (no model …); it stays off even when the camera comes back. */
  let trackerProblem: string | null = null;
  let sequence = 0;
  let lastTrackAt = 0;
  let trackingErrors = 0;
  const presence = createPresenceDetector();

  const video = document.createElement('video');
  video.className = 'camera-feed';
  video.muted = true;
  video.playsInline = true;
  video.autoplay = true;
  video.setAttribute('aria-hidden', 'true');
  document.body.append(video);
  const canvas = document.createElement('canvas');

  function setStatus(next: Partial<CameraStatus>): void {
    const merged = { ...status, ...next };
    // A camera that stays lost through its retries is not news.
    if ((Object.keys(merged) as (keyof CameraStatus)[]).every((key) => merged[key] === status[key])) return;
    status = merged;
    for (const listener of statusListeners) listener(status);
  }

  const link = createCameraLink({
    open: openCamera,
    onOpened: (opened) => void attach(opened),
    onUnavailable(problem, detail) {
      console.warn(`[camera] ${detail}`);
      // The core's wish for frames stays; they start again when the camera is back.
      clearTimeout(streamTimer);
      clearTimeout(trackTimer);
      setStatus({ camera: 'unavailable', cameraProblem: problem, tracking: 'unavailable', trackingProblem: trackerProblem });
    },
    report: (input) => options.onCameraChange(input),
  });

  async function attach(opened: MediaStream): Promise<void> {
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = opened;
    for (const track of opened.getVideoTracks()) track.addEventListener('ended', () => link.ended(), { once: true });
    video.srcObject = opened;
    await video.play().catch((error: unknown) => console.warn('[camera] video did not start', error));
    // The picture may have ended while it was starting: then the link is already reopening it.
    if (stream !== opened || !opened.getVideoTracks().some((track) => track.readyState === 'live')) return;
    setStatus({ camera: 'on', cameraProblem: null });
    if (streaming) scheduleFrame(0);
    await startTracking();
  }

  /** Face tracking runs while the camera is on; the tracker is loaded once, on the first picture. */
  async function startTracking(): Promise<void> {
    if (trackerProblem !== null || trackerLoading) return;
    if (!tracker) {
      setStatus({ tracking: 'loading', trackingProblem: null });
      trackerLoading = true;
      const loaded = await loadFaceTracker();
      trackerLoading = false;
      if (!loaded.ok) {
        console.warn(`[camera] face tracking off: ${loaded.reason}`);
        trackerProblem = loaded.problem;
        setStatus({ tracking: 'unavailable', trackingProblem: loaded.problem });
        return;
      }
      tracker = loaded.tracker;
    }
    if (status.camera !== 'on') return;
    setStatus({ tracking: 'on', trackingProblem: null });
    scheduleTrack(0);
  }

  function scheduleTrack(delayMs: number): void {
    clearTimeout(trackTimer);
    trackTimer = setTimeout(trackOnce, Math.max(0, delayMs));
  }

  function trackOnce(): void {
    if (!tracker || status.tracking !== 'on') return;
    const started = performance.now();
    if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) {
      // VIDEO mode wants strictly increasing timestamps.
      const at = Math.max(started, lastTrackAt + 1);
      lastTrackAt = at;
      try {
        const { face, faces } = tracker.detect(video, at);
        trackingErrors = 0;
        const event = presence.update({ someone: faces > 0, attending: isAttending(face), at });
        if (event) options.onPresence(event);
        for (const listener of trackListeners) listener({ face, faces, at });
      } catch (error) {
        trackingErrors += 1;
        console.warn('[camera] face tracking failed on a frame', error);
        if (trackingErrors >= maxTrackingErrors) {
          tracker.close();
          tracker = null;
          trackerProblem = '人脸检测出了故障，走近时不会自动问候，请点屏幕开始。';
          setStatus({ tracking: 'unavailable', trackingProblem: trackerProblem });
          return;
        }
      }
    }
    const interval = previews > 0 ? previewTrackMs : idleTrackMs;
    scheduleTrack(interval - (performance.now() - started));
  }

  function scheduleFrame(delayMs: number): void {
    clearTimeout(streamTimer);
    streamTimer = setTimeout(() => void sendFrame(), Math.max(0, delayMs));
  }

  async function sendFrame(): Promise<void> {
    if (!streaming || status.camera !== 'on') return;
    const started = performance.now();
    const frame = await captureFrame(video, canvas, sequence).catch((error: unknown) => {
      console.warn('[camera] frame capture failed', error);
      return null;
    });
    // wantFrames may have turned false while the JPEG was being encoded: then the frame is dropped.
    if (!streaming) return;
    if (frame) {
      sequence += 1;
      options.onFrame(frame);
    }
    scheduleFrame(streamFrameMs - (performance.now() - started));
  }

  function stopStreaming(): void {
    streaming = false;
    clearTimeout(streamTimer);
  }

  link.start();
  // A camera plugged in while none works is tried at once, without waiting for the next retry.
  navigator.mediaDevices?.addEventListener?.('devicechange', () => link.retryNow());

  return {
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    stream: () => stream,
    onTrack(listener) {
      trackListeners.add(listener);
      return () => trackListeners.delete(listener);
    },
    addPreview() {
      previews += 1;
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        previews -= 1;
      };
    },
    setStreaming(next) {
      if (next === streaming) return;
      if (!next) {
        stopStreaming();
        return;
      }
      streaming = true;
      if (status.camera === 'on') scheduleFrame(0);
    },
    resetSequence() {
      sequence = 0;
    },
    async captureOne() {
      if (status.camera !== 'on') return null;
      const frame = await captureFrame(video, document.createElement('canvas'), sequence);
      if (frame) sequence += 1;
      return frame;
    },
  };
}
