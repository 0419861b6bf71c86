import type { PrinterEvent } from '../../../printer/index.js';
import { staffFailureCause, staffPauseLines, staffResumedLine } from '../devices/printerWording.js';

/** The states a print job shows on the staff panel: the spooler's states plus `paused` (waiting for paper, cover, link). */
export type StaffPrintJobState = 'queued' | 'printing' | 'paused' | 'done' | 'failed' | 'unconfirmed' | 'cancelled';

/** What staff read for a job in each state, when nothing more specific is known (why it paused, what made it fail). */
export const staffJobMessages: Readonly<Record<StaffPrintJobState, string>> = {
  queued: '已排队，等待打印',
  printing: '正在打印',
  paused: '打印已暂停',
  done: '已打印完成',
  failed: '打印失败',
  unconfirmed: '不确定是否已打出，请核实后确认或补打',
  cancelled: '已取消',
};

/**
 * The staff panel's message for a job state; for a failed or unconfirmed job with the kind of error the spooler
 * recorded, the cause comes first. A state the panel does not know is shown as it is.
 */
export function staffJobMessage(state: string, errorKind?: string): string {
  const message = (staffJobMessages as Readonly<Record<string, string>>)[state] ?? state;
  if (errorKind === undefined) return message;
  if (state === 'failed') return `${message}：${staffFailureCause(errorKind)}`;
  if (state === 'unconfirmed') return `${staffFailureCause(errorKind)}，${message}`;
  return message;
}

/** What a printer event means for its job on the staff panel: the new state and what staff read, or null for no change. */
export function staffJobUpdate(event: PrinterEvent): { state: StaffPrintJobState; message: string } | null {
  switch (event.type) {
    case 'printer.paperOut':
      return { state: 'paused', message: staffPauseLines['paper-out'] };
    case 'printer.coverOpen':
      return { state: 'paused', message: staffPauseLines['cover-open'] };
    case 'printer.offline':
      return { state: 'paused', message: staffPauseLines.offline };
    case 'printer.paperRestored':
    case 'printer.coverClosed':
    case 'printer.online':
      return { state: 'printing', message: staffResumedLine };
    case 'printer.jobDone':
      return { state: 'done', message: staffJobMessage('done') };
    case 'printer.jobFailed':
      return { state: 'failed', message: staffJobMessage('failed', event.kind) };
    case 'printer.jobUnconfirmed':
      return { state: 'unconfirmed', message: staffJobMessage('unconfirmed', event.reason) };
    case 'printer.paperNearEnd':
      // Not a pause: the job goes on as it was.
      return null;
  }
}
