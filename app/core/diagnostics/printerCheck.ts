import { runPrinterSelfTest, encodeTestPage, printerRemedies } from '../../../printer/diagnostics/printerSelfTest.js';
import { createPrinterClient, type PrinterClient } from '../../../printer/printerClient.js';
import { startVirtualPrinter, type VirtualPrinter, type VirtualPrinterOptions } from '../../../printer/simulator/virtualPrinter.js';
import type { DiagnosticContext } from './diagnosticContext.js';
import { diagnosticResult, type DiagnosticCheck, type DiagnosticResult } from './diagnosticResult.js';
import { errorText, openDeviceEndpoint, skippedDevice, timed } from './deviceEndpoint.js';

export interface PrinterCheckOptions {
  /** Print the test page with a QR code (it uses paper): only when the technician asks for it. */
  printTestPage?: boolean;
  /** How long a printer may take to confirm a job (GS ( H) before it counts as one that never does. Default 2000 ms. */
  completionTimeoutMs?: number;
  /** For the built-in simulator only: its options (e.g. `answersProcessId: false`) and a hook to inject faults. */
  simulator?: Partial<Omit<VirtualPrinterOptions, 'path'>>;
  onSimulator?: (printer: VirtualPrinter) => void | Promise<void>;
}

const REMEDY = {
  noCompletion:
    '这台打印机只回应 DLE EOT 状态查询，不回应 GS ( H 打印完成确认：状态检查仍然有效，但系统无法确认每一张是否打完。请在打印机设置工具中开启“处理ID应答”，或联系厂家确认型号是否支持；在此之前请留意取纸口。',
  testPageUnconfirmed: '测试页已发送，但打印机不回报打印完成：请查看出纸口是否打出测试页，并用手机扫描二维码确认能识别。',
  testPageSkipped: '打印机状态不正常，未打印测试页：请先按上面的提示处理后重新检查。',
} as const;

/**
 * The receipt printer: DLE EOT status bits (online, cover, cutter, errors), paper, whether it confirms jobs with
 * GS ( H (printers that answer only DLE EOT are told apart, not failed), and the test page only when asked.
 */
export function printerCheck(options: PrinterCheckOptions = {}): DiagnosticCheck<DiagnosticContext> {
  return {
    device: 'printer',
    title: '打印机',
    async run(context) {
      const endpoint = await openDeviceEndpoint(context.config.printer.port, 'diag-printer');
      if (endpoint.kind === 'unavailable') return [skippedDevice('printer', 'printer.status', '打印机连接与状态', endpoint.reason, context.now())];
      let simulator: VirtualPrinter | null = null;
      let client: PrinterClient | null = null;
      try {
        if (endpoint.kind === 'simulator') {
          simulator = await startVirtualPrinter({ ...options.simulator, path: endpoint.devicePath });
          await options.onSimulator?.(simulator);
        }
        const completionTimeoutMs = options.completionTimeoutMs ?? 2_000;
        client = createPrinterClient({ path: endpoint.path, completionTimeoutMs, recoveryTimeoutMs: completionTimeoutMs });
        return await checkPrinter(client, endpoint.path, endpoint.kind === 'simulator', options, context);
      } finally {
        await client?.close().catch(() => undefined);
        await simulator?.close().catch(() => undefined);
        await endpoint.close();
      }
    },
  };
}

async function checkPrinter(client: PrinterClient, port: string, simulated: boolean, options: PrinterCheckOptions, context: DiagnosticContext): Promise<DiagnosticResult[]> {
  const results: DiagnosticResult[] = [];
  const selfTest = await runPrinterSelfTest(client);
  for (const check of selfTest) {
    const measurements = check.id === 'printer.status' ? { port, simulator: simulated, statusQuery: 'DLE EOT', ...check.measurements } : check.measurements;
    results.push(diagnosticResult({ id: check.id, device: 'printer', title: check.title, status: check.status, measurements, remedy: check.remedy ?? null }, context.now()));
  }
  const healthy = selfTest.every((c) => c.status !== 'fail');

  // GS ( H: an empty job that only asks the printer to confirm it has processed everything before it.
  let confirmsJobs: boolean | null = null;
  if (!healthy) {
    results.push(diagnosticResult({ id: 'printer.completion', device: 'printer', title: '打印完成确认（GS ( H）', status: 'skipped', measurements: { reason: 'printer-not-ready' }, remedy: REMEDY.testPageSkipped }, context.now()));
  } else {
    const probe = await timed(() => client.printJob(`diag-probe-${context.now().getTime()}`, new Uint8Array(0)));
    confirmsJobs = probe.value === 'done';
    const measurements = { answersGsH: confirmsJobs, roundTripMs: probe.ms, ...(probe.error ? { error: errorText(probe.error) } : {}) };
    results.push(
      diagnosticResult(
        { id: 'printer.completion', device: 'printer', title: '打印完成确认（GS ( H）', status: confirmsJobs ? 'pass' : 'warn', measurements, remedy: confirmsJobs ? null : REMEDY.noCompletion },
        context.now(),
      ),
    );
  }

  if (options.printTestPage) results.push(await testPage(client, healthy, confirmsJobs, context));
  return results;
}

async function testPage(client: PrinterClient, healthy: boolean, confirmsJobs: boolean | null, context: DiagnosticContext): Promise<DiagnosticResult> {
  const base = { id: 'printer.testPage', device: 'printer' as const, title: '测试页打印（含二维码）' };
  if (!healthy) return diagnosticResult({ ...base, status: 'fail', measurements: { printed: false, skipped: true }, remedy: REMEDY.testPageSkipped }, context.now());
  const at = context.now();
  const page = encodeTestPage(at);
  const run = await timed(() => client.printJob(`selftest-${at.getTime()}`, page));
  if (run.value === 'done') return diagnosticResult({ ...base, status: 'pass', measurements: { printed: true, bytes: page.length, durationMs: run.ms } }, context.now());
  const kind = errorText(run.error);
  if (kind === 'timeout' && confirmsJobs === false) {
    return diagnosticResult({ ...base, status: 'warn', measurements: { printed: 'unconfirmed', bytes: page.length, durationMs: run.ms }, remedy: REMEDY.testPageUnconfirmed }, context.now());
  }
  const remedy = kind === 'cover-open' ? printerRemedies.coverOpen : kind === 'paper-out-timeout' ? printerRemedies.paperOut : kind === 'offline' ? printerRemedies.offline : printerRemedies.testPageFailed;
  return diagnosticResult({ ...base, status: 'fail', measurements: { printed: false, error: kind, durationMs: run.ms }, remedy }, context.now());
}
