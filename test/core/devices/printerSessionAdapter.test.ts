import { describe, expect, it } from 'vitest';
import type { PrinterEvent } from '../../../printer/index.js';
import { toPrinterSessionEvent } from '../../../app/core/devices/printerSessionAdapter.js';

describe('printer events into the session', () => {
  it('turns the spooler events into pauses with a reason, resumes and job ends, with no wording', () => {
    const cases: [PrinterEvent, unknown][] = [
      [{ type: 'printer.paperOut', jobId: 'j' }, { type: 'printer.paused', jobId: 'j', reason: 'paper-out' }],
      [{ type: 'printer.coverOpen', jobId: 'j' }, { type: 'printer.paused', jobId: 'j', reason: 'cover-open' }],
      [{ type: 'printer.offline', jobId: 'j' }, { type: 'printer.paused', jobId: 'j', reason: 'offline' }],
      [{ type: 'printer.paperRestored', jobId: 'j' }, { type: 'printer.resumed', jobId: 'j' }],
      [{ type: 'printer.coverClosed', jobId: 'j' }, { type: 'printer.resumed', jobId: 'j' }],
      [{ type: 'printer.online', jobId: 'j' }, { type: 'printer.resumed', jobId: 'j' }],
      [{ type: 'printer.paperNearEnd', jobId: 'j' }, { type: 'printer.paperNearEnd', jobId: 'j' }],
      [{ type: 'printer.jobDone', jobId: 'j' }, { type: 'printer.jobDone', jobId: 'j' }],
      [{ type: 'printer.jobFailed', jobId: 'j', kind: 'unrecoverable' }, { type: 'printer.jobFailed', jobId: 'j', kind: 'unrecoverable' }],
      [{ type: 'printer.jobUnconfirmed', jobId: 'j', reason: 'timeout' }, { type: 'printer.jobUnconfirmed', jobId: 'j' }],
    ];
    for (const [event, expected] of cases) expect(toPrinterSessionEvent(event)).toEqual(expected);
  });
});
