// The camera side of the kiosk screen in Chromium with a fake camera, driven by a scripted KioskApi (no core):
// presence, the 养老认证 screen step by step, frames while the core wants them, staff enrolment, no camera.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CameraFrame, KioskInput } from '../../app/api/kioskApi.js';
import { cameraFrameSchema } from '../../app/api/cameraFrameSchema.js';
import { startWebKiosk, type WebKiosk } from '../../app/web/webKioskServer.js';
import { buildRenderer } from '../../scripts/build.mjs';
import { cameraE2eMissing, faceLandmarkerModel, facesDir, launchChromiumWithCamera, openKioskPage } from './helpers/chromiumCamera.js';
import { writeFaceVideo } from './helpers/fakeCameraVideo.js';
import { createScriptedKioskApi, faceAuthView, idleView, type ScriptedKioskApi } from './helpers/scriptedKioskApi.js';
import { TEST_DEADLINE_MS } from '../testDeadline.js';
import { repoRoot } from './startKioskProcess.js';

const missing = cameraE2eMissing();
const hasModel = existsSync(faceLandmarkerModel);
if (missing) console.warn(`face-auth screen e2e skipped: ${missing}`);
else if (!hasModel) console.warn(`face-auth screen e2e: presence checks skipped, no face landmarker model at ${faceLandmarkerModel}`);

const screenshotDir = path.join(repoRoot, 'test', 'e2e', 'screenshots');
/**
 * Screenshots that show the fake camera's picture (the shared test faces, whose image rights are unclear) go to
 * the git-ignored test-results/, never into the repository.
 */
const cameraShotDir = path.join(repoRoot, 'test-results', 'screenshots');
const idNumber = '370203196203150422';

function frames(api: ScriptedKioskApi, from = 0): CameraFrame[] {
  return api.sent.slice(from).flatMap((input: KioskInput) => (input.type === 'auth.frame' ? [input.frame] : []));
}

