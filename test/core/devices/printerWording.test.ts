import { describe, expect, it } from 'vitest';
import {
  printFailureLine,
  printFailureLines,
  staffFailureCause,
  staffFailureCauses,
  staffPauseLines,
  staffResumedLine,
} from '../../../app/core/devices/printerWording.js';
import { robotLines } from '../../../app/core/session/robotLines.js';
import { staffJobMessage } from '../../../app/core/staff/staffPrintJobStates.js';
import type { PrintJobFailureKind, PrinterErrorKind, PrinterPauseReason } from '../../../printer/index.js';

// Every kind and reason the printer library can report, listed by hand. The two checks below fail the typecheck
// when printer/ gains a kind or reason that is not listed here, so a new one cannot go unworded.
const errorKinds = ['paper-out-timeout', 'cover-open', 'offline', 'unrecoverable', 'disconnected', 'timeout'] as const satisfies readonly PrinterErrorKind[];
const failureKinds = [...errorKinds, 'payload-unreadable', 'internal'] as const satisfies readonly PrintJobFailureKind[];
const pauseReasons = ['paper-out', 'cover-open', 'offline'] as const satisfies readonly PrinterPauseReason[];
const everyFailureKindListed: [Exclude<PrintJobFailureKind, (typeof failureKinds)[number]>] extends [never] ? true : false = true;
const everyPauseReasonListed: [Exclude<PrinterPauseReason, (typeof pauseReasons)[number]>] extends [never] ? true : false = true;

/** A plain Chinese sentence: Han characters, no ASCII letters (no technical text), ending in a full stop. */
const CHINESE_SENTENCE = /^[^A-Za-z]*\p{Script=Han}[^A-Za-z]*。$/u;

describe('printer wording in app/core', () => {
  it('lists every kind and reason the printer library has', () => {
    expect(everyFailureKindListed && everyPauseReasonListed).toBe(true);
    expect(Object.keys(printFailureLines).sort()).toEqual([...failureKinds].sort());
    expect(Object.keys(staffFailureCauses).sort()).toEqual([...failureKinds].sort());
    expect(Object.keys(staffPauseLines).sort()).toEqual([...pauseReasons].sort());
  });

  it.each(failureKinds)('tells the person waiting for the certificate what a %s failure means, in a plain Chinese sentence', (kind) => {
    expect(printFailureLines[kind]).toMatch(CHINESE_SENTENCE);
    expect(printFailureLine(kind)).toBe(printFailureLines[kind]);
  });

  it('says the job did not print for failures where nothing reached the paper, and that it will not be printed twice where it may have', () => {
    for (const kind of ['paper-out-timeout', 'cover-open', 'offline'] as const) expect(printFailureLines[kind]).toContain('没有打印完成');
    for (const kind of ['disconnected', 'timeout'] as const) expect(printFailureLines[kind]).toContain('不会为您重复打印');
    expect(printFailureLines['paper-out-timeout']).toContain('缺纸');
    expect(printFailureLines['cover-open']).toContain('仓盖');
  });

  it('gives each error kind its own sentence', () => {
    expect(new Set(errorKinds.map((kind) => printFailureLines[kind])).size).toBe(errorKinds.length);
    expect(new Set(failureKinds.map((kind) => staffFailureCauses[kind])).size).toBe(failureKinds.length);
  });

  it('reads a kind it does not know (an older spool file) as an internal failure', () => {
    expect(printFailureLine('cutter-jam')).toBe(printFailureLines.internal);
    expect(staffFailureCause('cutter-jam')).toBe(staffFailureCauses.internal);
    // Not fooled by what every object has.
    expect(printFailureLine('toString')).toBe(printFailureLines.internal);
    expect(staffFailureCause('constructor')).toBe(staffFailureCauses.internal);
  });

  it.each(pauseReasons)('tells staff why a job paused for %s, what to do, and that it goes on by itself', (reason) => {
    expect(staffPauseLines[reason]).toMatch(/^打印已暂停：/);
    expect(staffPauseLines[reason]).toContain('自动接着打印');
    expect(staffPauseLines[reason]).toMatch(CHINESE_SENTENCE);
    // The citizen's side of the same pause is the robot's line, worded apart for a citizen.
    expect(robotLines.printPaused(reason)).toMatch(CHINESE_SENTENCE);
    expect(robotLines.printPaused(reason)).not.toBe(staffPauseLines[reason]);
  });

  it('names the cause on the staff panel for failed and unconfirmed jobs, and only for those', () => {
    expect(staffResumedLine).toMatch(CHINESE_SENTENCE);
    expect(staffJobMessage('failed', 'paper-out-timeout')).toBe('打印失败：缺纸等待超时');
    expect(staffJobMessage('unconfirmed', 'timeout')).toBe('打印机没有回应，不确定是否已打出，请核实后确认或补打');
    expect(staffJobMessage('failed')).toBe('打印失败');
    expect(staffJobMessage('done', 'paper-out-timeout')).toBe('已打印完成');
    expect(staffJobMessage('archived')).toBe('archived');
  });
});
