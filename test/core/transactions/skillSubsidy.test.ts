import { describe, expect, it } from 'vitest';
import { transactionLines } from '../../../app/core/transactions/transactionLines.js';
import { type TransactionOutput } from '../../../app/core/transactions/transactionMachine.js';
import type { TransactionSpec } from '../../../app/core/transactions/transactionSpec.js';
import { skillSubsidyTransaction } from '../../../app/core/transactions/skillSubsidyTransaction.js';
import { TEST_DEADLINE_MS } from '../../testDeadline.js';
import { useOutboxRig } from './outboxRig.js';
import { transactionUnderTest } from './transactionUnderTest.js';

// The simulator is seeded on 2025-03-14 (FIXED_NOW): QD0026 has one 中式烹调师 (四级) certificate issued 2025-01-28;
// QD0027 a 保育师 (五级, 2025-02-12), a 育婴员 (四级, 2024-11-14) and a 家政服务员 from 2022; QD0028 no 失业保险;
// QD0013 an 电工 from 2019 and a revoked 焊工; QD0001 no certificate.
const COOK = 'S000037020004254000126';
const NANNY = 'S000037021302234000458';

const rig = useOutboxRig();

function spec(): TransactionSpec {
  return skillSubsidyTransaction(rig.harness.client(), rig.outbox);
}

function start(s: TransactionSpec, citizenId: string, idempotencyKey = 'txn-skill-0001', opening: string | null = null) {
  return transactionUnderTest(s, citizenId, idempotencyKey, opening);
}

const saidSomething = (t: { lines(): string[] }) => expect.poll(() => t.lines().length, { timeout: TEST_DEADLINE_MS }).toBeGreaterThan(0);
const ended = (t: { outputs: unknown[] }) => expect.poll(() => t.outputs.length, { timeout: TEST_DEADLINE_MS }).toBe(1);

describe('技能提升补贴申领: one certificate, proposed and just confirmed', () => {
  it('nothing is asked: the confirmation names the certificate, the amount and where the money goes; the yes applies once', async () => {
    const t = start(spec(), 'QD0026', 'txn-skill-0001', '我考了证，想申请技能提升补贴');
    await saidSomething(t);
    const confirmation = t.lines()[0]!;
    expect(confirmation).toContain('您2025年1月28日取得的中式烹调师（四级/中级工）证书');
    expect(confirmation).toContain('补贴1500元');
    expect(confirmation).toContain('社会保障卡的金融账户');
    expect(confirmation).toContain(transactionLines.confirm);
    expect(t.view()?.fields).toEqual([]);
    await expect.poll(() => t.snapshot().context.preview, { timeout: TEST_DEADLINE_MS }).toEqual([
      '证书：中式烹调师（四级/中级工）', `证书编号：${COOK}`, '发证日期：2025-01-28', '补贴金额：1500元', '发放到：社会保障卡金融账户',
    ]);
    expect(rig.harness.simulator.inspect.skillSubsidyApplicationCount('QD0026')).toBe(0);
    t.reply('确认');
    await ended(t);
    expect(t.outputs[0]).toMatchObject({ outcome: 'submitted', reference: 'JT20250314-0001', receipt: ['证书：中式烹调师（四级/中级工）', '补贴金额：1500元', '发放到：社会保障卡金融账户（QD*****38）', '状态：已受理，待审核'] });
    expect((t.outputs[0] as TransactionOutput).line).toContain('技能提升补贴申请已经提交了，补贴1500元，受理编号JT20250314-0001。');
    expect(rig.harness.simulator.inspect.skillSubsidyApplicationCount('QD0026')).toBe(1);
    // The application shows in 业务办理进度.
    expect((await rig.harness.client().getApplications('QD0026')).applications[0]).toMatchObject({ kind: '技能提升补贴申领', state: '已受理' });
  });
});

