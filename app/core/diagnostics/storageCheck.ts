import { existsSync, readdirSync, statSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import path from 'node:path';
import { resolveFromRoot } from '../config/loadConfig.js';
import type { DiagnosticContext } from './diagnosticContext.js';
import { diagnosticResult, type DiagnosticCheck, type DiagnosticStatus } from './diagnosticResult.js';

/** Below this much free space on the data disk: warn (the database and logs keep growing). */
export const DISK_FREE_WARN_BYTES = 2 * 1024 ** 3;
/** Below this: fail (SQLite may no longer be able to write a transaction). */
export const DISK_FREE_FAIL_BYTES = 512 * 1024 ** 2;
/** Below this share of the disk free: warn even when the absolute amount looks large. */
export const DISK_FREE_WARN_RATIO = 0.1;

/** What the check needs of `fs.statfs`: block size, total and available blocks. */
export type StatFs = (dir: string) => Promise<{ bsize: number; blocks: number; bavail: number }>;

export interface StorageCheckOptions {
  /** Replaces `fs.statfs` (tests simulate a nearly full disk). */
  statfs?: StatFs;
}

const REMEDY = {
  low: '数据盘剩余空间不足：请删除数据目录中不需要的旧文件（例如旧的日志、导出的报告），确认数据库文件没有异常增大；清理后仍不足请联系厂家更换或扩容存储。',
  full: '数据盘几乎已满，数据库可能无法保存办理记录：请立即清理数据目录中的旧日志和导出文件，并重启服务；如果无法腾出空间，请停止使用本机并联系厂家。',
  unreadable: '无法读取数据目录所在磁盘的空间：请确认数据目录存在且服务账户有权限访问；如磁盘未挂载或损坏，请联系厂家。',
} as const;

/** Bytes of one file, or 0 when it is not there. */
function fileBytes(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Total size of the *.log files in the data folder and its logs/ folder (the kiosk itself logs to stderr). */
function logBytes(dataDir: string): number {
  let total = 0;
  for (const dir of [dataDir, path.join(dataDir, 'logs')]) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) if (/\.log(\.\d+)?$/.test(name)) total += fileBytes(path.join(dir, name));
  }
  return total;
}

/** storage.disk: free space on the disk holding the kiosk's data folder, and the database and log sizes. */
export function storageCheck(options: StorageCheckOptions = {}): DiagnosticCheck<DiagnosticContext> {
  const stat: StatFs = options.statfs ?? ((dir) => statfs(dir));
  return {
    device: 'storage',
    title: '存储空间',
    async run(context) {
      const dataDir = resolveFromRoot(context.config.dataDir);
      const dbFile = path.join(dataDir, context.config.database.file);
      // The data folder may not exist before the first start: measure the nearest folder that does.
      let probe = dataDir;
      while (!existsSync(probe) && path.dirname(probe) !== probe) probe = path.dirname(probe);
      const sizes = {
        databaseBytes: fileBytes(dbFile) + fileBytes(`${dbFile}-wal`),
        logBytes: logBytes(dataDir),
      };
      let info: Awaited<ReturnType<StatFs>>;
      try {
        info = await stat(probe);
      } catch (error) {
        return [diagnosticResult({ id: 'storage.disk', device: 'storage', title: '数据盘剩余空间', status: 'fail', measurements: { ...sizes, error: (error as Error).message }, remedy: REMEDY.unreadable }, context.now())];
      }
      const totalBytes = info.blocks * info.bsize;
      const freeBytes = info.bavail * info.bsize;
      const freeRatio = totalBytes > 0 ? Math.round((freeBytes / totalBytes) * 1000) / 1000 : 0;
      let status: DiagnosticStatus = 'pass';
      if (freeBytes < DISK_FREE_FAIL_BYTES) status = 'fail';
      else if (freeBytes < DISK_FREE_WARN_BYTES || freeRatio < DISK_FREE_WARN_RATIO) status = 'warn';
      return [
        diagnosticResult(
          {
            id: 'storage.disk',
            device: 'storage',
            title: '数据盘剩余空间',
            status,
            measurements: { freeBytes, totalBytes, freeRatio, warnBelowBytes: DISK_FREE_WARN_BYTES, failBelowBytes: DISK_FREE_FAIL_BYTES, ...sizes },
            remedy: status === 'fail' ? REMEDY.full : REMEDY.low,
          },
          context.now(),
        ),
      ];
    },
  };
}
