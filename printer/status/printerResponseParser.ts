import { PROCESS_ID_RESPONSE_HEADER, PROCESS_ID_RESPONSE_IDENTIFIER } from '../escpos/escPosCommands.js';
import { isStatusByte } from './printerStatus.js';

export type PrinterResponse = { type: 'statusByte'; byte: number } | { type: 'processId'; id: string };

/**
 * Splits what the printer sends back into real-time status bytes and process-ID responses
 * (`37 22 d1 d2 d3 d4 00`). A process ID can contain a byte that looks like a status byte ('2' = 0x32),
 * so the block is read as a whole once its header is seen. Anything else is line noise and is dropped.
 */
export class PrinterResponseParser {
  #state: 'idle' | 'identifier' | 'id' | 'terminator' = 'idle';
  #id: number[] = [];
  #dropped = 0;

  /** Bytes dropped as noise so far (a diagnostics figure). */
  get droppedBytes(): number {
    return this.#dropped;
  }

  push(chunk: Uint8Array, emit: (response: PrinterResponse) => void): void {
    for (const byte of chunk) this.#feed(byte, emit);
  }

  #feed(byte: number, emit: (response: PrinterResponse) => void): void {
    switch (this.#state) {
      case 'identifier':
        if (byte === PROCESS_ID_RESPONSE_IDENTIFIER) {
          this.#state = 'id';
          this.#id = [];
          return;
        }
        this.#state = 'idle';
        this.#dropped++; // the lone 0x37
        this.#feed(byte, emit);
        return;
      case 'id':
        this.#id.push(byte);
        if (this.#id.length === 4) this.#state = 'terminator';
        return;
      case 'terminator':
        this.#state = 'idle';
        if (byte === 0x00) {
          emit({ type: 'processId', id: Buffer.from(this.#id).toString('latin1') });
          return;
        }
        this.#dropped += 6; // header, identifier and four id bytes without their NUL
        this.#feed(byte, emit);
        return;
      case 'idle':
        if (byte === PROCESS_ID_RESPONSE_HEADER) this.#state = 'identifier';
        else if (isStatusByte(byte)) emit({ type: 'statusByte', byte });
        else this.#dropped++;
    }
  }
}
