import { describe, expect, it } from 'vitest';
import { TEST_DEADLINE_MS } from '../../testDeadline.js';
import { useOutboxRig } from './outboxRig.js';
import { SimulatedClock } from 'xstate';
import { transactionKinds } from '../../../app/core/outbox/backendSenders.js';
import { contactChangeTransaction } from '../../../app/core/transactions/contactChangeTransaction.js';
import { readBackPhoneNumber, readPhoneNumber } from '../../../app/core/transactions/phoneNumberField.js';
import { transactionLines } from '../../../app/core/transactions/transactionLines.js';
import { transactionMachine, type TransactionEvent, type TransactionOutput } from '../../../app/core/transactions/transactionMachine.js';
import type { TransactionSpec } from '../../../app/core/transactions/transactionSpec.js';
import { childUnderParent } from '../identity/childUnderParent.js';

const ASK = '请说出或者在屏幕上输入您的新手机号码，一个数字一个数字地说就行。';
const ADDRESS_ASK = '联系地址要不要一起改？要改的话，请说新地址，按区、路、门牌号说，比如“市南区香港中路10号3单元201”。';

function start(spec: TransactionSpec, opening: string | null = null) {
  const given = opening === null ? null : { text: opening, pinyin: null };
  const t = childUnderParent<typeof transactionMachine, TransactionOutput>(transactionMachine, { spec, citizenId: 'QD0006', idempotencyKey: 'txn-phone-0001', given }, new SimulatedClock());
  const lines = () => t.said.map((s) => s.line);
  const send = (event: TransactionEvent) => t.actor.send(event as never);
  const reply = (text: string, pinyin: string | null = null) => send({ type: 'txn.reply', text, pinyin });
  return { ...t, lines, send, reply };
}

function recordingOutbox() {
  const submitted: { kind: string; payload: unknown; idempotencyKey: string | undefined }[] = [];
  return {
    submitted,
    submit: async (kind: string, citizenId: string, payload: unknown, options: { idempotencyKey?: string } = {}) => {
      submitted.push({ kind, payload, idempotencyKey: options.idempotencyKey });
      return { id: 1, kind, citizenId, idempotencyKey: options.idempotencyKey ?? '', state: 'delivered' as const, reference: 'LX20250314-0001', answer: { phoneMasked: '138****8000', nextSteps: '以后的通知发到新号码。' } };
    },
  };
}

describe('the phone number as a citizen gives it', () => {
  it('typed, in groups, in characters with 幺 and 洞, or in the recognizer’s toneless pinyin', () => {
    expect(readPhoneNumber('13800138000', null)).toEqual({ ok: true, value: '13800138000' });
    expect(readPhoneNumber('138 0013 8000', null)).toEqual({ ok: true, value: '13800138000' });
    expect(readPhoneNumber('帮我改一下，新号是幺三八，洞洞幺三，八零零零', null)).toEqual({ ok: true, value: '13800138000' });
    expect(readPhoneNumber('一五九零五三二六六零七', null)).toEqual({ ok: true, value: '15905326607' });
    expect(readPhoneNumber('嗯', 'yao san ba ling ling yao san ba ling ling ling')).toEqual({ ok: true, value: '13800138000' });
  });

  it('a number that is not a mobile is told why; a few digits are not a number at all', () => {
    expect(readPhoneNumber('12345678901', null)).toEqual({ ok: false, problem: '手机号码要以13到19开头，这个号码不像手机号码。' });
    expect(readPhoneNumber('1380013800', null)).toEqual({ ok: false, problem: '手机号码是11位，我听到的是10位。' });
    expect(readPhoneNumber('我住三号楼', null)).toBeNull();
  });

  it('is read back digit by digit in 3-4-4 groups', () => {
    expect(readBackPhoneNumber('13800138000')).toBe('1 3 8，0 0 1 3，8 0 0 0');
  });
});

