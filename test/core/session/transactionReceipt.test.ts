import { describe, expect, it } from 'vitest';
import { transactionLines } from '../../../app/core/transactions/transactionLines.js';
import type { TransactionField, TransactionResult, TransactionSpec } from '../../../app/core/transactions/transactionSpec.js';
import { flush, phase, scriptedIdentityCheck, startSession } from './sessionHarness.js';

const verified = { type: 'identity.verified' as const, citizenId: 'QD0004', idNumberMasked: '3702**********0177', nameMasked: '李*强' };

const reason: TransactionField<string> = {
  name: 'reason',
  label: '补卡原因',
  ask: '请问为什么要换卡？',
  choices: ['卡损坏', '卡过期'],
  read: (text) => (/损坏|坏了/.test(text) ? { ok: true, value: '卡损坏' } : /过期/.test(text) ? { ok: true, value: '卡过期' } : null),
  readBack: (value) => value,
};

function replaceCard(result: TransactionResult, submitted: unknown[] = []): TransactionSpec {
  return {
    service: 'replace_card',
    title: '补换社保卡',
    fields: [reason] as TransactionField[],
    describe: () => '我将为您申请换一张新的社保卡。',
    submit: async ({ values }) => (submitted.push(values), result),
  };
}

const submittedResult: TransactionResult = { status: 'submitted', reference: 'BK20261208-0001', line: '换卡申请已经提交，受理编号BK20261208-0001。', receipt: ['补卡原因：卡损坏'] };

function verifiedVisit(spec: TransactionSpec) {
  const visit = startSession({ identityCheck: scriptedIdentityCheck(true), transactions: { replace_card: spec } });
  visit.actor.send({ type: 'citizen.touch' });
  visit.actor.send(verified);
  visit.actor.send({ type: 'citizen.text', text: '我的社保卡坏了，想换张新卡' });
  return visit;
}

describe('对话办: the answers shown as buttons, the receipt, a printout', () => {
  it('a tapped answer is read as if said', async () => {
    const submitted: unknown[] = [];
    const { actor, lines } = startSession({ identityCheck: scriptedIdentityCheck(true), transactions: { replace_card: replaceCard(submittedResult, submitted) } });
    actor.send({ type: 'citizen.touch' });
    actor.send(verified);
    actor.send({ type: 'citizen.text', text: '我要补换社保卡' });
    expect(actor.getSnapshot().value).toBe('transaction');
    expect(lines().at(-1)).toBe(reason.ask);
    actor.send({ type: 'citizen.transactionAction', action: 'choose', value: '卡过期' });
    expect(lines().at(-1)).toContain('补卡原因：卡过期');
    actor.send({ type: 'citizen.transactionAction', action: 'confirm' });
    await flush();
    expect(submitted).toEqual([{ reason: '卡过期' }]);
  });

  it('a submitted transaction leaves a short receipt on screen, offered by voice, and "打印" prints it as a record', async () => {
    const { actor, lines, spooled } = verifiedVisit(replaceCard(submittedResult));
    actor.send({ type: 'citizen.text', text: '确认' });
    await flush();
    await flush();
    expect(lines().at(-1)).toBe(`${submittedResult.line}${transactionLines.receiptOffer}`);
    const { answer } = actor.getSnapshot().context;
    expect(answer?.question).toBe('补换社保卡回执');
    expect(answer?.recordActions).toEqual({ print: true, dispute: false });
    const rows = answer?.screen.split('\n') ?? [];
    expect(rows[0]).toBe('业务：补换社保卡');
    expect(rows[1]).toBe('受理编号：BK20261208-0001');
    expect(rows[2]).toMatch(/^办理时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(rows).toContain('补卡原因：卡损坏');
    expect(rows.at(-1)).toBe(`结果：${submittedResult.line}`);
    actor.send({ type: 'citizen.recordAction', action: 'print' });
    await flush();
    expect(spooled).toHaveLength(1);
    expect(spooled[0]).toMatchObject({ title: '补换社保卡回执', nameMasked: '李*强', idNumberMasked: '3702**********0177' });
    expect(spooled[0]?.rows).toEqual(rows);
  });

  it('a queued transaction\'s receipt says it is saved and will be sent once', async () => {
    const { actor } = verifiedVisit(replaceCard({ status: 'queued', line: '业务系统暂时连不上，您的申请已经保存，恢复后自动提交。' }));
    actor.send({ type: 'citizen.text', text: '确认' });
    await flush();
    await flush();
    expect(actor.getSnapshot().context.answer?.screen).toContain('状态：已保存在本机，业务系统恢复后自动提交（只提交一次）');
  });

  it('a cancelled or refused transaction leaves no receipt', async () => {
    const cancelled = verifiedVisit(replaceCard(submittedResult));
    cancelled.actor.send({ type: 'citizen.text', text: '算了不办了' });
    await flush();
    expect(cancelled.lines().at(-1)).toBe(transactionLines.cancelled);
    expect(cancelled.actor.getSnapshot().context.answer).toBeNull();
    const refused = verifiedVisit(replaceCard({ status: 'refused', reason: '该社保卡正在补办。' }));
    refused.actor.send({ type: 'citizen.text', text: '确认' });
    await flush();
    await flush();
    expect(refused.actor.getSnapshot().context.answer).toBeNull();
    expect(refused.staffCalls).toEqual(['transaction-refused:replace_card']);
  });

  it('a printout the submission spooled is followed to paper', async () => {
    const { actor } = verifiedVisit(replaceCard({ status: 'submitted', reference: 'QD-20261208-7F3A9C', line: '参保证明正在打印，请在屏幕下方出纸口取走。', printJobId: 'job-42' }));
    actor.send({ type: 'citizen.text', text: '确认' });
    await flush();
    await flush();
    expect(phase(actor.getSnapshot())).toBe('printing');
    expect(actor.getSnapshot().context.printJobId).toBe('job-42');
    // The printout is the paper: no receipt besides it.
    expect(actor.getSnapshot().context.answer).toBeNull();
    actor.send({ type: 'printer.jobDone', jobId: 'job-42' });
    await flush();
    expect(phase(actor.getSnapshot())).toBe('followUp');
  });
});
