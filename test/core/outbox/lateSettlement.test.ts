import { describe, expect, it } from 'vitest';
import { lateSettlementEvent } from '../../../app/core/outbox/lateSettlementEvent.js';
import { transactionKinds } from '../../../app/core/outbox/backendSenders.js';
import type { Settlement } from '../../../app/core/outbox/transactionOutbox.js';
import { useOutboxRig } from '../transactions/outboxRig.js';

describe('a transaction that settles after "saved, will be sent"', () => {
  const rig = useOutboxRig();

  it('is told with the attempt that settled it: the first for one sent at once, a later one for one sent on a retry', async () => {
    const heard: { settlement: Settlement; attempts: number }[] = [];
    rig.outbox.onSettled((settlement, attempts) => heard.push({ settlement, attempts }));
    // QD0004's card is in use: reported lost at once.
    const atOnce = await rig.outbox.submit(transactionKinds.cardLoss, 'QD0004', {}, { idempotencyKey: 'txn-late-0001' });
    expect(atOnce).toMatchObject({ state: 'delivered' });
    // QD0005's card is already 挂失: saved while the system is down, refused when it is back.
    rig.harness.simulator.inject.failNext(503, 20);
    const saved = await rig.outbox.submit(transactionKinds.cardLoss, 'QD0005', {}, { idempotencyKey: 'txn-late-0002' });
    expect(saved.state).toBe('pending');
    rig.harness.simulator.inject.reset();
    await rig.outbox.deliverDue({ all: true });
    expect(heard.map((h) => [h.settlement.citizenId, h.settlement.state, h.attempts])).toEqual([
      ['QD0004', 'delivered', 1],
      ['QD0005', 'rejected', 2],
    ]);
    expect(lateSettlementEvent(heard[0]!.settlement, heard[0]!.attempts)).toBeNull();
    const late = lateSettlementEvent(heard[1]!.settlement, heard[1]!.attempts);
    expect(late).toMatchObject({ type: 'outbox.settledLate', citizenId: 'QD0005', kind: 'card-loss', title: '社保卡挂失', outcome: 'rejected', reference: null });
    // The refusal in the citizen's words, not the system's code.
    expect(late?.reason).toMatch(/[\u4e00-\u9fff]/);
    expect(late?.reason).not.toContain('CARD_ALREADY_LOST');
  });

  it('a late success carries its reference; an unknown kind is still named', () => {
    const delivered: Settlement = { id: 9, kind: 'contact-change', citizenId: 'QD0006', idempotencyKey: 'k', state: 'delivered', reference: 'LX20261208-0001', answer: null };
    expect(lateSettlementEvent(delivered, 3)).toEqual({
      type: 'outbox.settledLate', citizenId: 'QD0006', kind: 'contact-change', title: '联系方式变更', outcome: 'delivered', reference: 'LX20261208-0001', reason: null,
    });
    expect(lateSettlementEvent({ ...delivered, kind: 'something-new' }, 2)?.title).toBe('业务');
  });
});
