// Printer events as a discriminated union (DESIGN.md rule 3). They carry no personal data: a job id and,
// where the citizen should be told something, a plain Chinese sentence.

export type PrinterPauseReason = 'paper-out' | 'cover-open' | 'offline';

export type PrinterEvent =
  | { type: 'printer.paperOut'; jobId: string; citizenMessage: string }
  | { type: 'printer.paperRestored'; jobId: string; citizenMessage: string }
  | { type: 'printer.coverOpen'; jobId: string; citizenMessage: string }
  | { type: 'printer.coverClosed'; jobId: string; citizenMessage: string }
  | { type: 'printer.offline'; jobId: string; citizenMessage: string }
  | { type: 'printer.online'; jobId: string; citizenMessage: string }
  /** Not a pause: staff should change the roll soon. */
  | { type: 'printer.paperNearEnd'; jobId: string }
  | { type: 'printer.jobDone'; jobId: string }
  | { type: 'printer.jobFailed'; jobId: string; kind: string; citizenMessage: string }
  /** The job may or may not be on paper; staff confirm it or reprint it explicitly. */
  | { type: 'printer.jobUnconfirmed'; jobId: string; reason: string };

export type PrinterEventListener = (event: PrinterEvent) => void;

const RESUMED = '打印机已恢复，正在继续打印，请稍候。';

export const pauseMessages: Readonly<Record<PrinterPauseReason, { paused: string; resumed: string }>> = {
  'paper-out': { paused: '打印机缺纸，已通知工作人员装纸，装好后会接着打印，请稍候。', resumed: RESUMED },
  'cover-open': { paused: '打印机仓盖被打开，打印已暂停，仓盖合上后会接着打印，请稍候。', resumed: RESUMED },
  offline: { paused: '打印机暂时离线，打印已暂停，已通知工作人员处理，请稍候。', resumed: RESUMED },
};
