import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { processIdResponse } from '../escpos/escPosCommands.js';
import { encodeStatusBytes, type PrinterCondition } from '../status/printerStatus.js';
import { EscPosInterpreter } from './escPosInterpreter.js';
import { EscPosStreamSplitter } from './escPosStreamSplitter.js';
import { renderTicketPng, type RenderPngOptions } from './renderTicketPng.js';
import type { Ticket } from './ticket.js';

export interface VirtualPrinterOptions {
  /** The device end of a pty pair (the kiosk opens the other end). */
  path: string;
  /** When set, each cut ticket is written there as ticket-NNN.txt and ticket-NNN.png. */
  outputDir?: string;
  /** Receive buffer: print data beyond it is lost, as on a printer with no flow control. */
  receiveBufferBytes?: number;
  baudRate?: number;
  columns?: number;
  render?: RenderPngOptions;
  /** false: a printer that prints but never answers GS ( H (only DLE EOT), as some older kiosk printers. Default true. */
  answersProcessId?: boolean;
}

/** A cut ticket; the PNG is drawn on first use (printing itself never waits for rendering). */
export interface PrintedTicket extends Ticket {
  png(): Buffer;
}

export interface VirtualPrinterStats {
  bytesReceived: number;
  /** Print data dropped because the receive buffer was full. */
  overflowBytes: number;
  /** Print data waiting in the receive buffer (e.g. while out of paper). */
  queuedBytes: number;
  statusQueries: number;
  linesPrinted: number;
  processIdsAnswered: number;
}

export interface VirtualPrinter {
  readonly path: string;
  tickets(): readonly PrintedTicket[];
  /** Called for every ticket as it is cut; returns an unsubscribe function. */
  onTicket(listener: (ticket: PrintedTicket) => void): () => void;
  /** Resolves once `count` tickets have been cut in total. */
  waitForTickets(count: number, timeoutMs?: number): Promise<readonly PrintedTicket[]>;
  /** Paper runs out now, or after `afterLines` more printed lines. */
  paperOut(options?: { afterLines?: number }): void;
  loadPaper(): void;
  setPaperNearEnd(nearEnd: boolean): void;
  openCover(): void;
  closeCover(): void;
  setOffline(offline: boolean): void;
  setCutterError(error: boolean): void;
  /** The printer stops for good: buffered data is lost and it never answers GS ( H until power-cycled. */
  failUnrecoverably(): void;
  powerCycle(): void;
  /** Keep GS ( H answers back (printing continues) — the window between "sent" and "acknowledged". */
  holdCompletionAnswers(hold: boolean): void;
  condition(): PrinterCondition;
  stats(): VirtualPrinterStats;
  close(): Promise<void>;
}

const isRealTime = (el: Uint8Array) => el[0] === 0x10;

