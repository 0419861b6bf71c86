import { describe, expect, it } from 'vitest';
import { assign, sendParent, setup } from 'xstate';
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

describe('a result that arrives after the citizen was told "saved, will be sent"', () => {
  const late = (outcome: 'delivered' | 'rejected', citizenId = 'QD0004') => ({
    type: 'outbox.settledLate' as const, citizenId, kind: 'card-replacement', title: '补换社保卡', outcome,
    reference: outcome === 'delivered' ? 'BK20261208-0002' : null, reason: outcome === 'rejected' ? '该社保卡已封存，请到合作银行办理。' : null,
  });

  it('a refusal calls staff; the same verified citizen, still here, is told why', async () => {
    const { actor, lines, staffCalls } = verifiedVisit(replaceCard(submittedResult));
    actor.send(late('rejected'));
    await flush();
    expect(staffCalls).toEqual(['transaction-rejected-late:card-replacement']);
    expect(lines().at(-1)).toBe(transactionLines.lateRefused('补换社保卡', '该社保卡已封存，请到合作银行办理。'));
  });

  it('someone else at the screen hears nothing of it; staff still follow it up, between visits too', async () => {
    const { actor, lines, staffCalls } = verifiedVisit(replaceCard(submittedResult));
    const before = lines().length;
    actor.send(late('rejected', 'QD0009'));
    await flush();
    expect(lines()).toHaveLength(before);
    expect(staffCalls).toEqual(['transaction-rejected-late:card-replacement']);
    const idle = startSession({ transactions: { replace_card: replaceCard(submittedResult) } });
    idle.actor.send(late('rejected'));
    await flush();
    expect(idle.staffCalls).toEqual(['transaction-rejected-late:card-replacement']);
    expect(idle.lines()).toEqual([]);
  });

  it('a late success is told to the citizen still here, with its reference, and calls nobody', async () => {
    const { actor, lines, staffCalls } = verifiedVisit(replaceCard(submittedResult));
    actor.send(late('delivered'));
    await flush();
    expect(lines().at(-1)).toBe(transactionLines.lateSubmitted('补换社保卡', 'BK20261208-0002'));
    expect(staffCalls).toEqual([]);
  });
});

/** A stand-in 养老认证 that verifies the citizen and ends with the given outcome when the ID number comes. */
function authenticatingChild(outcome: 'authenticated' | 'queued' | 'not-verified') {
  return setup({ types: { events: {} as { type: 'auth.idNumber'; idNumber: string } } }).createMachine({
    id: 'scriptedAuthenticating',
    initial: 'asking',
    context: { outcome: null as string | null },
    states: {
      asking: {
        on: {
          'auth.idNumber':
            outcome === 'not-verified'
              ? { target: 'done', actions: assign({ outcome }) }
              : { target: 'done', actions: [sendParent({ type: 'identity.verified', citizenId: 'QD0001', idNumberMasked: '3702**********0422', nameMasked: '王*兰' }), assign({ outcome })] },
        },
      },
      done: { type: 'final' },
    },
    output: ({ context }) => ({
      outcome: context.outcome,
      line: context.outcome === 'authenticated' ? '认证成功！' : context.outcome === 'queued' ? '认证结果已经保存。' : '没能核实您的身份。',
      staffReason: null,
      reference: context.outcome === 'authenticated' ? 'RZ20261208-0001' : null,
      nextDueDate: context.outcome === 'not-verified' ? null : '2027-12-08',
    }),
  });
}

describe('养老认证 ends on the same receipt path', () => {
  it('an authentication leaves a receipt with its number and the next due date; 打印 prints it', async () => {
    const { actor, lines, spooled } = startSession({ pensionAuth: authenticatingChild('authenticated') });
    actor.send({ type: 'citizen.touch' });
    actor.send({ type: 'citizen.text', text: '我要做养老认证' });
    expect(phase(actor.getSnapshot())).toBe('pensionAuth');
    actor.send({ type: 'auth.idNumber', idNumber: '370203196203150422' });
    await flush();
    expect(phase(actor.getSnapshot())).toBe('followUp');
    const rows = actor.getSnapshot().context.answer?.screen.split('\n') ?? [];
    expect(rows.slice(0, 2)).toEqual(['业务：养老认证', '受理编号：RZ20261208-0001']);
    expect(rows).toContain('下次认证截止：2027-12-08');
    expect(lines().at(-1)).toBe(transactionLines.receiptOffer);
    actor.send({ type: 'citizen.recordAction', action: 'print' });
    await flush();
    expect(spooled.map((s) => s.title)).toEqual(['养老认证回执']);
  });

  it('a result saved to be sent says so on its receipt; a check that did not verify leaves none', async () => {
    const queued = startSession({ pensionAuth: authenticatingChild('queued') });
    queued.actor.send({ type: 'citizen.touch' });
    queued.actor.send({ type: 'citizen.text', text: '我要做养老认证' });
    queued.actor.send({ type: 'auth.idNumber', idNumber: '370203196203150422' });
    await flush();
    expect(queued.actor.getSnapshot().context.answer?.screen).toContain('状态：已保存在本机，业务系统恢复后自动提交（只提交一次）');
    const failed = startSession({ pensionAuth: authenticatingChild('not-verified') });
    failed.actor.send({ type: 'citizen.touch' });
    failed.actor.send({ type: 'citizen.text', text: '我要做养老认证' });
    failed.actor.send({ type: 'auth.idNumber', idNumber: '370203196203150422' });
    await flush();
    expect(failed.actor.getSnapshot().context.answer).toBeNull();
    expect(failed.lines()).not.toContain(transactionLines.receiptOffer);
  });
});
