// The 聊天查 and identity parts of the kiosk screen in Chromium, driven by a scripted KioskApi (no core): who the
// visit verified in the header with 换人, the 权益查询 menu, the citizen's own record as a table with 打印 and
// 记录有误, and that no ID number is ever in the DOM, even when one is sent by mistake.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerView, KioskView, QueryTile } from '../../app/api/kioskApi.js';
import { startWebKiosk, type WebKiosk } from '../../app/web/webKioskServer.js';
import { buildRenderer } from '../../scripts/build.mjs';
import { chromiumPath, launchChromiumWithCamera, openKioskPage } from './helpers/chromiumCamera.js';
import { writeFaceVideo } from './helpers/fakeCameraVideo.js';
import { personalDataReport, watchPersonalData } from './helpers/personalDataWatch.js';
import { createScriptedKioskApi, faceAuthView, idleView, type ScriptedKioskApi } from './helpers/scriptedKioskApi.js';
import { TEST_DEADLINE_MS } from '../testDeadline.js';
import { repoRoot } from './startKioskProcess.js';

const hasChromium = existsSync(chromiumPath);
if (!hasChromium) console.warn(`聊天查 screen e2e skipped: ${chromiumPath} is not installed (apt-get install chromium)`);

const screenshotDir = path.join(repoRoot, 'test', 'e2e', 'screenshots');
/** Invented for this test (valid check character, Qingdao area code); it must never be on screen. */
const fullIdNumber = '370203196203150422';
const fullName = '王秀兰';
const citizen = { nameMasked: '王*兰', idNumberMasked: '3702**********0422' };

const queryMenu: QueryTile[] = [
  { service: 'query_contribution_base', label: '缴费基数', needsFace: true },
  { service: 'query_contribution_months', label: '累计缴费月数', needsFace: true },
  { service: 'query_pension_benefit', label: '养老金发放明细', needsFace: true },
  { service: 'query_pension_auth_status', label: '养老金资格认证状态', needsFace: true },
  { service: 'query_card_status', label: '社保卡状态', needsFace: true },
  { service: 'query_skill_certificate', label: '技能证书查询', needsFace: false },
];

function record(change: Partial<AnswerView> = {}): AnswerView {
  return {
    question: '缴费基数',
    spoken: '您2025年的养老保险缴费基数是6200元。每一年的基数都在屏幕上。',
    screen: ['2025年：6,200 元', '2024年：5,900 元', '2023年：5,600 元', '2022年：5,200 元'].join('\n'),
    sources: [],
    mode: 'record',
    offerStaff: false,
    related: [],
    ...change,
  };
}

function visit(change: Partial<KioskView> = {}): KioskView {
  return { ...idleView(), phase: 'answering', sessionId: 's1', robotLine: '', services: [{ id: 'rights-query', label: '权益查询', hint: '查本人参保、缴费、待遇' }], ...change };
}

