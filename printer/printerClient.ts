import { randomInt } from 'node:crypto';
import { fullStatusRequest, processIdRequest } from './escpos/escPosCommands.js';
import { splitIntoLineChunks } from './escpos/splitIntoLineChunks.js';
import { PrinterError, type PrinterErrorKind } from './printerError.js';
import { type PrinterEventListener, type PrinterPauseReason } from './printerEvents.js';
import { openSerialPrinterPort, type OpenPrinterPort, type PrinterTransport } from './printerTransport.js';
import { PrinterResponseParser } from './status/printerResponseParser.js';
import { parseStatusBytes, type PrinterStatus } from './status/printerStatus.js';

export interface PrinterClientOptions {
  /** Serial device path, e.g. /dev/ttyUSB0 (or the kiosk end of a pty pair in tests). */
  path: string;
  /** Opens the transport; defaults to a serial port at 115200 baud. */
  openPort?: OpenPrinterPort;
  /** How long one DLE EOT round trip (four status bytes) may take. */
  statusTimeoutMs?: number;
  /** How often the printer is polled while a job is paused or waiting for its completion answer. */
  pollMs?: number;
  /** How long a job waits for paper, a closed cover or the printer coming back online before it fails. */
  recoveryTimeoutMs?: number;
  /** How long a healthy printer may take to answer GS ( H once the whole job is sent. */
  completionTimeoutMs?: number;
  /** Four printable ASCII characters per job attempt (injectable for tests). */
  newProcessId?: () => string;
}

export interface PrintJobOptions {
  onEvent?: PrinterEventListener;
}

export interface PrinterClient {
  /** One real-time status query (DLE EOT 1–4). Rejects with PrinterError 'disconnected' or 'timeout'. */
  status(): Promise<PrinterStatus>;
  /**
   * Sends a job line by line, polling status between chunks; pauses on paper-out, cover-open and offline
   * (emitting events) and resumes from the first unsent chunk; resolves 'done' only when the printer
   * answers the process-ID request sent after the job (it has printed and cut it).
   */
  printJob(jobId: string, bytes: Uint8Array, options?: PrintJobOptions): Promise<'done'>;
  readonly connected: boolean;
  close(): Promise<void>;
}

