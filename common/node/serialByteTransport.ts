import { SerialPort } from 'serialport';

/**
 * A byte pipe to a serial device (DESIGN.md rule 2: transports are injected). Device clients take one of these;
 * tests reach the simulators over socat pty pairs through the same code.
 */
export interface ByteTransport {
  readonly isOpen: boolean;
  /** Resolves once the bytes are handed to the operating system (written and drained). */
  write(bytes: Uint8Array): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): void;
  /** Called once when the port closes: asked for, or because the cable or the device went away. */
  onClose(listener: (error: Error | undefined) => void): void;
  close(): Promise<void>;
}

/** Opens a serial port, 8N1 without flow control; a write settles when drained, and fails when the port goes. */
export async function openSerialByteTransport(path: string, options: { baudRate: number }): Promise<ByteTransport> {
  const port = new SerialPort({ path, baudRate: options.baudRate, autoOpen: false });
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
  // Without an 'error' listener a serial error would crash the kiosk; it is followed by 'close' if fatal.
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
