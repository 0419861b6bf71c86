import type { DiagnosticContext } from './diagnosticContext.js';
import type { DiagnosticCheck } from './diagnosticResult.js';
import { deviceDiagnosticChecks } from './deviceChecks.js';
import { systemDiagnosticChecks } from './systemChecks.js';

/** Every check `kiosk diag` runs, in the order a technician reads them: the devices first, then the rest. */
export const kioskDiagnosticChecks: readonly DiagnosticCheck<DiagnosticContext>[] = [...deviceDiagnosticChecks, ...systemDiagnosticChecks];
