import { describe, expect, it } from 'vitest';
import { TEST_DEADLINE_MS } from '../../testDeadline.js';
import { useOutboxRig } from './outboxRig.js';
import { SimulatedClock } from 'xstate';
import { transactionKinds } from '../../../app/core/outbox/backendSenders.js';
import { cardLossCancellationTransaction } from '../../../app/core/transactions/cardLossCancellationTransaction.js';
import { transactionLines } from '../../../app/core/transactions/transactionLines.js';
import { transactionMachine, type TransactionEvent, type TransactionOutput } from '../../../app/core/transactions/transactionMachine.js';
import type { TransactionSpec } from '../../../app/core/transactions/transactionSpec.js';
import { childUnderParent } from '../identity/childUnderParent.js';

function start(spec: TransactionSpec, citizenId = 'QD0005', idempotencyKey = 'txn-unlost-0001') {
  const t = childUnderParent<typeof transactionMachine, TransactionOutput>(transactionMachine, { spec, citizenId, idempotencyKey, given: null }, new SimulatedClock());
  const lines = () => t.said.map((s) => s.line);
  const send = (event: TransactionEvent) => t.actor.send(event as never);
  const reply = (text: string) => send({ type: 'txn.reply', text, pinyin: null });
  return { ...t, lines, send, reply };
}

/** An outbox that records what it is given and answers as told. */
function recordingOutbox(answer: { state: 'delivered' | 'rejected' | 'pending'; reason?: string } = { state: 'delivered' }) {
  const submitted: { kind: string; citizenId: string; payload: unknown; idempotencyKey: string | undefined }[] = [];
  return {
    submitted,
    submit: async (kind: string, citizenId: string, payload: unknown, options: { idempotencyKey?: string } = {}) => {
      submitted.push({ kind, citizenId, payload, idempotencyKey: options.idempotencyKey });
      const base = { id: 1, kind, citizenId, idempotencyKey: options.idempotencyKey ?? '' };
      if (answer.state === 'rejected') return { ...base, state: 'rejected' as const, reason: answer.reason ?? 'CARD_NOT_LOST' };
      if (answer.state === 'pending') return { ...base, state: 'pending' as const };
      return { ...base, state: 'delivered' as const, reference: 'JG20250314-0001', answer: { cardNumberMasked: 'QD*****72', nextSteps: '现在就可以正常使用。' } };
    },
  };
}

describe('社保卡解挂: no fields, the consequence before the yes', () => {
  it('says the card works again at once and that a replacement applied for stops it, then submits once after the yes', async () => {
    const outbox = recordingOutbox();
    const t = start(cardLossCancellationTransaction(outbox as never));
    const confirmation = t.lines()[0]!;
    expect(confirmation).toContain('马上恢复使用');
    expect(confirmation).toContain('补办新卡');
    expect(confirmation).toContain(transactionLines.confirm);
    expect(outbox.submitted).toEqual([]);
    t.reply('确认');
    await expect.poll(() => t.outputs.length, { timeout: TEST_DEADLINE_MS }).toBe(1);
    expect(outbox.submitted).toEqual([{ kind: transactionKinds.cardLossCancellation, citizenId: 'QD0005', payload: {}, idempotencyKey: 'txn-unlost-0001' }]);
    expect(t.outputs[0]).toMatchObject({ outcome: 'submitted', reference: 'JG20250314-0001' });
    expect(t.outputs[0]?.line).toContain('卡号QD*****72');
  });

  it('算了 before the yes submits nothing; a refusal calls staff with the reason as it is', async () => {
    const outbox = recordingOutbox();
    const t = start(cardLossCancellationTransaction(outbox as never));
    t.reply('算了，不办了');
    await expect.poll(() => t.outputs.length, { timeout: TEST_DEADLINE_MS }).toBe(1);
    expect(t.outputs[0]?.outcome).toBe('cancelled');
    expect(outbox.submitted).toEqual([]);
    const refused = start(cardLossCancellationTransaction(recordingOutbox({ state: 'rejected', reason: 'CARD_REPLACEMENT_APPLIED' }) as never));
    refused.send({ type: 'txn.confirm' });
    await expect.poll(() => refused.outputs.length, { timeout: TEST_DEADLINE_MS }).toBe(1);
    expect(refused.outputs[0]).toMatchObject({ outcome: 'refused', staffReason: 'transaction-refused:cancel_card_loss' });
    expect(refused.outputs[0]?.line).toContain('您已经申请了补办新卡，原来的卡不能再解挂了');
  });

  it('while the business system is down the citizen is told the card stays unusable until it is sent', async () => {
    const result = await cardLossCancellationTransaction(recordingOutbox({ state: 'pending' }) as never).submit({ citizenId: 'QD0005', values: {}, idempotencyKey: 'k' });
    expect(result.status).toBe('queued');
    expect(result.status === 'queued' && result.line).toContain('不能使用');
  });
});

