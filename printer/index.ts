// printer/ — the 80 mm certificate printer: ESC/POS encoding, real-time status, the client, the SQLite
// spooler, the 参保证明 layout and its offline QR verification, the virtual printer, diagnostics.

// ESC/POS encoding
export {
  enterChineseMode,
  exitChineseMode,
  fullStatusRequest,
  isValidProcessId,
  processIdRequest,
  processIdResponse,
  realTimeStatusRequest,
  selectAlignment,
  type Alignment,
  type StatusRequestKind,
} from './escpos/escPosCommands.js';
export { EscPosDocument, type EscPosDocumentOptions, type LineStyle } from './escpos/escPosDocument.js';
export { decodeGb18030, displayWidth, encodeGb18030, fitToWidth, hasCharactersOutsideGbk, stripControlCharacters, wrapToWidth } from './escpos/gb18030Text.js';
export { elementLength, INCOMPLETE } from './escpos/escPosElementLength.js';
export { splitIntoLineChunks } from './escpos/splitIntoLineChunks.js';

// Real-time status
export { encodeStatusBytes, isStatusByte, parseStatusBytes, type PrinterCondition, type PrinterStatus, type StatusParseResult } from './status/printerStatus.js';
export { PrinterResponseParser, type PrinterResponse } from './status/printerResponseParser.js';

// Client, errors, events, transport
export { createPrinterClient, type PrintJobOptions, type PrinterClient, type PrinterClientOptions } from './printerClient.js';
export { citizenMessages, isPrinterError, PrinterError, type PrinterErrorKind } from './printerError.js';
export { pauseMessages, type PrinterEvent, type PrinterEventListener, type PrinterPauseReason } from './printerEvents.js';
export { openSerialPrinterPort, type OpenPrinterPort, type PrinterTransport } from './printerTransport.js';

// Spooler
export { createPrintSpooler, PrintJobStateError, type PrintJobRecord, type PrintJobState, type PrintSpooler, type PrintSpoolerOptions } from './printSpooler.js';
export { migrateSpooler, spoolerMigrations, type SpoolerMigration } from './spooler/spoolerMigrations.js';

// Certificate
export {
  certificateContentSchema,
  insuranceCodes,
  insuranceLabels,
  insuranceStatuses,
  insuranceStatusLabels,
  insuranceTypes,
  validateCertificateContent,
  type CertificateContent,
  type InsurancePeriod,
  type InsuranceRecord,
  type InsuranceStatus,
  type InsuranceType,
} from './certificate/certificateContent.js';
export { CERTIFICATE_TITLE, encodeCertificate, type EncodedCertificate } from './certificate/encodeCertificate.js';
export { formatPeriod } from './certificate/formatPeriod.js';
export { certificateQrFields, decodeCertificatePayload, encodeCertificatePayload, PAYLOAD_VERSION, type CertificateQrFields } from './certificate/certificatePayload.js';
export { formatChinaTime, isoChinaTime } from './certificate/chinaTime.js';
export { QR_PREFIX, signCertificateQr, type CertificateSigner, type SignedCertificateQr } from './certificate/signCertificateQr.js';
export { verificationCodeFor } from './certificate/verificationCode.js';
export { describeCertificateVerification } from './certificate/describeCertificateVerification.js';
export { publicKeyPem, publicKeyRingFromPem } from './certificate/publicKeyRing.js';
export { verifyCertificateQr, type CertificateVerification, type CertificateVerificationFailure, type PublicKeyRing } from './certificate/verifyCertificateQr.js';

// Virtual printer
export { createEscPosDecoder, type EscPosDecoder } from './simulator/escPosDecoder.js';
export { EscPosInterpreter, type InterpreterHooks, type InterpreterOptions } from './simulator/escPosInterpreter.js';
export { EscPosStreamSplitter } from './simulator/escPosStreamSplitter.js';
export { renderTicketPng, type RenderPngOptions } from './simulator/renderTicketPng.js';
export { renderTicketText } from './simulator/renderTicketText.js';
export { lineText, type QrErrorCorrection, type TextSegment, type Ticket, type TicketLine } from './simulator/ticket.js';
export { startVirtualPrinter, type PrintedTicket, type VirtualPrinter, type VirtualPrinterOptions, type VirtualPrinterStats } from './simulator/virtualPrinter.js';

// Diagnostics
export { encodeTestPage, printerRemedies, runPrinterSelfTest, type DiagnosticCheck, type DiagnosticStatus } from './diagnostics/printerSelfTest.js';
