/** The parts of the robot a technician checks; one diagnostics section each. */
export const DIAGNOSTIC_DEVICES = ['serial', 'robot', 'printer', 'idcard', 'microphone', 'speaker', 'camera', 'models', 'backend', 'llm', 'outbox', 'storage', 'system'] as const;
export type DiagnosticDevice = (typeof DIAGNOSTIC_DEVICES)[number];

/** skipped: not run here (no such device configured, a movement not confirmed); says why in `summary`. */
export type DiagnosticStatus = 'pass' | 'warn' | 'fail' | 'skipped';

/**
 * One check's verdict, as the screen, `kiosk diag --json` and the saved report show it. Other tools rely on this
 * form: add fields, never rename them.
 */
export interface DiagnosticResult {
  /** Stable, dotted: printer.status, robot.heartbeat, storage.disk … */
  id: string;
  device: DiagnosticDevice;
  /** What was checked, in Chinese for the technician: 打印机状态. */
  title: string;
  status: DiagnosticStatus;
  /** What was measured, with units in the key names (freeBytes, roundTripMs). No personal data. */
  measurements: Record<string, number | string | boolean | null>;
  /** ISO 8601, when the check finished. */
  at: string;
  /** For anything but a pass: which part, what to try, when to call the vendor, in Chinese; null on a pass. */
  remedy: string | null;
}

/** A check that may yield several results (a printer's status bits and its test page). */
export interface DiagnosticCheck<Context = unknown> {
  device: DiagnosticDevice;
  /** What it is, for `--only` and the screen's list. */
  title: string;
  run(context: Context): Promise<DiagnosticResult[]>;
}

/** A result builder that stamps the time and keeps remedies off passes. */
export function diagnosticResult(
  fields: Omit<DiagnosticResult, 'at' | 'remedy' | 'measurements'> & { measurements?: DiagnosticResult['measurements']; remedy?: string | null },
  at: Date = new Date(),
): DiagnosticResult {
  return {
    id: fields.id,
    device: fields.device,
    title: fields.title,
    status: fields.status,
    measurements: fields.measurements ?? {},
    at: at.toISOString(),
    remedy: fields.status === 'pass' ? null : (fields.remedy ?? null),
  };
}
