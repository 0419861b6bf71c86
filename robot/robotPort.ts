import { SerialPort } from 'serialport';

/**
 * The byte transport the client and the simulator talk through: what a node-serialport `SerialPort` offers, cut down
 * to what they use, so a test or another transport can be injected (DESIGN.md rule 2).
 */
export interface RobotPort {
  write(data: Buffer, callback?: (error: Error | null | undefined) => void): unknown;
  close(callback?: (error?: Error | null) => void): unknown;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

/** Opens a port on a path; rejects when the path is missing or cannot be opened (cable out). */
export type OpenRobotPort = (path: string) => Promise<RobotPort>;

export const DEFAULT_BAUD_RATE = 115_200;

export function serialPortOpener(baudRate = DEFAULT_BAUD_RATE): OpenRobotPort {
  return (path) =>
    new Promise((resolve, reject) => {
      const port = new SerialPort({ path, baudRate, autoOpen: false });
      port.open((error) => (error ? reject(error) : resolve(port)));
    });
}

/** Closes a port and waits for it, ignoring errors: a vanished port is already as closed as it gets. */
export function closePortQuietly(port: RobotPort): Promise<void> {
  return new Promise((resolve) => {
    try {
      port.close(() => resolve());
    } catch {
      resolve();
    }
  });
}
