import { splitBaseInfo, WLT_PHOTO_LENGTH } from './baseInfo.js';
import { errorKindOfStatus, IdCardError, type IdCardErrorKind } from './idCardError.js';
import type { IdCardEvent, IdCardEventListener, IdCardFaultKind } from './idCardEvents.js';
import { ID_CARD_TEXT_LENGTH, parseIdCardText, type IdCardText } from './idCardText.js';
import { serialIdCardPortOpener, DEFAULT_BAUD_RATE, type IdCardTransport, type OpenIdCardPort } from './idCardTransport.js';
import { SamCommandCode, type SamCommandName } from './samCommands.js';
import { encodeCommandFrame, type SamResponse } from './samFrame.js';
import { SamFrameScanner, type SamFrameScannerStats } from './samFrameScanner.js';
import { parseSamId, type SamId } from './samId.js';
import { describeSamStatus, SamStatus, samUnusable } from './samStatus.js';

export interface IdCardReaderOptions {
  /** Serial device path, e.g. /dev/ttyUSB0 (or the kiosk end of a pty pair in tests). */
  path: string;
  /** Default 115200, the SAM's UART default. Ignored when `openPort` is given. */
  baudRate?: number;
  /** Transport injection; defaults to node-serialport at `baudRate`. */
  openPort?: OpenIdCardPort;
  /** How long SAM status, SAM ID, find and select may take to answer (default 1000 ms). */
  commandTimeoutMs?: number;
  /** How long reading text and photo may take (default 5000 ms: the SAM talks to the card, then sends 1295 bytes). */
  readTimeoutMs?: number;
  /** Times a command is sent again after a timeout or a checksum error (default 1). */
  commandRetries?: number;
  /** Presence polling (find card) and health checks while faulted; default true. */
  poll?: boolean;
  /** Period of the presence poll (default 500 ms). */
  pollMs?: number;
  /** A present card counts as removed after this many misses in a row (default 2). */
  removedAfterMisses?: number;
  /** readCard: find attempts before it settles 'no-card' (default 3). */
  findAttempts?: number;
  /** readCard: find, select and read attempts after a failed select or read (default 2). */
  readAttempts?: number;
  /** Pause between readCard's attempts (default 100 ms). */
  retryDelayMs?: number;
  /** Try to reopen a missing or closed port this often (default 1000 ms). */
  reconnectMs?: number;
  /** Link failures (timeouts, checksum errors, after retries) in a row before the reader is faulted (default 2). */
  faultAfterFailures?: number;
}

export type IdCardReaderState = 'starting' | 'ready' | 'faulted' | 'closed';

/** A card's base information: the parsed text, its raw bytes, and the WLT photo as the chip holds it. */
export interface IdCardRead {
  text: IdCardText;
  textBytes: Uint8Array;
  /** WLT-compressed photo (1024 bytes on a resident card): decode it with a WltDecoder. */
  wlt: Uint8Array;
}

export interface IdCardReaderStats extends SamFrameScannerStats {
  commands: number;
  retries: number;
  timeouts: number;
  /** Valid frames that arrived when no command was waiting (late answers). */
  unexpectedFrames: number;
  connects: number;
  disconnects: number;
}

export interface IdCardReader {
  readonly path: string;
  readonly state: IdCardReaderState;
  /** Why the reader is faulted, or null. */
  readonly fault: IdCardFaultKind | null;
  /** Whether the last presence check saw a card. */
  readonly cardPresent: boolean;
  /** The SAM's ID once it answered; null before. */
  readonly samIdText: string | null;
  /** Listen to every event; returns the unsubscribe function. */
  subscribe(listener: IdCardEventListener): () => void;
  /** Resolves true once the reader is ready (at once if it is), false after timeoutMs or when closed. */
  waitUntilReady(timeoutMs?: number): Promise<boolean>;
  /** SAM status check (0x11 0xFF). Resolves when the SAM reports success; rejects with IdCardError. */
  samStatus(): Promise<void>;
  /** SAM management information (0x12 0xFF). */
  samId(): Promise<SamId>;
  /** Find card (0x20 0x01): true on 0x9F, false on 0x80; rejects with IdCardError otherwise. */
  findCard(): Promise<boolean>;
  /** Select card (0x20 0x02); rejects 'select-failed' on 0x81. */
  selectCard(): Promise<void>;
  /** Read text and photo (0x30 0x01) of the selected card. */
  readBaseInfo(): Promise<IdCardRead>;
  /** Find, select and read, with retries (findAttempts, readAttempts). Rejects with IdCardError. */
  readCard(): Promise<IdCardRead>;
  stats(): IdCardReaderStats;
  close(): Promise<void>;
}

