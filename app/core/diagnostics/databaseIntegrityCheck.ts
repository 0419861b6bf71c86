import BetterSqlite3 from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { resolveFromRoot } from '../config/loadConfig.js';
import type { DiagnosticContext } from './diagnosticContext.js';
import { diagnosticResult, type DiagnosticCheck } from './diagnosticResult.js';

const REMEDY = {
  missing: '找不到本机数据库文件：如果本机刚安装、还没有启动过，启动一次服务即可自动创建；如果以前用过，说明数据目录被移动或删除，请检查配置中的 dataDir 和 database.file，并联系厂家恢复备份。',
  corrupt: '本机数据库文件已损坏：请先停止服务，复制整个数据目录作为备份，然后联系厂家修复或恢复；在修复前不要删除该文件，其中可能有尚未上传到业务系统的办理记录。',
} as const;

/** storage.database: SQLite `PRAGMA integrity_check` on the kiosk's database, opened read-only. */
export function databaseIntegrityCheck(): DiagnosticCheck<DiagnosticContext> {
  return {
    device: 'storage',
    title: '本机数据库',
    async run(context) {
      const file = path.join(resolveFromRoot(context.config.dataDir), context.config.database.file);
      const base = { id: 'storage.database', device: 'storage', title: '本机数据库完整性' } as const;
      if (!existsSync(file)) return [diagnosticResult({ ...base, status: 'fail', measurements: { file: context.config.database.file, exists: false }, remedy: REMEDY.missing }, context.now())];
      let db: BetterSqlite3.Database | null = null;
      try {
        db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
        db.pragma('busy_timeout = 5000');
        const rows = db.pragma('integrity_check') as { integrity_check: string }[];
        const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
        const measurements = { file: context.config.database.file, exists: true, integrity: problems.length === 0 ? 'ok' : problems.slice(0, 3).join('; '), problemCount: problems.length };
        return [diagnosticResult({ ...base, status: problems.length === 0 ? 'pass' : 'fail', measurements, remedy: REMEDY.corrupt }, context.now())];
      } catch (error) {
        return [diagnosticResult({ ...base, status: 'fail', measurements: { file: context.config.database.file, exists: true, error: (error as Error).message }, remedy: REMEDY.corrupt }, context.now())];
      } finally {
        db?.close();
      }
    },
  };
}
