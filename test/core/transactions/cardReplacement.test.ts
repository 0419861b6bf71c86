import { describe, expect, it } from 'vitest';
import { BackendError } from '../../../app/core/backend/backendError.js';
import type { SocialSecurityCard } from '../../../app/core/backend/backendTypes.js';
import { CARD_PICKUP_HALLS, CARD_REPLACEMENT_REASONS } from '../../../app/core/backend/cardAndCertificateTypes.js';
import { transactionKinds } from '../../../app/core/outbox/backendSenders.js';
import { cardProductionQuery } from '../../../app/core/services/queries/cardProductionQuery.js';
import { cardCollectionField } from '../../../app/core/transactions/cardCollectionField.js';
import { cardReplacementTransaction } from '../../../app/core/transactions/cardReplacementTransaction.js';
import type { TransactionSpec } from '../../../app/core/transactions/transactionSpec.js';
import { TEST_DEADLINE_MS } from '../../testDeadline.js';
import { useOutboxRig } from './outboxRig.js';
import { transactionUnderTest } from './transactionUnderTest.js';

function start(spec: TransactionSpec, opening: string | null = null, citizenId = 'QD0005') {
  return transactionUnderTest(spec, citizenId, 'txn-replace-0001', opening);
}

/** An outbox that records what it is given and answers delivered. */
function recordingOutbox() {
  const submitted: { kind: string; citizenId: string; payload: unknown; idempotencyKey: string | undefined }[] = [];
  return {
    submitted,
    submit: async (kind: string, citizenId: string, payload: unknown, options: { idempotencyKey?: string } = {}) => {
      submitted.push({ kind, citizenId, payload, idempotencyKey: options.idempotencyKey });
      return {
        id: 1, kind, citizenId, idempotencyKey: options.idempotencyKey ?? '', state: 'delivered' as const, reference: 'ZK20250314-0001',
        answer: { fee: 20, expectedReadyDate: '2025-03-28', nextSteps: '新卡预计2025年3月28日以后可以领取。' },
      };
    },
  };
}

/** The card query, answering a card in the given status (or failing as given). */
function cardBackend(answer: SocialSecurityCard['status'] | BackendError) {
  return {
    getCard: async (citizenId: string): Promise<SocialSecurityCard> => {
      if (answer instanceof BackendError) throw answer;
      return { citizenId, cardNumberMasked: 'QD*****72', status: answer, bank: '青岛银行', issuedDate: '2018-06-21', statusSince: '2025-03-09' };
    },
  };
}

const lastLine = (t: { lines(): string[] }) => t.lines().at(-1) ?? '';

