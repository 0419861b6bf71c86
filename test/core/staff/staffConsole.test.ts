import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import type { StaffInput } from '../../../app/api/kioskApi.js';
import { StaffConsole, type SamplePrintJob, type StaffConsoleDeps } from '../../../app/core/staff/staffConsole.js';
import { staffJobMessages } from '../../../app/core/staff/staffPrintJobStates.js';
import { PrinterError } from '../../../printer/index.js';
import type { StaffRequest } from '../../../app/core/store/staffRequestStore.js';

const PIN = '2580';
const AUTO_LOCK_MS = 120_000;
const LOCKOUT_MS = 60_000;
const JPEG = '/9j/4AAQSkZJRg==';
const PAPER_OUT = '打印已暂停：打印机缺纸，请装入80毫米热敏纸，装好后自动接着打印。';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function job(id: string, state: SamplePrintJob['state'], lastError?: SamplePrintJob['lastError']): SamplePrintJob {
  return { id, state, lastError, updatedAt: '2026-01-05T01:02:03.000Z' };
}

function start(overrides: Partial<StaffConsoleDeps> = {}) {
  const clock = new SimulatedClock();
  const logLines: string[] = [];
  const log = pino({ level: 'debug', base: undefined, timestamp: false }, { write: (line: string) => void logLines.push(line) });
  const calls = { print: [] as string[], close: [] as number[], enrol: [] as string[], changes: 0 };
  const printing: { onQueued: (job: SamplePrintJob) => void; done: ReturnType<typeof deferred<SamplePrintJob>> }[] = [];
  const open: StaffRequest[] = [{ id: 7, sessionId: 's1', reason: 'kb-cannot-answer', createdAt: '2026-01-05T01:00:00.000Z', status: 'open' }];
  const staff = new StaffConsole({
    pin: PIN,
    autoLockMs: AUTO_LOCK_MS,
    clock,
    listDemoCitizens: async () => [{ id: 'C001', name: '王建国', labels: ['养老认证'] }],
    printSample: (citizenId, onQueued) => {
      calls.print.push(citizenId);
      const done = deferred<SamplePrintJob>();
      printing.push({ onQueued, done });
      return done.promise;
    },
    staffRequests: {
      list: () => open.filter((r) => r.status === 'open'),
      close: (id) => {
        calls.close.push(id);
        const request = open.find((r) => r.id === id && r.status === 'open');
        if (request) request.status = 'closed';
        return request !== undefined;
      },
    },
    enrollPhoto: async (citizenId) => void calls.enrol.push(citizenId),
    devices: () => [{ name: '打印机', state: 'ready', detail: '' }],
    onChange: () => void calls.changes++,
    log,
    ...overrides,
  });
  const send = (input: StaffInput) => staff.handle(input);
  const unlock = (pin = PIN) => send({ type: 'staff.unlock', pin });
  return { staff, clock, calls, printing, logLines, send, unlock };
}

const commands: StaffInput[] = [
  { type: 'staff.printSample', citizenId: 'C001' },
  { type: 'staff.closeRequest', id: 7 },
  { type: 'staff.enrollPhoto', citizenId: 'C001', frame: { jpegBase64: JPEG, width: 640, height: 480, capturedAt: 0, seq: 0 } },
];

