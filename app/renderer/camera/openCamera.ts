import type { CameraLostReason } from '../../api/kioskApi.js';

/**
 * Opens the front camera (640×480) for face tracking and 养老认证. A camera that is missing, denied, busy or
 * silent becomes a plain Chinese sentence for the screen; the kiosk then works by touch.
 */
export type OpenedCamera = { ok: true; stream: MediaStream } | { ok: false; problem: string; lost: CameraLostReason; reason: string };

/** getUserMedia can wait for ever on a permission nobody answers; after this the kiosk gives up on the camera. */
const openTimeoutMs = 15_000;

export const cameraProblems = {
  unsupported: '这台设备不能使用摄像头，请点屏幕办理业务。',
  missing: '没有找到摄像头，请点屏幕办理业务。',
  denied: '摄像头没有得到使用许可，请点屏幕办理业务。',
  busy: '摄像头被占用或出了故障，请点屏幕办理业务。',
  silent: '摄像头没有响应，请点屏幕办理业务。',
  ended: '摄像头断开了，请点屏幕办理业务。',
} as const;

export async function openCamera(): Promise<OpenedCamera> {
  const devices = navigator.mediaDevices as MediaDevices | undefined;
  if (!devices || typeof devices.getUserMedia !== 'function') return { ok: false, problem: cameraProblems.unsupported, lost: 'no-camera', reason: 'no mediaDevices' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), openTimeoutMs);
  });
  try {
    const opening = devices.getUserMedia({
      audio: false,
      video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user', frameRate: { ideal: 15, max: 30 } },
    });
    const result = await Promise.race([opening, timeout]);
    if (result === 'timeout') {
      // Whatever answers later is closed at once: no camera runs unseen.
      void opening.then((late) => late.getTracks().forEach((track) => track.stop())).catch(() => {});
      return { ok: false, problem: cameraProblems.silent, lost: 'no-camera', reason: 'getUserMedia timed out' };
    }
    return { ok: true, stream: result };
  } catch (error) {
    const name = error instanceof DOMException || error instanceof Error ? error.name : 'Error';
    return { ok: false, ...cameraFailureOf(name), reason: `${name}: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    clearTimeout(timer);
  }
}

/** What a getUserMedia error (by its name) means: the sentence for the screen and the reason the core is told. */
export function cameraFailureOf(errorName: string): { problem: string; lost: CameraLostReason } {
  if (errorName === 'NotAllowedError' || errorName === 'SecurityError') return { problem: cameraProblems.denied, lost: 'denied' };
  if (errorName === 'NotReadableError' || errorName === 'AbortError' || errorName === 'TrackStartError') return { problem: cameraProblems.busy, lost: 'no-camera' };
  return { problem: cameraProblems.missing, lost: 'no-camera' };
}