describe('补换社保卡: why, and how the card is collected, each read back; the fee and the time said before the yes', () => {
  it('a lost card mailed home: the address asked for when only "邮寄" is said, read back whole, 工本费 and fifteen working days told', async () => {
    const outbox = recordingOutbox();
    const t = start(cardReplacementTransaction(outbox, cardBackend('挂失')), '我的社保卡丢了，要补卡');
    await expect.poll(() => lastLine(t), { timeout: TEST_DEADLINE_MS }).toContain('邮寄到家');
    t.reply('邮寄到家');
    expect(lastLine(t)).toMatch(/^邮寄要有详细地址，请说清楚哪个街道、哪个小区、几号楼几单元几室。新卡您想/);
    t.reply('寄到市北区台东街道幸福小区3号楼2单元301');
    const confirmation = lastLine(t);
    for (const part of ['补换原因：挂失后补卡', '领卡方式：邮寄到市北区台东街道幸福小区3号楼2单元301', '原来挂失的卡就作废了', '大约15个工作日寄到', '工本费20元，快递送卡上门时交']) {
      expect(confirmation).toContain(part);
    }
    expect(outbox.submitted).toEqual([]);

    // 修改 the collection: now at a hall, the fee is paid there.
    t.send({ type: 'txn.change', field: 'collection' });
    t.reply('还是到李沧区大厅去领吧');
    expect(lastLine(t)).toContain('领卡方式：到李沧区人社服务大厅领取');
    expect(lastLine(t)).toContain('领卡时在大厅交');
    t.send({ type: 'txn.confirm' });
    await expect.poll(() => t.outputs.length, { timeout: TEST_DEADLINE_MS }).toBe(1);
    expect(outbox.submitted).toEqual([
      { kind: transactionKinds.cardReplacement, citizenId: 'QD0005', payload: { reason: '挂失后补卡', collection: { method: 'pickup', hallCode: 'QD-LC-01' } }, idempotencyKey: 'txn-replace-0001' },
    ]);
    expect(t.outputs[0]).toMatchObject({ outcome: 'submitted', reference: 'ZK20250314-0001' });
    expect(t.outputs[0]?.line).toMatch(/^补卡申请已经提交，受理编号ZK20250314-0001。/);
    expect(t.outputs[0]?.receipt).toEqual(['补换原因：挂失后补卡', '领卡方式：到李沧区人社服务大厅领取', '工本费：20元（领卡时缴纳）', '预计可领取：2025年3月28日前后', '制卡进度：可以问自助机“我的卡做好了没有”']);
  });

  it('a damaged card in hand is replaced free; both answers in one line', async () => {
    const t = start(cardReplacementTransaction(recordingOutbox(), cardBackend('正常')), null, 'QD0004');
    await expect.poll(() => lastLine(t), { timeout: TEST_DEADLINE_MS }).toContain('为什么要补换卡');
    t.reply('卡坏了刷不了，到市南区领');
    expect(lastLine(t)).toContain('补换原因：卡损坏');
    expect(lastLine(t)).toContain('领卡方式：到市南区人社服务大厅领取');
    expect(lastLine(t)).toContain('不收工本费');
    expect(lastLine(t)).toContain('旧卡交回');
  });

  it('every button reads as itself; a hall not named is told which halls there are', () => {
    const spec = cardReplacementTransaction(recordingOutbox(), cardBackend('正常'));
    const reason = spec.fields.find((field) => field.name === 'reason')!;
    for (const label of CARD_REPLACEMENT_REASONS) expect(reason.read(label, null)).toEqual({ ok: true, value: label });
    expect(reason.choices).toEqual(CARD_REPLACEMENT_REASONS);
    for (const hall of CARD_PICKUP_HALLS) expect(cardCollectionField.read(hall.label, null)).toEqual({ ok: true, value: { method: 'pickup', hallCode: hall.code } });
    expect(cardCollectionField.read('邮寄到家', null)).toMatchObject({ ok: false });
    expect(cardCollectionField.read('我去大厅领', null)).toEqual({ ok: false, problem: expect.stringContaining('市南区人社服务大厅、市北区人社服务大厅') });
    expect(cardCollectionField.read('西海岸那边', null)).toEqual({ ok: true, value: { method: 'pickup', hallCode: 'QD-HD-01' } });
    expect(cardCollectionField.read('地址是崂山区中韩街道海尔路178号2号楼1单元502', null)).toEqual({ ok: true, value: { method: 'mail', address: '崂山区中韩街道海尔路178号2号楼1单元502' } });
    expect(cardCollectionField.read('卡丢了', null)).toBeNull();
    // Heard by the small recognizer as toneless pinyin.
    expect(reason.read('wo de ka diu le', 'wo de ka diu le')).toEqual({ ok: true, value: '挂失后补卡' });
    expect(reason.read('卡坏了', 'ka huai le')).toEqual({ ok: true, value: '卡损坏' });
    expect(cardCollectionField.read('dao li cang qu ling', null)).toEqual({ ok: true, value: { method: 'pickup', hallCode: 'QD-LC-01' } });
    expect(cardCollectionField.read('you ji dao jia', null)).toMatchObject({ ok: false });
  });
});

describe('补换社保卡: the card is checked before anything is asked', () => {
  it('a card already being replaced, or sealed, is told at once with where to go; nothing is asked or submitted', async () => {
    for (const [status, words] of [['补卡中', '已经在补换了'], ['封存', '青岛银行的网点，先办理解封']] as const) {
      const outbox = recordingOutbox();
      const t = start(cardReplacementTransaction(outbox, cardBackend(status)), '我要补办社保卡');
      await expect.poll(() => t.outputs.length, { timeout: TEST_DEADLINE_MS }).toBe(1);
      expect(t.outputs[0]).toMatchObject({ outcome: 'ineligible', staffReason: null });
      expect(t.outputs[0]?.line).toContain(words);
      expect(t.lines()).toEqual([]);
      expect(outbox.submitted).toEqual([]);
    }
  });

  it('no card on record calls staff; a business system that cannot be reached is unavailable', async () => {
    const none = start(cardReplacementTransaction(recordingOutbox(), cardBackend(new BackendError({ kind: 'not-found', status: 404, code: 'CARD_NOT_FOUND', message: 'x' }))));
    await expect.poll(() => none.outputs.length, { timeout: TEST_DEADLINE_MS }).toBe(1);
    expect(none.outputs[0]).toMatchObject({ outcome: 'ineligible', staffReason: 'transaction-ineligible:replace_card' });
    const down = start(cardReplacementTransaction(recordingOutbox(), cardBackend(new BackendError({ kind: 'server', status: 503, code: 'INJECTED_FAULT', message: 'x' }))));
    await expect.poll(() => down.outputs.length, { timeout: TEST_DEADLINE_MS }).toBe(1);
    expect(down.outputs[0]?.outcome).toBe('unavailable');
  });
});

