import { describe, expect, it } from 'vitest';
import { transactionKinds } from '../../../app/core/outbox/backendSenders.js';
import type { TransactionSpec } from '../../../app/core/transactions/transactionSpec.js';
import { unemploymentRules } from '../../../app/core/transactions/unemploymentBenefitRules.js';
import { readSeparationMonth, unemploymentRegistrationTransaction } from '../../../app/core/transactions/unemploymentRegistrationTransaction.js';
import { TEST_DEADLINE_MS } from '../../testDeadline.js';
import { FIXED_NOW } from '../backend/simulatorHarness.js';
import { useOutboxRig } from './outboxRig.js';
import { transactionUnderTest } from './transactionUnderTest.js';

// The business system's "now" is 2025-03-14: the job may have ended from 2024-03 to 2025-03.
const now = () => new Date(FIXED_NOW);

function start(spec: TransactionSpec, opening: string | null = null, citizenId = 'QD0023') {
  return transactionUnderTest(spec, citizenId, 'txn-unemp-0001', opening);
}

/** An outbox that records what it is given and answers delivered. */
function recordingOutbox() {
  const submitted: { kind: string; payload: unknown; idempotencyKey: string | undefined }[] = [];
  return {
    submitted,
    submit: async (kind: string, citizenId: string, payload: unknown, options: { idempotencyKey?: string } = {}) => {
      submitted.push({ kind, payload, idempotencyKey: options.idempotencyKey });
      return {
        id: 1, kind, citizenId, idempotencyKey: options.idempotencyKey ?? '', state: 'delivered' as const, reference: 'SD20250314-0001', attempts: 1,
        answer: { benefitEligible: true, office: '青岛市市南区公共就业和人才服务中心', nextSteps: '失业登记已办理。可以申领失业保险金。' },
      };
    },
  };
}

const lastLine = (t: { lines(): string[] }) => t.lines().at(-1) ?? '';

describe('失业登记: when the job ended, why, and the job services wanted', () => {
  it('reads the month as people say it, a month later in the year than now being last year’s', () => {
    const march = { year: 2025, month: 3 };
    const read = (text: string) => readSeparationMonth(text, march);
    expect(read('上个月')).toEqual({ year: 2025, month: 2 });
    expect(read('上上个月')).toEqual({ year: 2025, month: 1 });
    expect(read('两个月前被裁的')).toEqual({ year: 2025, month: 1 });
    expect(read('这个月刚离职')).toEqual({ year: 2025, month: 3 });
    expect(read('半年前')).toEqual({ year: 2024, month: 9 });
    expect(read('去年十二月')).toEqual({ year: 2024, month: 12 });
    expect(read('十一月份')).toEqual({ year: 2024, month: 11 });
    expect(read('2月份')).toEqual({ year: 2025, month: 2 });
    expect(read('2023年10月')).toEqual({ year: 2023, month: 10 });
    expect(read('我想办失业登记')).toBeNull();
  });

  it('takes the month and the reason from the opening line, asks for job services, reads everything back and submits after the yes', async () => {
    const outbox = recordingOutbox();
    const t = start(unemploymentRegistrationTransaction(outbox, now), '我上个月被公司裁员了，想办失业登记');
    expect(lastLine(t)).toContain('职业介绍和职业培训');
    t.reply('帮我介绍个工作吧');
    const confirmation = lastLine(t);
    for (const part of ['离职月份：2025年2月', '离职原因：单位解除/终止合同', '就业服务：职业介绍', unemploymentRules.fromRegistration.quote]) expect(confirmation).toContain(part);
    expect(confirmation).not.toContain('主动辞职');
    expect(outbox.submitted).toEqual([]);
    t.reply('确认');
    await expect.poll(() => t.outputs.length, { timeout: TEST_DEADLINE_MS }).toBe(1);
    expect(outbox.submitted).toEqual([
      { kind: transactionKinds.unemploymentRegistration, payload: { separationMonth: '2025-02', reason: '单位解除/终止合同', jobServices: ['职业介绍'] }, idempotencyKey: 'txn-unemp-0001' },
    ]);
    expect(t.outputs[0]).toMatchObject({ outcome: 'submitted', reference: 'SD20250314-0001' });
    expect(t.outputs[0]!.line).toContain('说“申领失业金”就行');
    expect(t.outputs[0]!.receipt).toEqual(['离职月份：2025年2月', '离职原因：单位解除/终止合同', '就业服务：职业介绍', '登记机构：青岛市市南区公共就业和人才服务中心']);
  });

  it('a month ahead, or over a year ago, is told why and asked again; job services can be left out; a resignation is warned about before the yes', async () => {
    const outbox = recordingOutbox();
    const t = start(unemploymentRegistrationTransaction(outbox, now), '我要办失业登记');
    expect(lastLine(t)).toContain('哪个月离开原单位');
    t.reply('2025年5月');
    expect(lastLine(t)).toMatch(/^离职月份不能晚于这个月/);
    t.reply('2023年10月');
    expect(lastLine(t)).toMatch(/^离职已经超过12个月的，机器上没法确认这段时间有没有工作过，要带身份证到3号窗口核实后再登记。/);
    t.reply('两个月前');
    expect(lastLine(t)).toContain('因为什么离开');
    t.reply('个人辞职');
    t.reply('不用');
    const confirmation = lastLine(t);
    expect(confirmation).toContain('离职月份：2025年1月');
    expect(confirmation).toContain(`提醒您：${unemploymentRules.resigned.quote}`);
    expect(confirmation).not.toContain('就业服务：');
    t.reply('确认');
    await expect.poll(() => outbox.submitted.length, { timeout: TEST_DEADLINE_MS }).toBe(1);
    expect(outbox.submitted[0]!.payload).toEqual({ separationMonth: '2025-01', reason: '个人辞职', jobServices: [] });
  });

  it('each reason is a tap as well as words', () => {
    for (const [said, reason] of [['单位解除/终止合同', '单位解除/终止合同'], ['合同到期', '合同到期'], ['个人辞职', '个人辞职'], ['其他', '其他'], ['合同到了单位不续签', '合同到期'], ['公司倒闭了', '单位解除/终止合同'], ['我自己不想干了', '个人辞职']]) {
      const t = start(unemploymentRegistrationTransaction(recordingOutbox(), now), '上个月');
      t.reply(said!);
      t.reply('两个都要');
      expect(lastLine(t), said).toContain(`离职原因：${reason}`);
      expect(lastLine(t)).toContain('就业服务：职业介绍和职业培训');
    }
  });
});

