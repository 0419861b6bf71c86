// 聊天查 end to end in Chromium against the real kiosk (core, vision, business-system simulator, web server,
// renderer): a citizen asks about her own record by typing, enters her ID number on the keypad, passes the live
// face check on the fake camera, and reads her record with her masked name and number in the header; then asks
// six more of her own queries in the same visit without being asked for the number again. Someone else with her
// number is refused with the neutral line, and nothing personal reaches the screen. Every view the core sends and
// every state of the DOM is watched for an ID number and her full name.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../common/maskIdNumber.js';
import { maskName } from '../../common/maskName.js';
import { cameraE2eMissing, launchChromiumWithCamera } from './helpers/chromiumCamera.js';
import { demoCitizen, type DemoCitizen } from './helpers/demoCitizens.js';
import { writeFaceVideo } from './helpers/fakeCameraVideo.js';
import { personalDataReport } from './helpers/personalDataWatch.js';
import {
  askTyped,
  cameraShotDir,
  describeScreen,
  citizenFace,
  citizenId,
  endVisit,
  enterIdNumber,
  openVisit,
  openWatchedPage,
  otherFace,
  recordTableRows,
  screenshotDir,
  startFaceKiosk,
  waitForFaceCheck,
  waitForKeypad,
  waitForRecord,
  waits,
  type WatchedPage,
} from './helpers/personalQueryVisit.js';
import type { RunningKiosk } from './startKioskProcess.js';

const missing = cameraE2eMissing();
if (missing) console.warn(`聊天查 e2e skipped: ${missing}`);

/** Her further queries, typed as a citizen would ask them, and the record's title each must show. */
const typedQueries: { text: string; title: string }[] = [
  { text: '我累计缴费多少个月了', title: '累计缴费月数' },
  { text: '我每个月养老金发了多少', title: '养老金发放明细' },
  { text: '我下次认证到什么时候', title: '养老金资格认证状态' },
  { text: '查我的社保卡状态', title: '社保卡状态' },
  { text: '查一下我的失业保险金领取记录', title: '失业保险金领取记录' },
  { text: '我的养老关系转移接续进度', title: '关系转移接续进度' },
];

