import { loadConfig } from '../core/config/loadConfig.js';
import { DIAGNOSTIC_DEVICES, type DiagnosticDevice, type DiagnosticResult } from '../core/diagnostics/diagnosticResult.js';
import { kioskDiagnosticChecks } from '../core/diagnostics/kioskDiagnosticChecks.js';
import { runDiagnostics } from '../core/diagnostics/runDiagnostics.js';
import { createLogger } from '../core/log/createLogger.js';
import { parseCliArgs, UsageError } from './cliOptions.js';

const MARK: Record<DiagnosticResult['status'], string> = { pass: '通过', warn: '注意', fail: '故障', skipped: '未检查' };

/**
 * `kiosk diag [--json] [--config <file>] [--only <device>] [--move]`: the technician's checks against the devices,
 * folders and endpoints the configuration names (real ports, or the built-in simulators where none is configured).
 * `--json` prints `{"ok": bool, "checks": [...]}` (the form other tools rely on); otherwise one line per check as it
 * finishes, with the remedy under anything that is not a pass. Exit 1 when any check failed. The robot moves only
 * with `--move` (the technician has made sure the area is clear).
 */
export async function diagCommand(args: string[]): Promise<number> {
  const { values } = parseCliArgs(args, { json: { type: 'boolean', default: false }, only: { type: 'string' }, move: { type: 'boolean', default: false } }, false);
  const only = values.only as DiagnosticDevice | undefined;
  if (only !== undefined && !DIAGNOSTIC_DEVICES.includes(only)) throw new UsageError(`--only is one of ${DIAGNOSTIC_DEVICES.join(', ')}`);
  const { config, file } = loadConfig(values.config ? { file: values.config } : {});
  const log = createLogger({ level: 'silent' });
  const context = { config, configFile: file, now: () => new Date(), log, allowMovement: values.move === true };
  const report = await runDiagnostics(kioskDiagnosticChecks, context, {
    ...(only ? { only } : {}),
    ...(values.json ? {} : { onResult: (result: DiagnosticResult) => void process.stdout.write(lineOf(result)) }),
  });
  if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else process.stdout.write(report.ok ? '全部检查完成，没有故障。\n' : '有故障，请按上面的提示处理。\n');
  return report.ok ? 0 : 1;
}

function lineOf(result: DiagnosticResult): string {
  const measured = Object.entries(result.measurements).map(([key, value]) => `${key}=${String(value)}`).join(' ');
  return `[${MARK[result.status]}] ${result.title} (${result.id}) ${measured}\n${result.remedy ? `    处理：${result.remedy}\n` : ''}`;
}
