// What the 聊天查 e2e tests share: the real kiosk with the face e2e configuration, Chromium whose fake camera shows
// a demo citizen (or someone else), a page watched for personal data, and the citizen's steps on the screen.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { facesDir, openKioskPage } from './chromiumCamera.js';
import type { VideoSegment } from './fakeCameraVideo.js';
import { idNumberPattern, watchPersonalData } from './personalDataWatch.js';
import { repoRoot, startKioskProcess, type RunningKiosk } from '../startKioskProcess.js';

/**
 * QD0001 王秀兰 (a pensioner: contributions, pension payments, an authentication cycle, an active card); her
 * reference photo is faceapi__amy/amy1.png. The fake camera shows amy2 (facing, about −8° of yaw in vision/) and
 * amy1 (about −41°): a turn to her right, which the e2e configuration's only challenge asks for.
 */
export const citizenId = 'QD0001';
export const citizenFace: VideoSegment[] = [
  { image: path.join(facesDir, 'faceapi__amy', 'amy2.png'), seconds: 3, faceSide: 320 },
  { image: path.join(facesDir, 'faceapi__amy', 'amy1.png'), seconds: 1, faceSide: 320 },
];
/**
 * Someone else at the kiosk with her number: faceapi__howard (QD0002's identity), facing (howard4, about +6°) and
 * turned to his right (howard5, about −28°), so he passes the action and his face is compared with hers.
 */
export const otherFace: VideoSegment[] = [
  { image: path.join(facesDir, 'faceapi__howard', 'howard4.png'), seconds: 3, faceSide: 320 },
  { image: path.join(facesDir, 'faceapi__howard', 'howard5.png'), seconds: 1, faceSide: 320 },
];

export const screenshotDir = path.join(repoRoot, 'test', 'e2e', 'screenshots');
/** Screenshots that show the fake camera's picture (the shared faces, image rights unclear): git-ignored. */
export const cameraShotDir = path.join(repoRoot, 'test-results', 'screenshots');

/** Waits, generous for a busy 2-core machine; a passing test never waits this long. */
export const waits = {
  kioskStart: 120_000,
  /** A typed question to the keypad (routing, the identity check's start). */
  keypad: 30_000,
  /** From the number to the record: lookup, positioning, one action of 8 s, verification; a retry if a frame was poor. */
  verified: 150_000,
  /** A record for a verified citizen (one business-system call). */
  record: 45_000,
  /** Three refused attempts to the neutral ending. */
  refused: 240_000,
  visitEnd: 40_000,
};

/** The real kiosk with the face e2e configuration (one action the fake camera can do) and a data folder of its own. */
export function startFaceKiosk(workDir: string): Promise<RunningKiosk> {
  const e2eConfig = process.env.KIOSK_E2E_FACE_CONFIG ?? path.join(repoRoot, 'test', 'e2e', 'faceAuth.e2e.config.json');
  const config = { ...(existsSync(e2eConfig) ? (JSON.parse(readFileSync(e2eConfig, 'utf8')) as object) : {}), dataDir: path.join(workDir, 'data') };
  const configFile = path.join(workDir, 'kiosk.config.json');
  writeFileSync(configFile, JSON.stringify(config));
  return startKioskProcess(waits.kioskStart, { env: { KIOSK_CONFIG: configFile } });
}

export interface WatchedPage {
  page: Page;
  /** Page errors and console errors (MediaPipe chatter aside). */
  pageErrors: string[];
  /** Server messages (views) that carried an ID number or a forbidden text: where, never the value. */
  viewLeaks: string[];
  /** How many ID numbers the screen sent (auth.idNumber). */
  idNumbersSent(): number;
}

/**
 * A kiosk-sized page at the kiosk, watched from before its first script: the DOM (watchPersonalData) and every view
 * the core sends (no ID number, none of `forbidden`).
 */
