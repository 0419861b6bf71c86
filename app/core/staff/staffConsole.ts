import type { Logger } from 'pino';
import { createActor, type Actor, type SimulatedClock, type SnapshotFrom } from 'xstate';
import type { StaffInput, StaffOutboxEntryView, StaffPrintJobView, StaffView } from '../../api/kioskApi.js';
import { PrinterError, type PrintJobRecord, type PrinterEvent } from '../../../printer/index.js';
import type { StaffRequestStore } from '../store/staffRequestStore.js';
import { staffLockMachine } from './staffLockMachine.js';
import { staffJobMessage, staffJobUpdate } from './staffPrintJobStates.js';

/** A sample certificate's print job as the spooler reports it (a `PrintJobRecord` will do). */
export type SamplePrintJob = Pick<PrintJobRecord, 'id' | 'state' | 'lastError' | 'updatedAt'>;

export interface StaffConsoleDeps {
  pin: string;
  /** Locks itself after this long without staff input (config `staff.autoLockMs`). */
  autoLockMs: number;
  /** Wrong PINs in a row before a lockout (default 5). */
  maxWrongPins?: number;
  /** How long a lockout lasts (default 60 s). */
  lockoutMs?: number;
  /** A simulated clock for tests (the runtime passes its own); the real clock otherwise. */
  clock?: SimulatedClock;
  listDemoCitizens: () => Promise<StaffView['demoCitizens']>;
  /**
   * Prints a sample certificate for a demo citizen: calls `onQueued` once the spooler holds the job and resolves
   * with the job's final record (done, failed, unconfirmed). Null when the kiosk has no printer.
   */
  printSample: ((citizenId: string, onQueued: (job: SamplePrintJob) => void) => Promise<SamplePrintJob>) | null;
  staffRequests: Pick<StaffRequestStore, 'list' | 'close'>;
  /** Stores a demo pensioner's reference photo taken by the kiosk camera (the demo ships no photos). */
  enrollPhoto: (citizenId: string, jpeg: Uint8Array) => Promise<void>;
  devices: () => StaffView['devices'];
  /** The transaction outbox as staff see it (listOutbox: never payloads); none when absent. */
  outbox?: () => StaffOutboxEntryView[];
  onChange: () => void;
  log: Logger;
}

/** The real clock for the lock's delays, without keeping the process alive for an auto-lock. */
const unrefClock = {
  setTimeout: (fn: (...args: unknown[]) => void, ms: number) => setTimeout(fn, ms).unref(),
  clearTimeout: (id: NodeJS.Timeout) => clearTimeout(id),
};

/**
 * The staff panel behind the kiosk screen: PIN unlock (the lock machine: lockout after repeated wrong PINs,
 * auto-lock when idle), open calls for staff, device states, printing a sample certificate for a demo citizen
 * and enrolling a demo pensioner's photo. Separate from the citizen's visit so a member of staff never disturbs
 * (or sees) a citizen's session.
 */
export class StaffConsole {
  private readonly lock: Actor<typeof staffLockMachine>;
  private readonly now: () => number;
  /** The last message of a command on the unlocked panel; the lock's own message otherwise. Forgotten on every lock change. */
  private panelMessage: string | null = null;
  private demoCitizens: StaffView['demoCitizens'] = [];
  private readonly jobs = new Map<string, StaffPrintJobView>();

  constructor(private readonly deps: StaffConsoleDeps) {
    const clock = deps.clock;
    this.now = clock ? () => clock.now() : () => Date.now();
    const machine = staffLockMachine.provide({
      actions: {
        logWrongPin: (_, params) => deps.log.warn(params, 'wrong staff PIN'),
        announceUnlocked: () => this.loadDemoCitizens(),
      },
    });
    this.lock = createActor(machine, {
      clock: clock ?? unrefClock,
      input: {
        pin: deps.pin,
        autoLockMs: deps.autoLockMs,
        ...(deps.maxWrongPins === undefined ? {} : { maxWrongPins: deps.maxWrongPins }),
        ...(deps.lockoutMs === undefined ? {} : { lockoutMs: deps.lockoutMs }),
        now: this.now,
      },
    });
    let last: SnapshotFrom<typeof staffLockMachine> = this.lock.getSnapshot();
    this.lock.subscribe((snapshot) => {
      const moved = snapshot.value !== last.value;
      const changed = moved || snapshot.context.message !== last.context.message;
      last = snapshot;
      if (moved) this.panelMessage = null;
      if (changed) deps.onChange();
    });
    this.lock.start();
  }

