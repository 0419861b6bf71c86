import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../../../app/core/knowledge/loadKnowledgeBase.js';
import { transactionKinds } from '../../../app/core/outbox/backendSenders.js';
import type { TransactionSpec } from '../../../app/core/transactions/transactionSpec.js';
import { unemploymentRules } from '../../../app/core/transactions/unemploymentBenefitRules.js';
import { unemploymentBenefitTransaction } from '../../../app/core/transactions/unemploymentBenefitTransaction.js';
import { TEST_DEADLINE_MS } from '../../testDeadline.js';
import { useOutboxRig } from './outboxRig.js';
import { transactionUnderTest } from './transactionUnderTest.js';

function start(spec: TransactionSpec, citizenId: string, opening: string | null = '我要申领失业金') {
  return transactionUnderTest(spec, citizenId, 'txn-benefit-0001', opening);
}

const lastLine = (t: { lines(): string[] }) => t.lines().at(-1) ?? '';
const account = { payoutAccount: '社保卡金融账户' };

describe('失业保险金: the rules the robot explains are the knowledge base’s words', () => {
  it('every quoted rule is in its knowledge-base entry, word for word', () => {
    const kb = loadKnowledgeBase(fileURLToPath(new URL('../../../data/kb', import.meta.url)));
    for (const [name, rule] of Object.entries(unemploymentRules)) {
      const entry = kb.byId.get(rule.entry);
      expect(entry, `${name}: ${rule.entry}`).toBeDefined();
      expect(`${entry!.spoken}\n${entry!.screen}`, name).toContain(rule.quote);
    }
  });
});

