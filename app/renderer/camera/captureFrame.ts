import type { CameraFrame } from '../../api/kioskApi.js';

/** JPEG quality of frames sent to the core: enough detail for face verification, about 30–80 KB at 640×480. */
export const frameJpegQuality = 0.85;
/** Frames are never larger than this on either side (the core refuses bigger ones). */
const maxSide = 1280;

/**
 * Grabs the current video picture as a base64 JPEG. The picture lives only in this canvas and the returned
 * string, which goes straight to the core; nothing is stored on the screen side.
 */
export async function captureFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement, seq: number): Promise<CameraFrame | null> {
  const sourceWidth = video.videoWidth;
  const sourceHeight = video.videoHeight;
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || sourceWidth === 0 || sourceHeight === 0) return null;
  const scale = Math.min(1, maxSide / Math.max(sourceWidth, sourceHeight));
  const width = Math.round(sourceWidth * scale);
  const height = Math.round(sourceHeight * scale);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const context = canvas.getContext('2d', { alpha: false });
  if (!context) return null;
  const capturedAt = Math.round(performance.now());
  context.drawImage(video, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', frameJpegQuality));
  // The picture does not stay behind in the canvas.
  context.clearRect(0, 0, width, height);
  if (!blob) return null;
  const jpegBase64 = bytesToBase64(new Uint8Array(await blob.arrayBuffer()));
  return { jpegBase64, width, height, capturedAt, seq };
}

/** Base64 without a data: prefix, in chunks so a large frame does not overflow the argument list. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
