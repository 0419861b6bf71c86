import type { PrinterEvent } from '../../../printer/index.js';
import type { PrinterSessionEvent } from './deviceSessionEvents.js';

/** The spooler's printer events as session events: a pause with its reason, its end, and how the job ended. */
export function toPrinterSessionEvent(event: PrinterEvent): PrinterSessionEvent {
  switch (event.type) {
    case 'printer.paperOut':
      return { type: 'printer.paused', jobId: event.jobId, reason: 'paper-out' };
    case 'printer.coverOpen':
      return { type: 'printer.paused', jobId: event.jobId, reason: 'cover-open' };
    case 'printer.offline':
      return { type: 'printer.paused', jobId: event.jobId, reason: 'offline' };
    case 'printer.paperRestored':
    case 'printer.coverClosed':
    case 'printer.online':
      return { type: 'printer.resumed', jobId: event.jobId };
    case 'printer.paperNearEnd':
      return { type: 'printer.paperNearEnd', jobId: event.jobId };
    case 'printer.jobDone':
      return { type: 'printer.jobDone', jobId: event.jobId };
    case 'printer.jobFailed':
      return { type: 'printer.jobFailed', jobId: event.jobId, kind: event.kind };
    case 'printer.jobUnconfirmed':
      return { type: 'printer.jobUnconfirmed', jobId: event.jobId };
  }
}