describe('联系方式变更: the new mobile number, read back, the consequence before the yes', () => {
  it('asks for the number, reads it back in groups, says what changes, and submits it once after the yes', async () => {
    const outbox = recordingOutbox();
    const t = start(contactChangeTransaction(outbox as never), '我手机号换了，想改一下');
    expect(t.lines()).toEqual([ASK]);
    expect(t.said.at(-1)?.listen).toBe('number');
    t.reply('幺三八 零零幺三 八零零零');
    // The address is asked once; "不用" leaves it as it is.
    expect(t.lines().at(-1)).toBe(`${ADDRESS_ASK}${transactionLines.skipOptional}`);
    t.reply('地址不用改');
    const confirmation = t.lines().at(-1)!;
    expect(confirmation).toContain('新手机号码：1 3 8，0 0 1 3，8 0 0 0');
    expect(confirmation).toContain('原来的号码不再接收');
    expect(confirmation).toContain(transactionLines.confirm);
    expect(outbox.submitted).toEqual([]);
    t.reply('确认');
    await expect.poll(() => t.outputs.length, { timeout: TEST_DEADLINE_MS }).toBe(1);
    expect(outbox.submitted).toEqual([{ kind: transactionKinds.contactChange, payload: { phone: '13800138000' }, idempotencyKey: 'txn-phone-0001' }]);
    expect(t.outputs[0]).toMatchObject({ outcome: 'submitted', reference: 'LX20250314-0001' });
    expect(t.outputs[0]?.line).toContain('138****8000');
  });

  it('a number in the opening line is taken; a wrong one is told why and asked again; it can be changed before the yes', () => {
    const t = start(contactChangeTransaction(recordingOutbox() as never), '手机号改成13912345678');
    t.send({ type: 'txn.skip' });
    expect(t.lines().at(-1)).toContain('新手机号码：1 3 9，1 2 3 4，5 6 7 8');
    t.reply('不对，改成15866667777');
    expect(t.lines().at(-1)).toContain('新手机号码：1 5 8，6 6 6 6，7 7 7 7');
    const u = start(contactChangeTransaction(recordingOutbox() as never));
    u.reply('12345678901');
    expect(u.lines().at(-1)).toBe(`手机号码要以13到19开头，这个号码不像手机号码。${ASK}`);
    u.reply('嗯……');
    expect(u.lines().at(-1)).toBe(transactionLines.notHeard(ASK));
  });
});

describe('联系方式变更 through the transaction outbox, against the business-system simulator', () => {
  const rig = useOutboxRig();

  it('changes the number once: the same key again is the same answer, counted once; the new number is on file', async () => {
    const spec = contactChangeTransaction(rig.outbox);
    const first = await spec.submit({ citizenId: 'QD0006', values: { phone: '13800138000' }, idempotencyKey: 'txn-phone-0002' });
    expect(first).toMatchObject({ status: 'submitted', reference: expect.stringMatching(/^LX\d{8}-\d{4}$/) });
    expect(first.status === 'submitted' && first.line).toContain('新号码138****8000');
    expect(await spec.submit({ citizenId: 'QD0006', values: { phone: '13800138000' }, idempotencyKey: 'txn-phone-0002' })).toEqual(first);
    expect(rig.harness.simulator.inspect.contactChangeCount('QD0006')).toBe(1);
    expect(rig.harness.simulator.inspect.writesWithKey('txn-phone-0002')).toBe(1);
    // Asked again under a new key, the number is now the one on file: refused, and told as it is.
    expect(await spec.submit({ citizenId: 'QD0006', values: { phone: '13800138000' }, idempotencyKey: 'txn-phone-0003' })).toEqual({
      status: 'refused',
      reason: '这个号码和您现在登记的手机号码一样，不需要变更。',
    });
  });

  it('the number already on file is refused; a number that is not a mobile is refused by the business system too', async () => {
    const spec = contactChangeTransaction(rig.outbox);
    expect(await spec.submit({ citizenId: 'QD0006', values: { phone: '15905326606' }, idempotencyKey: 'txn-phone-0004' })).toEqual({
      status: 'refused',
      reason: '这个号码和您现在登记的手机号码一样，不需要变更。',
    });
    expect(await spec.submit({ citizenId: 'QD0006', values: { phone: '12345678901' }, idempotencyKey: 'txn-phone-0005' })).toEqual({
      status: 'refused',
      reason: '这个号码不是有效的手机号码，请核对后再办理。',
    });
    expect(rig.harness.simulator.inspect.contactChangeCount('QD0006')).toBe(0);
  });

  it('the business system down: saved, told the old number still gets texts, sent once when it is back', async () => {
    rig.harness.simulator.inject.failNext(503, 20);
    const queued = await contactChangeTransaction(rig.outbox).submit({ citizenId: 'QD0007', values: { phone: '13800138000' }, idempotencyKey: 'txn-phone-0006' });
    expect(queued).toMatchObject({ status: 'queued' });
    expect(queued.status === 'queued' && queued.line).toContain('原来的号码');
    rig.harness.simulator.inject.reset();
    await rig.outbox.deliverDue({ all: true });
    await rig.outbox.deliverDue({ all: true });
    expect(rig.harness.simulator.inspect.contactChangeCount('QD0007')).toBe(1);
  });
});

