import type { DiagnosticContext } from './diagnosticContext.js';
import type { DiagnosticCheck } from './diagnosticResult.js';
import { idCardReaderCheck } from './idCardReaderCheck.js';
import { printerCheck } from './printerCheck.js';
import { robotCheck } from './robotCheck.js';
import { serialPortsCheck } from './serialPortsCheck.js';

export { idCardReaderCheck, type IdCardReaderCheckOptions } from './idCardReaderCheck.js';
export { printerCheck, type PrinterCheckOptions } from './printerCheck.js';
export { robotCheck, type RobotCheckOptions } from './robotCheck.js';
export { serialPortsCheck, type SerialPortsCheckOptions } from './serialPortsCheck.js';

/**
 * The device checks in the order a technician reads them: serial ports, then the motion controller, the printer
 * and the ID-card reader, each on the port its configuration names or on its built-in simulator. The printer's
 * test page is not printed here (it uses paper): build `printerCheck({ printTestPage: true })` for that.
 */
export const deviceDiagnosticChecks: DiagnosticCheck<DiagnosticContext>[] = [serialPortsCheck(), robotCheck(), printerCheck(), idCardReaderCheck()];
