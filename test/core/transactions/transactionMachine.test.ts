import { describe, expect, it } from 'vitest';
import { TEST_DEADLINE_MS } from '../../testDeadline.js';
import { useOutboxRig } from './outboxRig.js';
import { SimulatedClock } from 'xstate';
import { cardLossTransaction } from '../../../app/core/transactions/cardLossTransaction.js';
import { transactionLines } from '../../../app/core/transactions/transactionLines.js';
import { transactionMachine, type TransactionEvent, type TransactionOutput } from '../../../app/core/transactions/transactionMachine.js';
import type { TransactionResult, TransactionSpec } from '../../../app/core/transactions/transactionSpec.js';
import { childUnderParent } from '../identity/childUnderParent.js';

const flush = () => new Promise((r) => setTimeout(r, 0));

/** A two-field transaction to exercise the machine: a new phone number (read back digit by digit) and a district. */
function contactChange(submit: (input: { values: Readonly<Record<string, unknown>>; idempotencyKey: string }) => Promise<TransactionResult>): TransactionSpec {
  return {
    service: 'change_contact',
    title: '联系方式变更',
    fields: [
      {
        name: 'phone',
        label: '新手机号码',
        ask: '请说出或输入新的手机号码。',
        listen: 'number',
        read: (text) => {
          const digits = /1\d{10}/.exec(text.replace(/\s/g, ''))?.[0];
          if (digits) return /^1[3-9]/.test(digits) ? { ok: true, value: digits } : { ok: false, problem: '这不像是手机号码。' };
          return null;
        },
        readBack: (value) => (value as string).split('').join(' '),
      },
      {
        name: 'district',
        label: '居住区',
        ask: '请问您住在哪个区？',
        read: (text) => {
          const district = /(市南|市北|李沧|崂山|黄岛|城阳)区?/.exec(text)?.[1];
          return district ? { ok: true, value: `${district}区` } : null;
        },
        readBack: (value) => value as string,
      },
    ],
    describe: (values) => `我将把您登记的手机号码改成新的号码，居住区改成${String(values.district)}。`,
    submit: ({ values, idempotencyKey }) => submit({ values, idempotencyKey }),
  };
}

function start(spec: TransactionSpec, given: { text: string; pinyin: string | null } | null = null) {
  const t = childUnderParent<typeof transactionMachine, TransactionOutput>(transactionMachine, { spec, citizenId: 'QD0006', idempotencyKey: 'txn-key-0001', given }, new SimulatedClock());
  const lines = () => t.said.map((s) => s.line);
  const send = (event: TransactionEvent) => t.actor.send(event as never);
  const reply = (text: string) => send({ type: 'txn.reply', text, pinyin: null });
  return { ...t, lines, send, reply };
}

describe('the transaction machine (the same for every 对话办 transaction)', () => {
  it('asks for what is missing, reads everything back, and submits once after the yes, under the key fixed at the start', async () => {
    const submitted: { values: Readonly<Record<string, unknown>>; idempotencyKey: string }[] = [];
    const t = start(contactChange(async (input) => (submitted.push(input), { status: 'submitted', reference: 'CC-1', line: '已经改好了，受理编号CC-1。' })));
    expect(t.lines()).toEqual(['请说出或输入新的手机号码。']);
    expect(t.said.at(-1)?.listen).toBe('number');
    t.reply('13800138000');
    expect(t.lines().at(-1)).toBe('请问您住在哪个区？');
    t.reply('我住崂山');
    expect(t.lines().at(-1)).toContain('1 3 8 0 0 1 3 8 0 0 0');
    expect(t.lines().at(-1)).toContain('居住区：崂山区');
    expect(t.lines().at(-1)).toContain(transactionLines.confirm);
    expect(submitted).toEqual([]);
    t.reply('确认');
    t.send({ type: 'txn.confirm' });
    await flush();
    expect(submitted).toEqual([{ values: { phone: '13800138000', district: '崂山区' }, idempotencyKey: 'txn-key-0001' }]);
    expect(t.outputs).toEqual([{ outcome: 'submitted', line: '已经改好了，受理编号CC-1。', reference: 'CC-1', staffReason: null, title: '联系方式变更', printJobId: null, receipt: [] }]);
  });

  it('takes values in any order, several in one line, and from the line that started it', () => {
    const t = start(contactChange(async () => ({ status: 'submitted', reference: 'x', line: 'x' })), { text: '我搬到黄岛了，电话也换了', pinyin: null });
    expect(t.lines()).toEqual(['请说出或输入新的手机号码。']);
    const u = start(contactChange(async () => ({ status: 'submitted', reference: 'x', line: 'x' })));
    u.reply('市北区，手机13912345678');
    expect(u.lines().at(-1)).toContain('1 3 9 1 2 3 4 5 6 7 8');
    expect(u.snapshot().value).toBe('confirming');
  });

  it('says what is wrong with a value, or that it did not hear one, and asks again', () => {
    const t = start(contactChange(async () => ({ status: 'submitted', reference: 'x', line: 'x' })));
    t.reply('12345678901');
    expect(t.lines().at(-1)).toBe('这不像是手机号码。请说出或输入新的手机号码。');
    t.reply('嗯……');
    expect(t.lines().at(-1)).toBe(transactionLines.notHeard('请说出或输入新的手机号码。'));
  });

  it('a value can be changed before the yes, by voice or by tapping the field', () => {
    const t = start(contactChange(async () => ({ status: 'submitted', reference: 'x', line: 'x' })));
    t.reply('13800138000，市南区');
    t.reply('电话改成13900139000');
    expect(t.lines().at(-1)).toContain('1 3 9 0 0 1 3 9 0 0 0');
    t.send({ type: 'txn.change', field: 'district' });
    expect(t.lines().at(-1)).toBe('请问您住在哪个区？');
    t.reply('城阳');
    expect(t.lines().at(-1)).toContain('居住区：城阳区');
  });

  it('cancel at any step before the yes submits nothing; after the yes nothing cancels', async () => {
    for (const step of ['collecting', 'confirming'] as const) {
      let calls = 0;
      const t = start(contactChange(async () => (calls++, { status: 'submitted', reference: 'x', line: 'x' })));
      if (step === 'confirming') t.reply('13800138000 市南');
      t.reply('算了不办了');
      await flush();
      expect(calls, step).toBe(0);
      expect(t.outputs, step).toEqual([{ outcome: 'cancelled', line: transactionLines.cancelled, reference: null, staffReason: null, title: '联系方式变更', printJobId: null, receipt: null }]);
    }
    let release!: (r: TransactionResult) => void;
    const t = start(contactChange(() => new Promise((r) => (release = r))));
    t.reply('13800138000 市南');
    t.send({ type: 'txn.confirm' });
    t.send({ type: 'txn.cancel' });
    release({ status: 'submitted', reference: 'CC-9', line: '改好了。' });
    await flush();
    expect(t.outputs[0]?.outcome).toBe('submitted');
  });

  it('a refusal is told as it is and staff are called; a business system that cannot be reached is not a refusal', async () => {
    const refused = start(contactChange(async () => ({ status: 'refused', reason: '该号码已被他人登记。' })));
    refused.reply('13800138000 市南');
    refused.send({ type: 'txn.confirm' });
    await flush();
    expect(refused.outputs[0]).toMatchObject({ outcome: 'refused', staffReason: 'transaction-refused:change_contact' });
    expect(refused.outputs[0]?.line).toContain('该号码已被他人登记。');
    const down = start(contactChange(async () => Promise.reject(new Error('503'))));
    down.reply('13800138000 市南');
    down.send({ type: 'txn.confirm' });
    await flush();
    expect(down.outputs[0]).toMatchObject({ outcome: 'unavailable', reference: null, staffReason: null });
  });
});