export function createIdCardReader(options: IdCardReaderOptions): IdCardReader {
  return new SerialIdCardReader(options);
}

interface Waiter {
  onFrame(response: SamResponse): void;
  /** A whole answer arrived but failed its check: no other answer is coming for this command. */
  onCorrupted(): void;
  onClose(): void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const LINK_KINDS: ReadonlySet<IdCardErrorKind> = new Set(['timeout', 'checksum']);

class SerialIdCardReader implements IdCardReader {
  readonly path: string;
  readonly #openPort: OpenIdCardPort;
  readonly #commandTimeoutMs: number;
  readonly #readTimeoutMs: number;
  readonly #retries: number;
  readonly #poll: boolean;
  readonly #pollMs: number;
  readonly #removedAfterMisses: number;
  readonly #findAttempts: number;
  readonly #readAttempts: number;
  readonly #retryDelayMs: number;
  readonly #reconnectMs: number;
  readonly #faultAfterFailures: number;

  readonly #listeners = new Set<IdCardEventListener>();
  #transport: IdCardTransport | null = null;
  #scanner = new SamFrameScanner('response');
  readonly #retiredScannerStats: SamFrameScannerStats = { frames: 0, headerErrors: 0, checksumErrors: 0, discardedBytes: 0 };
  #waiter: Waiter | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #pendingExchanges = 0;
  #readsInProgress = 0;
  #closed = false;
  #fault: IdCardFaultKind | null = null;
  #everReady = false;
  #samId: string | null = null;
  #present = false;
  #misses = 0;
  #linkFailures = 0;
  #openAttempt = 0;
  #reconnectTimer: NodeJS.Timeout | null = null;
  #pollTimer: NodeJS.Timeout | null = null;
  #polling = false;
  #healthChecking: Promise<void> | null = null;
  readonly #counters = { commands: 0, retries: 0, timeouts: 0, unexpectedFrames: 0, connects: 0, disconnects: 0 };

