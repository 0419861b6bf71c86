// 对话办 end to end in Chromium against the real kiosk: a transaction asked for by a citizen not yet verified runs
// the identity check (keypad, live face), then shows its fields and 确认办理; the yes submits it once through the
// transaction outbox and the reference is told. Three more transactions in the same visit need no second check;
// their fields are given by typing; the business system's refusal is told as it is. The DOM is watched for the
// citizen's ID number and full name throughout.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraE2eMissing, launchChromiumWithCamera } from './helpers/chromiumCamera.js';
import { demoCitizen, type DemoCitizen } from './helpers/demoCitizens.js';
import { writeFaceVideo } from './helpers/fakeCameraVideo.js';
import { personalDataReport } from './helpers/personalDataWatch.js';
import { printedTexts } from './helpers/virtualPrinter.js';
import { maskName } from '../../common/maskName.js';
import {
  askTyped,
  cameraShotDir,
  citizenFace,
  citizenId,
  describeScreen,
  enterIdNumber,
  openVisit,
  openWatchedPage,
  screenshotDir,
  startFaceKiosk,
  waitForFaceCheck,
  waitForKeypad,
  waits,
  type WatchedPage,
} from './helpers/personalQueryVisit.js';
import type { RunningKiosk } from './startKioskProcess.js';

const missing = cameraE2eMissing();
if (missing) console.warn(`对话办 e2e skipped: ${missing}`);