describe('staff console lock', () => {
  it('opens with the right PIN and shows the panel', async () => {
    const { staff, unlock, calls } = start();
    expect(staff.view()).toEqual({ unlocked: false, message: null, demoCitizens: [], printJobs: [], staffRequests: [], devices: [] });
    unlock();
    expect(staff.view().unlocked).toBe(true);
    expect(staff.view().message).toBe('已进入工作人员模式。');
    await flush();
    const view = staff.view();
    expect(view.demoCitizens.map((c) => c.id)).toEqual(['C001']);
    expect(view.staffRequests).toEqual([{ id: 7, reason: 'kb-cannot-answer', createdAt: '2026-01-05T01:00:00.000Z' }]);
    expect(view.devices).toHaveLength(1);
    expect(calls.changes).toBeGreaterThanOrEqual(2);
    staff.close();
  });

  it('shows the transaction outbox when unlocked, never while locked', () => {
    const entry = { id: 3, kind: 'card-loss', state: 'rejected' as const, attempts: 1, createdAt: '2026-01-05T01:00:00.000Z', updatedAt: '2026-01-05T01:00:01.000Z', nextAttemptAt: null, reference: null, rejectionReason: 'CARD_ALREADY_LOST', lastError: null };
    const { staff, unlock } = start({ outbox: () => [entry] });
    expect(staff.view().outbox).toBeUndefined();
    unlock();
    expect(staff.view().outbox).toEqual([entry]);
    staff.close();
  });

  it('refuses a wrong PIN and logs the attempt without the PIN', () => {
    const { staff, unlock, logLines } = start();
    unlock('1397');
    expect(staff.view()).toMatchObject({ unlocked: false, message: '密码不对，请重新输入。' });
    unlock(PIN);
    expect(staff.view().unlocked).toBe(true);
    const records = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.filter((r) => r.msg === 'wrong staff PIN')).toEqual([expect.objectContaining({ wrongPins: 1, lockedOut: false })]);
    expect(records.some((r) => r.msg === 'staff panel unlocked')).toBe(true);
    for (const line of logLines) {
      expect(line).not.toContain('1397');
      expect(line).not.toContain(PIN);
    }
    staff.close();
  });

  it('locks out after 5 wrong PINs, says how many seconds are left, and accepts again after the lockout', () => {
    const { staff, unlock, clock, calls } = start();
    for (let i = 0; i < 4; i++) unlock('0000');
    expect(staff.view().message).toBe('密码不对，请重新输入。');
    unlock('0000');
    expect(staff.view()).toMatchObject({ unlocked: false, message: '密码错误次数太多，请60秒后再试。' });

    clock.increment(15_200);
    unlock(PIN);
    expect(staff.view()).toMatchObject({ unlocked: false, message: '密码错误次数太多，请45秒后再试。' });
    clock.increment(LOCKOUT_MS - 15_200 - 1);
    unlock(PIN);
    expect(staff.view()).toMatchObject({ unlocked: false, message: '密码错误次数太多，请1秒后再试。' });

    const before = calls.changes;
    clock.increment(1);
    expect(staff.view()).toMatchObject({ unlocked: false, message: null });
    expect(calls.changes).toBe(before + 1);
    unlock(PIN);
    expect(staff.view().unlocked).toBe(true);
    staff.close();
  });

  it('counts wrong PINs afresh after a lockout and after an unlock', () => {
    const { staff, unlock, send, clock } = start();
    for (let i = 0; i < 5; i++) unlock('0000');
    clock.increment(LOCKOUT_MS);
    for (let i = 0; i < 4; i++) unlock('0000');
    expect(staff.view().message).toBe('密码不对，请重新输入。');
    unlock(PIN);
    send({ type: 'staff.lock' });
    for (let i = 0; i < 4; i++) unlock('0000');
    expect(staff.view().message).toBe('密码不对，请重新输入。');
    unlock(PIN);
    expect(staff.view().unlocked).toBe(true);
    staff.close();
  });

  it('takes the limits from its options', () => {
    const { staff, unlock, clock } = start({ maxWrongPins: 2, lockoutMs: 5_000 });
    unlock('0000');
    unlock('0000');
    expect(staff.view().message).toBe('密码错误次数太多，请5秒后再试。');
    clock.increment(5_000);
    unlock(PIN);
    expect(staff.view().unlocked).toBe(true);
    staff.close();
  });

  it('locks itself after autoLockMs without activity; a command restarts the wait', async () => {
    const { staff, unlock, send, clock, calls } = start();
    unlock();
    clock.increment(AUTO_LOCK_MS - 1);
    expect(staff.view().unlocked).toBe(true);
    send({ type: 'staff.closeRequest', id: 7 });
    expect(calls.close).toEqual([7]);
    clock.increment(AUTO_LOCK_MS - 1);
    expect(staff.view().unlocked).toBe(true);
    expect(staff.view().message).toBe('已处理呼叫 #7。');

    const before = calls.changes;
    clock.increment(1);
    expect(staff.view()).toEqual({ unlocked: false, message: null, demoCitizens: [], printJobs: [], staffRequests: [], devices: [] });
    expect(calls.changes).toBe(before + 1);
    send({ type: 'staff.closeRequest', id: 7 });
    expect(calls.close).toEqual([7]);
    staff.close();
  });

  it('locks when staff leave, and forgets the last command message', () => {
    const { staff, unlock, send } = start();
    unlock();
    send({ type: 'staff.closeRequest', id: 7 });
    send({ type: 'staff.lock' });
    expect(staff.view()).toMatchObject({ unlocked: false, message: null });
    unlock();
    expect(staff.view().message).toBe('已进入工作人员模式。');
    staff.close();
  });

  it.each(commands)('refuses $type while locked, with the message', (command) => {
    const { staff, send, calls } = start();
    send(command);
    expect(staff.view()).toMatchObject({ unlocked: false, message: '请先输入工作人员密码。' });
    expect(calls).toMatchObject({ print: [], close: [], enrol: [] });
    staff.close();
  });

  it.each(commands)('refuses $type while locked out, saying how long is left', (command) => {
    const { staff, send, unlock, clock, calls } = start();
    for (let i = 0; i < 5; i++) unlock('0000');
    clock.increment(30_000);
    send(command);
    expect(staff.view()).toMatchObject({ unlocked: false, message: '密码错误次数太多，请30秒后再试。' });
    expect(calls).toMatchObject({ print: [], close: [], enrol: [] });
    staff.close();
  });

  it('stops its timers on close', () => {
    const { staff, unlock, clock } = start();
    unlock();
    staff.close();
    clock.increment(AUTO_LOCK_MS);
    expect(staff.view().unlocked).toBe(true);
  });
});

