// Drives the whole web kiosk in Chromium: the real CLI, core, server and renderer, as a citizen would.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startKioskProcess, type RunningKiosk } from './startKioskProcess.js';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) console.warn(`web kiosk e2e skipped: ${chromiumPath} is not installed (apt-get install chromium)`);

const screenshotDir = path.join(repoRoot, 'test', 'e2e', 'screenshots');
const answerWaitMs = 20_000;

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
      if (message.type() === 'error') pageErrors.push(message.text());
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

  it('raised no page errors or CSP violations', () => {
    expect(pageErrors).toEqual([]);
  });
});
