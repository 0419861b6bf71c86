import { EscPosDocument } from '../escpos/escPosDocument.js';
import { formatChinaTime } from '../certificate/chinaTime.js';
import type { PrinterClient } from '../printerClient.js';
import { PrinterError } from '../printerError.js';
import type { PrinterStatus } from '../status/printerStatus.js';

export type DiagnosticStatus = 'pass' | 'warn' | 'fail';

/** One line of the kiosk's diagnostics page. */
export interface DiagnosticCheck {
  id: string;
  title: string;
  status: DiagnosticStatus;
  measurements: Record<string, number | string | boolean>;
  /** What staff should do, in plain Chinese; only when something is wrong. */
  remedy?: string;
}

export const printerRemedies = {
  noAnswer: '打印机没有响应，请检查打印机电源是否打开、串口线（或USB线）是否插好。',
  unrecoverable: '打印机出现严重故障，请关闭打印机电源后重新开启；仍不能恢复请联系设备维修。',
  coverOpen: '打印机仓盖未关好，请打开仓盖检查纸卷后重新合紧。',
  cutterError: '打印机切刀卡住，请打开仓盖清除卡纸后合上仓盖。',
  offline: '打印机处于离线状态，请检查打印机面板指示灯，必要时重启打印机。',
  paperOut: '打印机缺纸，请装入80毫米热敏纸。',
  paperNearEnd: '打印纸即将用完，请准备更换80毫米热敏纸卷。',
  testPageFailed: '测试页未能打印完成，请按上面的提示检查打印机后重试。',
} as const;

const remedyForFailure: Record<string, string> = {
  'paper-out-timeout': printerRemedies.paperOut,
  'cover-open': printerRemedies.coverOpen,
  offline: printerRemedies.offline,
  unrecoverable: printerRemedies.unrecoverable,
  disconnected: printerRemedies.noAnswer,
  timeout: printerRemedies.noAnswer,
};

/** A short page with Chinese text in both sizes and a QR code: if it prints right, certificates will. */
export function encodeTestPage(at: Date = new Date()): Uint8Array {
  return new EscPosDocument()
    .line('打印机自检页', { align: 'center', bold: true, size: 2 })
    .line(`时间：${formatChinaTime(at)}`)
    .line('中文测试：社会保险参保证明 青岛市人社服务大厅')
    .line('ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789')
    .rule('-')
    .qrCode(`PRINTER-SELFTEST ${at.toISOString()}`, { moduleSize: 4 })
    .line('二维码应能被手机扫描识别', { align: 'center' })
    .cut()
    .encode();
}

async function timed<T>(task: () => Promise<T>): Promise<{ value?: T; error?: unknown; ms: number }> {
  const started = performance.now();
  try {
    const value = await task();
    return { value, ms: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    return { error, ms: Math.round((performance.now() - started) * 10) / 10 };
  }
}

function statusCheck(status: PrinterStatus | undefined, error: unknown, ms: number): DiagnosticCheck {
  const base = { id: 'printer.status', title: '打印机连接与状态' };
  if (!status) {
    const kind = error instanceof PrinterError ? error.kind : 'disconnected';
    return { ...base, status: 'fail', measurements: { reachable: false, error: kind, roundTripMs: ms }, remedy: printerRemedies.noAnswer };
  }
  const measurements = {
    reachable: true,
    roundTripMs: ms,
    online: status.online,
    coverOpen: status.coverOpen,
    cutterError: status.cutterError,
    unrecoverableError: status.unrecoverableError,
    autoRecoverableError: status.autoRecoverableError,
  };
  if (status.unrecoverableError) return { ...base, status: 'fail', measurements, remedy: printerRemedies.unrecoverable };
  if (status.coverOpen) return { ...base, status: 'fail', measurements, remedy: printerRemedies.coverOpen };
  if (status.cutterError) return { ...base, status: 'fail', measurements, remedy: printerRemedies.cutterError };
  if (!status.online && !status.paperOut) return { ...base, status: 'fail', measurements, remedy: printerRemedies.offline };
  if (status.autoRecoverableError) return { ...base, status: 'warn', measurements, remedy: printerRemedies.offline };
  return { ...base, status: 'pass', measurements };
}

function paperCheck(status: PrinterStatus | undefined): DiagnosticCheck {
  const base = { id: 'printer.paper', title: '打印纸' };
  if (!status) return { ...base, status: 'fail', measurements: { known: false }, remedy: printerRemedies.noAnswer };
  const measurements = { known: true, paperOut: status.paperOut, paperNearEnd: status.paperNearEnd };
  if (status.paperOut) return { ...base, status: 'fail', measurements, remedy: printerRemedies.paperOut };
  if (status.paperNearEnd) return { ...base, status: 'warn', measurements, remedy: printerRemedies.paperNearEnd };
  return { ...base, status: 'pass', measurements };
}

/**
 * The printer's part of the diagnostics mode: status and paper always; a test page only when asked
 * (it uses paper). Never throws.
 */
export async function runPrinterSelfTest(client: Pick<PrinterClient, 'status' | 'printJob'>, options: { printTestPage?: boolean; now?: () => Date } = {}): Promise<DiagnosticCheck[]> {
  const probe = await timed(() => client.status());
  const checks = [statusCheck(probe.value, probe.error, probe.ms), paperCheck(probe.value)];
  if (!options.printTestPage) return checks;

  const base = { id: 'printer.testPage', title: '测试页打印' };
  if (checks.some((c) => c.status === 'fail')) {
    checks.push({ ...base, status: 'fail', measurements: { printed: false, skipped: true }, remedy: checks.find((c) => c.remedy)?.remedy ?? printerRemedies.testPageFailed });
    return checks;
  }
  const at = options.now?.() ?? new Date();
  const page = encodeTestPage(at);
  const run = await timed(() => client.printJob(`selftest-${at.getTime()}`, page));
  if (run.value === 'done') {
    checks.push({ ...base, status: 'pass', measurements: { printed: true, bytes: page.length, durationMs: run.ms } });
  } else {
    const kind = run.error instanceof PrinterError ? run.error.kind : 'unknown';
    checks.push({ ...base, status: 'fail', measurements: { printed: false, error: kind, durationMs: run.ms }, remedy: remedyForFailure[kind] ?? printerRemedies.testPageFailed });
  }
  return checks;
}
