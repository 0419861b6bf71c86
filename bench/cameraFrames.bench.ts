// Camera frames during 养老认证: how many JPEG frames a second the kiosk screen sends to the core while it wants them
// (the face pipeline needs about 8), their spacing on the screen's own clock and their size. Chromium with a fake
// camera playing a shared face photo, the real renderer, a scripted core (no face models in the way).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CameraFrame } from '../app/api/kioskApi.js';
import { startWebKiosk } from '../app/web/webKioskServer.js';
import { buildRenderer } from '../scripts/build.mjs';
import { cameraE2eMissing, facesDir, launchChromiumWithCamera, openKioskPage } from '../test/e2e/helpers/chromiumCamera.js';
import { writeFaceVideo } from '../test/e2e/helpers/fakeCameraVideo.js';
import { createScriptedKioskApi, faceAuthView } from '../test/e2e/helpers/scriptedKioskApi.js';
import { summarizeMs, writeBenchResult } from './benchResult.js';

const MEASURE_SECONDS = 20;
const WARM_UP_FRAMES = 5;

const missing = cameraE2eMissing();
if (missing) {
  writeBenchResult('camera-frames', { skipped: missing });
  process.exit(0);
}

const workDir = await mkdtemp(path.join(os.tmpdir(), 'camera-frames-bench-'));
const video = path.join(workDir, 'amy.y4m');
await writeFaceVideo(video, [{ image: path.join(facesDir, 'faceapi__amy', 'amy3.png'), seconds: 4, faceSide: 320 }], 10);
const rendererDir = await buildRenderer({ outDir: path.join(workDir, 'renderer') });
const api = createScriptedKioskApi();
const kiosk = await startWebKiosk({ api, rendererDir, faceLandmarkerModelPath: null, log: () => {} });
const browser = await launchChromiumWithCamera(video);
const pageErrors: string[] = [];
const page = await openKioskPage(browser, pageErrors);
await page.goto(kiosk.url);

const received = (): CameraFrame[] => api.sent.flatMap((input) => (input.type === 'auth.frame' ? [input.frame] : []));

api.push({ phase: 'answering', sessionId: 'bench', faceAuth: faceAuthView({ step: 'positioning', instruction: '请正对屏幕，把脸放到框里。', wantFrames: true, attempt: 1 }) });
const warmUpDeadline = performance.now() + 60_000;
while (received().length < WARM_UP_FRAMES) {
  if (performance.now() > warmUpDeadline) throw new Error(`no camera frames within 60 s (page errors: ${pageErrors.join('; ')})`);
  await new Promise((r) => setTimeout(r, 50));
}
const from = received().length;
const startedAt = performance.now();
await new Promise((r) => setTimeout(r, MEASURE_SECONDS * 1000));
const measured = received().slice(from);
const elapsedS = (performance.now() - startedAt) / 1000;
api.push({ faceAuth: null, phase: 'idle' });

await browser.close();
await kiosk.close();
await rm(workDir, { recursive: true, force: true });

const capturedGaps = measured.slice(1).map((frame, i) => frame.capturedAt - measured[i]!.capturedAt);
const kib = measured.map((frame) => (frame.jpegBase64.length * 3) / 4 / 1024);
writeBenchResult('camera-frames', {
  framesPerSecond: Math.round((measured.length / elapsedS) * 100) / 100,
  frames: measured.length,
  seconds: Math.round(elapsedS * 100) / 100,
  captureIntervalMs: summarizeMs(capturedGaps),
  jpegKiB: summarizeMs(kib),
  size: measured[0] ? `${measured[0].width}×${measured[0].height}` : null,
  pageErrors,
  how: 'headless Chromium, fake camera (y4m at 10 fps), real renderer paced at one frame per 110 ms, scripted core; frames counted where the web kiosk server hands them to the core',
});
process.exit(0);
