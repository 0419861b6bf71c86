import { describe, expect, it } from 'vitest';
import type { EmploymentCertificate, EmploymentRegistration } from '../../../app/core/backend/backendTypes.js';
import { EMPLOYMENT_SITUATIONS } from '../../../app/core/backend/cardAndCertificateTypes.js';
import { transactionKinds } from '../../../app/core/outbox/backendSenders.js';
import { employmentCertificateQuery } from '../../../app/core/services/queries/employmentCertificateQuery.js';
import { employmentCertificateTransaction } from '../../../app/core/transactions/employmentCertificateTransaction.js';
import { readStreet } from '../../../app/core/transactions/streetField.js';
import type { TransactionSpec } from '../../../app/core/transactions/transactionSpec.js';
import { TEST_DEADLINE_MS } from '../../testDeadline.js';
import { useOutboxRig } from './outboxRig.js';
import { transactionUnderTest } from './transactionUnderTest.js';

function start(spec: TransactionSpec, opening: string | null = null, citizenId = 'QD0008') {
  return transactionUnderTest(spec, citizenId, 'txn-cert-0001', opening);
}

function recordingOutbox() {
  const submitted: { kind: string; citizenId: string; payload: unknown; idempotencyKey: string | undefined }[] = [];
  return {
    submitted,
    submit: async (kind: string, citizenId: string, payload: unknown, options: { idempotencyKey?: string } = {}) => {
      submitted.push({ kind, citizenId, payload, idempotencyKey: options.idempotencyKey });
      return {
        id: 1, kind, citizenId, idempotencyKey: options.idempotencyKey ?? '', state: 'delivered' as const, reference: 'JC20250314-0001',
        answer: { certificateNumber: '3702002025000001', pickup: { place: '李村街道人社服务站', fromDate: '2025-03-21' }, nextSteps: '纸质就业创业证请在2025年3月21日以后领取。' },
      };
    },
  };
}

/** The record as the two queries tell it. */
function recordBackend(certificate: EmploymentCertificate['certificate'], status: EmploymentRegistration['status'] = '未登记') {
  return {
    getEmploymentCertificate: async (citizenId: string): Promise<EmploymentCertificate> => ({ citizenId, certificate }),
    getEmploymentRegistration: async (citizenId: string): Promise<EmploymentRegistration> => ({ citizenId, status, since: null, employer: null, office: null, history: [] }),
  };
}

const lastLine = (t: { lines(): string[] }) => t.lines().at(-1) ?? '';

