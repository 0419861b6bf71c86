import { SerialPort } from 'serialport';
import { seededRandom } from '../../common/seededRandom.js';
import { joinBaseInfo } from '../baseInfo.js';
import { encodeIdCardText } from '../idCardText.js';
import { samCommandName, type SamCommandName } from '../samCommands.js';
import { encodeResponseFrame } from '../samFrame.js';
import { encodeSamId } from '../samId.js';
import { SamStatus } from '../samStatus.js';
import { encodeDemoWlt } from '../wlt/demoWltPhoto.js';
import { CommandFrameReader, type CommandFrameReaderStats, type HostCommand } from './commandFrameReader.js';
import { demoCards, type DemoCard } from './demoCards.js';

// The far side of the line: a resident ID-card reader's SAM module as GA 467 describes it, on a serial path (the
// device end of a socat pty pair in tests and in the built-in demo). Its own frame reader; the card in the field is
// put and removed by the test or the demo; faults are injected.

export interface IdCardReaderSimulatorOptions {
  /** The device end of a pty pair (the kiosk opens the other end). */
  path: string;
  baudRate?: number;
  cards?: readonly DemoCard[];
  /** Before each answer (default 5 ms). */
  answerDelayMs?: number;
  /** How long reading text and photo from the card takes (default 40 ms; a real module takes most of a second). */
  readDelayMs?: number;
  /** Reopen the path this often after it vanished (cable pulled). Default 100 ms. */
  reopenMs?: number;
  /** Seed of the fault generator (which bit of a check byte a corruption flips, garbage bytes). */
  seed?: number;
}

/** One command frame the SAM took in, with the status it answered (null: not answered). */
export interface ReceivedSamCommand {
  at: number;
  cmd: number;
  para: number;
  command: SamCommandName | null;
  answered: number | null;
}

export interface IdCardReaderSimulatorStats extends CommandFrameReaderStats {
  answers: number;
  portOpens: number;
}

export interface IdCardReaderSimulatorFaults {
  /** The next read finds the card gone halfway: the card leaves the field and the read answers 0x41. */
  removeCardDuringNextRead(): void;
  /** The SAM fails its self-test (0x60) or is not authorised (0x66): every command answers that; null ends it. */
  samFault(status: 0x60 | 0x66 | null): void;
  /** Flip one bit of the check byte of each of the next `count` answers, so their check fails. */
  corruptAnswers(count: number): void;
  /** A hung module: reads and drops everything, answers nothing. */
  silence(on: boolean): void;
  /** Writes `byteCount` random bytes to the kiosk now. */
  garbage(byteCount: number): void;
  /** Every fault off (the card stays where it is). */
  clear(): void;
}

export interface IdCardReaderSimulator {
  readonly path: string;
  readonly cards: readonly DemoCard[];
  /** The id of the card in the field, or null. */
  readonly cardInField: string | null;
  /** Places a demo card on the reader (replacing any other). Throws for an unknown id. */
  putCard(cardId: string): void;
  removeCard(): void;
  readonly faults: IdCardReaderSimulatorFaults;
  /** Every command frame received, in order (the latest 10 000). */
  readonly received: readonly ReceivedSamCommand[];
  stats(): IdCardReaderSimulatorStats;
  portOpen(): boolean;
  /** Closes the port and stops reopening it. */
  stop(): Promise<void>;
}

/** The SAM ID the simulator reports: "05.01-20240612-0000000042-1234567890". */
const SIMULATOR_SAM_ID = encodeSamId({ a: 5, b: 1, date: 20240612, serial1: 42, serial2: 1234567890 });
const MAX_RECEIVED = 10_000;

export async function startIdCardReaderSimulator(options: IdCardReaderSimulatorOptions): Promise<IdCardReaderSimulator> {
  const sim = new SamModuleSimulator(options);
  await sim.open();
  return sim;
}

type CardState = 'absent' | 'in-field' | 'found' | 'selected';

class SamModuleSimulator implements IdCardReaderSimulator {
  readonly path: string;
  readonly cards: readonly DemoCard[];
  readonly received: ReceivedSamCommand[] = [];
  readonly faults: IdCardReaderSimulatorFaults;
  readonly #options: IdCardReaderSimulatorOptions;
  readonly #answerDelayMs: number;
  readonly #readDelayMs: number;
  readonly #reopenMs: number;
  readonly #random: () => number;
  readonly #reader = new CommandFrameReader();
  readonly #counters = { answers: 0, portOpens: 0 };
  #port: SerialPort | null = null;
  #stopped = false;
  #reopenTimer: NodeJS.Timeout | null = null;
  /** Commands are answered one after another, in arrival order. */
  #work: Promise<void> = Promise.resolve();

  /** Each card's text block, encoded once: a card whose text does not fit fails at start, not mid-answer. */
  readonly #textBlocks: Map<string, Uint8Array>;
  #card: DemoCard | null = null;
  #cardState: CardState = 'absent';
  #removeDuringRead = false;
  #samFault: 0x60 | 0x66 | null = null;
  #corruptNext = 0;
  #silent = false;