describe.skipIf(missing !== null)('对话办 in Chromium: identity, the fields, the yes, the reference or the refusal (real kiosk)', () => {
  let workDir: string;
  let kiosk: RunningKiosk | undefined;
  let browser: Browser | undefined;
  let watched: WatchedPage;
  let citizen: DemoCitizen;
  let flowBroken = false;
  async function step(context: { skip: () => void }, body: () => Promise<void>): Promise<void> {
    if (flowBroken) context.skip();
    try {
      await body();
    } catch (error) {
      flowBroken = true;
      console.error(`对话办 e2e: the screen when the step failed:\n${await describeScreen(watched.page)}`);
      await watched.page.screenshot({ path: path.join(cameraShotDir, 'transactions-failure.png') }).catch(() => undefined);
      throw error;
    }
  }
  const subtitles = () => watched.page.getByTestId('subtitles').textContent();

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'transactions-e2e-'));
    const video = path.join(workDir, 'citizen.y4m');
    await writeFaceVideo(video, citizenFace, 5);
    citizen = await demoCitizen(citizenId);
    kiosk = await startFaceKiosk(workDir);
    browser = await launchChromiumWithCamera(video);
    watched = await openWatchedPage(browser, kiosk.url, [citizen.name, citizen.idNumber]);
    await mkdir(screenshotDir, { recursive: true });
    await mkdir(cameraShotDir, { recursive: true });
  }, waits.kioskStart + 60_000);

  afterAll(async () => {
    await browser?.close();
    await kiosk?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('社保卡挂失: the identity check first, then the consequence and 确认办理; the yes gives a reference', (context) =>
    step(context, async () => {
      const { page } = watched;
      await openVisit(page);
      await askTyped(page, '我的社保卡丢了，要挂失');
      await waitForKeypad(page);
      await enterIdNumber(page, citizen.idNumber);
      await waitForFaceCheck(page);
      const panel = page.getByTestId('transaction');
      await panel.waitFor({ state: 'visible', timeout: waits.verified });
      await expect.poll(subtitles, { timeout: waits.record }).toContain('不能再用来看病结算');
      const confirm = panel.getByTestId('transaction-confirm');
      await confirm.waitFor({ state: 'visible', timeout: waits.record });
      await page.screenshot({ path: path.join(screenshotDir, 'transaction-card-loss.png') });
      await confirm.click();
      await expect.poll(subtitles, { timeout: waits.record }).toMatch(/社保卡已经挂失，卡号\S*\*+\S*，受理编号\S+。/);
      expect(await page.getByTestId('transaction').count()).toBe(0);
      await page.screenshot({ path: path.join(screenshotDir, 'transaction-card-loss-done.png') });
    }),
  waits.keypad * 3 + waits.verified + waits.record * 3);

  it('灵活就业参保登记 in the same visit: no second check, the fields typed and read back; a pensioner is refused, told why', (context) =>
    step(context, async () => {
      const { page } = watched;
      await askTyped(page, '我送外卖的，想办灵活就业参保');
      const panel = page.getByTestId('transaction');
      await panel.waitFor({ state: 'visible', timeout: waits.record });
      expect(await page.getByTestId('face-auth').count()).toBe(0);
      await expect.poll(() => panel.getByTestId('transaction-field-employmentType').textContent(), { timeout: waits.record }).toContain('新就业形态');
      await askTyped(page, '两个都参加');
      await askTyped(page, '百分之八十，下个月开始');
      await askTyped(page, '我住在中韩街道');
      const confirm = panel.getByTestId('transaction-confirm');
      await confirm.waitFor({ state: 'visible', timeout: waits.record });
      expect(await panel.getByTestId('transaction-field-contributionLevel').textContent()).toContain('80%档');
      expect(await panel.getByTestId('transaction-field-residenceStreet').textContent()).toContain('中韩街道');
      await page.screenshot({ path: path.join(screenshotDir, 'transaction-flexible-employment.png') });
      await confirm.click();
      await expect.poll(subtitles, { timeout: waits.record }).toContain('您已经在领取养老金，不能再登记灵活就业参保。');
      expect((await personalDataReport(page)).keypadShown).toBe(1);
    }),
  waits.record * 6);

  it('社保卡解挂 in the same visit: the card just reported lost is found; 确认办理 lifts the loss', (context) =>
    step(context, async () => {
      const { page } = watched;
      await askTyped(page, '我的社保卡找到了，要解挂');
      const panel = page.getByTestId('transaction');
      const confirm = panel.getByTestId('transaction-confirm');
      await confirm.waitFor({ state: 'visible', timeout: waits.record });
      expect(await page.getByTestId('face-auth').count()).toBe(0);
      await confirm.click();
      await expect.poll(subtitles, { timeout: waits.record }).toMatch(/社保卡已经解挂，\S*受理编号\S+。/);
    }),
  waits.record * 3);

  it('联系方式变更: a new mobile number typed, read back digit by digit, changed with the yes', (context) =>
    step(context, async () => {
      const { page } = watched;
      await askTyped(page, '我要改一下手机号');
      const panel = page.getByTestId('transaction');
      await panel.waitFor({ state: 'visible', timeout: waits.record });
      await askTyped(page, '13912345678');
      await expect.poll(() => panel.getByTestId('transaction-field-phone').textContent(), { timeout: waits.record }).toContain('1 3 9');
      // The address is optional: 跳过 leaves it as it is.
      const skip = panel.getByTestId('transaction-skip');
      await skip.waitFor({ state: 'visible', timeout: waits.record });
      await skip.click();
      await expect.poll(() => panel.getByTestId('transaction-field-address').textContent(), { timeout: waits.record }).toContain('不填');
      const confirm = panel.getByTestId('transaction-confirm');
      await confirm.waitFor({ state: 'visible', timeout: waits.record });
      await page.screenshot({ path: path.join(screenshotDir, 'transaction-contact-change.png') });
      await confirm.click();
      await expect.poll(subtitles, { timeout: waits.record }).toMatch(/手机号码已经改好了\S*受理编号\S+。/);
      expect((await personalDataReport(page)).keypadShown).toBe(1);
    }),
  waits.record * 4);

  it('补换社保卡 by touch: the reason and the hall tapped, the fee told before 确认办理; the receipt printed, masked', (context) =>
    step(context, async () => {
      const { page } = watched;
      await askTyped(page, '我的社保卡坏了，要换一张');
      const panel = page.getByTestId('transaction');
      await panel.waitFor({ state: 'visible', timeout: waits.record });
      const choices = panel.getByTestId('transaction-choice');
      // The opening line already said why (卡坏了): the hall is asked, its answers are buttons.
      await expect.poll(() => choices.allTextContents(), { timeout: waits.record }).toContain('市南区人社服务大厅');
      expect(await panel.getByTestId('transaction-field-reason').textContent()).toContain('卡损坏');
      await page.screenshot({ path: path.join(screenshotDir, 'transaction-card-replacement-choices.png') });
      await choices.filter({ hasText: '市南区人社服务大厅' }).click();
      const confirm = panel.getByTestId('transaction-confirm');
      await confirm.waitFor({ state: 'visible', timeout: waits.record });
      await expect.poll(subtitles, { timeout: waits.record }).toContain('工作日');
      await confirm.click();
      await expect.poll(subtitles, { timeout: waits.record }).toMatch(/受理编号ZK\S+/);
      // The receipt: on screen with 打印, printed like a record (masked name and number, never the full ones).
      const card = page.locator('[data-testid="answer-card"][data-mode="record"]');
      await card.waitFor({ state: 'visible', timeout: waits.record });
      expect(await card.textContent()).toContain('补换社保卡回执');
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(screenshotDir, 'transaction-card-replacement-receipt.png') });
      const printed = path.join(workDir, 'data', 'virtual-printer');
      const before = printedTexts(printed).length;
      await page.getByTestId('record-print').click();
      await expect.poll(() => printedTexts(printed).length, { timeout: waits.record }).toBeGreaterThan(before);
      const ticket = printedTexts(printed).at(-1) ?? '';
      expect(ticket).toContain('补换社保卡回执');
      expect(ticket).toMatch(/受理编号：ZK\S+/);
      expect(ticket).not.toContain(citizen.idNumber);
      expect(ticket).not.toContain(citizen.name);
    }),
  waits.record * 6);

  it('参保证明打印 by touch: the kind tapped, the period skipped, the preview shown before 确认办理; printed, told where to take it', (context) =>
    step(context, async () => {
      const { page } = watched;
      await askTyped(page, '我要打印证明');
      const panel = page.getByTestId('transaction');
      await panel.waitFor({ state: 'visible', timeout: waits.record });
      const choices = panel.getByTestId('transaction-choice');
      await expect.poll(() => choices.allTextContents(), { timeout: waits.record }).toContain('参保证明（全部险种）');
      await choices.filter({ hasText: '参保证明（全部险种）' }).click();
      const skip = panel.getByTestId('transaction-skip');
      await skip.waitFor({ state: 'visible', timeout: waits.record });
      await skip.click();
      const preview = panel.getByTestId('transaction-preview');
      await preview.waitFor({ state: 'visible', timeout: waits.record });
      expect(await preview.textContent()).toContain(maskName(citizen.name));
      // Left out, the period is the whole record, and the panel says so.
      expect(await panel.getByTestId('transaction-field-period').textContent()).toContain('全部参保记录');
      await preview.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(screenshotDir, 'transaction-certificate-preview.png') });
      const printed = path.join(workDir, 'data', 'virtual-printer');
      const before = printedTexts(printed).length;
      await panel.getByTestId('transaction-confirm').click();
      await expect.poll(subtitles, { timeout: waits.record }).toContain('出纸口');
      await expect.poll(() => printedTexts(printed).length, { timeout: waits.record }).toBeGreaterThan(before);
      expect(printedTexts(printed).at(-1)).toContain('参保证明');
      expect(printedTexts(printed).at(-1)).not.toContain(citizen.idNumber);
      await page.screenshot({ path: path.join(screenshotDir, 'transaction-certificate-printed.png') });
    }),
  waits.record * 6);
});