describe('社保卡解挂 through the transaction outbox, against the business-system simulator', () => {
  const rig = useOutboxRig();

  it('a card in 挂失 works again, once: the same key again is the same answer, counted once; the card is 正常', async () => {
    const spec = cardLossCancellationTransaction(rig.outbox);
    const first = await spec.submit({ citizenId: 'QD0005', values: {}, idempotencyKey: 'txn-unlost-0002' });
    expect(first).toMatchObject({ status: 'submitted', reference: expect.stringMatching(/^JG\d{8}-\d{4}$/) });
    expect(first.status === 'submitted' && first.line).toMatch(/社保卡已经解挂，卡号QD\*+72/);
    expect(await spec.submit({ citizenId: 'QD0005', values: {}, idempotencyKey: 'txn-unlost-0002' })).toEqual(first);
    expect(rig.harness.simulator.inspect.cardLossCancellationCount('QD0005')).toBe(1);
    expect(rig.harness.simulator.inspect.writesWithKey('txn-unlost-0002')).toBe(1);
    expect((await rig.harness.client().getCard('QD0005')).status).toBe('正常');
    // A new request (another key) for the card that now works is refused, and told as it is.
    expect(await spec.submit({ citizenId: 'QD0005', values: {}, idempotencyKey: 'txn-unlost-0003' })).toEqual({ status: 'refused', reason: '您的社保卡没有挂失，可以正常使用，不需要解挂。' });
  });

  it('a 临时挂失 (by phone or online) is lifted too', async () => {
    expect(await cardLossCancellationTransaction(rig.outbox).submit({ citizenId: 'QD0011', values: {}, idempotencyKey: 'txn-unlost-0004' })).toMatchObject({ status: 'submitted' });
    expect((await rig.harness.client().getCard('QD0011')).status).toBe('正常');
  });

  it('refused while a replacement is being made, and for a card that was never lost; nothing is written', async () => {
    const spec = cardLossCancellationTransaction(rig.outbox);
    expect(await spec.submit({ citizenId: 'QD0009', values: {}, idempotencyKey: 'txn-unlost-0005' })).toEqual({
      status: 'refused',
      reason: '您已经申请了补办新卡，原来的卡不能再解挂了，新卡做好后会通知您领取。',
    });
    expect((await rig.harness.client().getCard('QD0009')).status).toBe('补卡中');
    expect(await spec.submit({ citizenId: 'QD0006', values: {}, idempotencyKey: 'txn-unlost-0006' })).toMatchObject({ status: 'refused' });
    expect(rig.harness.simulator.inspect.cardLossCancellationCount('QD0009') + rig.harness.simulator.inspect.cardLossCancellationCount('QD0006')).toBe(0);
  });

  it('the business system down: saved, told so, sent once when it is back', async () => {
    rig.harness.simulator.inject.failNext(503, 20);
    expect(await cardLossCancellationTransaction(rig.outbox).submit({ citizenId: 'QD0005', values: {}, idempotencyKey: 'txn-unlost-0007' })).toMatchObject({ status: 'queued' });
    expect(rig.harness.simulator.inspect.cardLossCancellationCount('QD0005')).toBe(0);
    rig.harness.simulator.inject.reset();
    await rig.outbox.deliverDue({ all: true });
    await rig.outbox.deliverDue({ all: true });
    expect(rig.harness.simulator.inspect.cardLossCancellationCount('QD0005')).toBe(1);
  });
});