describe.skipIf(missing !== null)('聊天查 in Chromium: identity by keypad and face, then her own records (real kiosk)', () => {
  let workDir: string;
  let kiosk: RunningKiosk | undefined;
  let browser: Browser | undefined;
  let watched: WatchedPage;
  let citizen: DemoCitizen;
  let otherVideo: string;
  const pageErrors: string[] = [];
  /** The steps build on each other: once one fails, the later ones are skipped instead of timing out. */
  let flowBroken = false;
  async function step(context: { skip: () => void }, body: () => Promise<void>): Promise<void> {
    if (flowBroken) context.skip();
    try {
      await body();
    } catch (error) {
      flowBroken = true;
      console.error(`聊天查 e2e: the screen when the step failed:\n${await describeScreen(watched.page)}`);
      await watched.page.screenshot({ path: path.join(cameraShotDir, 'personal-query-failure.png') }).catch(() => undefined);
      throw error;
    }
  }

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'personal-query-e2e-'));
    const video = path.join(workDir, 'citizen.y4m');
    otherVideo = path.join(workDir, 'other.y4m');
    await writeFaceVideo(video, citizenFace, 5);
    await writeFaceVideo(otherVideo, otherFace, 5);
    citizen = await demoCitizen(citizenId);
    kiosk = await startFaceKiosk(workDir);
    browser = await launchChromiumWithCamera(video);
    watched = await openWatchedPage(browser, kiosk.url, [citizen.name, citizen.idNumber]);
    await mkdir(screenshotDir, { recursive: true });
    await mkdir(cameraShotDir, { recursive: true });
  }, waits.kioskStart + 60_000);

  afterAll(async () => {
    if (watched) pageErrors.push(...watched.pageErrors);
    await browser?.close();
    await kiosk?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('asks for her ID number when she types a personal question, verifies her face and shows her record, masked in the header', (context) =>
    step(context, async () => {
      const { page } = watched;
      await openVisit(page);
      expect(await page.getByTestId('header-citizen').count()).toBe(0);
      expect(await page.getByTestId('change-citizen-button').count()).toBe(0);

      await askTyped(page, '我的缴费基数是多少');
      await waitForKeypad(page);
      expect(await page.getByTestId('face-auth-title').textContent()).toBe('核实身份');
      expect(await page.getByTestId('header-citizen').count()).toBe(0);
      await page.screenshot({ path: path.join(screenshotDir, 'identity-keypad.png') });

      await enterIdNumber(page, citizen.idNumber);
      await waitForFaceCheck(page);
      await page.screenshot({ path: path.join(cameraShotDir, 'identity-face-check.png') });

      await waitForRecord(page, '缴费基数', waits.verified);
      expect(await page.getByTestId('face-auth').count()).toBe(0);
      const header = page.getByTestId('header-citizen');
      expect(await header.textContent()).toBe(`已核验：${maskName(citizen.name)} ${maskIdNumber(citizen.idNumber)}`);
      expect(await header.textContent()).toContain('王*兰');
      expect(await page.getByTestId('change-citizen-button').isVisible()).toBe(true);
      expect(await page.getByTestId('record-badge').textContent()).toBe('本人记录');
      const rows = await recordTableRows(page);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.label).toMatch(/^\d{4}年$/);
        expect(row.value).toMatch(/^[\d,.]+ 元$/);
      }
      expect((await page.getByTestId('answer-spoken').textContent())?.trim()).not.toBe('');
      await page.screenshot({ path: path.join(screenshotDir, 'record-contribution-base.png') });

      const report = await personalDataReport(page);
      expect(report.leaks).toEqual([]);
      expect(report.keypadShown).toBe(1);
      expect(watched.viewLeaks).toEqual([]);
      expect(watched.idNumbersSent()).toBe(1);
    }),
  waits.keypad * 3 + waits.verified + 30_000);

  it('answers six more of her own queries in the same visit, typed, without asking for the number or the face again', (context) =>
    step(context, async () => {
      const { page } = watched;
      for (const query of typedQueries) {
        await askTyped(page, query.text);
        await waitForRecord(page, query.title, waits.record);
        expect(await page.getByTestId('record-badge').textContent()).toBe('本人记录');
        expect(await page.getByTestId('record-row').count()).toBeGreaterThan(0);
        expect(await page.getByTestId('header-citizen').textContent()).toContain(maskIdNumber(citizen.idNumber));
        if (query.title === '养老金发放明细') {
          // Month by month: 2024年3月 | 2,345.60 元 (a long table; the stage scrolls).
          const rows = await recordTableRows(page);
          expect(rows.some((row) => /^\d{4}年\d{1,2}月$/.test(row.label ?? ''))).toBe(true);
          await page.screenshot({ path: path.join(screenshotDir, 'record-pension-payments.png') });
          await page.setViewportSize({ width: 1280, height: 800 });
          await page.getByTestId('header-citizen').waitFor({ state: 'visible' });
          await page.screenshot({ path: path.join(screenshotDir, 'record-pension-payments-1280x800.png') });
          await page.setViewportSize({ width: 1080, height: 1920 });
        }
      }
      expect(await page.getByTestId('face-auth').count()).toBe(0);
      const report = await personalDataReport(page);
      expect(report.leaks).toEqual([]);
      expect(report.keypadShown).toBe(1);
      expect(watched.idNumbersSent()).toBe(1);
      expect(watched.viewLeaks).toEqual([]);
    }),
  waits.record * typedQueries.length + 30_000);

  it('refuses someone else with her number with the neutral line, and shows nothing personal', (context) =>
    step(context, async () => {
      await endVisit(watched.page);
      expect(await watched.page.getByTestId('header-citizen').count()).toBe(0);
      pageErrors.push(...watched.pageErrors);
      await browser?.close();
      browser = await launchChromiumWithCamera(otherVideo);
      watched = await openWatchedPage(browser, kiosk!.url, [citizen.name, citizen.idNumber]);
      const { page } = watched;
      await openVisit(page);

      await askTyped(page, '我的缴费基数是多少');
      await waitForKeypad(page);
      await enterIdNumber(page, citizen.idNumber);
      await waitForFaceCheck(page);
      // The first refused attempt: the retry line starts 没能核实您的身份 (the same for an unknown number).
      const instruction = page.getByTestId('face-auth-instruction');
      const robotLine = page.getByTestId('robot-line');
      await expect
        .poll(async () => `${(await instruction.count()) > 0 ? await instruction.textContent() : ''}|${(await robotLine.count()) > 0 ? await robotLine.textContent() : ''}`, {
          timeout: waits.refused,
        })
        .toContain('没能核实您的身份');
      expect(await page.getByTestId('header-citizen').count()).toBe(0);
      expect(await page.locator('[data-testid="answer-card"][data-mode="record"]').count()).toBe(0);
      await page.screenshot({ path: path.join(cameraShotDir, 'identity-refused-attempt.png') });

      // Every attempt refused: the check ends and the robot says so plainly (没能核实您的身份。… and fetches staff).
      await page.getByTestId('face-auth').waitFor({ state: 'detached', timeout: waits.refused });
      await expect.poll(() => page.getByTestId('subtitles').textContent(), { timeout: waits.record }).toContain('没能核实您的身份。');
      expect(await page.getByTestId('header-citizen').count()).toBe(0);
      expect(await page.getByTestId('change-citizen-button').count()).toBe(0);
      expect(await page.locator('[data-testid="answer-card"][data-mode="record"]').count()).toBe(0);
      const text = (await page.locator('body').textContent()) ?? '';
      expect(text).not.toContain(maskName(citizen.name));
      // No amount, date row or masked number of hers anywhere (her own typed question is on screen, nothing else).
      expect(text).not.toMatch(/\d[\d,.]* 元/);
      expect(text).not.toContain(maskIdNumber(citizen.idNumber));
      expect(await page.getByTestId('record-badge').count()).toBe(0);
      await page.screenshot({ path: path.join(screenshotDir, 'identity-refused.png') });

      const report = await personalDataReport(page);
      expect(report.leaks).toEqual([]);
      expect(watched.viewLeaks).toEqual([]);
    }),
  waits.visitEnd + waits.keypad * 3 + waits.refused * 2 + 30_000);

  it('raised no page errors or CSP violations', () => {
    expect([...pageErrors, ...watched.pageErrors]).toEqual([]);
  });
});