const PROCESS_ID_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function randomProcessId(): string {
  let id = '';
  for (let i = 0; i < 4; i++) id += PROCESS_ID_ALPHABET[randomInt(PROCESS_ID_ALPHABET.length)];
  return id;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What keeps a job from printing right now, most specific first. */
function pauseReasonOf(status: PrinterStatus): PrinterPauseReason | undefined {
  if (status.paperOut) return 'paper-out';
  if (status.coverOpen) return 'cover-open';
  if (!status.online || status.cutterError || status.autoRecoverableError) return 'offline';
  return undefined;
}

const timeoutKind: Record<PrinterPauseReason, PrinterErrorKind> = {
  'paper-out': 'paper-out-timeout',
  'cover-open': 'cover-open',
  offline: 'offline',
};

/** Emits an event each time one of the pause conditions starts or ends during a job. */
class ConditionWatcher {
  #paperOut = false;
  #coverOpen = false;
  #offline = false;
  #nearEndReported = false;

  constructor(
    private readonly jobId: string,
    private readonly emit: PrinterEventListener,
  ) {}

  update(status: PrinterStatus): void {
    const jobId = this.jobId;
    const offline = (!status.online && !status.paperOut && !status.coverOpen) || status.cutterError || status.autoRecoverableError;
    if (status.paperOut !== this.#paperOut) {
      this.#paperOut = status.paperOut;
      this.emit({ type: status.paperOut ? 'printer.paperOut' : 'printer.paperRestored', jobId });
    }
    if (status.coverOpen !== this.#coverOpen) {
      this.#coverOpen = status.coverOpen;
      this.emit({ type: status.coverOpen ? 'printer.coverOpen' : 'printer.coverClosed', jobId });
    }
    if (offline !== this.#offline) {
      this.#offline = offline;
      this.emit({ type: offline ? 'printer.offline' : 'printer.online', jobId });
    }
    if (status.paperNearEnd && !this.#nearEndReported) {
      this.#nearEndReported = true;
      this.emit({ type: 'printer.paperNearEnd', jobId });
    }
  }
}

interface StatusWaiter {
  onByte(byte: number): void;
  onClose(): void;
}

export function createPrinterClient(options: PrinterClientOptions): PrinterClient {
  return new SerialPrinterClient(options);
}

class SerialPrinterClient implements PrinterClient {
  readonly #path: string;
  readonly #openPort: OpenPrinterPort;
  readonly #statusTimeoutMs: number;
  readonly #pollMs: number;
  readonly #recoveryTimeoutMs: number;
  readonly #completionTimeoutMs: number;
  readonly #newProcessId: () => string;

  #transport: PrinterTransport | undefined;
  #opening: Promise<PrinterTransport> | undefined;
  #parser = new PrinterResponseParser();
  #statusWaiter: StatusWaiter | undefined;
  readonly #processIdWaiters = new Map<string, { resolve: () => void; reject: (error: PrinterError) => void }>();
  #statusQueue: Promise<unknown> = Promise.resolve();
  #jobQueue: Promise<unknown> = Promise.resolve();

  constructor(options: PrinterClientOptions) {
    this.#path = options.path;
    this.#openPort = options.openPort ?? ((path) => openSerialPrinterPort(path));
    this.#statusTimeoutMs = options.statusTimeoutMs ?? 1_000;
    this.#pollMs = options.pollMs ?? 250;
    this.#recoveryTimeoutMs = options.recoveryTimeoutMs ?? 5 * 60_000;
    this.#completionTimeoutMs = options.completionTimeoutMs ?? 30_000;
    this.#newProcessId = options.newProcessId ?? randomProcessId;
  }

  get connected(): boolean {
    return this.#transport?.isOpen ?? false;
  }

  status(): Promise<PrinterStatus> {
    return this.#serialized('status', () => this.#queryStatus());
  }

  printJob(jobId: string, bytes: Uint8Array, options: PrintJobOptions = {}): Promise<'done'> {
    const listener = options.onEvent;
    // A listener that throws must not break the job it listens to.
    const emit: PrinterEventListener = (event) => {
      try {
        listener?.(event);
      } catch {
        /* the kiosk's problem, not the printer's */
      }
    };
    return this.#serialized('job', () => this.#runJob(jobId, bytes, emit));
  }

  async close(): Promise<void> {
    const transport = this.#transport;
    this.#transport = undefined;
    if (transport) await transport.close();
  }

  /** One status query and one job at a time: DLE EOT answers carry no tag, so queries must not overlap. */
  #serialized<T>(queue: 'status' | 'job', task: () => Promise<T>): Promise<T> {
    const previous = queue === 'status' ? this.#statusQueue : this.#jobQueue;
    const run = previous.then(task, task);
    const settled = run.catch(() => undefined);
    if (queue === 'status') this.#statusQueue = settled;
    else this.#jobQueue = settled;
    return run;
  }

  async #ensureOpen(): Promise<PrinterTransport> {
    if (this.#transport?.isOpen) return this.#transport;
    this.#opening ??= (async () => {
      try {
        const transport = await this.#openPort(this.#path);
        this.#parser = new PrinterResponseParser();
        transport.onData((chunk) => this.#parser.push(chunk, (response) => {
          if (response.type === 'statusByte') this.#statusWaiter?.onByte(response.byte);
          else this.#processIdWaiters.get(response.id)?.resolve();
        }));
        transport.onClose(() => this.#onTransportClosed(transport));
        this.#transport = transport;
        return transport;
      } catch (error) {
        throw new PrinterError('disconnected', `cannot open printer port ${this.#path}: ${(error as Error).message}`, { cause: error });
      } finally {
        this.#opening = undefined;
      }
    })();
    return this.#opening;
  }

  #onTransportClosed(transport: PrinterTransport): void {
    if (this.#transport === transport) this.#transport = undefined;
    this.#statusWaiter?.onClose();
    for (const waiter of this.#processIdWaiters.values()) waiter.reject(new PrinterError('disconnected', 'printer port closed'));
    this.#processIdWaiters.clear();
  }

  async #queryStatus(): Promise<PrinterStatus> {
    const transport = await this.#ensureOpen();
    return new Promise<PrinterStatus>((resolve, reject) => {
      const bytes: number[] = [];
      const done = () => {
        clearTimeout(timer);
        if (this.#statusWaiter === waiter) this.#statusWaiter = undefined;
      };
      const timer = setTimeout(() => {
        done();
        reject(new PrinterError('timeout', `printer did not answer DLE EOT within ${this.#statusTimeoutMs} ms`));
      }, this.#statusTimeoutMs);
      const waiter: StatusWaiter = {
        onByte: (byte) => {
          bytes.push(byte);
          if (bytes.length < 4) return;
          done();
          const parsed = parseStatusBytes(bytes);
          if (parsed.ok) resolve(parsed.status);
          else reject(new PrinterError('timeout', `unreadable status answer: ${parsed.reason}`));
        },
        onClose: () => {
          done();
          reject(new PrinterError('disconnected', 'printer port closed during a status query'));
        },
      };
      this.#statusWaiter = waiter;
      transport.write(fullStatusRequest()).catch((error: Error) => {
        done();
        reject(new PrinterError('disconnected', `status request not written: ${error.message}`, { cause: error }));
      });
    });
  }

  async #runJob(jobId: string, job: Uint8Array, emit: PrinterEventListener): Promise<'done'> {
    const chunks = splitIntoLineChunks(job);
    const progress = { bytesSent: 0, chunksSent: 0, totalChunks: chunks.length };
    const fail = (kind: PrinterErrorKind, message: string, cause?: unknown) => new PrinterError(kind, message, { jobId, ...progress, cause });
    const watcher = new ConditionWatcher(jobId, emit);
    // One connection per job: if it drops, the printer may have lost what it buffered (or been power-cycled),
    // so the job fails as 'disconnected' instead of carrying on over a new connection.
    const transport = await this.#ensureOpen().catch((error: unknown) => {
      throw fail('disconnected', (error as Error).message, error);
    });
    const connectionLost = () => fail('disconnected', 'printer connection lost during the job');

    const pollStatus = async (): Promise<PrinterStatus> => {
      if (!transport.isOpen) throw connectionLost();
      try {
        const status = await this.status();
        watcher.update(status);
        if (status.unrecoverableError) throw fail('unrecoverable', 'printer reports an unrecoverable error');
        return status;
      } catch (error) {
        if (error instanceof PrinterError && error.jobId === jobId) throw error;
        const kind = error instanceof PrinterError ? error.kind : 'disconnected';
        throw fail(kind, (error as Error).message, error);
      }
    };

    try {
      for (const chunk of chunks) {
        await this.#waitUntilPrintable(pollStatus, fail);
        if (!transport.isOpen) throw connectionLost();
        await transport.write(chunk).catch((error: unknown) => {
          throw fail('disconnected', `job chunk not written: ${(error as Error).message}`, error);
        });
        progress.bytesSent += chunk.length;
        progress.chunksSent++;
      }
      await this.#awaitCompletion(transport, pollStatus, fail);
      return 'done';
    } catch (error) {
      throw error instanceof PrinterError && error.jobId === jobId ? error : fail('disconnected', (error as Error).message, error);
    }
  }

  /** Polls until nothing keeps the printer from printing, or fails after recoveryTimeoutMs. */
  async #waitUntilPrintable(pollStatus: () => Promise<PrinterStatus>, fail: (kind: PrinterErrorKind, message: string) => PrinterError): Promise<void> {
    let pausedSince: number | undefined;
    for (;;) {
      const reason = pauseReasonOf(await pollStatus());
      if (reason === undefined) return;
      pausedSince ??= Date.now();
      if (Date.now() - pausedSince >= this.#recoveryTimeoutMs) throw fail(timeoutKind[reason], `printer still ${reason} after ${this.#recoveryTimeoutMs} ms`);
      await sleep(this.#pollMs);
    }
  }

  /** Sends GS ( H and waits for its answer, polling status meanwhile (the last lines may still hit a paper-out). */
  async #awaitCompletion(
    transport: PrinterTransport,
    pollStatus: () => Promise<PrinterStatus>,
    fail: (kind: PrinterErrorKind, message: string, cause?: unknown) => PrinterError,
  ): Promise<void> {
    const processId = this.#newProcessId();
    let answered = false;
    const answer = new Promise<void>((resolve, reject) => {
      this.#processIdWaiters.set(processId, { resolve, reject });
    }).then(() => {
      answered = true;
    });
    answer.catch(() => undefined); // observed below; never an unhandled rejection
    try {
      await transport.write(processIdRequest(processId)).catch((error: unknown) => {
        throw fail('disconnected', `process-ID request not written: ${(error as Error).message}`, error);
      });
      let healthySince = Date.now();
      let pausedSince: number | undefined;
      for (;;) {
        await Promise.race([answer, sleep(this.#pollMs)]).catch((error: unknown) => {
          throw fail('disconnected', (error as Error).message, error);
        });
        if (answered) return;
        const reason = pauseReasonOf(await pollStatus());
        if (reason !== undefined) {
          pausedSince ??= Date.now();
          if (Date.now() - pausedSince >= this.#recoveryTimeoutMs) throw fail(timeoutKind[reason], `printer still ${reason} after ${this.#recoveryTimeoutMs} ms`);
          healthySince = Date.now();
          continue;
        }
        pausedSince = undefined;
        if (Date.now() - healthySince >= this.#completionTimeoutMs) {
          throw fail('timeout', `printer did not confirm the job within ${this.#completionTimeoutMs} ms`);
        }
      }
    } finally {
      this.#processIdWaiters.delete(processId);
    }
  }
}