describe.skipIf(missing !== null)('养老认证 screen with a fake camera (scripted core)', () => {
  let workDir: string;
  let api: ScriptedKioskApi;
  let kiosk: WebKiosk;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'face-auth-screen-'));
    const video = path.join(workDir, 'amy.y4m');
    await writeFaceVideo(video, [{ image: path.join(facesDir, 'faceapi__amy', 'amy3.png'), seconds: 4, faceSide: 320 }], 5);
    const rendererDir = await buildRenderer({ outDir: path.join(workDir, 'renderer') });
    api = createScriptedKioskApi();
    kiosk = await startWebKiosk({ api, rendererDir, faceLandmarkerModelPath: hasModel ? faceLandmarkerModel : null, log: () => {} });
    browser = await launchChromiumWithCamera(video);
    page = await openKioskPage(browser, pageErrors);
    await page.goto(kiosk.url);
    await mkdir(screenshotDir, { recursive: true });
    await mkdir(cameraShotDir, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await kiosk?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it.skipIf(!hasModel)('reports presence once a face has looked at the screen for about a second', async () => {
    await api.waitFor('presence.arrived', 30_000);
    expect(api.sent.filter((input) => input.type === 'presence.arrived')).toHaveLength(1);
    expect(await page.getByTestId('camera-status').textContent()).toContain('不保存任何画面');
    // The face keeps looking: no second arrival, no departure.
    await page.waitForTimeout(1_500);
    expect(api.sent.filter((input) => input.type.startsWith('presence.'))).toEqual([{ type: 'presence.arrived' }]);
  }, 40_000);

  it('takes the ID number on the keypad, shows it grouped while typing and masked once sent', async () => {
    api.push({ phase: 'answering', sessionId: 's1', robotLine: '好的，我们来做养老认证。', faceAuth: faceAuthView({ step: 'explain' }) });
    await page.getByTestId('face-auth').waitFor({ state: 'visible' });
    expect(await page.getByTestId('face-auth-instruction').textContent()).toContain('身份证号');
    expect(await page.getByTestId('question-input').isVisible()).toBe(false);
    await page.getByTestId('id-key-ok').click();
    expect(await page.getByTestId('id-hint').textContent()).toContain('18位');
    for (const key of idNumber.slice(0, 10)) await page.getByTestId(`id-key-${key}`).click();
    expect(await page.getByTestId('id-key-X').isDisabled()).toBe(true);
    await page.getByTestId('id-key-9').click();
    await page.getByTestId('id-key-del').click();
    for (const key of idNumber.slice(10)) await page.getByTestId(`id-key-${key}`).click();
    expect(await page.getByTestId('id-entry').textContent()).toContain('370203 1962 0315 0422');
    const sent = api.waitFor('auth.idNumber');
    await page.getByTestId('id-key-ok').click();
    expect(await sent).toEqual({ type: 'auth.idNumber', idNumber });
    await expect.poll(() => page.getByTestId('id-entry').textContent(), { timeout: TEST_DEADLINE_MS }).toContain('3702**********0422');
    expect(await page.content()).not.toContain(idNumber);
    await page.screenshot({ path: path.join(screenshotDir, 'face-auth-id.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await page.getByTestId('id-key-ok').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(screenshotDir, 'face-auth-id-1280x800.png') });
    await page.setViewportSize({ width: 1080, height: 1920 });

    api.push({ faceAuth: faceAuthView({ step: 'lookingUp', instruction: '好的，正在查询您的认证信息，请稍等。', idNumberMasked: '3702**********0422' }) });
    await page.getByTestId('face-auth-waiting').waitFor({ state: 'visible' });
    expect(await page.getByTestId('id-keypad').count()).toBe(0);
  });

  // How many frames a second a kiosk achieves is measured in bench/cameraFrames.bench.ts.
  it('streams JPEG frames (running seq) while the core wants them, with the preview and guidance', async () => {
    const before = api.sent.length;
    api.push({ faceAuth: faceAuthView({ step: 'positioning', instruction: '请正对屏幕，把脸放到框里。', guidance: '请靠近一点', wantFrames: true, attempt: 1, idNumberMasked: '3702**********0422' }) });
    await page.getByTestId('camera-preview').waitFor({ state: 'visible' });
    await expect.poll(() => page.getByTestId('camera-preview').getAttribute('data-live'), { timeout: TEST_DEADLINE_MS }).toBe('true');
    expect(await page.getByTestId('face-auth-guidance').textContent()).toBe('请靠近一点');
    await expect.poll(() => frames(api, before).length, { timeout: TEST_DEADLINE_MS }).toBeGreaterThanOrEqual(10);
    const sentFrames = frames(api, before);
    sentFrames.forEach((frame, i) => expect(frame.seq).toBe(i));
    // Captured one after another, in order, on the screen's clock.
    for (let i = 1; i < sentFrames.length; i++) expect(sentFrames[i]!.capturedAt).toBeGreaterThan(sentFrames[i - 1]!.capturedAt);
    const last = sentFrames.at(-1);
    if (!last) throw new Error('no frame');
    expect(cameraFrameSchema.safeParse(last).success).toBe(true);
    const decoded = await sharp(Buffer.from(last.jpegBase64, 'base64')).metadata();
    expect([decoded.format, decoded.width, decoded.height]).toEqual(['jpeg', 640, 480]);
    if (hasModel) await expect.poll(() => page.getByTestId('camera-preview').getAttribute('data-placement'), { timeout: TEST_DEADLINE_MS }).toBe('good');
    await page.screenshot({ path: path.join(cameraShotDir, 'face-auth-positioning.png') });
  }, 60_000);

  it('shows the challenge with its icon, index/total and a seconds ring', async () => {
    api.push({ faceAuth: faceAuthView({ step: 'challenge', instruction: '请眨眨眼。', wantFrames: true, attempt: 1, challenge: { kind: 'blink', index: 1, total: 2, secondsLeft: 8 } }) });
    const challenge = page.getByTestId('face-auth-challenge');
    await challenge.waitFor({ state: 'visible' });
    expect(await challenge.getAttribute('data-kind')).toBe('blink');
    expect(await challenge.textContent()).toContain('动作 1/2');
    expect(await challenge.locator('svg.challenge-icon').count()).toBe(1);
    expect(await challenge.locator('.seconds-ring-text').textContent()).toBe('8');
    api.push({ faceAuth: faceAuthView({ step: 'challenge', instruction: '请慢慢向左转头，再转回来。', wantFrames: true, attempt: 1, challenge: { kind: 'turnLeft', index: 2, total: 2, secondsLeft: 6 } }) });
    await expect.poll(() => challenge.getAttribute('data-kind'), { timeout: TEST_DEADLINE_MS }).toBe('turnLeft');
    expect(await challenge.textContent()).toContain('动作 2/2');
    await page.screenshot({ path: path.join(cameraShotDir, 'face-auth-challenge.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: path.join(cameraShotDir, 'face-auth-challenge-1280x800.png') });
    await page.setViewportSize({ width: 1080, height: 1920 });
  });

  it('stops sending frames as soon as the core no longer wants them', async () => {
    api.push({ faceAuth: faceAuthView({ step: 'verifying', instruction: '好的，正在核对，请稍等。', wantFrames: false, attempt: 1 }) });
    await page.getByTestId('face-auth-waiting').waitFor({ state: 'visible' });
    // The screen stops streaming in the same turn it draws this step, so by its clock now it has stopped. Frames
    // still on their way may arrive, but none captured after that.
    const stoppedAt = await page.evaluate(() => performance.now());
    const streamed = frames(api).length;
    await page.waitForTimeout(1_500);
    expect(streamed).toBeGreaterThan(0);
    expect(frames(api).filter((frame) => frame.capturedAt > stoppedAt)).toEqual([]);
  });

  it('shows the result with the next due date, and 完成 sends auth.cancel', async () => {
    api.push({
      faceAuth: faceAuthView({
        step: 'result',
        instruction: '认证成功！下次请在2027年3月31日前再来认证。',
        attempt: 1,
        result: { outcome: 'authenticated', message: '认证成功！下次请在2027年3月31日前再来认证。', nextDueDate: '2027-03-31' },
      }),
    });
    const result = page.getByTestId('face-auth-result');
    await result.waitFor({ state: 'visible' });
    expect(await result.getAttribute('data-outcome')).toBe('authenticated');
    expect(await page.getByTestId('face-auth-next-due').textContent()).toContain('2027年3月31日');
    expect(await page.getByTestId('camera-preview').isVisible()).toBe(false);
    await page.screenshot({ path: path.join(screenshotDir, 'face-auth-result.png') });
    const cancel = api.waitFor('auth.cancel');
    await page.getByTestId('face-auth-cancel').click();
    await cancel;
    api.push({ faceAuth: null, phase: 'greeting' });
    await page.getByTestId('face-auth').waitFor({ state: 'detached' });
  });

  it('offers the keypad afresh when the core asks for the number again', async () => {
    api.push({ faceAuth: faceAuthView({ step: 'idInput' }) });
    await page.getByTestId('id-keypad').waitFor({ state: 'visible' });
    expect(await page.getByTestId('id-entry').textContent()).toContain('请输入18位身份证号');
    for (const key of '37020319620315042') await page.getByTestId(`id-key-${key}`).click();
    await page.getByTestId('id-key-X').click();
    const sent = api.waitFor('auth.idNumber');
    await page.getByTestId('id-key-ok').click();
    expect((await sent).idNumber).toBe('37020319620315042X');
    api.push({ faceAuth: faceAuthView({ step: 'lookingUp', instruction: '好的，正在查询您的认证信息，请稍等。' }) });
    await page.getByTestId('face-auth-waiting').waitFor({ state: 'visible' });
    api.push({ faceAuth: faceAuthView({ step: 'idInput', instruction: '这个身份证号不对，请再仔细输一遍。' }) });
    await expect.poll(() => page.getByTestId('id-entry').textContent(), { timeout: TEST_DEADLINE_MS }).toContain('请输入18位身份证号');
    expect(await page.getByTestId('id-key-1').isEnabled()).toBe(true);
    api.push({ faceAuth: null });
    await page.getByTestId('face-auth').waitFor({ state: 'detached' });
  });

  it('lets staff take a reference photo of a demo citizen', async () => {
    api.push({
      staff: {
        unlocked: true,
        message: null,
        demoCitizens: [{ id: 'QD0001', name: '王秀兰', labels: ['养老认证即将到期'] }],
        printJobs: [],
        staffRequests: [],
        devices: [],
      },
    });
    await page.getByTestId('staff-enroll-QD0001').click();
    await page.getByTestId('staff-enroll').waitFor({ state: 'visible' });
    await expect.poll(() => page.getByTestId('staff-enroll-preview').getAttribute('data-live'), { timeout: TEST_DEADLINE_MS }).toBe('true');
    const enrolled = api.waitFor('staff.enrollPhoto');
    await page.getByTestId('staff-enroll-capture').click();
    const input = await enrolled;
    expect(input.citizenId).toBe('QD0001');
    expect(cameraFrameSchema.safeParse(input.frame).success).toBe(true);
    await expect.poll(() => page.getByTestId('staff-enroll-hint').textContent(), { timeout: TEST_DEADLINE_MS }).toContain('照片已发送');
    api.push({ staff: { ...api.view().staff, message: '已为王秀兰登记参考照片。' } });
    await expect.poll(() => page.getByTestId('staff-message').textContent(), { timeout: TEST_DEADLINE_MS }).toContain('已为王秀兰登记参考照片');
    // A redraw of the panel keeps the camera view open and live.
    expect(await page.getByTestId('staff-enroll-preview').getAttribute('data-camera')).toBe('on');
    await page.screenshot({ path: path.join(cameraShotDir, 'staff-enroll.png') });
    await page.getByTestId('staff-enroll-close').click();
    await page.getByTestId('staff-enroll').waitFor({ state: 'detached' });
    api.push({ staff: idleView().staff });
    await page.getByTestId('staff-panel').waitFor({ state: 'detached' });
  });

  it.skipIf(!hasModel)('reports that the citizen left after about five seconds without a face, then the next arrival', async () => {
    const video = path.join(workDir, 'comes-and-goes.y4m');
    await writeFaceVideo(video, [
      { image: path.join(facesDir, 'faceapi__amy', 'amy5.png'), seconds: 3, faceSide: 320 },
      { image: null, seconds: 9 },
    ], 5);
    // Its own core and server, so only this camera's presence is counted.
    const ownApi = createScriptedKioskApi();
    const ownKiosk = await startWebKiosk({ api: ownApi, rendererDir: path.join(workDir, 'renderer'), faceLandmarkerModelPath: faceLandmarkerModel, log: () => {} });
    const second = await launchChromiumWithCamera(video);
    try {
      const presence = (): string[] => ownApi.sent.flatMap((input) => (input.type.startsWith('presence.') ? [input.type] : []));
      const secondPage = await second.newPage({ viewport: { width: 1080, height: 1920 } });
      await secondPage.goto(ownKiosk.url);
      await expect.poll(presence, { timeout: 20_000 }).toEqual(['presence.arrived']);
      const arrivedAt = Date.now();
      await expect.poll(presence, { timeout: TEST_DEADLINE_MS }).toEqual(['presence.arrived', 'presence.left']);
      // Arrival is counted from about 1 s into the face; the face stays ~3 s, then 5 s of nobody.
      expect(Date.now() - arrivedAt).toBeGreaterThan(4_000);
      await expect.poll(presence, { timeout: 20_000 }).toEqual(['presence.arrived', 'presence.left', 'presence.arrived']);
    } finally {
      await second.close();
      await ownKiosk.close();
    }
  }, 70_000);

  it('raised no page errors or CSP violations', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe.skipIf(missing !== null)('kiosk screen without a camera or without the face model', () => {
  let workDir: string;
  let kiosk: WebKiosk;
  let browser: Browser;
  let api: ScriptedKioskApi;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'no-camera-'));
    const rendererDir = await buildRenderer({ outDir: path.join(workDir, 'renderer') });
    api = createScriptedKioskApi();
    kiosk = await startWebKiosk({ api, rendererDir, faceLandmarkerModelPath: null, log: () => {} });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await kiosk?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('says in Chinese that there is no camera, works by touch, and the 养老认证 screen explains it', async () => {
    browser = await launchChromiumWithCamera(null);
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(kiosk.url);
    const status = page.getByTestId('camera-status');
    await expect.poll(() => status.textContent(), { timeout: 25_000 }).toMatch(/摄像头.*请点屏幕/);
    expect(await status.getAttribute('data-camera')).toBe('unavailable');
    const touched = api.waitFor('citizen.touch');
    await page.getByTestId('attract').click();
    await touched;
    api.push({ phase: 'answering', faceAuth: faceAuthView({ step: 'positioning', instruction: '请正对屏幕，把脸放到框里。', wantFrames: true, attempt: 1 }) });
    const problem = page.getByTestId('camera-preview-problem');
    await problem.waitFor({ state: 'visible' });
    expect(await problem.textContent()).toContain('摄像头');
    await page.screenshot({ path: path.join(screenshotDir, 'face-auth-no-camera.png') });
    expect(api.sent.some((input) => input.type === 'auth.frame')).toBe(false);
    // During a visit the camera line stays quiet; the preview says it.
    expect(await status.count()).toBe(0);
    api.push(idleView());
    await browser.close();
  }, 60_000);

  it('runs without presence and says so when the model is not served', async () => {
    const video = path.join(workDir, 'empty.y4m');
    await writeFaceVideo(video, [{ image: null, seconds: 1 }], 5);
    browser = await launchChromiumWithCamera(video);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(kiosk.url);
    await expect.poll(() => page.getByTestId('camera-status').textContent(), { timeout: 25_000 }).toContain('没有找到人脸检测模型');
    expect(await page.getByTestId('camera-status').getAttribute('data-tracking')).toBe('unavailable');
  }, 60_000);
});