describe('staff console commands', () => {
  it('enrols a photo and wipes the frame bytes after', async () => {
    let received: Uint8Array | undefined;
    const { staff, unlock, send } = start({
      enrollPhoto: async (_id, jpeg) => {
        received = jpeg;
        expect(jpeg.some((b) => b !== 0)).toBe(true);
      },
    });
    unlock();
    send(commands[2]!);
    expect(staff.view().message).toBe('正在保存参考照片…');
    await flush();
    expect(staff.view().message).toBe('已为 C001 保存参考照片，可以用它做养老认证演示。');
    expect(received!.every((b) => b === 0)).toBe(true);
    staff.close();
  });

  it('says so when there is no printer', () => {
    const { staff, unlock, send } = start({ printSample: null });
    unlock();
    send({ type: 'staff.printSample', citizenId: 'C001' });
    expect(staff.view().message).toBe('打印机不可用，请检查设备状态。');
    staff.close();
  });

  it('reports a failed print with the error\'s own message', async () => {
    const { staff, unlock, send, printing } = start();
    unlock();
    send({ type: 'staff.printSample', citizenId: 'C001' });
    printing[0]!.done.reject(Object.assign(new Error('backend down'), { citizenMessage: '业务系统暂时连不上。' }));
    await flush();
    expect(staff.view().message).toBe('业务系统暂时连不上。');
    staff.close();
  });

  it('reports a printer error that reaches it by its kind, not its technical message', async () => {
    const { staff, unlock, send, printing } = start();
    unlock();
    send({ type: 'staff.printSample', citizenId: 'C001' });
    printing[0]!.done.reject(new PrinterError('disconnected', 'cannot open printer port /dev/ttyUSB0: ENOENT'));
    await flush();
    expect(staff.view().message).toBe('打印失败：打印机连接中断');
    staff.close();
  });
});