  handle(input: StaffInput): void {
    if (input.type === 'staff.unlock' || input.type === 'staff.lock') {
      this.lock.send(input);
      return;
    }
    // A command is staff activity: it restarts the auto-lock, or is refused (with the lock's message) when locked.
    this.lock.send({ type: 'staff.activity' });
    if (!this.unlocked) return;
    switch (input.type) {
      case 'staff.closeRequest':
        this.say(this.deps.staffRequests.close(input.id) ? `已处理呼叫 #${input.id}。` : `呼叫 #${input.id} 已经处理过了。`);
        return;
      case 'staff.printSample':
        this.printSample(input.citizenId);
        return;
      case 'staff.enrollPhoto':
        this.enrollPhoto(input.citizenId, Buffer.from(input.frame.jpegBase64, 'base64'));
        return;
    }
  }

  view(): StaffView {
    const lockMessage = this.lock.getSnapshot().context.message;
    if (!this.unlocked) return { unlocked: false, message: lockMessage, demoCitizens: [], printJobs: [], staffRequests: [], devices: [] };
    return {
      unlocked: true,
      message: this.panelMessage ?? lockMessage,
      demoCitizens: this.demoCitizens,
      printJobs: [...this.jobs.values()].slice(-10).reverse(),
      staffRequests: this.deps.staffRequests.list('open').map(({ id, reason, createdAt }) => ({ id, reason, createdAt })),
      devices: this.deps.devices(),
      ...(this.deps.outbox ? { outbox: this.deps.outbox() } : {}),
    };
  }

  /** A printer event moves a sample job on (paused for paper, resumed, done …); jobs the panel did not start are not its business. */
  onPrinterEvent(event: PrinterEvent): void {
    this.deps.log.info({ event: event.type, job: event.jobId }, 'printer event');
    const job = this.jobs.get(event.jobId);
    const update = staffJobUpdate(event);
    if (!job || !update) return;
    this.jobs.set(job.id, { ...job, ...update, at: new Date(this.now()).toISOString() });
    this.deps.onChange();
  }

  close(): void {
    this.lock.stop();
  }

  private get unlocked(): boolean {
    return this.lock.getSnapshot().matches('unlocked');
  }

  private loadDemoCitizens(): void {
    this.deps.log.info('staff panel unlocked');
    this.deps
      .listDemoCitizens()
      .then((citizens) => {
        this.demoCitizens = citizens;
        this.deps.onChange();
      })
      .catch((error: unknown) => {
        this.deps.log.warn({ err: error }, 'demo citizens unavailable');
        this.say('业务系统暂时连不上，演示市民列表无法加载。');
      });
  }

  private printSample(citizenId: string): void {
    const printSample = this.deps.printSample;
    if (!printSample) {
      this.say('打印机不可用，请检查设备状态。');
      return;
    }
    this.say('正在打印参保证明样张…');
    const show = (job: SamplePrintJob, state: string = job.state) => {
      // An error the spooler kept from an earlier attempt is news only while the job has not printed.
      const failed = state === 'failed' || state === 'unconfirmed';
      const view: StaffPrintJobView = { id: job.id, citizenId, state, message: staffJobMessage(state, failed ? job.lastError?.kind : undefined), at: job.updatedAt };
      this.jobs.set(job.id, view);
      this.deps.onChange();
      return view;
    };
    printSample(citizenId, (job) => show(job, 'printing'))
      .then((job) => {
        const view = show(job);
        this.say(`样张 ${view.id}：${view.message}`);
      })
      .catch((error: unknown) => {
        this.deps.log.warn({ err: error }, 'sample certificate failed');
        this.say(panelMessageOf(error) ?? '打印没有成功，请检查打印机。');
      });
  }

  private enrollPhoto(citizenId: string, jpeg: Buffer): void {
    this.say('正在保存参考照片…');
    this.deps
      .enrollPhoto(citizenId, jpeg)
      .then(() => this.say(`已为 ${citizenId} 保存参考照片，可以用它做养老认证演示。`))
      .catch((error: unknown) => {
        this.deps.log.warn({ err: error }, 'reference photo enrolment failed');
        this.say(panelMessageOf(error) ?? '参考照片没有保存成功，请重拍。');
      })
      .finally(() => jpeg.fill(0));
  }

  private say(message: string | null): void {
    this.panelMessage = message;
    this.deps.onChange();
  }
}

/** What staff read about an error: a printer error by its kind, else the sentence the error carries (business-system errors). */
function panelMessageOf(error: unknown): string | undefined {
  if (error instanceof PrinterError) return staffJobMessage('failed', error.kind);
  const message = (error as { citizenMessage?: unknown } | null)?.citizenMessage;
  return typeof message === 'string' ? message : undefined;
}