describe('技能提升补贴申领: several certificates, chosen', () => {
  it('lists the ones that can be applied for with their amounts as buttons; a tap (its label read as said) chooses', async () => {
    const t = start(spec(), 'QD0027');
    await saidSomething(t);
    expect(t.lines()[0]).toBe(
      '您有2张证书可以申请：保育师（五级/初级工），2025年2月12日发证，补贴1000元；育婴员（四级/中级工），2024年11月14日发证，补贴1500元。' +
        '您要用哪一张申请？说职业名称或者点下面的按钮就行，也可以说证书编号。',
    );
    const field = spec().fields; // a fresh spec has no citizen: one field, no buttons
    expect(field.map((f) => f.choices)).toEqual([undefined]);
    const s = t.snapshot().context.spec;
    expect(s.fields[0]?.choices).toEqual(['保育师（五级/初级工）', '育婴员（四级/中级工）']);
    t.reply('育婴员（四级/中级工）');
    expect(t.lines().at(-1)).toContain('申请补贴的证书：育婴员（四级/中级工），2024年11月14日发证。');
    expect(t.lines().at(-1)).toContain('按这个等级补贴1500元');
    // Changed by voice before the yes: the level alone is enough.
    t.reply('不对，用初级的那张');
    expect(t.lines().at(-1)).toContain('申请补贴的证书：保育师（五级/初级工）');
    t.send({ type: 'txn.cancel' });
    await ended(t);
    expect(t.outputs[0]).toMatchObject({ outcome: 'cancelled' });
    expect(rig.harness.simulator.inspect.skillSubsidyApplicationCount('QD0027')).toBe(0);
  });

  it('the number read out or typed chooses too; an old certificate by name is told why not; an unknown number is told', async () => {
    const t = start(spec(), 'QD0027');
    await saidSomething(t);
    t.reply('家政服务员那张');
    expect(t.lines().at(-1)).toMatch(/^您的家政服务员（五级\/初级工）证书是2022年4月15日发的，技能提升补贴要在发证之日起12个月内申请，已经超过期限了。请选别的证书。您有2张证书/);
    t.reply('证书编号 S0000 9999 9999 9999 99999');
    expect(t.lines().at(-1)).toMatch(/^您名下没有查到这个编号的证书/);
    // Heard by the small recognizer as toneless pinyin: the occupation is still recognised; then the number typed.
    t.send({ type: 'txn.reply', text: 'yong bao yu shi na zhang', pinyin: 'yong bao yu shi na zhang' });
    expect(t.lines().at(-1)).toContain('申请补贴的证书：保育师（五级/初级工）');
    t.reply('改成 s0000 3702 1302 2340 00458');
    expect(t.lines().at(-1)).toContain('申请补贴的证书：育婴员（四级/中级工）');
    t.reply('确认');
    await ended(t);
    expect(t.outputs[0]).toMatchObject({ outcome: 'submitted' });
    expect((t.outputs[0] as TransactionOutput).line).toContain('补贴1500元');
    expect((await rig.harness.client().getSkillSubsidyEligibility('QD0027')).certificates.find((c) => c.certificateNumber === NANNY)?.blockedBy).toBe('ALREADY_SUBSIDISED');
  });
});

describe('技能提升补贴申领: told before anything is asked when the record says no', () => {
  it('certificates too old or revoked: each told with why, and where to go', async () => {
    const t = start(spec(), 'QD0013');
    await ended(t);
    const output = t.outputs[0] as TransactionOutput;
    expect(output.outcome).toBe('ineligible');
    expect(output.line).toBe(
      '您的电工（三级/高级工）证书是2019年11月20日发的，技能提升补贴要在发证之日起12个月内申请，已经超过期限了；' +
        '您的焊工（五级/初级工）证书已经注销了，不能申请。所以这次不能申请技能提升补贴。有疑问请到服务大厅的失业保险窗口咨询。',
    );
    expect(t.lines()).toEqual([]);
  });

  it('not 12 months of 失业保险, or no certificate at all; the business system down is unavailable', async () => {
    const insurance = start(spec(), 'QD0028');
    await ended(insurance);
    expect(insurance.outputs[0]).toMatchObject({ outcome: 'ineligible' });
    expect((insurance.outputs[0] as TransactionOutput).line).toContain('参加失业保险累计满12个月，或者正在领失业保险金。您的失业保险累计缴费0个月，还不够');
    const none = start(spec(), 'QD0001');
    await ended(none);
    expect((none.outputs[0] as TransactionOutput).line).toMatch(/^没有查到您名下的职业技能等级证书。.*失业保险窗口咨询。$/);
    rig.harness.simulator.inject.failNext(503, 5);
    const down = start(spec(), 'QD0026');
    await ended(down);
    expect(down.outputs[0]).toMatchObject({ outcome: 'unavailable' });
  });
});

