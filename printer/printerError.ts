/** Why a print job did not finish, as the session machine and the spooler see it. */
export type PrinterErrorKind = 'paper-out-timeout' | 'cover-open' | 'offline' | 'unrecoverable' | 'disconnected' | 'timeout';

/** What the citizen hears and reads: what happened and what happens next, in plain Chinese. */
export const citizenMessages: Readonly<Record<PrinterErrorKind, string>> = {
  'paper-out-timeout': '打印机缺纸，证明没有打印完成。工作人员装纸后会为您补打，请稍候或到人工窗口办理。',
  'cover-open': '打印机仓盖没有关好，证明没有打印完成。已通知工作人员处理，请稍候。',
  offline: '打印机暂时不能打印，证明没有打印完成。已通知工作人员处理，请稍候。',
  unrecoverable: '打印机出现故障，无法完成打印。请到人工窗口打印证明，工作人员会协助您。',
  disconnected: '打印机连接中断，证明是否已经打出还不能确定。请联系工作人员核实，不会为您重复打印。',
  timeout: '打印机长时间没有回应，证明是否已经打出还不能确定。请联系工作人员核实，不会为您重复打印。',
};

/** A failed print job. `bytesSent` tells the spooler whether anything may have reached the paper. */
export class PrinterError extends Error {
  override readonly name = 'PrinterError';
  readonly kind: PrinterErrorKind;
  readonly citizenMessage: string;
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
    this.citizenMessage = citizenMessages[kind];
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