describe('社保卡挂失 through the transaction outbox, against the business-system simulator', () => {
  const rig = useOutboxRig();

  it('says the consequence before the yes, submits once, and gives the reference; the same key again is the same report', async () => {
    const spec = cardLossTransaction(rig.outbox);
    const t = start(spec);
    expect(t.lines()[0]).toContain('不能再用来看病结算');
    expect(rig.harness.simulator.inspect.cardLossReportCount('QD0006')).toBe(0);
    t.reply('确认');
    await expect.poll(() => t.outputs.length, { timeout: TEST_DEADLINE_MS }).toBe(1);
    expect(t.outputs[0]).toMatchObject({ outcome: 'submitted' });
    expect(t.outputs[0]?.line).toContain(t.outputs[0]!.reference!);
    expect(t.outputs[0]?.line).toMatch(/卡号\S+\*+/);
    // A retry under the same key (a crash after sending, a double tap) is the same report, not a second one.
    const again = await spec.submit({ citizenId: 'QD0006', values: {}, idempotencyKey: 'txn-key-0001' });
    expect(again).toMatchObject({ status: 'submitted', reference: t.outputs[0]!.reference });
    expect(rig.harness.simulator.inspect.cardLossReportCount('QD0006')).toBe(1);
  });

  it('a card already lost is refused by the business system, and told so; a 临时挂失 becomes a formal one', async () => {
    const spec = cardLossTransaction(rig.outbox);
    expect(await spec.submit({ citizenId: 'QD0006', values: {}, idempotencyKey: 'txn-key-0002' })).toMatchObject({ status: 'submitted' });
    expect(await spec.submit({ citizenId: 'QD0006', values: {}, idempotencyKey: 'txn-key-0003' })).toEqual({ status: 'refused', reason: '您的社保卡已经挂失了，不用重复办理。' });
    expect(await spec.submit({ citizenId: 'QD0011', values: {}, idempotencyKey: 'txn-key-0004' })).toMatchObject({ status: 'submitted' });
  });

  it('a business system that is down: saved, the citizen told it will be sent, then sent once when it is back', async () => {
    rig.harness.simulator.inject.failNext(503, 20);
    const queued = await cardLossTransaction(rig.outbox).submit({ citizenId: 'QD0007', values: {}, idempotencyKey: 'txn-key-0005' });
    expect(queued).toMatchObject({ status: 'queued' });
    expect(queued.status === 'queued' && queued.line).toContain('保存');
    expect(rig.harness.simulator.inspect.cardLossReportCount('QD0007')).toBe(0);
    rig.harness.simulator.inject.reset();
    await rig.outbox.deliverDue({ all: true });
    await rig.outbox.deliverDue({ all: true });
    expect(rig.harness.simulator.inspect.cardLossReportCount('QD0007')).toBe(1);
  });
});
