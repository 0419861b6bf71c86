import { openSerialByteTransport, type ByteTransport } from '../common/node/serialByteTransport.js';

/** The byte pipe the reader client talks through: a serial port, or a socat pty pair in tests. */
export type IdCardTransport = ByteTransport;

export type OpenIdCardPort = (path: string) => Promise<IdCardTransport>;

/** The SAM's UART default (GA 467): 115200 8N1, no flow control; 57600, 38400, 19200 and 9600 can be configured. */
export const DEFAULT_BAUD_RATE = 115_200;

export function serialIdCardPortOpener(baudRate = DEFAULT_BAUD_RATE): OpenIdCardPort {
  return (path) => openSerialIdCardPort(path, { baudRate });
}

export function openSerialIdCardPort(path: string, options: { baudRate?: number } = {}): Promise<IdCardTransport> {
  return openSerialByteTransport(path, { baudRate: options.baudRate ?? DEFAULT_BAUD_RATE });
}
