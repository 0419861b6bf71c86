import type { PrinterEvent } from '../../../printer/index.js';

/** The states a print job shows on the staff panel: the spooler's states plus `paused` (waiting for paper, cover, link). */
export type StaffPrintJobState = 'queued' | 'printing' | 'paused' | 'done' | 'failed' | 'unconfirmed' | 'cancelled';

/** What staff read for a job in each state, when the printer gave no sentence of its own. */
export const staffJobMessages: Readonly<Record<StaffPrintJobState, string>> = {
  queued: '已排队，等待打印',
  printing: '正在打印',
  paused: '打印已暂停',
  done: '已打印完成',
  failed: '打印失败',
  unconfirmed: '不确定是否已打出，请核实后确认或补打',
  cancelled: '已取消',
};

/** The state a printer event leaves the job in; events that are missing (paper near its end) leave the job as it is. */
const jobStateAfter: Partial<Record<PrinterEvent['type'], StaffPrintJobState>> = {
  'printer.paperOut': 'paused',
  'printer.coverOpen': 'paused',
  'printer.offline': 'paused',
  'printer.paperRestored': 'printing',
  'printer.coverClosed': 'printing',
  'printer.online': 'printing',
  'printer.jobDone': 'done',
  'printer.jobFailed': 'failed',
  'printer.jobUnconfirmed': 'unconfirmed',
};

/** The staff panel's message for a job state; a state the panel does not know is shown as it is. */
export function staffJobMessage(state: string): string {
  return (staffJobMessages as Readonly<Record<string, string>>)[state] ?? state;
}

/** What a printer event means for its job on the staff panel: the new state and what staff read, or null for no change. */
export function staffJobUpdate(event: PrinterEvent): { state: StaffPrintJobState; message: string } | null {
  const state = jobStateAfter[event.type];
  if (!state) return null;
  return { state, message: 'citizenMessage' in event ? event.citizenMessage : staffJobMessages[state] };
}