describe('补换社保卡 through the transaction outbox, against the business-system simulator', () => {
  const rig = useOutboxRig();
  const lostAtHall = { reason: '挂失后补卡', collection: { method: 'pickup', hallCode: 'QD-SB-01' } };
  const damagedByMail = { reason: '卡损坏', collection: { method: 'mail', address: '市北区台东街道幸福小区3号楼2单元301' } };

  it('a lost card is replaced once: the same key again is the same answer; 制卡进度 shows it; the receipt masks the address', async () => {
    const spec = cardReplacementTransaction(rig.outbox, rig.harness.client());
    expect(await spec.checkEligibility!({ citizenId: 'QD0005' })).toEqual({ eligible: true });
    const first = await spec.submit({ citizenId: 'QD0005', values: lostAtHall, idempotencyKey: 'txn-replace-0002' });
    expect(first).toMatchObject({ status: 'submitted', reference: 'ZK20250314-0001' });
    expect(first.status === 'submitted' && first.line).toContain('工本费20元，领卡时在大厅缴纳');
    expect(await spec.submit({ citizenId: 'QD0005', values: lostAtHall, idempotencyKey: 'txn-replace-0002' })).toEqual(first);
    expect(rig.harness.simulator.inspect.cardReplacementCount('QD0005')).toBe(1);
    expect(rig.harness.simulator.inspect.writesWithKey('txn-replace-0002')).toBe(1);
    expect((await rig.harness.client().getCardApplications('QD0005')).applications[0]).toMatchObject({ applicationId: 'ZK20250314-0001', stage: '已受理' });
    // 制卡进度, asked afterwards, tells this application.
    const progress = await cardProductionQuery.answer(rig.harness.client(), 'QD0005', {});
    expect(progress.spoken).toBe('您2025年3月14日补办的社保卡已经受理，正在等待制卡，做好后会短信通知您。');
    expect(progress.screen).toContain('补卡（自助服务机，2025年3月14日申请，编号ZK20250314-0001）：已受理 2025年3月14日');
    // Now being replaced: told before anything is asked.
    expect(await spec.checkEligibility!({ citizenId: 'QD0005' })).toMatchObject({ eligible: false });

    const mailed = await spec.submit({ citizenId: 'QD0004', values: damagedByMail, idempotencyKey: 'txn-replace-0003' });
    expect(mailed.status === 'submitted' && mailed.receipt).toEqual(['补换原因：卡损坏', '领卡方式：邮寄到 市北区台东街道****', '工本费：免收', '预计送达：2025年4月4日前后', '制卡进度：可以问自助机“我的卡做好了没有”']);
  });

  it('refused by the business system, told as it says it: 补卡 of a card not reported lost, 换卡 of a card reported lost', async () => {
    const spec = cardReplacementTransaction(rig.outbox, rig.harness.client());
    expect(await spec.submit({ citizenId: 'QD0004', values: lostAtHall, idempotencyKey: 'txn-replace-0004' })).toEqual({
      status: 'refused',
      reason: '您的社保卡还没有挂失。卡丢了要先挂失才能补卡；卡还在手上的，请选卡损坏、卡过期或信息变更换卡。',
    });
    expect(await spec.submit({ citizenId: 'QD0011', values: damagedByMail, idempotencyKey: 'txn-replace-0005' })).toEqual({
      status: 'refused',
      reason: '您的社保卡已经挂失了，要办的是“挂失后补卡”，请重新选择补卡原因。',
    });
    expect(rig.harness.simulator.inspect.cardReplacementCount('QD0004') + rig.harness.simulator.inspect.cardReplacementCount('QD0011')).toBe(0);
  });

  it('QD0009 (补卡中) and QD0014 (封存) are told before anything is asked', async () => {
    const spec = cardReplacementTransaction(rig.outbox, rig.harness.client());
    expect(await spec.checkEligibility!({ citizenId: 'QD0009' })).toMatchObject({ eligible: false, line: expect.stringContaining('我的卡做好了没有') });
    expect(await spec.checkEligibility!({ citizenId: 'QD0014' })).toMatchObject({ eligible: false, line: expect.stringContaining('青岛农商银行的网点') });
  });

  it('the business system down: saved, told so, sent once when it is back', async () => {
    rig.harness.simulator.inject.failNext(503, 20);
    const queued = await cardReplacementTransaction(rig.outbox, rig.harness.client()).submit({ citizenId: 'QD0011', values: lostAtHall, idempotencyKey: 'txn-replace-0006' });
    expect(queued).toEqual({ status: 'queued', line: expect.stringContaining('提交成功以后才开始制卡') });
    expect(rig.harness.simulator.inspect.cardReplacementCount('QD0011')).toBe(0);
    rig.harness.simulator.inject.reset();
    await rig.outbox.deliverDue({ all: true });
    await rig.outbox.deliverDue({ all: true });
    expect(rig.harness.simulator.inspect.cardReplacementCount('QD0011')).toBe(1);
    expect(rig.harness.simulator.inspect.writesWithKey('txn-replace-0006')).toBe(1);
    expect((await rig.harness.client().getCard('QD0011')).status).toBe('补卡中');
  });
});
