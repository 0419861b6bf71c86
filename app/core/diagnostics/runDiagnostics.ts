import { diagnosticResult, type DiagnosticCheck, type DiagnosticDevice, type DiagnosticResult } from './diagnosticResult.js';

export interface DiagnosticReport {
  /** No check failed (warnings and skips do not fail the robot). */
  ok: boolean;
  checks: DiagnosticResult[];
}

/**
 * Runs the checks one after the other (devices share ports and the CPU; a technician reads them in order), `only`
 * narrowing to one device. A check that throws is a failed check with the error's message, never a crashed run, and
 * `onResult` hears each result as it comes (the screen's live progress).
 */
export async function runDiagnostics<Context>(
  checks: readonly DiagnosticCheck<Context>[],
  context: Context,
  options: { only?: DiagnosticDevice; onResult?: (result: DiagnosticResult) => void; now?: () => Date } = {},
): Promise<DiagnosticReport> {
  const now = options.now ?? (() => new Date());
  const results: DiagnosticResult[] = [];
  for (const check of checks) {
    if (options.only && check.device !== options.only) continue;
    let found: DiagnosticResult[];
    try {
      found = await check.run(context);
    } catch (error) {
      found = [
        diagnosticResult(
          {
            id: `${check.device}.error`,
            device: check.device,
            title: check.title,
            status: 'fail',
            measurements: { error: error instanceof Error ? error.message : String(error) },
            remedy: '这项检查没有运行完：请记下屏幕上的错误信息，重启机器后再检查一次；仍然出错请联系厂家。',
          },
          now(),
        ),
      ];
    }
    for (const result of found) {
      results.push(result);
      options.onResult?.(result);
    }
  }
  return { ok: results.every((r) => r.status !== 'fail'), checks: results };
}