describe('联系方式变更 with the 联系地址 (optional, read back in full)', () => {
  it('asked once after the number: given, it is read back in full, described, and sent with the number', async () => {
    const outbox = recordingOutbox();
    const t = start(contactChangeTransaction(outbox as never), '我要改联系方式');
    t.reply('13912345678');
    expect(t.lines().at(-1)).toBe(`${ADDRESS_ASK}${transactionLines.skipOptional}`);
    t.reply('新地址是市南区香港中路十号三单元二零一');
    const confirmation = t.lines().at(-1)!;
    expect(confirmation).toContain('联系地址：市南区香港中路10号3单元201。');
    expect(confirmation).toContain('联系地址也改成新的地址');
    expect(confirmation).toContain('寄到新地址');
    // Changed by voice before the yes.
    t.reply('地址改成李沧区京口路88号');
    expect(t.lines().at(-1)).toContain('联系地址：李沧区京口路88号。');
    t.reply('确认');
    await expect.poll(() => t.outputs.length, { timeout: TEST_DEADLINE_MS }).toBe(1);
    expect(outbox.submitted).toEqual([{ kind: transactionKinds.contactChange, payload: { phone: '13912345678', address: '李沧区京口路88号' }, idempotencyKey: 'txn-phone-0001' }]);
  });

  it('number and address in one line are both taken; an address without a house number is told why and asked again', () => {
    const t = start(contactChangeTransaction(recordingOutbox() as never), '手机号改成13912345678，地址改成市北区台东一路23号');
    expect(t.lines().at(-1)).toContain('联系地址：市北区台东一路23号。');
    const u = start(contactChangeTransaction(recordingOutbox() as never));
    u.reply('15866667777');
    u.reply('我搬到香港中路了');
    expect(u.lines().at(-1)).toBe(`地址要有门牌号，比如“香港中路10号”，请把门牌号也告诉我。${ADDRESS_ASK}${transactionLines.skipOptional}`);
    u.reply('市南区10号3单元');
    expect(u.lines().at(-1)).toContain('地址要有路名或者街道名');
    u.reply('跳过');
    expect(u.lines().at(-1)).not.toContain('联系地址：');
    expect(u.lines().at(-1)).toContain('新手机号码：1 5 8，6 6 6 6，7 7 7 7');
  });
});

describe('联系方式变更 with the address, against the business-system simulator', () => {
  const rig = useOutboxRig();

  it('changed once with the address: told masked after the road, on the receipt too; the same again is nothing new', async () => {
    const spec = contactChangeTransaction(rig.outbox);
    const values = { phone: '13800138000', address: '市南区香港中路10号3单元201' };
    const first = await spec.submit({ citizenId: 'QD0006', values, idempotencyKey: 'txn-addr-0001' });
    expect(first).toMatchObject({ status: 'submitted', reference: expect.stringMatching(/^LX\d{8}-\d{4}$/) });
    expect(first.status === 'submitted' && first.line).toContain('手机号码和联系地址都已经改好了，新号码138****8000，新地址市南区香港中路****');
    expect(first.status === 'submitted' && first.receipt).toEqual(['手机号码：138****8000', '联系地址：市南区香港中路****']);
    expect(await spec.submit({ citizenId: 'QD0006', values, idempotencyKey: 'txn-addr-0001' })).toEqual(first);
    expect(rig.harness.simulator.inspect.writesWithKey('txn-addr-0001')).toBe(1);
    expect(await spec.submit({ citizenId: 'QD0006', values, idempotencyKey: 'txn-addr-0002' })).toEqual({
      status: 'refused',
      reason: '您说的手机号码和联系地址都和现在登记的一样，不需要变更。',
    });
    // The number on file with a new address: the address alone changes, and the citizen is told the number stays.
    const moved = await spec.submit({ citizenId: 'QD0006', values: { phone: '13800138000', address: '李沧区京口路88号' }, idempotencyKey: 'txn-addr-0003' });
    expect(moved.status === 'submitted' && moved.line).toContain('联系地址已经改好了，手机号码没有变，新地址李沧区京口路****');
    expect(rig.harness.simulator.inspect.contactChangeCount('QD0006')).toBe(2);
  });

  it('the business system down: the number and the address are saved and sent once when it is back', async () => {
    rig.harness.simulator.inject.failNext(503, 20);
    const queued = await contactChangeTransaction(rig.outbox).submit({ citizenId: 'QD0007', values: { phone: '13800138000', address: '市南区香港中路10号' }, idempotencyKey: 'txn-addr-0101' });
    expect(queued).toMatchObject({ status: 'queued' });
    expect(queued.status === 'queued' && queued.line).toContain('新号码和新地址');
    rig.harness.simulator.inject.reset();
    await rig.outbox.deliverDue({ all: true });
    await rig.outbox.deliverDue({ all: true });
    expect(rig.harness.simulator.inspect.contactChangeCount('QD0007')).toBe(1);
    expect(rig.harness.simulator.inspect.writesWithKey('txn-addr-0101')).toBe(1);
  });
});