describe.skipIf(!hasChromium)('聊天查 screen: identity in the header, query menu, own record (scripted core)', () => {
  let workDir: string;
  let api: ScriptedKioskApi;
  let kiosk: WebKiosk;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'personal-screen-'));
    // An empty scene: nobody in front of the camera, and no camera picture worth keeping in the screenshots.
    const video = path.join(workDir, 'empty.y4m');
    await writeFaceVideo(video, [{ image: null, seconds: 1 }], 5);
    const rendererDir = await buildRenderer({ outDir: path.join(workDir, 'renderer') });
    api = createScriptedKioskApi();
    kiosk = await startWebKiosk({ api, rendererDir, faceLandmarkerModelPath: null, log: () => {} });
    browser = await launchChromiumWithCamera(video);
    page = await openKioskPage(browser, pageErrors);
    await watchPersonalData(page, [fullName]);
    await page.goto(kiosk.url);
    await mkdir(screenshotDir, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await kiosk?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('shows nothing personal in the header before the face matched, nor while the ID number is asked', async () => {
    api.push(visit({ phase: 'greeting', robotLine: '您好，请问有什么可以帮您？', suggestions: ['我的缴费基数是多少'] }));
    await page.getByTestId('end-button').waitFor({ state: 'visible' });
    expect(await page.getByTestId('header-citizen').count()).toBe(0);
    expect(await page.getByTestId('change-citizen-button').count()).toBe(0);
    api.push(visit({ phase: 'listening', faceAuth: faceAuthView({ purpose: 'identity', step: 'idInput', instruction: '要先核实是您本人。请输入您的身份证号，然后看着屏幕，按提示做几个动作。' }) }));
    await page.getByTestId('id-keypad').waitFor({ state: 'visible' });
    expect(await page.getByTestId('face-auth-title').textContent()).toBe('核实身份');
    expect(await page.getByTestId('header-citizen').count()).toBe(0);
    // While she types, the number is grouped (her own input); once sent it is masked, and the grouping is gone too.
    for (const key of fullIdNumber) await page.getByTestId(`id-key-${key}`).click();
    expect(await page.getByTestId('id-entry').textContent()).toContain('370203 1962 0315 0422');
    const sent = api.waitFor('auth.idNumber');
    await page.getByTestId('id-key-ok').click();
    expect(await sent).toEqual({ type: 'auth.idNumber', idNumber: fullIdNumber });
    await expect.poll(() => page.getByTestId('id-entry').textContent(), { timeout: TEST_DEADLINE_MS }).toContain('3702**********0422');
    expect(await page.locator('body').textContent()).not.toContain('370203 1962 0315 0422');
    api.push(visit({ phase: 'listening', faceAuth: faceAuthView({ step: 'lookingUp', instruction: '好的，请稍等，马上开始核对。', idNumberMasked: '3702**********0422' }) }));
    await page.getByTestId('face-auth-waiting').waitFor({ state: 'visible' });
    expect(await page.getByTestId('header-citizen').count()).toBe(0);
  });

  it('with an ID-card reader: says where to put the card beside the keypad, then the card holder masked while it checks', async () => {
    const cardHint = '请把身份证放在读卡区，号码会自动填好；也可以在下面输入。';
    api.push(visit({ phase: 'listening', faceAuth: faceAuthView({ step: 'idInput', instruction: '要先核实是您本人。请输入您的身份证号。', cardHint }) }));
    await page.getByTestId('face-auth-card-hint').waitFor({ state: 'visible' });
    expect(await page.getByTestId('face-auth-card-hint').textContent()).toBe(cardHint);
    expect(await page.getByTestId('id-keypad').isVisible()).toBe(true);
    api.push(
      visit({ phase: 'listening', faceAuth: faceAuthView({ step: 'lookingUp', instruction: '好的，请稍等，马上开始核对。', idNumberMasked: '3702**********0422', cardNameMasked: '王*兰', cardHint: null }) }),
    );
    await page.getByTestId('face-auth-card-name').waitFor({ state: 'visible' });
    expect(await page.getByTestId('face-auth-card-name').textContent()).toBe('身份证：王*兰');
    expect(await page.getByTestId('face-auth-id-masked').textContent()).toBe('身份证号：3702**********0422');
    expect(await page.getByTestId('face-auth-card-hint').count()).toBe(0);
    expect(await page.getByTestId('header-citizen').count()).toBe(0);
    // No reader (or a faulted one): no hint, the keypad alone.
    api.push(visit({ phase: 'listening', faceAuth: faceAuthView({ step: 'idInput', instruction: '请输入您的身份证号。' }) }));
    await page.getByTestId('id-keypad').waitFor({ state: 'visible' });
    expect(await page.getByTestId('face-auth-card-hint').count()).toBe(0);
  });

  it('shows the verified citizen masked, as the hall does, with 换人 beside 结束; 换人 sends citizen.changeCitizen', async () => {
    api.push(visit({ citizen, answer: record() }));
    const header = page.getByTestId('header-citizen');
    await header.waitFor({ state: 'visible' });
    expect(await header.textContent()).toBe('已核验：王*兰 3702**********0422');
    const change = page.getByTestId('change-citizen-button');
    const end = page.getByTestId('end-button');
    expect(await change.textContent()).toBe('换人');
    // Side by side: 换人 directly before 结束, on the same row, at the portrait and the landscape screen.
    for (const viewport of [{ width: 1080, height: 1920 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(viewport);
      const [a, b] = [await change.boundingBox(), await end.boundingBox()];
      if (!a || !b) throw new Error('换人 or 结束 is not on screen');
      expect(Math.abs(a.y - b.y)).toBeLessThan(4);
      expect(b.x).toBeGreaterThan(a.x + a.width - 1);
      expect(b.x - (a.x + a.width)).toBeLessThan(60);
      expect(Math.min(a.height, b.height)).toBeGreaterThanOrEqual(44);
    }
    await page.setViewportSize({ width: 1080, height: 1920 });
    expect(await change.evaluate((element) => element.nextElementSibling?.getAttribute('data-testid'))).toBe('end-button');
    const changed = api.waitFor('citizen.changeCitizen');
    await change.click();
    expect(await changed).toEqual({ type: 'citizen.changeCitizen' });
    // The core wipes the identity: the header forgets her at once.
    api.push(visit({ citizen: null, answer: null, robotLine: '好的，请下一位。' }));
    await header.waitFor({ state: 'detached' });
    expect(await change.count()).toBe(0);
    expect(await page.locator('header').textContent()).not.toContain('*');
  });

  it('shows the 权益查询 menu: big tiles (≥ 28 px text) that say when a face check is needed, each sending citizen.tapQuery', async () => {
    api.push(visit({ phase: 'listening', robotLine: '您想查哪一项？请点一下。', queryMenu }));
    const menu = page.getByTestId('query-menu');
    await menu.waitFor({ state: 'visible' });
    expect(await page.locator('[data-testid^="query-tile-query_"]').count()).toBe(queryMenu.length);
    expect(await page.getByTestId('suggestions').count()).toBe(0);
    for (const tile of queryMenu) {
      const element = page.getByTestId(`query-tile-${tile.service}`);
      expect(await element.textContent()).toContain(tile.label);
      expect(await element.getByTestId('query-tile-needs-face').count()).toBe(tile.needsFace ? 1 : 0);
      expect(await element.getAttribute('data-needs-face')).toBe(String(tile.needsFace));
    }
    expect(await page.getByTestId('query-tile-query_card_status').getByTestId('query-tile-needs-face').textContent()).toBe('需刷脸');
    for (const viewport of [{ width: 1080, height: 1920 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(viewport);
      const sizes = await page.locator('.query-tile, .query-tile *').evaluateAll((elements) =>
        elements.filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim())).map((e) => parseFloat(getComputedStyle(e).fontSize)),
      );
      expect(sizes.length).toBeGreaterThanOrEqual(queryMenu.length);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(28);
      const boxes = await page.locator('.query-tile').evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().height));
      expect(Math.min(...boxes)).toBeGreaterThanOrEqual(100);
      await page.screenshot({ path: path.join(screenshotDir, viewport.width === 1080 ? 'query-menu.png' : 'query-menu-1280x800.png') });
    }
    await page.setViewportSize({ width: 1080, height: 1920 });
    const tapped = api.waitFor('citizen.tapQuery');
    await page.getByTestId('query-tile-query_pension_benefit').click();
    expect(await tapped).toEqual({ type: 'citizen.tapQuery', service: 'query_pension_benefit' });
    api.push(visit({ phase: 'listening', queryMenu: null }));
    await menu.waitFor({ state: 'detached' });
  });

  it('shows her own record as a table marked 本人记录, split on the first colon, with 打印 and 记录有误 when offered', async () => {
    const screen = ['卡号：3702****1234', '状态：临时挂失（自2025年3月18日起）', '备注：窗口：3号', '暂无其他记录。'].join('\n');
    api.push(visit({ citizen, answer: record({ question: '社保卡状态', spoken: '您的社保卡已经临时挂失。', screen, recordActions: { print: true, dispute: true } }) }));
    const card = page.locator('[data-testid="answer-card"][data-mode="record"]');
    await card.waitFor({ state: 'visible' });
    expect(await card.getByTestId('answer-question').textContent()).toBe('社保卡状态');
    expect(await card.getByTestId('record-badge').textContent()).toBe('本人记录');
    const rows = await card.getByTestId('record-row').evaluateAll((elements) =>
      elements.map((row) => [row.querySelector('th')?.textContent ?? null, row.querySelector('td')?.textContent ?? '']),
    );
    expect(rows).toEqual([
      ['卡号', '3702****1234'],
      ['状态', '临时挂失（自2025年3月18日起）'],
      ['备注', '窗口：3号'],
      [null, '暂无其他记录。'],
    ]);
    expect(await card.getByTestId('answer-screen').count()).toBe(0);
    const print = card.getByTestId('record-print');
    const dispute = card.getByTestId('record-dispute');
    expect([await print.textContent(), await dispute.textContent()]).toEqual(['打印', '记录有误']);
    const printed = api.waitFor('citizen.recordAction');
    await print.click();
    expect(await printed).toEqual({ type: 'citizen.recordAction', action: 'print' });
    const disputed = api.waitFor('citizen.recordAction');
    await dispute.click();
    expect(await disputed).toEqual({ type: 'citizen.recordAction', action: 'dispute' });

    api.push(visit({ citizen, answer: record({ recordActions: { print: true, dispute: false } }) }));
    await expect.poll(() => card.getByTestId('answer-question').textContent(), { timeout: TEST_DEADLINE_MS }).toBe('缴费基数');
    expect(await card.getByTestId('record-print').count()).toBe(1);
    expect(await card.getByTestId('record-dispute').count()).toBe(0);
    await page.screenshot({ path: path.join(screenshotDir, 'record-screen.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: path.join(screenshotDir, 'record-screen-1280x800.png') });
    await page.setViewportSize({ width: 1080, height: 1920 });

    // Without recordActions (not offered): no buttons at all.
    api.push(visit({ citizen, answer: record({ question: '累计缴费月数', screen: '养老：386个月（32年2个月）' }) }));
    await expect.poll(() => card.getByTestId('answer-question').textContent(), { timeout: TEST_DEADLINE_MS }).toBe('累计缴费月数');
    expect(await card.getByTestId('record-actions').count()).toBe(0);
  });

  it('shows a transaction: its fields as read back, 修改 beside each, 确认办理 only once all are there, nothing after the yes', async () => {
    const fields = [
      { name: 'phone', label: '新手机号码', value: '1 3 8 0 0 1 3 8 0 0 0', skipped: false },
      { name: 'district', label: '居住区', value: null, skipped: false },
    ];
    const asking = { name: 'district', label: '居住区', choices: ['市南区', '崂山区'], optional: true };
    api.push(visit({ citizen, transaction: { title: '联系方式变更', step: 'collecting', fields, asking, preview: null } }));
    const panel = page.getByTestId('transaction');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.getByTestId('transaction-field-district').textContent()).toBe('待填写');
    expect(await panel.getByTestId('transaction-confirm').count()).toBe(0);
    expect(await page.getByTestId('services').count()).toBe(0);
    // The field being asked: its answers as buttons, read as if said; 跳过 because it can be left out.
    expect(await panel.getByTestId('transaction-choice').allTextContents()).toEqual(['市南区', '崂山区']);
    const chosen = api.waitFor('citizen.transactionAction');
    await panel.getByTestId('transaction-choice').nth(1).click();
    expect(await chosen).toEqual({ type: 'citizen.transactionAction', action: 'choose', value: '崂山区' });
    const skippedAction = api.waitFor('citizen.transactionAction');
    await panel.getByTestId('transaction-skip').click();
    expect(await skippedAction).toEqual({ type: 'citizen.transactionAction', action: 'skip' });
    api.push(visit({ citizen, transaction: { title: '联系方式变更', step: 'confirming', fields: [fields[0]!, { ...fields[1]!, value: '崂山区' }], asking: null, preview: ['新号码：138****8000'] } }));
    await panel.getByTestId('transaction-preview').waitFor({ state: 'visible' });
    expect(await panel.getByTestId('transaction-choices').count()).toBe(0);
    expect(await panel.getByTestId('transaction-preview').textContent()).toContain('新号码：138****8000');
    const confirm = panel.getByTestId('transaction-confirm');
    await confirm.waitFor({ state: 'visible' });
    const changed = api.waitFor('citizen.transactionAction');
    await panel.getByTestId('transaction-change-phone').click();
    expect(await changed).toEqual({ type: 'citizen.transactionAction', action: 'change', field: 'phone' });
    const confirmed = api.waitFor('citizen.transactionAction');
    await confirm.click();
    expect(await confirmed).toEqual({ type: 'citizen.transactionAction', action: 'confirm' });
    await page.screenshot({ path: path.join(screenshotDir, 'transaction-confirming.png') });
    api.push(visit({ citizen, transaction: { title: '联系方式变更', step: 'submitting', fields: [fields[0]!, { ...fields[1]!, value: '崂山区' }], asking: null, preview: null } }));
    await panel.getByTestId('transaction-submitting').waitFor({ state: 'visible' });
    expect(await panel.getByTestId('transaction-cancel').count()).toBe(0);
    expect(await panel.getByTestId('transaction-change-phone').count()).toBe(0);
  });

  it('masks an ID number sent by mistake, in the header and in the record', async () => {
    api.push(
      visit({
        citizen: { nameMasked: '王*兰', idNumberMasked: fullIdNumber },
        answer: record({ question: '社保卡状态', spoken: `身份证${fullIdNumber}的卡正常。`, screen: `身份证号：${fullIdNumber}\n状态：正常` }),
      }),
    );
    await expect.poll(() => page.getByTestId('header-citizen').textContent(), { timeout: TEST_DEADLINE_MS }).toBe('已核验：王*兰 3702**********0422');
    expect(await page.getByTestId('answer-spoken').textContent()).toBe('身份证3702**********0422的卡正常。');
    expect(await page.getByTestId('record-row').first().textContent()).toBe('身份证号3702**********0422');
  });

  it('the watch itself sees an ID number that is in the DOM only for a moment, and counts the keypad', async () => {
    const probe = await browser.newPage();
    await watchPersonalData(probe, [fullName]);
    await probe.goto('data:text/html,<main></main>');
    await probe.evaluate((number) => {
      const flash = document.createElement('p');
      flash.textContent = `证件 ${number}`;
      document.body.append(flash);
      const keypad = document.createElement('div');
      keypad.dataset.testid = 'id-keypad';
      keypad.title = '王秀兰';
      document.body.append(keypad);
      setTimeout(() => (flash.remove(), keypad.remove()), 0);
    }, fullIdNumber);
    await expect.poll(async () => (await personalDataReport(probe)).leaks.length, { timeout: TEST_DEADLINE_MS }).toBeGreaterThan(0);
    const report = await personalDataReport(probe);
    expect(report.leaks).toEqual(expect.arrayContaining(['ID number in text', 'forbidden text #0 in attribute title']));
    expect(report.keypadShown).toBe(1);
    await probe.close();
  });

  it('never had an ID number or a full name in the DOM, reached no other host, and raised no page errors', async () => {
    api.push(idleView());
    await page.getByTestId('attract').waitFor({ state: 'visible' });
    const report = await personalDataReport(page);
    expect(report.leaks).toEqual([]);
    expect(await page.content()).not.toContain(fullIdNumber);
    // MediaPipe's usage log (once a minute) is refused before any request: no attempt, no CSP violation reported.
    const attempt = await page.evaluate(() => fetch('https://odml.pa.googleapis.com/v1/log', { method: 'POST' }).then(() => 'sent', (error: Error) => error.message));
    expect(attempt).toContain('does not contact odml.pa.googleapis.com');
    expect(await page.evaluate(() => fetch('models/available.json').then((answer) => answer.status))).toBe(200);
    expect(pageErrors).toEqual([]);
  });
});
