import type { Page } from 'playwright-core';

/**
 * A resident ID number as it would leak: 6-digit area, birth date (18xx–20xx, a real month and day), sequence and
 * check character, in one run. The masked form (3702**********0422) and the keypad's grouped typing
 * (370203 1962 0315 0422, the citizen's own input before 确定) do not match.
 */
export const idNumberPattern = /[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]/;

/** What a page watched by `watchPersonalData` saw: personal data in the DOM, and how often the ID keypad appeared. */
export interface PersonalDataReport {
  /** Where an ID number or a forbidden text (a full name) was seen: `text`, `attribute data-x`, `input`. Never the value. */
  leaks: string[];
  /** How many times the ID-number keypad came onto the screen (its redraws while typing do not count). */
  keypadShown: number;
}

interface WatchGlobals {
  __personalData?: PersonalDataReport;
}

/**
 * Before any page script runs, watches the whole DOM of every document the page loads (text, attributes, input
 * values) for an ID number or any of `forbidden` (e.g. a demo citizen's full name), on every change, so a value
 * that is on screen only for a moment is caught too. Read the result with `personalDataReport`.
 */
export async function watchPersonalData(page: Page, forbidden: readonly string[]): Promise<void> {
  await page.addInitScript(
    ({ pattern, forbidden: words }) => {
      const id = new RegExp(pattern);
      const report = { leaks: [] as string[], keypadShown: 0 };
      (window as unknown as WatchGlobals).__personalData = report;
      const note = (where: string): void => {
        if (!report.leaks.includes(where)) report.leaks.push(where);
      };
      const check = (text: string | null | undefined, where: string): void => {
        if (!text) return;
        if (id.test(text)) note(`ID number in ${where}`);
        for (const [i, word] of words.entries()) if (text.includes(word)) note(`forbidden text #${i} in ${where}`);
      };
      const scan = (): void => {
        check(document.body?.textContent, 'text');
        for (const field of document.querySelectorAll('input, textarea')) check((field as HTMLInputElement).value, 'input');
      };
      // The keypad is redrawn on every key press: count the times it came onto a screen that did not have it.
      let keypadUp = false;
      const countKeypad = (): void => {
        const up = document.querySelector('[data-testid="id-keypad"]') !== null;
        if (up && !keypadUp) report.keypadShown += 1;
        keypadUp = up;
      };
      const observer = new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === 'attributes' && record.target instanceof Element && record.attributeName) {
            check(record.target.getAttribute(record.attributeName), `attribute ${record.attributeName}`);
          }
          for (const node of record.addedNodes) {
            if (node instanceof Element) for (const attr of [node, ...node.querySelectorAll('*')].flatMap((e) => [...e.attributes])) check(attr.value, `attribute ${attr.name}`);
          }
        }
        scan();
        countKeypad();
      });
      // The document itself, so a replaced <html> (document.open) is watched too.
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      scan();
    },
    { pattern: idNumberPattern.source, forbidden: [...forbidden] },
  );
}

export async function personalDataReport(page: Page): Promise<PersonalDataReport> {
  return page.evaluate(() => {
    const report = (window as unknown as WatchGlobals).__personalData;
    if (!report) throw new Error('watchPersonalData was not installed before the page loaded');
    return { leaks: [...report.leaks], keypadShown: report.keypadShown };
  });
}