describe('技能提升补贴申领 through the transaction outbox, against the business-system simulator', () => {
  it('exactly once under a repeated key; a second application for the same certificate is refused and told as the system says it', async () => {
    const s = spec();
    expect(await s.checkEligibility!({ citizenId: 'QD0026' })).toEqual({ eligible: true });
    const first = await s.submit({ citizenId: 'QD0026', values: {}, idempotencyKey: 'txn-skill-0101' });
    expect(first).toMatchObject({ status: 'submitted', reference: 'JT20250314-0001' });
    expect(await s.submit({ citizenId: 'QD0026', values: {}, idempotencyKey: 'txn-skill-0101' })).toEqual(first);
    expect(rig.harness.simulator.inspect.writesWithKey('txn-skill-0101')).toBe(1);
    expect(await s.submit({ citizenId: 'QD0026', values: { certificate: COOK }, idempotencyKey: 'txn-skill-0102' })).toEqual({
      status: 'refused',
      reason: '同一个职业同一个等级的证书只能领一次技能提升补贴，这张证书（或者同职业更高等级的证书）已经领过了。',
    });
    expect(rig.harness.simulator.inspect.skillSubsidyApplicationCount('QD0026')).toBe(1);
    // And the next eligibility check says so before anything is asked.
    expect(await s.checkEligibility!({ citizenId: 'QD0026' })).toMatchObject({ eligible: false, line: expect.stringContaining('已经领过补贴了') });
  });

  it('the certificate proposed to one citizen is never sent for another', async () => {
    const s = spec();
    await s.checkEligibility!({ citizenId: 'QD0026' });
    expect(await s.submit({ citizenId: 'QD0027', values: {}, idempotencyKey: 'txn-skill-0401' })).toEqual({ status: 'refused', reason: '还没有选好用哪一张证书申请，这次没有提交。' });
    expect(await s.preview!({ citizenId: 'QD0027', values: {} })).toEqual([]);
    expect(rig.harness.simulator.inspect.writesWithKey('txn-skill-0401')).toBe(0);
  });

  it('a certificate that is not the citizen’s is refused by the business system, told as it says it', async () => {
    const refused = await spec().submit({ citizenId: 'QD0026', values: { certificate: NANNY }, idempotencyKey: 'txn-skill-0201' });
    expect(refused).toEqual({ status: 'refused', reason: '没有查到这个编号的证书，请核对证书上的编号，或找工作人员帮忙。' });
    expect(rig.harness.simulator.inspect.skillSubsidyApplicationCount('QD0026')).toBe(0);
  });

  it('the business system down after the check: saved, told what that means, sent once when it is back', async () => {
    const s = spec();
    await s.checkEligibility!({ citizenId: 'QD0026' });
    rig.harness.simulator.inject.failNext(503, 20);
    const queued = await s.submit({ citizenId: 'QD0026', values: {}, idempotencyKey: 'txn-skill-0301' });
    expect(queued).toMatchObject({ status: 'queued' });
    expect(queued.status === 'queued' && queued.line).toContain('系统恢复后会自动提交，只提交一次');
    expect(rig.harness.simulator.inspect.skillSubsidyApplicationCount('QD0026')).toBe(0);
    rig.harness.simulator.inject.reset();
    await rig.outbox.deliverDue({ all: true });
    await rig.outbox.deliverDue({ all: true });
    expect(rig.harness.simulator.inspect.skillSubsidyApplicationCount('QD0026')).toBe(1);
    expect(rig.harness.simulator.inspect.writesWithKey('txn-skill-0301')).toBe(1);
  });
});

describe('技能提升补贴申领: one spec, many visits', () => {
  it('each transaction begins with nothing found: one citizen’s certificates never reach the next one’s transaction', async () => {
    const s = spec();
    const first = start(s, 'QD0027', 'txn-skill-0501');
    await saidSomething(first);
    expect(first.view()?.asking?.choices.length).toBeGreaterThan(1);
    first.send({ type: 'txn.cancel' });
    await ended(first);
    // The next citizen names the previous citizen's occupation: nothing of QD0027's is there to choose from.
    const second = start(s, 'QD0026', 'txn-skill-0502', '我要申请育婴员的技能提升补贴');
    await saidSomething(second);
    expect(second.view()?.fields).toEqual([]);
    expect(second.lines()[0]).toContain('中式烹调师');
    expect(second.lines()[0]).not.toContain('育婴员');
  });
});

describe('技能提升补贴申领: the opening line', () => {
  it('names the certificate once the check has found the citizen’s own: nothing more is asked', async () => {
    const t = start(spec(), 'QD0027', 'txn-skill-0601', '我要用保育师证书申请技能提升补贴');
    await saidSomething(t);
    expect(t.snapshot().value).toBe('confirming');
    expect(t.lines()[0]).toContain('保育师');
  });
});
