import { timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import type { StaffInput, StaffPrintJobView, StaffView } from '../../api/kioskApi.js';
import type { StaffRequestStore } from '../store/staffRequestStore.js';

export interface StaffConsoleDeps {
  pin: string;
  /** Locks itself after this long without staff input. */
  autoLockMs: number;
  listDemoCitizens: () => Promise<StaffView['demoCitizens']>;
  /** Starts a sample certificate print; `onUpdate` reports the job as it moves (queued → printing → done …). */
  printSample: (citizenId: string, onUpdate: (job: StaffPrintJobView) => void) => Promise<void>;
  staffRequests: StaffRequestStore;
  /** Stores a demo pensioner's reference photo taken by the kiosk camera (the demo ships no photos). */
  enrollPhoto: (citizenId: string, jpeg: Uint8Array) => Promise<void>;
  devices: () => StaffView['devices'];
  onChange: () => void;
  log: Logger;
}

const MAX_WRONG_PINS = 5;
const LOCKOUT_MS = 60_000;

/**
 * The staff panel behind the kiosk screen: PIN unlock with a lockout after repeated wrong PINs, open calls
 * for staff, device states, and printing a sample certificate for a demo citizen. Separate from the citizen's
 * visit so a member of staff never disturbs (or sees) a citizen's session.
 */
export class StaffConsole {
  private unlocked = false;
  private message: string | null = null;
  private wrongPins = 0;
  private lockedOutUntil = 0;
  private demoCitizens: StaffView['demoCitizens'] = [];
  private readonly jobs = new Map<string, StaffPrintJobView>();
  private autoLock: NodeJS.Timeout | undefined;

  constructor(private readonly deps: StaffConsoleDeps) {}

  handle(input: StaffInput): void {
    if (input.type === 'staff.unlock') return this.unlock(input.pin);
    if (!this.unlocked) {
      this.say('请先输入工作人员密码。');
      return;
    }
    this.touch();
    switch (input.type) {
      case 'staff.lock':
        this.lock();
        return;
      case 'staff.closeRequest':
        this.say(this.deps.staffRequests.close(input.id) ? `已处理呼叫 #${input.id}。` : `呼叫 #${input.id} 已经处理过了。`);
        return;
      case 'staff.printSample':
        this.printSample(input.citizenId);
        return;
      case 'staff.enrollPhoto': {
        const jpeg = Buffer.from(input.frame.jpegBase64, 'base64');
        this.say('正在保存参考照片…');
        this.deps
          .enrollPhoto(input.citizenId, jpeg)
          .then(() => this.say(`已为 ${input.citizenId} 保存参考照片，可以用它做养老认证演示。`))
          .catch((error: unknown) => {
            this.deps.log.warn({ err: error }, 'reference photo enrolment failed');
            this.say((error as { citizenMessage?: string }).citizenMessage ?? '参考照片没有保存成功，请重拍。');
          })
          .finally(() => jpeg.fill(0));
        return;
      }
    }
  }

  view(): StaffView {
    if (!this.unlocked) return { unlocked: false, message: this.message, demoCitizens: [], printJobs: [], staffRequests: [], devices: [] };
    return {
      unlocked: true,
      message: this.message,
      demoCitizens: this.demoCitizens,
      printJobs: [...this.jobs.values()].slice(-10).reverse(),
      staffRequests: this.deps.staffRequests.list('open').map(({ id, reason, createdAt }) => ({ id, reason, createdAt })),
      devices: this.deps.devices(),
    };
  }

  /** A printer event moved a job on (paused for paper, resumed …). */
  updateJob(jobId: string, state: string, message: string): void {
    const job = this.jobs.get(jobId);
    if (!job) return;
    this.jobs.set(jobId, { ...job, state, message, at: new Date().toISOString() });
    this.deps.onChange();
  }

  close(): void {
    clearTimeout(this.autoLock);
  }

  private unlock(pin: string): void {
    const now = Date.now();
    if (now < this.lockedOutUntil) {
      this.say(`密码错误次数太多，请${Math.ceil((this.lockedOutUntil - now) / 1000)}秒后再试。`);
      return;
    }
    if (!samePin(pin, this.deps.pin)) {
      this.wrongPins++;
      this.deps.log.warn({ wrongPins: this.wrongPins }, 'wrong staff PIN');
      if (this.wrongPins >= MAX_WRONG_PINS) {
        this.wrongPins = 0;
        this.lockedOutUntil = now + LOCKOUT_MS;
        this.say('密码错误次数太多，请一分钟后再试。');
      } else {
        this.say('密码不对，请重新输入。');
      }
      return;
    }
    this.wrongPins = 0;
    this.unlocked = true;
    this.deps.log.info('staff panel unlocked');
    this.say('已进入工作人员模式。');
    this.touch();
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

  private lock(): void {
    this.unlocked = false;
    clearTimeout(this.autoLock);
    this.say(null);
  }

  private printSample(citizenId: string): void {
    this.say('正在打印参保证明样张…');
    let last: StaffPrintJobView | undefined;
    this.deps
      .printSample(citizenId, (job) => {
        last = job;
        this.jobs.set(job.id, job);
        this.deps.onChange();
      })
      .then(() => this.say(last ? `样张 ${last.id}：${last.message}` : null))
      .catch((error: unknown) => {
        this.deps.log.warn({ err: error }, 'sample certificate failed');
        this.say(error instanceof Error && 'citizenMessage' in error ? String((error as { citizenMessage: unknown }).citizenMessage) : '打印没有成功，请检查打印机。');
      });
  }

  private touch(): void {
    clearTimeout(this.autoLock);
    this.autoLock = setTimeout(() => this.lock(), this.deps.autoLockMs);
    this.autoLock.unref();
  }

  private say(message: string | null): void {
    this.message = message;
    this.deps.onChange();
  }
}

function samePin(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
