import BetterSqlite3 from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { resolveFromRoot } from '../config/loadConfig.js';
import { outboxCounts } from '../outbox/outboxListing.js';
import type { DiagnosticContext } from './diagnosticContext.js';
import { diagnosticResult, type DiagnosticCheck, type DiagnosticResult, type DiagnosticStatus } from './diagnosticResult.js';

/** The oldest unsent result waiting longer than this: warn (the business system has been unreachable a while). */
export const OUTBOX_OLDEST_WARN_MS = 60 * 60 * 1000;
/** Longer than this: fail (citizens' results are a day late). */
export const OUTBOX_OLDEST_FAIL_MS = 24 * 60 * 60 * 1000;
/** More waiting entries than this: warn however young they are. */
export const OUTBOX_WAITING_WARN = 50;

const REMEDY = {
  backlog:
    '有办理结果积压在本机、尚未上传到业务系统：请先查看上面“业务系统”一项是否连通，恢复网络后系统会自动重发；可在工作人员界面的“待上传”列表查看每一笔的失败原因。积压超过一天请联系信息中心，必要时人工补录。',
  noDatabase: '找不到本机数据库，无法检查待上传的办理结果：请先按“本机数据库”一项的提示处理。',
} as const;

/** outbox.backlog: how many results wait to be sent to the business system, and how old the oldest is. */
export function outboxBacklogCheck(): DiagnosticCheck<DiagnosticContext> {
  return {
    device: 'outbox',
    title: '待上传的办理结果',
    async run(context) {
      const result = (status: DiagnosticStatus, measurements: DiagnosticResult['measurements'], remedy: string | null) =>
        diagnosticResult({ id: 'outbox.backlog', device: 'outbox', title: '待上传的办理结果', status, measurements, remedy }, context.now());
      const file = path.join(resolveFromRoot(context.config.dataDir), context.config.database.file);
      if (!existsSync(file)) return [result('skipped', { reason: 'no-database' }, REMEDY.noDatabase)];
      let db: BetterSqlite3.Database | null = null;
      try {
        db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
        db.pragma('busy_timeout = 5000');
        const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'transaction_outbox'").get() !== undefined;
        if (!hasTable) return [result('pass', { waiting: 0, oldestWaitingAgeMs: null, tablePresent: false }, null)];
        const counts = outboxCounts(db);
        const waiting = counts.pending + counts.sending;
        const oldest = (db.prepare("SELECT MIN(created_at) AS at FROM transaction_outbox WHERE state IN ('pending', 'sending')").get() as { at: string | null }).at;
        const oldestWaitingAgeMs = oldest === null ? null : Math.max(0, context.now().getTime() - Date.parse(oldest));
        const measurements = { waiting, pending: counts.pending, sending: counts.sending, delivered: counts.delivered, rejected: counts.rejected, oldestWaitingAt: oldest, oldestWaitingAgeMs };
        let status: DiagnosticStatus = 'pass';
        if (oldestWaitingAgeMs !== null && oldestWaitingAgeMs > OUTBOX_OLDEST_FAIL_MS) status = 'fail';
        else if ((oldestWaitingAgeMs !== null && oldestWaitingAgeMs > OUTBOX_OLDEST_WARN_MS) || waiting > OUTBOX_WAITING_WARN) status = 'warn';
        return [result(status, measurements, REMEDY.backlog)];
      } catch (error) {
        return [result('fail', { error: (error as Error).message }, REMEDY.noDatabase)];
      } finally {
        db?.close();
      }
    },
  };
}