describe('staff console and printer events', () => {
  it('follows a sample job: printing → paused for paper → printing → done', async () => {
    const { staff, unlock, send, printing, clock, calls } = start();
    unlock();
    send({ type: 'staff.printSample', citizenId: 'C001' });
    expect(staff.view().message).toBe('正在打印参保证明样张…');
    printing[0]!.onQueued(job('J1', 'queued'));
    expect(staff.view().printJobs).toEqual([{ id: 'J1', citizenId: 'C001', state: 'printing', message: staffJobMessages.printing, at: '2026-01-05T01:02:03.000Z' }]);

    clock.increment(5_000);
    const before = calls.changes;
    staff.onPrinterEvent({ type: 'printer.paperOut', jobId: 'J1' });
    expect(calls.changes).toBe(before + 1);
    expect(staff.view().printJobs[0]).toEqual({ id: 'J1', citizenId: 'C001', state: 'paused', message: PAPER_OUT, at: new Date(5_000).toISOString() });

    staff.onPrinterEvent({ type: 'printer.paperNearEnd', jobId: 'J1' });
    expect(staff.view().printJobs[0]).toMatchObject({ state: 'paused', message: PAPER_OUT });

    staff.onPrinterEvent({ type: 'printer.paperRestored', jobId: 'J1' });
    expect(staff.view().printJobs[0]).toMatchObject({ state: 'printing', message: '打印机已恢复，正在接着打印。' });

    staff.onPrinterEvent({ type: 'printer.jobDone', jobId: 'J1' });
    expect(staff.view().printJobs[0]).toMatchObject({ state: 'done', message: '已打印完成' });

    // The spooler kept the paper-out error from the first attempt; the job printed, so staff read that.
    printing[0]!.done.resolve(job('J1', 'done', { kind: 'paper-out-timeout', message: 'printer out of paper for 300000 ms' }));
    await flush();
    expect(staff.view().printJobs[0]).toMatchObject({ state: 'done', message: '已打印完成' });
    expect(staff.view().message).toBe('样张 J1：已打印完成');
    staff.close();
  });

  it('marks a job unconfirmed or failed with the cause its kind names, never the technical message', async () => {
    const { staff, unlock, send, printing } = start();
    unlock();
    send({ type: 'staff.printSample', citizenId: 'C001' });
    send({ type: 'staff.printSample', citizenId: 'C002' });
    printing[0]!.onQueued(job('J1', 'queued'));
    printing[1]!.onQueued(job('J2', 'queued'));
    staff.onPrinterEvent({ type: 'printer.jobUnconfirmed', jobId: 'J1', reason: 'disconnected' });
    staff.onPrinterEvent({ type: 'printer.jobFailed', jobId: 'J2', kind: 'cover-open' });
    expect(staff.view().printJobs.map((j) => [j.id, j.state, j.message])).toEqual([
      ['J2', 'failed', '打印失败：仓盖一直没有合上'],
      ['J1', 'unconfirmed', '打印机连接中断，不确定是否已打出，请核实后确认或补打'],
    ]);

    printing[0]!.done.resolve(job('J1', 'unconfirmed', { kind: 'timeout', message: 'printer did not answer GS ( H within 30000 ms' }));
    await flush();
    expect(staff.view().printJobs.find((j) => j.id === 'J1')).toMatchObject({ state: 'unconfirmed', message: '打印机没有回应，不确定是否已打出，请核实后确认或补打' });
    expect(staff.view().message).toBe('样张 J1：打印机没有回应，不确定是否已打出，请核实后确认或补打');

    // A kind the panel does not know (an older spool file) still reads as a failure staff can act on.
    printing[1]!.done.resolve(job('J2', 'failed', { kind: 'cutter-jam', message: 'cutter jammed' }));
    await flush();
    expect(staff.view().printJobs.find((j) => j.id === 'J2')).toMatchObject({ state: 'failed', message: '打印失败：内部错误，请查看日志' });
    staff.close();
  });

  it('leaves jobs it did not start alone', () => {
    const { staff, unlock, calls } = start();
    unlock();
    const before = calls.changes;
    staff.onPrinterEvent({ type: 'printer.paperOut', jobId: 'citizen-job' });
    staff.onPrinterEvent({ type: 'printer.jobDone', jobId: 'citizen-job' });
    expect(staff.view().printJobs).toEqual([]);
    expect(calls.changes).toBe(before);
    staff.close();
  });
});