describe('失业登记 through the outbox, against the business-system simulator', () => {
  const rig = useOutboxRig();
  const laidOff = { separationMonth: '2025-01', reason: '单位解除/终止合同', jobServices: [] };

  it('someone laid off is registered: the record reads 失业 and the benefit is offered with its months and amount', async () => {
    const result = await unemploymentRegistrationTransaction(rig.outbox, now).submit({ citizenId: 'QD0023', values: laidOff, idempotencyKey: 'txn-unemp-0002' });
    expect(result).toMatchObject({ status: 'submitted', reference: 'SD20250314-0001' });
    expect(result.status === 'submitted' && result.line).toContain('最长可领18个月，每月1980元');
    expect(result.status === 'submitted' && result.line).toContain('说“申领失业金”就行');
    expect((await rig.harness.client().getEmploymentRegistration('QD0023')).status).toBe('失业');
  });

  it('someone an employer still pays for, and someone already registered, are refused and told why; nothing is written', async () => {
    const spec = unemploymentRegistrationTransaction(rig.outbox, now);
    const employed = await spec.submit({ citizenId: 'QD0004', values: laidOff, idempotencyKey: 'txn-unemp-0003' });
    expect(employed).toEqual({ status: 'refused', reason: expect.stringMatching(/^记录显示上个月还有单位在给您交社保，说明您还在职，现在不能办失业登记。/) });
    const registered = await spec.submit({ citizenId: 'QD0024', values: laidOff, idempotencyKey: 'txn-unemp-0004' });
    expect(registered).toEqual({ status: 'refused', reason: '您已经办过失业登记了，不用重复登记。要申领失业保险金，说“申领失业金”就行。' });
    const pensioner = await spec.submit({ citizenId: 'QD0001', values: laidOff, idempotencyKey: 'txn-unemp-0005' });
    expect(pensioner).toEqual({ status: 'refused', reason: '您已经在领取养老金，不能办理失业登记。' });
    for (const id of ['QD0004', 'QD0024', 'QD0001']) expect(rig.harness.simulator.inspect.unemploymentRegistrationCount(id)).toBe(0);
  });

  it('the business system down: saved and told so, sent once when it is back', async () => {
    rig.harness.simulator.inject.failNext(503, 20);
    const queued = await unemploymentRegistrationTransaction(rig.outbox, now).submit({ citizenId: 'QD0023', values: laidOff, idempotencyKey: 'txn-unemp-0006' });
    expect(queued).toMatchObject({ status: 'queued' });
    expect(queued.status === 'queued' && queued.line).toContain('系统恢复后会自动提交，只提交一次');
    expect(rig.harness.simulator.inspect.unemploymentRegistrationCount('QD0023')).toBe(0);
    rig.harness.simulator.inject.reset();
    await rig.outbox.deliverDue({ all: true });
    await rig.outbox.deliverDue({ all: true });
    expect(rig.harness.simulator.inspect.unemploymentRegistrationCount('QD0023')).toBe(1);
    expect(rig.harness.simulator.inspect.writesWithKey('txn-unemp-0006')).toBe(1);
  });

  it('the same key again is the same registration, carried out once', async () => {
    const spec = unemploymentRegistrationTransaction(rig.outbox, now);
    const first = await spec.submit({ citizenId: 'QD0023', values: laidOff, idempotencyKey: 'txn-unemp-0007' });
    expect(await spec.submit({ citizenId: 'QD0023', values: laidOff, idempotencyKey: 'txn-unemp-0007' })).toEqual(first);
    expect(rig.harness.simulator.inspect.writesWithKey('txn-unemp-0007')).toBe(1);
    expect(rig.harness.simulator.inspect.unemploymentRegistrationCount('QD0023')).toBe(1);
  });
});

describe('失业登记 by touch', () => {
  it('every answer button reads as the value it names', () => {
    const spec = unemploymentRegistrationTransaction({ submit: async () => Promise.reject(new Error('not submitted here')) }, now);
    const read = Object.fromEntries(spec.fields.map((field) => [field.name, (field.choices ?? []).map((choice) => field.read(choice, null))]));
    // FIXED_NOW is in 2025-03 (China time).
    expect(read.separationMonth).toEqual(['2025-03', '2025-02', '2025-01', '2024-12'].map((value) => ({ ok: true, value })));
    expect(read.reason).toEqual(['单位解除/终止合同', '合同到期', '个人辞职', '其他'].map((value) => ({ ok: true, value })));
    expect(read.jobServices).toEqual([{ ok: true, value: ['职业介绍'] }, { ok: true, value: ['职业培训'] }, { ok: true, value: ['职业介绍', '职业培训'] }]);
  });
});
