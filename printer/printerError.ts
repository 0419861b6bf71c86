/** Why a print job did not finish, as the spooler sees it. What a person is told about each kind is app/core's. */
export type PrinterErrorKind = 'paper-out-timeout' | 'cover-open' | 'offline' | 'unrecoverable' | 'disconnected' | 'timeout';

/** A failed print job. `bytesSent` tells the spooler whether anything may have reached the paper. */
export class PrinterError extends Error {
  override readonly name = 'PrinterError';
  readonly kind: PrinterErrorKind;
  readonly jobId: string | undefined;
  /** Bytes of the job written to the port before the failure (0: the printer received nothing of it). */
  readonly bytesSent: number;
  readonly chunksSent: number;
  readonly totalChunks: number;

  constructor(
    kind: PrinterErrorKind,
    message: string,
    details: { jobId?: string; bytesSent?: number; chunksSent?: number; totalChunks?: number; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.jobId = details.jobId;
    this.bytesSent = details.bytesSent ?? 0;
    this.chunksSent = details.chunksSent ?? 0;
    this.totalChunks = details.totalChunks ?? 0;
  }

  /** True when part of the job may be on paper, so it must not be printed again without a person deciding. */
  get mayHavePrinted(): boolean {
    return this.bytesSent > 0;
  }
}