export async function openWatchedPage(browser: Browser, url: string, forbidden: readonly string[]): Promise<WatchedPage> {
  const pageErrors: string[] = [];
  const viewLeaks: string[] = [];
  let idNumbersSent = 0;
  const page = await openKioskPage(browser, pageErrors);
  await watchPersonalData(page, forbidden);
  page.on('websocket', (socket) => {
    socket.on('framereceived', (frame) => {
      const text = String(frame.payload);
      if (idNumberPattern.test(text) && !viewLeaks.includes('ID number')) viewLeaks.push('ID number');
      for (const [i, word] of forbidden.entries()) if (text.includes(word) && !viewLeaks.includes(`forbidden #${i}`)) viewLeaks.push(`forbidden #${i}`);
    });
    socket.on('framesent', (frame) => {
      if (String(frame.payload).includes('"auth.idNumber"')) idNumbersSent += 1;
    });
  });
  await page.goto(url);
  return { page, pageErrors, viewLeaks, idNumbersSent: () => idNumbersSent };
}

/** Opens a visit: a tap on the attract screen (or the camera's presence already did) until the greeting shows. */
export async function openVisit(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        if ((await page.getByTestId('attract').count()) > 0) await page.getByTestId('attract').click().catch(() => undefined);
        return page.getByTestId('phase').getAttribute('data-phase');
      },
      { timeout: waits.visitEnd, interval: 500 },
    )
    .not.toBe('idle');
  await page.getByTestId('question-input').waitFor({ state: 'visible', timeout: waits.visitEnd });
}

/** Ends the visit with 结束 and waits for the attract screen. */
export async function endVisit(page: Page): Promise<void> {
  if ((await page.getByTestId('end-button').count()) > 0) await page.getByTestId('end-button').click();
  await expect.poll(() => page.getByTestId('phase').getAttribute('data-phase'), { timeout: waits.visitEnd }).toBe('idle');
}

/** Types a question into the text box and sends it. */
export async function askTyped(page: Page, text: string): Promise<void> {
  await page.getByTestId('question-input').fill(text);
  await page.getByTestId('ask-button').click();
}

/** The ID-number keypad of the identity check is up (and 核实身份 is its title). */
export async function waitForKeypad(page: Page): Promise<void> {
  await page.getByTestId('face-auth').waitFor({ state: 'visible', timeout: waits.keypad });
  await page.getByTestId('id-keypad').waitFor({ state: 'visible', timeout: waits.keypad });
}

/** Types the number on the keypad, 确定, and waits until the check has moved on from the number. */
export async function enterIdNumber(page: Page, idNumber: string): Promise<void> {
  for (const key of idNumber) await page.getByTestId(`id-key-${key}`).click();
  await page.getByTestId('id-key-ok').click();
  await expect.poll(() => page.getByTestId('face-auth').getAttribute('data-step'), { timeout: waits.keypad }).not.toMatch(/^(explain|idInput)$/);
}

/** The camera part of the check is on screen: guidance, an action, or the check itself. */
export async function waitForFaceCheck(page: Page): Promise<void> {
  await page
    .locator('[data-testid="face-auth-challenge"], [data-testid="face-auth-guidance"], [data-testid="face-auth"][data-step="verifying"]')
    .first()
    .waitFor({ state: 'visible', timeout: waits.keypad });
}

/** Waits until the citizen's own record titled `title` is on screen (mode record). */
export async function waitForRecord(page: Page, title: string, timeout: number): Promise<void> {
  const card = page.locator('[data-testid="answer-card"][data-mode="record"]');
  await expect.poll(async () => ((await card.count()) > 0 ? card.getByTestId('answer-question').textContent() : null), { timeout }).toBe(title);
}

/** The rows of the record table on screen, label and value. */
export async function recordTableRows(page: Page): Promise<{ label: string | null; value: string }[]> {
  return page.getByTestId('record-row').evaluateAll((rows) =>
    rows.map((row) => {
      const th = row.querySelector('th');
      return { label: th ? (th.textContent ?? '') : null, value: row.querySelector('td')?.textContent ?? '' };
    }),
  );
}

/** For a failure message: the phase, the face screen's step and the text on screen (masked as shown). */
export async function describeScreen(page: Page): Promise<string> {
  try {
    const phase = await page.getByTestId('phase').getAttribute('data-phase', { timeout: 2_000 });
    const step = (await page.getByTestId('face-auth').count()) > 0 ? await page.getByTestId('face-auth').getAttribute('data-step') : null;
    const text = (await page.locator('body').innerText({ timeout: 2_000 })).replace(/\s+/g, ' ').slice(0, 1_500);
    return `phase ${phase}, face step ${step}: ${text}`;
  } catch (error) {
    return `(could not read the screen: ${String(error)})`;
  }
}
