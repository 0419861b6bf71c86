import { SerialPort } from 'serialport';

/**
 * The byte pipe the reader client talks through (DESIGN.md rule 2: transports are injected). The default is a
 * serial port; tests reach the simulator over a socat pty pair through the same code.
 */
export interface IdCardTransport {
  readonly isOpen: boolean;
  /** Resolves once the bytes are handed to the operating system (written and drained). */
  write(bytes: Uint8Array): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): void;
  /** Called once when the port closes: asked for, or because the cable or the reader went away. */
  onClose(listener: (error: Error | undefined) => void): void;
  close(): Promise<void>;
}

export type OpenIdCardPort = (path: string) => Promise<IdCardTransport>;

/** The SAM's UART default (GA 467): 115200 8N1, no flow control; 57600, 38400, 19200 and 9600 can be configured. */
export const DEFAULT_BAUD_RATE = 115_200;

export function serialIdCardPortOpener(baudRate = DEFAULT_BAUD_RATE): OpenIdCardPort {
  return (path) => openSerialIdCardPort(path, { baudRate });
}

export async function openSerialIdCardPort(path: string, options: { baudRate?: number } = {}): Promise<IdCardTransport> {
  const port = new SerialPort({ path, baudRate: options.baudRate ?? DEFAULT_BAUD_RATE, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));

  const closeListeners: ((error: Error | undefined) => void)[] = [];
  const pendingWrites = new Set<(error: Error) => void>();
  let closed = false;
  let lastError: Error | undefined;

  const finish = (error: Error | undefined) => {
    if (closed) return;
    closed = true;
    const reason = error ?? lastError;
    for (const reject of pendingWrites) reject(reason ?? new Error('port closed'));
    pendingWrites.clear();
    for (const listener of closeListeners) listener(reason);
  };
  port.on('close', (error?: Error | null) => finish(error ?? undefined));
  // Without an 'error' listener a serial error would crash the kiosk; it is followed by 'close' when fatal.
  port.on('error', (error: Error) => {
    lastError = error;
    if (!port.isOpen) finish(error);
  });

  return {
    get isOpen() {
      return !closed && port.isOpen;
    },
    write(bytes) {
      if (closed || !port.isOpen) return Promise.reject(lastError ?? new Error('port is not open'));
      return new Promise<void>((resolve, reject) => {
        pendingWrites.add(reject);
        const settle = (error: Error | null | undefined) => {
          if (!pendingWrites.delete(reject)) return;
          if (error) reject(error);
          else resolve();
        };
        port.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (error) => {
          if (error) settle(error);
          else port.drain((drainError) => settle(drainError));
        });
      });
    },
    onData(listener) {
      port.on('data', (chunk: Buffer) => listener(chunk));
    },
    onClose(listener) {
      closeListeners.push(listener);
    },
    async close() {
      if (closed || !port.isOpen) {
        finish(undefined);
        return;
      }
      await new Promise<void>((resolve) => port.close(() => resolve()));
      finish(undefined);
    },
  };
}
