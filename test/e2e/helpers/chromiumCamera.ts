import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { sharedDataDir, sharedModelsDir } from '../../sharedData.js';

export const chromiumPath = '/usr/bin/chromium';
export const facesDir = path.join(sharedDataDir, 'faces');
export const faceLandmarkerModel = path.join(sharedModelsDir, 'mediapipe', 'face_landmarker.task');

/** Why a camera e2e cannot run here (null when it can): Chromium and the shared face photos are needed. */
export function cameraE2eMissing(): string | null {
  if (!existsSync(chromiumPath)) return `${chromiumPath} is not installed (apt-get install chromium)`;
  if (!existsSync(path.join(facesDir, 'faceapi__amy', 'amy1.png'))) return `the shared face photos are not at ${facesDir}`;
  return null;
}

const quietArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Chromium whose camera plays `video` (a .y4m or .mjpeg file, looping) and grants camera access without a
 * prompt. `video: null` launches Chromium with no camera at all (getUserMedia fails as on a kiosk without one).
 */
export function launchChromiumWithCamera(video: string | null): Promise<Browser> {
  const camera = video
    ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]
    : [];
  return chromium.launch({ executablePath: chromiumPath, args: [...quietArgs, ...camera] });
}

/**
 * Console lines MediaPipe's wasm runtime prints on the error channel although they are not errors
 * ("INFO: Created TensorFlow Lite XNNPACK delegate for CPU.").
 */
export function isMediaPipeChatter(text: string): boolean {
  return /^INFO: /.test(text) || /^[IW]\d{4} /.test(text);
}

/** A kiosk-sized page that collects page errors and console errors (MediaPipe's info chatter aside). */
export async function openKioskPage(browser: Browser, pageErrors: string[]) {
  const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !isMediaPipeChatter(message.text())) pageErrors.push(message.text());
  });
  return page;
}