  constructor(options: IdCardReaderSimulatorOptions) {
    this.#options = options;
    this.path = options.path;
    this.cards = options.cards ?? demoCards;
    this.#textBlocks = new Map(this.cards.map((card) => [card.id, encodeIdCardText(card.text)]));
    this.#answerDelayMs = options.answerDelayMs ?? 5;
    this.#readDelayMs = options.readDelayMs ?? 40;
    this.#reopenMs = options.reopenMs ?? 100;
    this.#random = seededRandom(options.seed ?? 0x1d0ca7d);
    this.faults = {
      removeCardDuringNextRead: () => {
        this.#removeDuringRead = true;
      },
      samFault: (status) => {
        this.#samFault = status;
      },
      corruptAnswers: (count) => {
        this.#corruptNext = count;
      },
      silence: (on) => {
        this.#silent = on;
      },
      garbage: (byteCount) => {
        const bytes = Buffer.alloc(byteCount);
        for (let i = 0; i < byteCount; i++) bytes[i] = Math.floor(this.#random() * 256);
        this.#write(bytes);
      },
      clear: () => {
        this.#removeDuringRead = false;
        this.#samFault = null;
        this.#corruptNext = 0;
        this.#silent = false;
      },
    };
  }

  get cardInField(): string | null {
    return this.#card?.id ?? null;
  }

  putCard(cardId: string): void {
    const card = this.cards.find((c) => c.id === cardId);
    if (!card) throw new RangeError(`no demo card ${cardId}`);
    this.#card = card;
    this.#cardState = 'in-field';
  }

  removeCard(): void {
    this.#card = null;
    this.#cardState = 'absent';
  }

  stats(): IdCardReaderSimulatorStats {
    return { ...this.#reader.stats, ...this.#counters };
  }

  portOpen(): boolean {
    return this.#port?.isOpen ?? false;
  }

  async open(): Promise<void> {
    const port = new SerialPort({ path: this.path, baudRate: this.#options.baudRate ?? 115_200, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    if (this.#stopped) {
      await new Promise<void>((resolve) => port.close(() => resolve()));
      return;
    }
    this.#port = port;
    this.#counters.portOpens++;
    this.#reader.reset();
    port.on('error', () => {}); // a pulled cable shows up as 'close'; nothing here may crash the test run
    port.on('data', (chunk: Buffer) => this.#receive(chunk));
    port.on('close', () => {
      if (this.#port === port) this.#port = null;
      this.#scheduleReopen();
    });
  }

  #scheduleReopen(): void {
    if (this.#stopped || this.#reopenTimer) return;
    this.#reopenTimer = setTimeout(() => {
      this.#reopenTimer = null;
      this.open().catch(() => this.#scheduleReopen());
    }, this.#reopenMs);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#reopenTimer) clearTimeout(this.#reopenTimer);
    this.#reopenTimer = null;
    const port = this.#port;
    this.#port = null;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  #receive(chunk: Buffer): void {
    if (this.#silent) return;
    this.#reader.feed(chunk, {
      onCommand: (command) => this.#enqueue(command),
      onChecksumError: () => this.#enqueueStatus(SamStatus.ChecksumError),
      onLengthError: () => this.#enqueueStatus(SamStatus.LengthError),
    });
  }

  #enqueueStatus(sw3: number): void {
    this.#work = this.#work.then(async () => {
      await sleep(this.#answerDelayMs);
      this.#answer(sw3);
    });
  }

  #enqueue(command: HostCommand): void {
    const entry: ReceivedSamCommand = { at: Date.now(), cmd: command.cmd, para: command.para, command: samCommandName(command.cmd, command.para), answered: null };
    this.received.push(entry);
    if (this.received.length > MAX_RECEIVED) this.received.shift();
    this.#work = this.#work.then(async () => {
      await sleep(this.#answerDelayMs);
      const [sw3, data] = await this.#execute(entry.command);
      if (this.#silent) return;
      entry.answered = sw3;
      this.#answer(sw3, data);
    });
  }

  /** What the SAM does with a command: its status and data. */
  async #execute(command: SamCommandName | null): Promise<[number, Uint8Array?]> {
    if (this.#samFault !== null) return [this.#samFault];
    const present = this.#card !== null;
    switch (command) {
      case 'resetSam':
        if (present) this.#cardState = 'in-field';
        return [SamStatus.Success];
      case 'samStatus':
        return [SamStatus.Success];
      case 'samId':
        return [SamStatus.Success, SIMULATOR_SAM_ID];
      case 'findCard':
        if (!present) return [SamStatus.FindCardFailed];
        this.#cardState = 'found';
        return [SamStatus.FindCardSuccess, new Uint8Array(4)];
      case 'selectCard':
        if (!present || this.#cardState === 'in-field' || this.#cardState === 'absent') return [SamStatus.SelectCardFailed];
        this.#cardState = 'selected';
        return [SamStatus.Success, new Uint8Array(8)];
      case 'readBaseInfo': {
        if (!present || this.#cardState !== 'selected') return [SamStatus.ReadCardFailed];
        const card = this.#card!;
        await sleep(this.#readDelayMs / 2);
        if (this.#removeDuringRead) {
          this.#removeDuringRead = false;
          this.removeCard();
        }
        await sleep(this.#readDelayMs / 2);
        if (this.#card !== card) return [SamStatus.ReadCardFailed];
        return [SamStatus.Success, joinBaseInfo({ text: this.#textBlocks.get(card.id)!, wlt: encodeDemoWlt(card.id) })];
      }
      case 'readAdditionalAddress':
        if (!present || this.#cardState !== 'selected') return [SamStatus.ReadCardFailed];
        return [SamStatus.NoContent];
      default:
        // Unknown commands, and the fingerprint read this simulator does not model.
        return [SamStatus.CommandError];
    }
  }

  #answer(sw3: number, data: Uint8Array = new Uint8Array(0)): void {
    const frame = encodeResponseFrame({ sw1: 0x00, sw2: 0x00, sw3, data });
    if (this.#corruptNext > 0) {
      this.#corruptNext--;
      frame[frame.length - 1]! ^= 1 << Math.floor(this.#random() * 8);
    }
    this.#counters.answers++;
    this.#write(frame);
  }

  #write(bytes: Uint8Array): void {
    const port = this.#port;
    if (port?.isOpen) port.write(Buffer.from(bytes));
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

