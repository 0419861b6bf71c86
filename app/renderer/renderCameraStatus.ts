import type { CameraStatus } from './camera/index.js';
import { h } from './dom.js';

/**
 * One line on the idle screen about the camera: that it is on and keeps no pictures, or why it or face
 * tracking is off (the kiosk then works by touch). During a visit it says nothing: the 养老认证 screen shows
 * a camera problem in its preview, where it matters.
 */
export function renderCameraStatus(status: CameraStatus, idle: boolean): HTMLElement | null {
  if (!idle) return null;
  const attrs = { role: 'status', 'data-camera': status.camera, 'data-tracking': status.tracking };
  const problem = status.cameraProblem ?? (status.tracking === 'unavailable' ? status.trackingProblem : null);
  if (problem) return h('p', { className: 'camera-status camera-status-off', testId: 'camera-status', attrs }, [problem]);
  if (status.camera !== 'on') return null;
  const text = status.tracking === 'on' ? '摄像头已开启：有人走近会主动问候，不保存任何画面。' : '摄像头已开启，不保存任何画面。';
  return h('p', { className: 'camera-status camera-status-on', testId: 'camera-status', attrs }, [text]);
}
