import { chinaDateTimeOf } from '../backend/calendar.js';
import type { TransactionOutput } from './transactionMachine.js';

export interface TransactionReceipt {
  /** 社保卡挂失回执 */
  title: string;
  /** One row per line, as on screen and on paper: what, the reference (or that it is saved to be sent), when, the result. */
  rows: string[];
}

/**
 * The short receipt of a submitted or queued transaction, shown with the result and printable (打印) like a record.
 * Its rows come from what was already said (the result line with masked numbers) and the spec's own receipt rows,
 * so nothing on it is less masked than the screen. Null when there is nothing to give a receipt for (cancelled,
 * refused, ineligible, or a printout that is itself the paper).
 */
export function transactionReceipt(output: TransactionOutput, at: number): TransactionReceipt | null {
  if (output.receipt === null || output.printJobId !== null) return null;
  if (output.outcome !== 'submitted' && output.outcome !== 'queued') return null;
  return receiptOf({ title: output.title, sent: output.outcome === 'submitted', reference: output.reference, rows: output.receipt, line: output.line }, at);
}

/** Any service's receipt (a transaction, 养老认证): sent with its reference, or saved to be sent once. */
export function receiptOf(result: { title: string; sent: boolean; reference: string | null; rows: readonly string[]; line: string }, at: number): TransactionReceipt {
  const status = result.sent && result.reference !== null ? `受理编号：${result.reference}` : '状态：已保存在本机，业务系统恢复后自动提交（只提交一次）';
  return {
    title: `${result.title}回执`,
    rows: [`业务：${result.title}`, status, `办理时间：${chinaDateTimeOf(at).replace('T', ' ').slice(0, 16)}`, ...result.rows, `结果：${result.line}`],
  };
}
