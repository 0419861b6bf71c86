import { describe, expect, it } from 'vitest';
import { cardLossTransaction } from '../../../app/core/transactions/cardLossTransaction.js';
import { transactionLines } from '../../../app/core/transactions/transactionLines.js';
import { robotLines } from '../../../app/core/session/robotLines.js';
import { flush, phase, scriptedIdentityCheck, startSession } from './sessionHarness.js';

const verified = { type: 'identity.verified' as const, citizenId: 'QD0006', idNumberMasked: '3702**********1237', nameMasked: '赵*明' };

/** An outbox whose business system takes card-loss reports (or refuses them), counting each distinct submission key. */
function cardBackend(refuse = false) {
  const keys = new Set<string>();
  const calls: string[] = [];
  const entry = (citizenId: string, idempotencyKey: string) => ({ id: 1, kind: 'card-loss', citizenId, idempotencyKey });
  const backend = {
    submit: async (kind: string, citizenId: string, _payload: unknown, options: { idempotencyKey?: string } = {}) => {
      calls.push(citizenId);
      if (refuse) return { ...entry(citizenId, options.idempotencyKey ?? ''), state: 'rejected' as const, reason: 'CARD_ALREADY_LOST' };
      keys.add(options.idempotencyKey ?? '');
      const answer = { reportId: 'GS20250314001', citizenId, cardNumberMasked: 'Q****1234', status: '挂失' as const, reportedAt: '2025-03-14T10:00:00+08:00', nextSteps: '找到卡可以来解挂。' };
      return { ...entry(citizenId, options.idempotencyKey ?? ''), kind, state: 'delivered' as const, reference: answer.reportId, answer };
    },
  };
  return { backend, keys, calls };
}

describe('对话办 in the visit: 社保卡挂失', () => {
  it('an unverified citizen is checked first; then the consequence, the explicit yes, one submission, the reference', async () => {
    const { backend, keys, calls } = cardBackend();
    const { actor, lines } = startSession({ identityCheck: scriptedIdentityCheck(true), transactions: { report_card_loss: cardLossTransaction(backend) } });
    actor.send({ type: 'citizen.touch' });
    actor.send({ type: 'citizen.text', text: '我的社保卡丢了，要挂失' });
    expect(actor.getSnapshot().value).toEqual({ personalQuery: 'checkingIdentity' });
    actor.send({ type: 'auth.idNumber', idNumber: '370202199001011237' });
    await flush();
    expect(actor.getSnapshot().value).toBe('transaction');
    expect(lines().at(-1)).toContain('不能再用来看病结算');
    expect(lines().at(-1)).toContain(transactionLines.confirm);
    expect(calls).toEqual([]);
    actor.send({ type: 'citizen.text', text: '确认' });
    await flush();
    await flush();
    expect(calls).toEqual(['QD0006']);
    expect(keys.size).toBe(1);
    expect(lines().at(-1)).toContain('受理编号GS20250314001');
    expect(phase(actor.getSnapshot())).toBe('followUp');
  });

  it('a verified visit goes straight to it; 取消 submits nothing', async () => {
    const { backend, calls } = cardBackend();
    const { actor, lines } = startSession({ identityCheck: scriptedIdentityCheck(true), transactions: { report_card_loss: cardLossTransaction(backend) } });
    actor.send({ type: 'citizen.touch' });
    actor.send(verified);
    actor.send({ type: 'citizen.text', text: '我的社保卡丢了，要挂失' });
    expect(actor.getSnapshot().value).toBe('transaction');
    actor.send({ type: 'citizen.transactionAction', action: 'cancel' });
    await flush();
    expect(calls).toEqual([]);
    expect(lines().at(-1)).toBe(transactionLines.cancelled);
  });

  it('the 确认 button is the yes; a refusal is told and staff are called', async () => {
    const { backend } = cardBackend(true);
    const { actor, lines, staffCalls } = startSession({ identityCheck: scriptedIdentityCheck(true), transactions: { report_card_loss: cardLossTransaction(backend) } });
    actor.send({ type: 'citizen.touch' });
    actor.send(verified);
    actor.send({ type: 'citizen.text', text: '我的社保卡丢了，要挂失' });
    actor.send({ type: 'citizen.transactionAction', action: 'confirm' });
    await flush();
    await flush();
    expect(lines().at(-1)).toContain('您的社保卡已经挂失了，不用重复办理。');
    await flush();
    expect(staffCalls).toEqual(['transaction-refused:report_card_loss']);
  });

  it('the face leaving before the yes stops it: nothing submitted, the identity forgotten', async () => {
    const { backend, calls } = cardBackend();
    const { actor, lines } = startSession({ identityCheck: scriptedIdentityCheck(true), transactions: { report_card_loss: cardLossTransaction(backend) } });
    actor.send({ type: 'citizen.touch' });
    actor.send(verified);
    actor.send({ type: 'citizen.text', text: '我的社保卡丢了，要挂失' });
    actor.send({ type: 'presence.left' });
    await flush();
    expect(calls).toEqual([]);
    expect(actor.getSnapshot().context.identity.level).toBe('none');
    expect(lines().at(-1)).toBe(robotLines.faceChanged);
  });

  it('a transaction the kiosk does not run yet is not started (it goes to the knowledge base)', async () => {
    const { actor, asked } = startSession({ identityCheck: scriptedIdentityCheck(true), transactions: {} });
    actor.send({ type: 'citizen.touch' });
    actor.send({ type: 'citizen.text', text: '我的社保卡丢了，要挂失' });
    await flush();
    expect(asked).toEqual(['我的社保卡丢了，要挂失']);
  });
});