describe('失业保险金申领 against the business-system simulator', () => {
  const rig = useOutboxRig();
  const spec = () => unemploymentBenefitTransaction(rig.outbox, rig.harness.client());

  it('an entitled citizen confirms the card account, sees the months and the amount, and after the yes the claim is 领取中', async () => {
    const t = start(spec(), 'QD0024');
    await expect.poll(() => lastLine(t), { timeout: TEST_DEADLINE_MS }).toContain('发到这个账户可以吗');
    t.reply('换个银行卡行不行');
    expect(lastLine(t)).toMatch(/^失业保险金只能发到本人社保卡的金融账户，不能发到别的账户。/);
    t.reply('可以');
    const confirmation = lastLine(t);
    for (const part of ['发放账户：本人社保卡的金融账户', unemploymentRules.duration.quote, unemploymentRules.amount.quote, unemploymentRules.stops.quote]) expect(confirmation).toContain(part);
    await expect.poll(() => (t.snapshot().context as { preview: readonly string[] | null }).preview, { timeout: TEST_DEADLINE_MS }).toEqual([
      '可领月数：24个月（失业保险累计缴费178个月）', '每月金额：1980元', '起算月份：2025年2月（办理失业登记的月份）', expect.stringMatching(/^发放账户：中国工商银行青岛分行社保卡（QD.*）$/),
    ]);
    t.reply('确认');
    await expect.poll(() => t.outputs.length, { timeout: TEST_DEADLINE_MS }).toBe(1);
    expect(t.outputs[0]).toMatchObject({ outcome: 'submitted', reference: 'SJ20250314-0001' });
    expect(t.outputs[0]!.line).toBe('失业保险金申领好了，申领编号SJ20250314-0001。您可以领24个月，每月1980元，从2025年2月起算，第一笔在3月20日前后发到您的社保卡账户。');
    expect(t.outputs[0]!.receipt).toEqual(['可领月数：24个月（2025年2月至2027年1月）', '每月金额：1980元', '首次发放：2025-03-20前后', expect.stringMatching(/^发放账户：中国工商银行青岛分行社保卡/)]);
    const claims = (await rig.harness.client().getUnemploymentBenefit('QD0024')).claims;
    expect(claims).toEqual([expect.objectContaining({ status: '领取中', entitlementMonths: 24, monthlyAmount: 1980, firstMonth: '2025-02', remainingMonths: 24 })]);
  });

  it('each "no" is told before anything is asked: why, the rule, and where to go (失业登记 offered when that is missing)', async () => {
    const eligibility = async (citizenId: string) => spec().checkEligibility!({ citizenId });
    expect(await eligibility('QD0024')).toEqual({ eligible: true });
    const notRegistered = await eligibility('QD0023');
    expect(notRegistered).toEqual({ eligible: false, line: expect.stringContaining('您还没有办失业登记，要先办失业登记，才能申领失业保险金。') });
    expect(notRegistered.eligible === false && notRegistered.line).toContain('您说“办失业登记”就行');
    expect(notRegistered.eligible === false && notRegistered.line).toContain(unemploymentRules.fromRegistration.quote);
    const resigned = await eligibility('QD0025');
    expect(resigned.eligible === false && resigned.line).toBe(
      `您登记的离职原因是个人辞职。领失业保险金要${unemploymentRules.involuntary.quote}。${unemploymentRules.resigned.quote}如果其实是单位和您解除的合同，请带单位出具的证明到3号窗口更正。`,
    );
    expect(await eligibility('QD0007')).toEqual({ eligible: false, line: '您正在领取失业保险金，不用重复申领。想知道还能领几个月，说“查失业金”就行。' });
    expect(await eligibility('QD0001')).toEqual({ eligible: false, line: expect.stringMatching(/^您已经在领取基本养老金，不能再领失业保险金。按规定，重新就业、应征服兵役、移居境外、开始领基本养老金的，都会停发失业金。有疑问请到3号窗口咨询。$/) });
    expect(await eligibility('QD0004')).toEqual({ eligible: false, line: expect.stringMatching(/^记录显示上个月还有单位在给您交社保，说明您还在职，现在不能申领失业保险金。/) });
  });

  it('a new graduate registered unemployed hears both: under a year paid (with the months) and the reason to be checked', async () => {
    await rig.harness.client().registerUnemployment('QD0008', { separationMonth: '2025-02', reason: '其他', jobServices: [], idempotencyKey: 'txn-benefit-reg-0001' });
    const result = await spec().checkEligibility!({ citizenId: 'QD0008' });
    expect(result.eligible === false && result.line).toMatch(/^领失业保险金要失业前单位和本人已交失业保险满一年，您的记录上累计只交了0个月，所以现在不能领。.*您的离职原因还需要核实/);
  });

  it('the machine ends ineligible with the line, asking nothing; unreachable is unavailable', async () => {
    const t = start(spec(), 'QD0025');
    await expect.poll(() => t.outputs.length, { timeout: TEST_DEADLINE_MS }).toBe(1);
    expect(t.outputs[0]).toMatchObject({ outcome: 'ineligible', staffReason: null });
    expect(t.outputs[0]!.line).toContain('个人辞职');
    expect(t.lines().some((line) => line.includes('发到这个账户可以吗'))).toBe(false);
    rig.harness.simulator.inject.failNext(503, 5);
    const down = start(spec(), 'QD0024');
    await expect.poll(() => down.outputs.length, { timeout: TEST_DEADLINE_MS }).toBe(1);
    expect(down.outputs[0]).toMatchObject({ outcome: 'unavailable' });
  });

  it('the POST re-checks: an application for someone who resigned is refused with the reason, nothing opened', async () => {
    const result = await spec().submit({ citizenId: 'QD0025', values: account, idempotencyKey: 'txn-benefit-0002' });
    expect(result).toEqual({ status: 'refused', reason: expect.stringContaining(unemploymentRules.resigned.quote) });
    expect(rig.harness.simulator.inspect.unemploymentBenefitApplicationCount('QD0025')).toBe(0);
  });

  it('the business system down: saved, told the months are not lost, sent once when it is back', async () => {
    rig.harness.simulator.inject.failNext(503, 20);
    const queued = await spec().submit({ citizenId: 'QD0024', values: account, idempotencyKey: 'txn-benefit-0003' });
    expect(queued).toEqual({ status: 'queued', line: expect.stringContaining('晚一点提交不影响您能领的月数和金额') });
    expect(rig.harness.simulator.inspect.unemploymentBenefitApplicationCount('QD0024')).toBe(0);
    rig.harness.simulator.inject.reset();
    await rig.outbox.deliverDue({ all: true });
    await rig.outbox.deliverDue({ all: true });
    expect(rig.harness.simulator.inspect.unemploymentBenefitApplicationCount('QD0024')).toBe(1);
    expect(rig.harness.simulator.inspect.writesWithKey('txn-benefit-0003')).toBe(1);
  });

  it('the same key again is the same application, carried out once', async () => {
    const first = await spec().submit({ citizenId: 'QD0024', values: account, idempotencyKey: 'txn-benefit-0004' });
    expect(first).toMatchObject({ status: 'submitted', reference: 'SJ20250314-0001' });
    expect(await spec().submit({ citizenId: 'QD0024', values: account, idempotencyKey: 'txn-benefit-0004' })).toEqual(first);
    expect(rig.harness.simulator.inspect.writesWithKey('txn-benefit-0004')).toBe(1);
    expect(rig.harness.simulator.inspect.unemploymentBenefitApplicationCount('QD0024')).toBe(1);
  });
});

describe('失业保险金申领: the account field and the outbox kind', () => {
  it('a question is not a yes, another account is told why, the tap is a yes', () => {
    const spec = unemploymentBenefitTransaction({ submit: async () => { throw new Error('not submitted'); } }, {
      getUnemploymentBenefitEligibility: async () => { throw new Error('not asked'); },
    });
    const field = spec.fields[0]!;
    expect(field.read('我能领多少钱吗', null)).toBeNull();
    expect(field.read('你好，我要领失业金', null)).toBeNull();
    expect(field.read('发到我的存折上', null)).toMatchObject({ ok: false });
    for (const yes of ['发到社保卡账户', '可以', '行', '好的', '没问题']) expect(field.read(yes, null), yes).toEqual({ ok: true, value: '社保卡金融账户' });
    expect(field.choices).toEqual(['发到社保卡账户']);
    expect(transactionKinds.unemploymentBenefit).toBe('unemployment-benefit');
  });
});