export async function startVirtualPrinter(options: VirtualPrinterOptions): Promise<VirtualPrinter> {
  const port = new SerialPort({ path: options.path, baudRate: options.baudRate ?? 115_200, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  port.on('error', () => {}); // a pulled cable shows up as 'close'; nothing here may crash the test run
  const printer = new VirtualPrinterDevice(port, options);
  port.on('data', (chunk: Buffer) => printer.receive(chunk));
  return printer;
}

class VirtualPrinterDevice implements VirtualPrinter {
  readonly path: string;
  readonly #port: SerialPort;
  readonly #options: VirtualPrinterOptions;
  readonly #bufferLimit: number;
  readonly #splitter = new EscPosStreamSplitter();
  #interpreter: EscPosInterpreter;
  #queue: Uint8Array[] = [];
  #queueHead = 0;
  #queuedBytes = 0;
  #condition: PrinterCondition = {
    coverOpen: false,
    paperOut: false,
    paperNearEnd: false,
    forcedOffline: false,
    cutterError: false,
    unrecoverableError: false,
    autoRecoverableError: false,
  };
  #linesUntilPaperOut: number | undefined;
  #holdAnswers = false;
  #heldAnswers: string[] = [];
  readonly #tickets: PrintedTicket[] = [];
  readonly #listeners = new Set<(ticket: PrintedTicket) => void>();
  readonly #stats: VirtualPrinterStats = { bytesReceived: 0, overflowBytes: 0, queuedBytes: 0, statusQueries: 0, linesPrinted: 0, processIdsAnswered: 0 };

  constructor(port: SerialPort, options: VirtualPrinterOptions) {
    this.#port = port;
    this.#options = options;
    this.path = options.path;
    this.#bufferLimit = options.receiveBufferBytes ?? 4096;
    this.#interpreter = this.#newInterpreter();
    if (options.outputDir) mkdirSync(options.outputDir, { recursive: true });
  }

  #newInterpreter(): EscPosInterpreter {
    return new EscPosInterpreter(
      {
        onLineFed: (count) => this.#linesFed(count),
        onCut: (ticket) => this.#cut(ticket),
        onProcessId: (id) => this.#answerProcessId(id),
      },
      { columns: this.#options.columns ?? 48 },
    );
  }

  receive(chunk: Uint8Array): void {
    this.#stats.bytesReceived += chunk.length;
    this.#splitter.push(chunk, (el) => {
      if (isRealTime(el)) return this.#realTime(el);
      if (this.#condition.unrecoverableError) return; // a dead printer takes nothing in
      if (this.#queuedBytes + el.length > this.#bufferLimit) {
        this.#stats.overflowBytes += el.length;
        return;
      }
      this.#queue.push(el.slice());
      this.#queuedBytes += el.length;
    });
    this.#pump();
  }

  /** Real-time commands are executed on arrival, whatever the printer is doing. */
  #realTime(el: Uint8Array): void {
    if (el[1] === 0x04) {
      const n = el[2] ?? 0;
      if (n < 1 || n > 4) return;
      this.#stats.statusQueries++;
      this.#send(Uint8Array.of(encodeStatusBytes(this.#condition)[n - 1]!));
    } else if (el[1] === 0x05 && (el[2] === 1 || el[2] === 2)) {
      // DLE ENQ 1/2: recover from a recoverable error (a cutter jam once cleared)
      this.#condition.cutterError = false;
      this.#pump();
    }
  }

  #canPrint(): boolean {
    const c = this.#condition;
    return !c.paperOut && !c.coverOpen && !c.forcedOffline && !c.cutterError && !c.unrecoverableError && !c.autoRecoverableError;
  }

  #pump(): void {
    while (this.#queueHead < this.#queue.length && this.#canPrint()) {
      const el = this.#queue[this.#queueHead++]!;
      this.#queuedBytes -= el.length;
      this.#interpreter.execute(el);
    }
    if (this.#queueHead === this.#queue.length) {
      this.#queue = [];
      this.#queueHead = 0;
    }
  }

  #linesFed(count: number): void {
    this.#stats.linesPrinted += count;
    if (this.#linesUntilPaperOut === undefined) return;
    this.#linesUntilPaperOut -= count;
    if (this.#linesUntilPaperOut <= 0) {
      this.#linesUntilPaperOut = undefined;
      this.#condition.paperOut = true;
    }
  }

  #answerProcessId(id: string): void {
    if (this.#options.answersProcessId === false) return;
    if (this.#holdAnswers) {
      this.#heldAnswers.push(id);
      return;
    }
    this.#stats.processIdsAnswered++;
    this.#send(processIdResponse(id));
  }

  #cut(ticket: Ticket): void {
    let png: Buffer | undefined;
    const printed: PrintedTicket = { ...ticket, index: this.#tickets.length + 1, png: () => (png ??= renderTicketPng(ticket.lines, this.#options.render)) };
    this.#tickets.push(printed);
    for (const listener of this.#listeners) listener(printed);
    const dir = this.#options.outputDir;
    if (dir) {
      // Rendering is slow next to printing; do it after the printer has answered whatever follows the cut.
      setImmediate(() => {
        const base = path.join(dir, `ticket-${String(printed.index).padStart(3, '0')}`);
        writeFileSync(`${base}.txt`, `${printed.text}\n`);
        writeFileSync(`${base}.png`, printed.png());
      });
    }
  }

  #send(bytes: Uint8Array): void {
    if (this.#port.isOpen) this.#port.write(Buffer.from(bytes));
  }

  tickets(): readonly PrintedTicket[] {
    return this.#tickets;
  }

  onTicket(listener: (ticket: PrintedTicket) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  waitForTickets(count: number, timeoutMs = 10_000): Promise<readonly PrintedTicket[]> {
    if (this.#tickets.length >= count) return Promise.resolve(this.#tickets);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        unsubscribe();
        reject(new Error(`virtual printer: ${this.#tickets.length} of ${count} tickets after ${timeoutMs} ms`));
      }, timeoutMs);
      const unsubscribe = this.onTicket(() => {
        if (this.#tickets.length < count) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(this.#tickets);
      });
    });
  }

  paperOut(options: { afterLines?: number } = {}): void {
    if (options.afterLines !== undefined && options.afterLines > 0) {
      this.#linesUntilPaperOut = options.afterLines;
      return;
    }
    this.#condition.paperOut = true;
  }

  loadPaper(): void {
    this.#condition.paperOut = false;
    this.#condition.paperNearEnd = false;
    this.#linesUntilPaperOut = undefined;
    this.#pump();
  }

  setPaperNearEnd(nearEnd: boolean): void {
    this.#condition.paperNearEnd = nearEnd;
  }

  openCover(): void {
    this.#condition.coverOpen = true;
  }

  closeCover(): void {
    this.#condition.coverOpen = false;
    this.#pump();
  }

  setOffline(offline: boolean): void {
    this.#condition.forcedOffline = offline;
    this.#pump();
  }

  setCutterError(error: boolean): void {
    this.#condition.cutterError = error;
    this.#pump();
  }

  failUnrecoverably(): void {
    this.#condition.unrecoverableError = true;
    this.#queue = [];
    this.#queueHead = 0;
    this.#queuedBytes = 0;
  }

  powerCycle(): void {
    this.#condition = { ...this.#condition, coverOpen: false, forcedOffline: false, cutterError: false, unrecoverableError: false, autoRecoverableError: false };
    this.#queue = [];
    this.#queueHead = 0;
    this.#queuedBytes = 0;
    this.#heldAnswers = [];
    this.#splitter.reset();
    this.#interpreter = this.#newInterpreter();
  }

  holdCompletionAnswers(hold: boolean): void {
    this.#holdAnswers = hold;
    if (hold) return;
    const held = this.#heldAnswers;
    this.#heldAnswers = [];
    for (const id of held) this.#answerProcessId(id);
  }

  condition(): PrinterCondition {
    return { ...this.#condition };
  }

  stats(): VirtualPrinterStats {
    return { ...this.#stats, queuedBytes: this.#queuedBytes };
  }

  async close(): Promise<void> {
    if (!this.#port.isOpen) return;
    await new Promise<void>((resolve) => this.#port.close(() => resolve()));
  }
}
