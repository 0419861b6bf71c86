// Drives the whole web kiosk in Chromium: the real CLI, core, server and renderer, as a citizen would.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DEADLINE_MS } from '../testDeadline.js';
import { isMediaPipeChatter } from './helpers/chromiumCamera.js';
import { repoRoot, startKioskProcess, type RunningKiosk } from './startKioskProcess.js';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) console.warn(`web kiosk e2e skipped: ${chromiumPath} is not installed (apt-get install chromium)`);

const screenshotDir = path.join(repoRoot, 'test', 'e2e', 'screenshots');
const answerWaitMs = 20_000;
/** The simulated robot drives to the window (and the simulated printer prints) in real time. */
const guideWaitMs = 25_000;
const printWaitMs = 25_000;
/** Longer than the staff gesture's 3 s hold: after a short tap, wait this long to be sure nothing opened. */
const staffHoldMs = 3_300;

describe.skipIf(!hasChromium)('web kiosk in Chromium (1080×1920 portrait)', () => {
  let kiosk: RunningKiosk | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const framesSent: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    kiosk = await startKioskProcess(90_000);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    page.on('websocket', (socket) => socket.on('framesent', (frame) => framesSent.push(String(frame.payload))));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      // MediaPipe's wasm prints its INFO lines on the error channel; they are not errors.
      if (message.type() === 'error' && !isMediaPipeChatter(message.text())) pageErrors.push(message.text());
    });
    await page.goto(kiosk.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  /** Asks by typing, then waits for the answer card to be about this question. */
  async function ask(question: string, submit: 'button' | 'enter'): Promise<void> {
    await page.getByTestId('question-input').fill(question);
    if (submit === 'button') await page.getByTestId('ask-button').click();
    else await page.getByTestId('question-input').press('Enter');
    await expect.poll(() => page.getByTestId('answer-question').textContent(), { timeout: answerWaitMs }).toContain(question);
  }

  /** Ends whatever visit is open (farewell shows a few seconds) and starts a fresh one from the attract screen. */
  async function startFreshVisit(): Promise<void> {
    if ((await page.getByTestId('end-button').count()) > 0) await page.getByTestId('end-button').click();
    const attract = page.getByTestId('attract');
    await attract.waitFor({ state: 'visible', timeout: 20_000 });
    await attract.click();
    await page.getByTestId('greeting').waitFor({ state: 'visible' });
  }

  /** Holds the pointer down on an element for `ms`, as a finger would. */
  async function longPress(testId: string, ms: number): Promise<void> {
    const box = await page.getByTestId(testId).boundingBox();
    if (!box) throw new Error(`${testId} is not on screen`);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.waitForTimeout(ms);
    await page.mouse.up();
  }

  /** Holds the pointer down on the brand until the staff keypad shows (at least the 3 s hold; longer on a busy machine). */
  async function holdForStaffKeypad(): Promise<void> {
    const box = await page.getByTestId('brand').boundingBox();
    if (!box) throw new Error('brand is not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.getByTestId('staff-keypad').waitFor({ state: 'visible', timeout: TEST_DEADLINE_MS });
    await page.mouse.up();
  }

  async function typePin(pin: string): Promise<void> {
    for (const digit of pin) await page.getByTestId(`staff-key-${digit}`).click();
    await page.getByTestId('staff-key-ok').click();
  }

  it('shows the attract screen while idle', async () => {
    const attract = page.getByTestId('attract');
    await attract.waitFor({ state: 'visible' });
    expect(await attract.textContent()).toContain('点我或直接说话');
    expect(await page.getByTestId('phase').getAttribute('data-phase')).toBe('idle');
  });

  it('wakes to the greeting with suggestions and service tiles on a touch', async () => {
    await page.getByTestId('attract').click();
    await page.getByTestId('greeting').waitFor({ state: 'visible' });
    expect(await page.getByTestId('attract').count()).toBe(0);
    expect(await page.getByTestId('phase').getAttribute('data-phase')).not.toBe('idle');
    await page.getByTestId('suggestion-chip').first().waitFor({ state: 'visible' });
    expect(await page.locator('[data-testid^="service-tile-"]').count()).toBeGreaterThan(0);
  });

  it('answers a tapped suggestion chip', async () => {
    const chips = await page.getByTestId('suggestion-chip').allTextContents();
    // Not the question typed in the next test, so each wait sees its own answer.
    const chip = chips.find((text) => !text.includes('失业金')) ?? chips[0] ?? '';
    await page.getByTestId('suggestion-chip').filter({ hasText: chip }).first().click();
    await expect.poll(() => page.getByTestId('answer-question').textContent(), { timeout: answerWaitMs }).toContain(chip);
    expect((await page.getByTestId('answer-spoken').textContent())?.trim()).not.toBe('');
  });

  it('answers a typed question with spoken text, screen text and a D0x source', async () => {
    await ask('失业金怎么领', 'button');
    expect((await page.getByTestId('answer-spoken').textContent())?.trim().length).toBeGreaterThan(4);
    expect((await page.getByTestId('answer-screen').textContent())?.trim().length).toBeGreaterThan(4);
    expect(await page.getByTestId('answer-sources').textContent()).toMatch(/来源：D\d{2} \S/);
    expect(await page.getByTestId('subtitles').textContent()).toContain('失业金怎么领');
    await mkdir(screenshotDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotDir, 'answer.png') });
  });

  it('offers staff for a question the knowledge base cannot answer', async () => {
    await ask('明天青岛会下雨吗', 'enter');
    const offer = page.getByTestId('offer-staff');
    await offer.waitFor({ state: 'visible' });
    expect(await offer.textContent()).toContain('找工作人员');
  });

  it('shows a Chinese hint and sends nothing when the question is empty', async () => {
    await page.getByTestId('question-input').fill('   ');
    const sentBefore = framesSent.length;
    await page.getByTestId('ask-button').click();
    const hint = page.getByTestId('ask-hint');
    await hint.waitFor({ state: 'visible' });
    expect(await hint.textContent()).toMatch(/请.*输入/);
    expect(framesSent.length).toBe(sentBefore);
  });

  it('stays usable at 1280×800', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('ask-button').waitFor({ state: 'visible' });
    expect(await page.getByTestId('ask-button').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(screenshotDir, 'answer-1280x800.png') });
  });

  it('guides the citizen to window 3: a walking screen without the answer card, then the arrival line', async () => {
    await page.setViewportSize({ width: 1080, height: 1920 });
    await startFreshVisit();
    await page.getByTestId('service-tile-guide-to-window').click();
    const chip = page.getByTestId('suggestion-chip').filter({ hasText: '带我去3号窗口' }).first();
    await chip.waitFor({ state: 'visible' });
    await chip.click();
    await page.getByTestId('guiding').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.getByTestId('phase').getAttribute('data-phase')).toBe('guiding');
    expect(await page.getByTestId('answer-card').count()).toBe(0);
    await expect.poll(() => page.getByTestId('guiding-line').textContent(), { timeout: 10_000 }).toContain('带您去3号窗口');
    await mkdir(screenshotDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotDir, 'guiding.png') });
    await expect.poll(() => page.getByTestId('robot-line').textContent(), { timeout: guideWaitMs }).toContain('3号窗口到了');
    expect(await page.getByTestId('guiding').count()).toBe(0);
  }, 60_000);

  it('hides the staff panel from citizens: a short tap on the brand opens nothing, and the keypad closes back', async () => {
    expect(await page.getByTestId('staff-keypad').count()).toBe(0);
    expect(await page.getByTestId('staff-panel').count()).toBe(0);
    await longPress('brand', 1_000);
    await page.waitForTimeout(staffHoldMs);
    expect(await page.getByTestId('staff-keypad').count()).toBe(0);

    await holdForStaffKeypad();
    await page.getByTestId('staff-keypad-close').click();
    await page.getByTestId('staff-keypad').waitFor({ state: 'detached' });
    expect(await page.getByTestId('staff-panel').count()).toBe(0);
    expect(await page.getByTestId('phase').isVisible()).toBe(true);
  });

  it('unlocks the staff panel with the PIN, prints a sample certificate and locks again', async () => {
    await holdForStaffKeypad();
    const keypad = page.getByTestId('staff-keypad');

    const sentBefore = framesSent.length;
    await typePin('1111');
    await expect.poll(() => page.getByTestId('staff-keypad-message').textContent(), { timeout: TEST_DEADLINE_MS }).toContain('密码不对');
    expect(framesSent.slice(sentBefore).some((frame) => frame.includes('"staff.unlock"'))).toBe(true);
    // Dots only, and none left once the PIN went out.
    expect(await page.getByTestId('staff-pin-dots').textContent()).toBe('');
    expect(await page.locator('.pin-dot-on').count()).toBe(0);
    expect(await page.getByTestId('staff-panel').count()).toBe(0);

    await typePin('2580');
    const panel = page.getByTestId('staff-panel');
    await panel.waitFor({ state: 'visible' });
    expect(await keypad.count()).toBe(0);
    expect(await page.getByTestId('staff-lock').isVisible()).toBe(true);

    const printButton = page.locator('[data-testid^="staff-print-"]').first();
    await printButton.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.getByTestId('staff-citizens').locator('li').count()).toBeGreaterThan(0);
    // The transaction outbox is on the panel (empty on a fresh kiosk: nothing submitted yet).
    expect(await page.getByTestId('staff-outbox').textContent()).toContain('业务提交');
    const citizenId = (await printButton.getAttribute('data-testid'))?.slice('staff-print-'.length) ?? '';
    await printButton.click();
    const job = page.locator(`[data-testid^="staff-job-"][data-citizen-id="${citizenId}"]`).first();
    await expect.poll(() => job.getAttribute('data-state'), { timeout: printWaitMs }).toBe('done');
    expect((await job.textContent())?.trim()).not.toBe('');
    await page.screenshot({ path: path.join(screenshotDir, 'staff-panel.png') });

    await page.getByTestId('staff-lock').click();
    await panel.waitFor({ state: 'detached' });
    expect(await keypad.count()).toBe(0);
    expect(await page.getByTestId('phase').isVisible()).toBe(true);
  }, 90_000);

  it('raised no page errors or CSP violations', () => {
    expect(pageErrors).toEqual([]);
  });
});
