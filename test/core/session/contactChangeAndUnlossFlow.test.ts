import { describe, expect, it } from 'vitest';
import { cardLossCancellationTransaction } from '../../../app/core/transactions/cardLossCancellationTransaction.js';
import { cardLossTransaction } from '../../../app/core/transactions/cardLossTransaction.js';
import { contactChangeTransaction } from '../../../app/core/transactions/contactChangeTransaction.js';
import { transactionLines } from '../../../app/core/transactions/transactionLines.js';
import { flush, phase, scriptedIdentityCheck, startSession } from './sessionHarness.js';

const verified = { type: 'identity.verified' as const, citizenId: 'QD0006', idNumberMasked: '3702**********1237', nameMasked: '赵*明' };

/** An outbox that records each submission by kind and answers delivered. */
function recordingOutbox() {
  const calls: { kind: string; payload: unknown }[] = [];
  return {
    calls,
    submit: async (kind: string, citizenId: string, payload: unknown, options: { idempotencyKey?: string } = {}) => {
      calls.push({ kind, payload });
      return { id: 1, kind, citizenId, idempotencyKey: options.idempotencyKey ?? '', state: 'delivered' as const, reference: 'REF-1', answer: {} };
    },
  };
}

describe('对话办 in the visit: 联系方式变更 and 社保卡解挂', () => {
  it('a number in the request is read back in groups; the yes submits it once', async () => {
    const outbox = recordingOutbox();
    const transactions = { change_contact: contactChangeTransaction(outbox), report_card_loss: cardLossTransaction(outbox) };
    const { actor, lines } = startSession({ identityCheck: scriptedIdentityCheck(true), transactions });
    actor.send({ type: 'citizen.touch' });
    actor.send(verified);
    actor.send({ type: 'citizen.text', text: '我手机号换了，要改成13800138000' });
    expect(actor.getSnapshot().value).toBe('transaction');
    // The 联系地址 is optional: asked once, "不用" leaves it as it is.
    expect(lines().at(-1)).toContain('联系地址要不要一起改');
    actor.send({ type: 'citizen.text', text: '地址不用改' });
    expect(lines().at(-1)).toContain('新手机号码：1 3 8，0 0 1 3，8 0 0 0');
    expect(lines().at(-1)).toContain(transactionLines.confirm);
    actor.send({ type: 'citizen.text', text: '确认' });
    await flush();
    await flush();
    expect(outbox.calls).toEqual([{ kind: 'contact-change', payload: { phone: '13800138000' } }]);
    expect(lines().at(-1)).toContain('受理编号REF-1');
    expect(phase(actor.getSnapshot())).toBe('followUp');
  });

  it('a card that was found is 解挂, not a second 挂失', async () => {
    const outbox = recordingOutbox();
    const transactions = { cancel_card_loss: cardLossCancellationTransaction(outbox), report_card_loss: cardLossTransaction(outbox) };
    const { actor, lines } = startSession({ identityCheck: scriptedIdentityCheck(true), transactions });
    actor.send({ type: 'citizen.touch' });
    actor.send(verified);
    actor.send({ type: 'citizen.text', text: '我的社保卡找到了，要解挂' });
    expect(actor.getSnapshot().value).toBe('transaction');
    expect(lines().at(-1)).toContain('马上恢复使用');
    actor.send({ type: 'citizen.transactionAction', action: 'confirm' });
    await flush();
    await flush();
    expect(outbox.calls.map((c) => c.kind)).toEqual(['card-loss-cancellation']);
  });
});
