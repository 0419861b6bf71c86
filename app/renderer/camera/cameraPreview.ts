import { h } from '../dom.js';
import type { CameraController, CameraStatus, FaceTrack } from './cameraController.js';
import { guideOval, placementOf, type Placement } from './faceGeometry.js';

export interface CameraPreview {
  /** A mirrored live picture with the guide oval; stays the same element while it is shown. */
  element: HTMLElement;
  /** Call after (re)inserting the element: a video taken out of the document pauses. */
  resume(): void;
  dispose(): void;
}

const placementColours: Record<Placement, string> = {
  good: '#22c55e',
  noFace: 'rgba(255,255,255,0.9)',
  tooFar: '#fbbf24',
  tooClose: '#fbbf24',
  offCentre: '#fbbf24',
  turned: '#fbbf24',
};

/**
 * The camera preview for 养老认证 and staff enrolment: the live picture (mirrored, as in a mirror), the fixed
 * guide oval and the face outline from the MediaPipe landmarks, green when the face sits well. Guidance only:
 * the core decides from the frames it receives. Without a camera it shows why, in Chinese.
 */
export function createCameraPreview(camera: CameraController, testId = 'camera-preview'): CameraPreview {
  const video = h('video', { className: 'camera-preview-video', attrs: { 'aria-hidden': 'true' } });
  video.muted = true;
  video.playsInline = true;
  video.autoplay = true;
  const overlay = h('canvas', { className: 'camera-preview-overlay', attrs: { 'aria-hidden': 'true' } });
  overlay.width = 640;
  overlay.height = 480;
  const problem = h('p', { className: 'camera-preview-problem', testId: `${testId}-problem`, attrs: { role: 'alert' } });
  const element = h('div', { className: 'camera-preview', testId, attrs: { 'data-placement': 'unknown', 'data-camera': 'starting', 'data-live': 'false' } }, [video, overlay, problem]);

  let lastTrack: FaceTrack | null = null;

  function showStatus(status: CameraStatus): void {
    element.dataset.camera = status.camera;
    const stream = camera.stream();
    if (status.camera === 'on' && stream && video.srcObject !== stream) {
      video.srcObject = stream;
      void video.play().catch(() => {});
    }
    problem.replaceChildren(
      ...(status.camera === 'unavailable' ? [document.createTextNode(status.cameraProblem ?? '摄像头不可用。')] : status.camera === 'starting' ? [document.createTextNode('正在打开摄像头…')] : []),
    );
    problem.hidden = status.camera === 'on';
    draw();
  }

  function draw(): void {
    const placement = lastTrack ? placementOf(lastTrack.face) : null;
    element.dataset.placement = placement ?? 'unknown';
    // What the overlay is based on, for people checking the camera (and tests): size share and turn, rounded.
    const face = lastTrack?.face;
    element.dataset.faceSize = face ? face.size.toFixed(2) : '';
    element.dataset.faceYaw = face?.yaw != null ? face.yaw.toFixed(0) : '';
    element.dataset.facePitch = face?.pitch != null ? face.pitch.toFixed(0) : '';
    const context = overlay.getContext('2d');
    if (!context) return;
    const { width, height } = overlay;
    context.clearRect(0, 0, width, height);
    if (camera.status().camera !== 'on') return;
    const colour = placement ? placementColours[placement] : 'rgba(255,255,255,0.9)';
    // Dim outside the guide oval so the eye goes to it.
    context.save();
    context.fillStyle = 'rgba(0,0,0,0.35)';
    context.beginPath();
    context.rect(0, 0, width, height);
    context.ellipse(guideOval.cx * width, guideOval.cy * height, guideOval.rx * width, guideOval.ry * height, 0, 0, Math.PI * 2);
    context.fill('evenodd');
    context.restore();
    context.lineWidth = 6;
    context.strokeStyle = colour;
    context.setLineDash(placement === 'good' ? [] : [18, 12]);
    context.beginPath();
    context.ellipse(guideOval.cx * width, guideOval.cy * height, guideOval.rx * width, guideOval.ry * height, 0, 0, Math.PI * 2);
    context.stroke();
    if (face && face.outline.length > 2) {
      context.setLineDash([]);
      context.lineWidth = 3;
      context.strokeStyle = colour;
      context.beginPath();
      face.outline.forEach((p, i) => (i === 0 ? context.moveTo(p.x * width, p.y * height) : context.lineTo(p.x * width, p.y * height)));
      context.closePath();
      context.stroke();
    }
  }

  const stopStatus = camera.onStatus(showStatus);
  const stopTrack = camera.onTrack((track) => {
    lastTrack = track;
    draw();
  });
  // "live" once the picture really shows (the first frames take a moment after the stream is attached).
  video.addEventListener('playing', () => (element.dataset.live = 'true'));
  video.addEventListener('emptied', () => (element.dataset.live = 'false'));
  video.addEventListener('loadedmetadata', () => {
    if (video.videoWidth > 0 && video.videoHeight > 0) {
      element.style.aspectRatio = `${video.videoWidth} / ${video.videoHeight}`;
      overlay.width = video.videoWidth;
      overlay.height = video.videoHeight;
      draw();
    }
  });
  const endPreview = camera.addPreview();
  showStatus(camera.status());

  return {
    element,
    resume() {
      if (element.isConnected && video.srcObject && video.paused) void video.play().catch(() => {});
    },
    dispose() {
      stopStatus();
      stopTrack();
      endPreview();
      video.pause();
      video.srcObject = null;
    },
  };
}
