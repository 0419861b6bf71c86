import type { CameraStatus } from './camera/index.js';
import { h } from './dom.js';

/**
 * One line about the camera: why it or face tracking is off (the kiosk then works by touch), and while idle
 * that it is on and keeps no pictures. Nothing while a visit runs with the camera working.
 */
export function renderCameraStatus(status: CameraStatus, idle: boolean): HTMLElement | null {
  const problem = status.cameraProblem ?? (status.tracking === 'unavailable' ? status.trackingProblem : null);
  if (problem) return h('p', { className: 'camera-status camera-status-off', testId: 'camera-status', attrs: { role: 'status', 'data-camera': status.camera, 'data-tracking': status.tracking } }, [problem]);
  if (!idle || status.camera !== 'on') return null;
  const text = status.tracking === 'on' ? '摄像头已开启：有人走近会主动问候，不保存任何画面。' : '摄像头已开启，不保存任何画面。';
  return h('p', { className: 'camera-status camera-status-on', testId: 'camera-status', attrs: { role: 'status', 'data-camera': status.camera, 'data-tracking': status.tracking } }, [text]);
}
