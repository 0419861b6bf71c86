import type { Logger } from 'pino';
import type { PrintSpooler } from '../../../printer/index.js';
import { encodeRecordPrintout, type RecordPrintout } from './encodeRecordPrintout.js';

export interface RecordPrintService {
  /**
   * Puts the record in the spooler (sealed on disk before a byte is sent, so a crash never loses or repeats it)
   * and starts the printer; resolves with the job id as soon as the job is queued. The visit follows the job
   * to paper through the printer's events.
   */
  spool(record: RecordPrintout): Promise<{ jobId: string }>;
}

export function createRecordPrintService(options: { spooler: PrintSpooler; log: Logger }): RecordPrintService {
  return {
    async spool(record) {
      const job = options.spooler.enqueue(encodeRecordPrintout(record), { kind: 'record' });
      // Only the job id and the kind of record: the rows are the citizen's.
      options.log.info({ job: job.id, title: record.title }, 'record printout queued');
      options.spooler.printQueued().catch((error: unknown) => options.log.error({ job: job.id, err: error instanceof Error ? error.message : String(error) }, 'record printout: printer run failed'));
      return { jobId: job.id };
    },
  };
}