  constructor(options: IdCardReaderOptions) {
    this.path = options.path;
    this.#openPort = options.openPort ?? serialIdCardPortOpener(options.baudRate ?? DEFAULT_BAUD_RATE);
    this.#commandTimeoutMs = options.commandTimeoutMs ?? 1_000;
    this.#readTimeoutMs = options.readTimeoutMs ?? 5_000;
    this.#retries = options.commandRetries ?? 1;
    this.#poll = options.poll ?? true;
    this.#pollMs = options.pollMs ?? 500;
    this.#removedAfterMisses = Math.max(1, options.removedAfterMisses ?? 2);
    this.#findAttempts = Math.max(1, options.findAttempts ?? 3);
    this.#readAttempts = Math.max(1, options.readAttempts ?? 2);
    this.#retryDelayMs = options.retryDelayMs ?? 100;
    this.#reconnectMs = options.reconnectMs ?? 1_000;
    this.#faultAfterFailures = Math.max(1, options.faultAfterFailures ?? 2);
    this.#openNow();
    if (this.#poll) this.#schedulePoll();
  }

  get state(): IdCardReaderState {
    if (this.#closed) return 'closed';
    if (this.#fault) return 'faulted';
    return this.#everReady ? 'ready' : 'starting';
  }
  get fault(): IdCardFaultKind | null {
    return this.#fault;
  }
  get cardPresent(): boolean {
    return this.#present;
  }
  get samIdText(): string | null {
    return this.#samId;
  }

  subscribe(listener: IdCardEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  waitUntilReady(timeoutMs = 5_000): Promise<boolean> {
    if (this.state === 'ready') return Promise.resolve(true);
    if (this.#closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(false), timeoutMs);
      const unsubscribe = this.subscribe(() => {
        if (this.state === 'ready') done(true);
      });
      const done = (ready: boolean) => {
        clearTimeout(timer);
        unsubscribe();
        resolve(ready);
      };
    });
  }

  stats(): IdCardReaderStats {
    const s = this.#scanner.stats;
    const r = this.#retiredScannerStats;
    return {
      frames: r.frames + s.frames,
      headerErrors: r.headerErrors + s.headerErrors,
      checksumErrors: r.checksumErrors + s.checksumErrors,
      discardedBytes: r.discardedBytes + s.discardedBytes,
      ...this.#counters,
    };
  }

  // ── commands ────────────────────────────────────────────────────────────────────────────────────────────────

  async samStatus(): Promise<void> {
    const response = await this.#exchange('samStatus', this.#commandTimeoutMs);
    this.#expectStatus('samStatus', response, SamStatus.Success);
  }

  async samId(): Promise<SamId> {
    const response = await this.#exchange('samId', this.#commandTimeoutMs);
    const data = this.#expectStatus('samId', response, SamStatus.Success);
    const id = parseSamId(data);
    if (!id) throw new IdCardError('bad-response', `samId: ${data.length} bytes of management information, expected 16`, { command: 'samId', status: response.sw3 });
    this.#samId = id.text;
    return id;
  }

  async findCard(): Promise<boolean> {
    const response = await this.#exchange('findCard', this.#commandTimeoutMs);
    if (response.sw3 === SamStatus.FindCardFailed) {
      this.#missed();
      return false;
    }
    this.#expectStatus('findCard', response, SamStatus.FindCardSuccess);
    this.#seen();
    return true;
  }

  async selectCard(): Promise<void> {
    const response = await this.#exchange('selectCard', this.#commandTimeoutMs);
    this.#expectStatus('selectCard', response, SamStatus.Success);
  }

  async readBaseInfo(): Promise<IdCardRead> {
    const response = await this.#exchange('readBaseInfo', this.#readTimeoutMs);
    const data = this.#expectStatus('readBaseInfo', response, SamStatus.Success);
    const blocks = splitBaseInfo(data);
    const bad = (message: string, kind: IdCardErrorKind = 'bad-response') => new IdCardError(kind, `readBaseInfo: ${message}`, { command: 'readBaseInfo', status: response.sw3 });
    if (!blocks) throw bad(`text and photo lengths do not add up to the ${data.length} data bytes`);
    if (blocks.text.length !== ID_CARD_TEXT_LENGTH) throw bad(`${blocks.text.length} bytes of text, expected ${ID_CARD_TEXT_LENGTH}`);
    if (blocks.wlt.length !== WLT_PHOTO_LENGTH) throw bad(`${blocks.wlt.length} bytes of photo, expected ${WLT_PHOTO_LENGTH}`);
    const parsed = parseIdCardText(blocks.text);
    if (!parsed.ok) {
      if (parsed.reason === 'card-type') throw bad(`card type '${parsed.cardType}' has another text layout`, 'unsupported-card');
      throw bad(parsed.reason === 'field' ? `field ${parsed.field} is malformed` : `text of ${parsed.length} bytes`);
    }
    return { text: parsed.text, textBytes: blocks.text, wlt: blocks.wlt };
  }

  async readCard(): Promise<IdCardRead> {
    this.#readsInProgress++;
    try {
      let sawCard = false;
      for (let attempt = 1; ; attempt++) {
        let found = false;
        for (let f = 1; f <= this.#findAttempts && !found; f++) {
          found = await this.findCard();
          if (!found && f < this.#findAttempts) await sleep(this.#retryDelayMs);
        }
        if (!found) {
          throw sawCard
            ? new IdCardError('card-removed', 'readCard: the card left the field before it was read', { command: 'findCard', status: SamStatus.FindCardFailed })
            : new IdCardError('no-card', 'readCard: no card in the field', { command: 'findCard', status: SamStatus.FindCardFailed });
        }
        sawCard = true;
        try {
          await this.selectCard();
          return await this.readBaseInfo();
        } catch (error) {
          const retryable = error instanceof IdCardError && ['select-failed', 'read-failed', 'timeout', 'checksum'].includes(error.kind);
          if (!retryable || attempt >= this.#readAttempts) throw error;
          await sleep(this.#retryDelayMs);
        }
      }
    } finally {
      this.#readsInProgress--;
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const timer of [this.#reconnectTimer, this.#pollTimer]) if (timer) clearTimeout(timer);
    this.#reconnectTimer = this.#pollTimer = null;
    const transport = this.#transport;
    this.#detach();
    if (transport) await transport.close().catch(() => undefined);
  }

  // ── one command, one answer ─────────────────────────────────────────────────────────────────────────────────

  /** The data of an answer with the expected status; otherwise an IdCardError (and a fault when the SAM is unusable). */
  #expectStatus(command: SamCommandName, response: SamResponse, success: number): Uint8Array {
    if (response.sw3 === success) return response.data;
    if (samUnusable(response.sw3)) this.#enterFault('sam-fault', response.sw3);
    throw new IdCardError(errorKindOfStatus(response.sw3), `${command}: ${describeSamStatus(response.sw3)}`, { command, status: response.sw3 });
  }

  /** Sends a command and waits for one answer, one command at a time (answers carry no tag); retries link errors. */
  #exchange(command: SamCommandName, timeoutMs: number): Promise<SamResponse> {
    const frame = encodeCommandFrame({ ...SamCommandCode[command], data: new Uint8Array(0) });
    this.#pendingExchanges++;
    const run = async (): Promise<SamResponse> => {
      let lastError: IdCardError | undefined;
      for (let attempt = 0; attempt <= this.#retries; attempt++) {
        if (attempt > 0) this.#counters.retries++;
        const transport = this.#transport;
        if (!transport?.isOpen || this.#closed) throw new IdCardError('disconnected', `${command}: the reader port ${this.path} is not open`, { command });
        try {
          const response = await this.#once(transport, command, frame, timeoutMs);
          if (response.sw3 === SamStatus.ChecksumError) {
            lastError = new IdCardError('checksum', `${command}: ${describeSamStatus(response.sw3)}`, { command, status: response.sw3 });
            continue;
          }
          this.#linkAnswered(response);
          return response;
        } catch (error) {
          if (error instanceof IdCardError && LINK_KINDS.has(error.kind)) {
            lastError = error;
            continue;
          }
          throw error;
        }
      }
      this.#linkFailed(lastError!.kind === 'checksum' ? 'checksum' : 'timeout');
      throw lastError!;
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined).finally(() => this.#pendingExchanges--);
    return result;
  }

  #once(transport: IdCardTransport, command: SamCommandName, frame: Uint8Array, timeoutMs: number): Promise<SamResponse> {
    this.#counters.commands++;
    // A partial frame left by an earlier, abandoned answer must not prefix this one.
    this.#scanner.reset();
    const checksumErrorsBefore = this.#scanner.stats.checksumErrors;
    return new Promise<SamResponse>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        if (this.#waiter === waiter) this.#waiter = null;
      };
      const timer = setTimeout(() => {
        done();
        this.#counters.timeouts++;
        const corrupted = this.#scanner.stats.checksumErrors > checksumErrorsBefore;
        reject(
          corrupted
            ? new IdCardError('checksum', `${command}: the answer failed its check byte`, { command })
            : new IdCardError('timeout', `${command}: no answer within ${timeoutMs} ms`, { command }),
        );
      }, timeoutMs);
      const waiter: Waiter = {
        onFrame: (response) => {
          done();
          resolve(response);
        },
        onCorrupted: () => {
          done();
          reject(new IdCardError('checksum', `${command}: the answer failed its check byte`, { command }));
        },
        onClose: () => {
          done();
          reject(new IdCardError('disconnected', `${command}: the reader port closed`, { command }));
        },
      };
      this.#waiter = waiter;
      transport.write(frame).catch((error: unknown) => {
        done();
        reject(new IdCardError('disconnected', `${command}: not written: ${(error as Error).message}`, { command, cause: error }));
      });
    });
  }

  // ── health, presence, faults ────────────────────────────────────────────────────────────────────────────────

  /** A valid answer came: the line works. A working SAM ends a link or SAM fault (the first time: ready). */
  #linkAnswered(response: SamResponse): void {
    this.#linkFailures = 0;
    if (samUnusable(response.sw3)) return;
    if (this.#fault === 'timeout' || this.#fault === 'checksum' || this.#fault === 'sam-fault') {
      if (this.#everReady) this.#leaveFault();
    }
  }

  #linkFailed(kind: 'timeout' | 'checksum'): void {
    this.#linkFailures++;
    if (this.#linkFailures >= this.#faultAfterFailures || !this.#everReady) this.#enterFault(kind);
  }

  #seen(): void {
    this.#misses = 0;
    if (this.#present) return;
    this.#present = true;
    this.#emit({ type: 'idcard.cardPresent' });
  }

  #missed(): void {
    if (!this.#present) return;
    if (++this.#misses < this.#removedAfterMisses) return;
    this.#present = false;
    this.#misses = 0;
    this.#emit({ type: 'idcard.cardRemoved' });
  }

  #enterFault(kind: IdCardFaultKind, status?: number): void {
    if (this.#closed || this.#fault === kind) return;
    this.#fault = kind;
    if (this.#present) {
      this.#present = false;
      this.#misses = 0;
      this.#emit({ type: 'idcard.cardRemoved' });
    }
    this.#emit(status === undefined ? { type: 'idcard.fault', kind } : { type: 'idcard.fault', kind, status });
  }

  #leaveFault(): void {
    if (!this.#fault) return;
    this.#fault = null;
    this.#emit({ type: 'idcard.restored' });
  }

  /** SAM status and ID: after each (re)connection, and while faulted. One at a time. */
  #healthCheck(): Promise<void> {
    this.#healthChecking ??= this.#checkHealth().finally(() => {
      this.#healthChecking = null;
    });
    return this.#healthChecking;
  }

  async #checkHealth(): Promise<void> {
    try {
      await this.samStatus();
      const id = await this.samId();
      if (!this.#everReady) {
        this.#everReady = true;
        this.#fault = null;
        this.#emit({ type: 'idcard.ready', samId: id.text });
      } else {
        this.#leaveFault();
      }
    } catch (error) {
      if (!(error instanceof IdCardError)) throw error;
      // Link and SAM faults were entered where they were seen; a closed port is handled by its close event.
      if (error.kind === 'sam-fault' || error.kind === 'command-rejected' || error.kind === 'bad-response') this.#enterFault('sam-fault', error.status);
    }
  }

  #schedulePoll(): void {
    if (this.#closed) return;
    this.#pollTimer = setTimeout(() => {
      this.#pollTimer = null;
      void this.#pollOnce().finally(() => this.#schedulePoll());
    }, this.#pollMs);
  }

  async #pollOnce(): Promise<void> {
    // Never between a readCard's find, select and read, and never ahead of a caller's command.
    if (this.#closed || this.#polling || !this.#transport?.isOpen || this.#readsInProgress > 0 || this.#pendingExchanges > 0) return;
    this.#polling = true;
    try {
      if (!this.#everReady || this.#fault) await this.#healthCheck();
      else await this.findCard().catch((error: unknown) => {
        if (!(error instanceof IdCardError)) throw error;
      });
    } finally {
      this.#polling = false;
    }
  }

  // ── port ────────────────────────────────────────────────────────────────────────────────────────────────────

  #openNow(): void {
    this.#reconnectTimer = null;
    if (this.#closed) return;
    const attempt = ++this.#openAttempt;
    Promise.resolve()
      .then(() => this.#openPort(this.path))
      .then(
        (transport) => {
          if (this.#closed || attempt !== this.#openAttempt) {
            void transport.close().catch(() => undefined);
            return;
          }
          this.#attach(transport);
        },
        () => {
          this.#enterFault('disconnected');
          this.#scheduleReopen();
        },
      );
  }

  #scheduleReopen(): void {
    if (this.#closed || this.#reconnectTimer) return;
    this.#reconnectTimer = setTimeout(() => this.#openNow(), this.#reconnectMs);
  }

  #attach(transport: IdCardTransport): void {
    this.#retireScanner();
    this.#transport = transport;
    this.#counters.connects++;
    transport.onData((chunk) => {
      if (this.#transport !== transport) return;
      const checksumErrorsBefore = this.#scanner.stats.checksumErrors;
      this.#scanner.push(chunk, (response) => {
        const waiter = this.#waiter;
        if (waiter) waiter.onFrame(response);
        else this.#counters.unexpectedFrames++;
      });
      // Still waiting after a rejected frame: that was the answer, corrupted. Send again now rather than time out.
      if (this.#scanner.stats.checksumErrors > checksumErrorsBefore) this.#waiter?.onCorrupted();
    });
    transport.onClose(() => {
      if (this.#transport !== transport) return;
      this.#detach();
      this.#counters.disconnects++;
      this.#enterFault('disconnected');
      this.#scheduleReopen();
    });
    void this.#healthCheck();
  }

  #detach(): void {
    this.#transport = null;
    const waiter = this.#waiter;
    this.#waiter = null;
    waiter?.onClose();
  }

  #retireScanner(): void {
    const s = this.#scanner.stats;
    const r = this.#retiredScannerStats;
    r.frames += s.frames;
    r.headerErrors += s.headerErrors;
    r.checksumErrors += s.checksumErrors;
    r.discardedBytes += s.discardedBytes;
    this.#scanner = new SamFrameScanner('response');
  }

  #emit(event: IdCardEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        // A listener's bug must not leave the reader half-updated; surface it as an uncaught error afterwards.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
