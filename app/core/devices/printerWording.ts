/**
 * What people are told about the certificate printer, keyed by the printer library's own kinds and reasons
 * (`printer/` carries no wording: DESIGN.md, "Nothing below app/core … carries citizen wording").
 *
 * What the robot says to a citizen while their job is paused or resumed is the session machine's
 * (`robotLines.printPaused`, `printResumed`, `printFailed`, `printUnconfirmed`); it is not repeated here.
 */
import type { PrintJobFailureKind, PrinterPauseReason } from '../../../printer/index.js';

/**
 * Why a print job ended without a confirmed certificate, for the person waiting for it (the citizen at the kiosk,
 * whoever ran `kiosk print-certificate`): what happened and what happens next, in plain Chinese.
 */
export const printFailureLines: Readonly<Record<PrintJobFailureKind, string>> = {
  'paper-out-timeout': '打印机缺纸，证明没有打印完成。工作人员装纸后会为您补打，请稍候或到人工窗口办理。',
  'cover-open': '打印机仓盖没有关好，证明没有打印完成。已通知工作人员处理，请稍候。',
  offline: '打印机暂时不能打印，证明没有打印完成。已通知工作人员处理，请稍候。',
  unrecoverable: '打印机出现故障，无法完成打印。请到人工窗口打印证明，工作人员会协助您。',
  disconnected: '打印机连接中断，证明是否已经打出还不能确定。请联系工作人员核实，不会为您重复打印。',
  timeout: '打印机长时间没有回应，证明是否已经打出还不能确定。请联系工作人员核实，不会为您重复打印。',
  'payload-unreadable': '证明数据无法读取，请到人工窗口办理。',
  internal: '打印没有完成，请联系工作人员。',
};

/** `printFailureLines` for a kind read back from the spooler's store (a string); a kind it does not know reads as `internal`. */
export function printFailureLine(kind: string): string {
  return isFailureKind(kind) ? printFailureLines[kind] : printFailureLines.internal;
}

/** Staff panel (and the command line's operator): why a job is paused and what to do; it goes on by itself after. */
export const staffPauseLines: Readonly<Record<PrinterPauseReason, string>> = {
  'paper-out': '打印已暂停：打印机缺纸，请装入80毫米热敏纸，装好后自动接着打印。',
  'cover-open': '打印已暂停：打印机仓盖开着，请合上仓盖，合上后自动接着打印。',
  offline: '打印已暂停：打印机离线，请检查电源和连接线，恢复后自动接着打印。',
};

/** Staff panel: the pause is over and the job goes on. */
export const staffResumedLine = '打印机已恢复，正在接着打印。';

/** Staff panel: what made a job fail or end unconfirmed, as a short cause; the job's state says the rest. */
export const staffFailureCauses: Readonly<Record<PrintJobFailureKind, string>> = {
  'paper-out-timeout': '缺纸等待超时',
  'cover-open': '仓盖一直没有合上',
  offline: '打印机一直离线',
  unrecoverable: '打印机故障，出纸口可能有半张证明',
  disconnected: '打印机连接中断',
  timeout: '打印机没有回应',
  'payload-unreadable': '证明数据无法读取',
  internal: '内部错误，请查看日志',
};

/** `staffFailureCauses` for a kind read back from the spooler's store; a kind it does not know reads as `internal`. */
export function staffFailureCause(kind: string): string {
  return isFailureKind(kind) ? staffFailureCauses[kind] : staffFailureCauses.internal;
}

function isFailureKind(kind: string): kind is PrintJobFailureKind {
  return Object.hasOwn(printFailureLines, kind);
}