describe('就业创业证申领: the situation, the street and the form, each read back', () => {
  it('a graduate from the opening line; the certificate\'s own name is not taken for 创业; paper collected at the street office', async () => {
    const outbox = recordingOutbox();
    const t = start(employmentCertificateTransaction(outbox, recordBackend(null)), '我想申领就业创业证');
    await expect.poll(() => lastLine(t), { timeout: TEST_DEADLINE_MS }).toContain('您现在是什么情况');
    t.reply('我今年刚毕业');
    expect(lastLine(t)).toContain('哪个街道');
    t.reply('户口在李沧区李村街道');
    expect(lastLine(t)).toContain('电子证还是纸质证');
    t.reply('要纸质的');
    const confirmation = lastLine(t);
    for (const part of ['就业状态：高校毕业生', '登记街道：李村街道', '领证方式：纸质证', '5个工作日后带身份证到李村街道人社服务站领取', '每人只能有一张']) expect(confirmation).toContain(part);
    t.reply('确认');
    await expect.poll(() => t.outputs.length, { timeout: TEST_DEADLINE_MS }).toBe(1);
    expect(outbox.submitted).toEqual([
      { kind: transactionKinds.employmentCertificate, citizenId: 'QD0008', payload: { situation: '高校毕业生', street: '李村街道', form: '纸质证' }, idempotencyKey: 'txn-cert-0001' },
    ]);
    expect(t.outputs[0]).toMatchObject({ outcome: 'submitted', reference: 'JC20250314-0001' });
    expect(t.outputs[0]?.line).toMatch(/^就业创业证办好了，证号3702002025000001，受理编号JC20250314-0001。/);
    expect(t.outputs[0]?.receipt).toEqual([
      '就业状态：高校毕业生', '登记街道：李村街道', '领证方式：纸质证', '证号：3702********0001（完整证号可以问自助机“我的就业创业证”）', '领证：2025年3月21日以后到李村街道人社服务站，带身份证',
    ]);
  });

  it('every button reads as itself; the street is taken without the words around it', () => {
    const spec = employmentCertificateTransaction(recordingOutbox(), recordBackend(null));
    const situation = spec.fields.find((field) => field.name === 'situation')!;
    for (const label of EMPLOYMENT_SITUATIONS) expect(situation.read(label, null)).toEqual({ ok: true, value: label });
    expect(situation.read('办创业证', null)).toBeNull();
    expect(situation.read('我开了个小饭店，想办就业创业证', null)).toEqual({ ok: true, value: '自主创业' });
    expect(situation.read('厂子不干了，现在没工作', null)).toEqual({ ok: true, value: '失业人员' });
    const form = spec.fields.find((field) => field.name === 'form')!;
    for (const label of form.choices!) expect(form.read(label, null)).toEqual({ ok: true, value: label });
    // Heard by the small recognizer as toneless pinyin; the certificate's name is not 创业 there either.
    expect(situation.read('wo gang bi ye', 'wo gang bi ye')).toEqual({ ok: true, value: '高校毕业生' });
    expect(situation.read('wo yao ban jiu ye chuang ye zheng', null)).toBeNull();
    expect(situation.read('wo kai dian de', null)).toEqual({ ok: true, value: '自主创业' });
    expect(form.read('yao dian zi de', null)).toEqual({ ok: true, value: '电子证' });
    expect(form.read('要纸的', 'yao zhi de')).toEqual({ ok: true, value: '纸质证' });
    expect(readStreet('我户口在即墨区移风店镇')).toBe('移风店镇');
    expect(readStreet('住在市北区台东街道')).toBe('台东街道');
    expect(readStreet('中韩街道')).toBe('中韩街道');
    expect(readStreet('到街道领')).toBeNull();
  });

  it('all three in one line go straight to the confirmation', async () => {
    const t = start(employmentCertificateTransaction(recordingOutbox(), recordBackend(null)), null, 'QD0004');
    await expect.poll(() => lastLine(t), { timeout: TEST_DEADLINE_MS }).toContain('您现在是什么情况');
    t.reply('我送外卖的，住在浮山后街道，要电子证');
    expect(lastLine(t)).toContain('就业状态：灵活就业');
    expect(lastLine(t)).toContain('登记街道：浮山后街道');
    expect(lastLine(t)).toContain('电子证提交后马上生效');
  });
});

describe('就业创业证申领: the record is checked before anything is asked', () => {
  it('a valid certificate held is told with its number masked and where a lost one is 补办; a pensioner is told too', async () => {
    const held = { certificateNumber: '3702142016000218', issuedDate: '2016-02-22', issuedBy: '青岛市城阳区公共就业和人才服务中心', status: '有效' as const };
    const t = start(employmentCertificateTransaction(recordingOutbox(), recordBackend(held)), '我要办就业创业证');
    await expect.poll(() => t.outputs.length, { timeout: TEST_DEADLINE_MS }).toBe(1);
    expect(t.outputs[0]).toMatchObject({ outcome: 'ineligible', staffReason: null });
    expect(t.outputs[0]?.line).toContain('证号尾号0218');
    expect(t.outputs[0]?.line).not.toContain('3702142016000218');
    expect(t.outputs[0]?.line).toContain('街道（乡镇）人社服务站补办');
    const retired = start(employmentCertificateTransaction(recordingOutbox(), recordBackend(null, '退休')));
    await expect.poll(() => retired.outputs.length, { timeout: TEST_DEADLINE_MS }).toBe(1);
    expect(retired.outputs[0]).toMatchObject({ outcome: 'ineligible', line: expect.stringContaining('退休') });
    // A cancelled certificate is no obstacle.
    const cancelled = start(employmentCertificateTransaction(recordingOutbox(), recordBackend({ ...held, status: '已注销' })));
    await expect.poll(() => lastLine(cancelled), { timeout: TEST_DEADLINE_MS }).toContain('您现在是什么情况');
  });
});

