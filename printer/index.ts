// printer/ — the 80 mm certificate printer: ESC/POS encoding, real-time status, the client, the SQLite
// spooler, the 参保证明 layout and its offline QR verification, the virtual printer, diagnostics.
// What the kiosk uses from outside; the rest is imported from its own module where it is needed.

// Real-time status
export type { PrinterStatus } from './status/printerStatus.js';

// Client, errors, events, transport
export { createPrinterClient, type PrinterClient } from './printerClient.js';
export { PrinterError, type PrinterErrorKind } from './printerError.js';
export type { PrintJobFailureKind, PrinterEvent, PrinterPauseReason } from './printerEvents.js';

// Spooler
export { createPrintSpooler, type PrintJobRecord, type PrintSpooler } from './printSpooler.js';

// Certificate
export type { CertificateContent, DocumentKind, InsurancePayments, InsuranceRecord, InsuranceType } from './certificate/certificateContent.js';
export { documentTitle } from './certificate/certificateContent.js';
export { encodeCertificate } from './certificate/encodeCertificate.js';

// Virtual printer
export { startVirtualPrinter, type VirtualPrinter } from './simulator/virtualPrinter.js';
export { EscPosDocument, type EscPosDocumentOptions } from './escpos/escPosDocument.js';
export { formatChinaTime } from './certificate/chinaTime.js';
