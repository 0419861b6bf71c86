import type { PrinterErrorKind } from './printerError.js';

// Printer events as a discriminated union (DESIGN.md rule 3). They carry no personal data and no wording: a job
// id and, where something went wrong, a kind. What a citizen or staff are told is decided in app/core.

export type PrinterPauseReason = 'paper-out' | 'cover-open' | 'offline';

/**
 * Why the spooler gave up on a job: the printer client's error kinds, plus `payload-unreadable` (the sealed job
 * could not be opened) and `internal` (anything that was not a printer error).
 */
export type PrintJobFailureKind = PrinterErrorKind | 'payload-unreadable' | 'internal';

export type PrinterEvent =
  | { type: 'printer.paperOut'; jobId: string }
  | { type: 'printer.paperRestored'; jobId: string }
  | { type: 'printer.coverOpen'; jobId: string }
  | { type: 'printer.coverClosed'; jobId: string }
  | { type: 'printer.offline'; jobId: string }
  | { type: 'printer.online'; jobId: string }
  /** Not a pause: staff should change the roll soon. */
  | { type: 'printer.paperNearEnd'; jobId: string }
  | { type: 'printer.jobDone'; jobId: string }
  | { type: 'printer.jobFailed'; jobId: string; kind: PrintJobFailureKind }
  /** The job may or may not be on paper; staff confirm it or reprint it explicitly. */
  | { type: 'printer.jobUnconfirmed'; jobId: string; reason: PrintJobFailureKind };

export type PrinterEventListener = (event: PrinterEvent) => void;