describe('就业创业证申领 through the transaction outbox, against the business-system simulator', () => {
  const rig = useOutboxRig();
  const graduate = { situation: '高校毕业生', street: '中韩街道', form: '电子证' };

  it('a graduate gets an electronic certificate once; the same key again is the same answer; the query shows it', async () => {
    const spec = employmentCertificateTransaction(rig.outbox, rig.harness.client());
    expect(await spec.checkEligibility!({ citizenId: 'QD0008' })).toEqual({ eligible: true });
    const first = await spec.submit({ citizenId: 'QD0008', values: graduate, idempotencyKey: 'txn-cert-0002' });
    expect(first).toMatchObject({ status: 'submitted', reference: 'JC20250314-0001' });
    expect(first.status === 'submitted' && first.line).toMatch(/^就业创业证办好了，证号3702002025000001，受理编号JC20250314-0001。电子就业创业证已经生效/);
    expect(await spec.submit({ citizenId: 'QD0008', values: graduate, idempotencyKey: 'txn-cert-0002' })).toEqual(first);
    expect(rig.harness.simulator.inspect.employmentCertificateApplicationCount('QD0008')).toBe(1);
    expect((await rig.harness.client().getEmploymentCertificate('QD0008')).certificate).toMatchObject({ certificateNumber: '3702002025000001', status: '有效' });
    // 就业创业证信息, asked afterwards, tells it.
    const told = await employmentCertificateQuery.answer(rig.harness.client(), 'QD0008', {});
    expect(told.spoken).toBe('您的就业创业证是2025年3月14日由中韩街道人社服务站发的，目前有效。证号和证上记载的登记记录在屏幕上。');
    expect(told.screen).toContain('证号：3702002025000001');
    expect(await spec.checkEligibility!({ citizenId: 'QD0008' })).toMatchObject({ eligible: false, line: expect.stringContaining('尾号0001') });
  });

  it('QD0006, QD0007 and QD0011 already hold one, QD0001 draws a pension: told before anything is asked', async () => {
    const spec = employmentCertificateTransaction(rig.outbox, rig.harness.client());
    for (const citizenId of ['QD0006', 'QD0007', 'QD0011']) {
      expect(await spec.checkEligibility!({ citizenId })).toMatchObject({ eligible: false, line: expect.stringContaining('已经有一张有效的就业创业证') });
    }
    expect(await spec.checkEligibility!({ citizenId: 'QD0001' })).toMatchObject({ eligible: false, line: expect.stringContaining('退休') });
    expect(await spec.checkEligibility!({ citizenId: 'QD0004' })).toEqual({ eligible: true });
  });

  it('refused by the business system, told as it says it: 失业人员 while an employer pays; one already held (sent after all)', async () => {
    const spec = employmentCertificateTransaction(rig.outbox, rig.harness.client());
    expect(await spec.submit({ citizenId: 'QD0004', values: { ...graduate, situation: '失业人员' }, idempotencyKey: 'txn-cert-0003' })).toEqual({
      status: 'refused',
      reason: '系统显示现在还有单位在给您交社保，不能按失业人员申领。已经离职的，请等单位办完停保以后再来；也可以按实际情况选灵活就业或自主创业。',
    });
    expect(await spec.submit({ citizenId: 'QD0006', values: graduate, idempotencyKey: 'txn-cert-0004' })).toEqual({
      status: 'refused',
      reason: '您已经有一张有效的就业创业证了，不用重复申领。证丢了的话，请带身份证到街道（乡镇）人社服务站补办。',
    });
    expect(rig.harness.simulator.inspect.employmentCertificateApplicationCount('QD0004') + rig.harness.simulator.inspect.employmentCertificateApplicationCount('QD0006')).toBe(0);
  });

  it('the business system down: saved, told so, sent once when it is back', async () => {
    rig.harness.simulator.inject.failNext(503, 20);
    const queued = await employmentCertificateTransaction(rig.outbox, rig.harness.client()).submit({
      citizenId: 'QD0004', values: { situation: '自主创业', street: '李村街道', form: '纸质证' }, idempotencyKey: 'txn-cert-0005',
    });
    expect(queued).toEqual({ status: 'queued', line: expect.stringContaining('提交成功以后才有证号') });
    expect(rig.harness.simulator.inspect.employmentCertificateApplicationCount('QD0004')).toBe(0);
    rig.harness.simulator.inject.reset();
    await rig.outbox.deliverDue({ all: true });
    await rig.outbox.deliverDue({ all: true });
    expect(rig.harness.simulator.inspect.employmentCertificateApplicationCount('QD0004')).toBe(1);
    expect(rig.harness.simulator.inspect.writesWithKey('txn-cert-0005')).toBe(1);
    expect((await rig.harness.client().getEmploymentCertificate('QD0004')).certificate).toMatchObject({ issuedBy: '李村街道人社服务站', status: '有效' });
  });
});
