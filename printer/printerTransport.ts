import { openSerialByteTransport, type ByteTransport } from '../common/node/serialByteTransport.js';

/** The byte pipe the printer client talks through: a serial port, or a socat pty pair in tests. */
export type PrinterTransport = ByteTransport;

export type OpenPrinterPort = (path: string) => Promise<PrinterTransport>;

/** Opens a serial port (8N1, no flow control: thermal printers on RS-232/USB-serial at 115200 by default). */
export function openSerialPrinterPort(path: string, options: { baudRate?: number } = {}): Promise<PrinterTransport> {
  return openSerialByteTransport(path, { baudRate: options.baudRate ?? 115_200 });
}
