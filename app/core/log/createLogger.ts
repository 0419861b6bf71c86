import { pino, type Logger, type DestinationStream } from 'pino';
import { maskIdLike, scrubPersonalData } from '../privacy/scrubPersonalData.js';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level?: string;
  /** Where JSON lines go; standard error by default so command-line JSON on standard output stays clean. */
  destination?: DestinationStream;
  name?: string;
}

/**
 * Structured JSON logging. Every record is scrubbed of personal data (ID numbers, phones, names by key)
 * before it is written, so a careless `log.info({ citizen })` cannot leak.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      name: options.name ?? 'kiosk',
      level: options.level ?? process.env.KIOSK_LOG_LEVEL ?? 'info',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        log: (record) => scrubPersonalData(record) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((a) => (typeof a === 'string' ? maskIdLike(a) : a));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    options.destination ?? pino.destination({ fd: 2, sync: true }),
  );
}
