/** The business system's rules for 失业登记 and 失业保险金申领 (simulator/unemploymentSubmissions.ts), through the real client. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackendError } from '../../../app/core/backend/backendError.js';
import type { UnemploymentRegistrationDetails } from '../../../app/core/backend/unemploymentTypes.js';
import { rejectionOf, startHarness, type Harness } from './simulatorHarness.js';

// The harness's day is 2025-03-14: QD0023's employer paid to 2025-01 (94 months of 失业), QD0024 registered on
// 2025-02-22 after a contract that ran out in 2024-12 (178 months), QD0025 resigned in 2025-01 and registered.
let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(async () => {
  await harness.close();
});

async function refusalOf(action: Promise<unknown>): Promise<{ status: number | null; code: string | null; message: string }> {
  const error = await rejectionOf(action);
  expect(error).toBeInstanceOf(BackendError);
  const backendError = error as BackendError;
  return { status: backendError.status, code: backendError.code, message: backendError.message };
}

const laidOff: UnemploymentRegistrationDetails = { separationMonth: '2025-01', reason: '单位解除/终止合同', jobServices: ['职业介绍'] };

describe('失业登记 at the business system', () => {
  it('registers someone laid off: the employment registration reads 失业, 业务办理进度 has it, and the benefit is offered', async () => {
    const client = harness.client();
    expect((await client.getEmploymentRegistration('QD0023')).status).toBe('未登记');
    const result = await client.registerUnemployment('QD0023', { ...laidOff, idempotencyKey: 'unemp-reg-0001' });
    expect(result).toMatchObject({
      registrationId: 'SD20250314-0001', citizenId: 'QD0023', status: '失业', office: '青岛市市南区公共就业和人才服务中心', benefitEligible: true,
      separationMonth: '2025-01', reason: '单位解除/终止合同', jobServices: ['职业介绍'],
    });
    expect(result.nextSteps).toContain('最长可领18个月，每月1980元');
    const registration = await client.getEmploymentRegistration('QD0023');
    expect(registration).toMatchObject({ status: '失业', since: '2025-03-14', office: '青岛市市南区公共就业和人才服务中心', employer: null });
    expect(registration.history.at(-2)).toMatchObject({ status: '就业', to: '2025-01-31', employer: '青岛市南恒通电子有限公司' });
    expect((await client.getApplications('QD0023')).applications[0]).toMatchObject({ applicationId: 'SD20250314-0001', kind: '失业登记', channel: '自助服务机', state: '已办结' });
    expect(harness.simulator.inspect.unemploymentRegistrationCount('QD0023')).toBe(1);
  });

  it('refuses someone an employer paid for last month, a pensioner, and someone already registered, and writes nothing', async () => {
    const client = harness.client();
    expect(await refusalOf(client.registerUnemployment('QD0004', { ...laidOff, idempotencyKey: 'unemp-reg-0002' }))).toMatchObject({ status: 409, code: 'STILL_EMPLOYED' });
    expect(await refusalOf(client.registerUnemployment('QD0001', { ...laidOff, idempotencyKey: 'unemp-reg-0003' }))).toMatchObject({ status: 409, code: 'NOT_ELIGIBLE_PENSIONER' });
    expect(await refusalOf(client.registerUnemployment('QD0024', { ...laidOff, idempotencyKey: 'unemp-reg-0004' }))).toMatchObject({ status: 409, code: 'ALREADY_REGISTERED' });
    expect(await refusalOf(client.registerUnemployment('QD0007', { ...laidOff, idempotencyKey: 'unemp-reg-0005' }))).toMatchObject({ status: 409, code: 'ALREADY_REGISTERED' });
    for (const id of ['QD0004', 'QD0001', 'QD0024', 'QD0007']) expect(harness.simulator.inspect.unemploymentRegistrationCount(id)).toBe(0);
    expect((await client.getEmploymentRegistration('QD0004')).status).toBe('就业');
  });

  it('refuses a month in the future, one over 12 months ago, and one before the employer’s last contribution', async () => {
    const client = harness.client();
    for (const [separationMonth, key] of [['2025-04', 'unemp-reg-0006'], ['2024-02', 'unemp-reg-0007'], ['2024-12', 'unemp-reg-0008']] as const) {
      expect(await refusalOf(client.registerUnemployment('QD0023', { ...laidOff, separationMonth, idempotencyKey: key }))).toMatchObject({ status: 422, code: 'INVALID_SEPARATION_MONTH' });
    }
    expect(harness.simulator.inspect.unemploymentRegistrationCount('QD0023')).toBe(0);
  });

  it('registers a new graduate with no record (其他), and says why no benefit follows', async () => {
    const result = await harness.client().registerUnemployment('QD0008', { separationMonth: '2025-02', reason: '其他', jobServices: [], idempotencyKey: 'unemp-reg-0009' });
    expect(result.benefitEligible).toBe(false);
    expect(result.nextSteps).toContain('失业保险累计缴费0个月，不满12个月');
  });

  it('the same key twice is one registration and the same answer', async () => {
    const client = harness.client();
    const first = await client.registerUnemployment('QD0023', { ...laidOff, idempotencyKey: 'unemp-reg-0010' });
    expect(await client.registerUnemployment('QD0023', { ...laidOff, idempotencyKey: 'unemp-reg-0010' })).toEqual(first);
    expect(harness.simulator.inspect.writesWithKey('unemp-reg-0010')).toBe(1);
    expect(harness.simulator.inspect.unemploymentRegistrationCount('QD0023')).toBe(1);
  });
});

describe('失业保险金: eligibility and the application at the business system', () => {
  it('says for each citizen exactly which condition is not met', async () => {
    const client = harness.client();
    const codes = async (id: string) => (await client.getUnemploymentBenefitEligibility(id)).reasons.map((reason) => reason.code);
    expect(await codes('QD0001')).toEqual(['NOT_ELIGIBLE_PENSIONER']);
    expect(await codes('QD0004')).toEqual(['STILL_EMPLOYED']);
    expect(await codes('QD0007')).toEqual(['ALREADY_RECEIVING']);
    expect(await codes('QD0023')).toEqual(['NOT_REGISTERED_UNEMPLOYED']);
    expect(await codes('QD0025')).toEqual(['VOLUNTARY_SEPARATION']);
    expect(await codes('QD0008')).toEqual(['NOT_REGISTERED_UNEMPLOYED']);
    const eligible = await client.getUnemploymentBenefitEligibility('QD0024');
    expect(eligible).toEqual({
      citizenId: 'QD0024', eligible: true, reasons: [], contributionMonths: 178, entitlementMonths: 24, monthlyAmount: 1980,
      firstMonth: '2025-02', registeredOn: '2025-02-22', payout: { bank: '中国工商银行青岛分行', cardNumberMasked: expect.stringMatching(/^QD.*\*+/) },
    });
  });

  it('a new graduate registered unemployed has paid nothing and gave no involuntary reason: both told', async () => {
    const client = harness.client();
    await client.registerUnemployment('QD0008', { separationMonth: '2025-02', reason: '其他', jobServices: [], idempotencyKey: 'unemp-reg-0011' });
    const eligibility = await client.getUnemploymentBenefitEligibility('QD0008');
    expect(eligibility.reasons.map((reason) => reason.code)).toEqual(['INSUFFICIENT_CONTRIBUTIONS', 'SEPARATION_REASON_UNVERIFIED']);
    expect(eligibility.reasons[0]!.message).toBe('失业保险累计缴费0个月，不满12个月');
  });

  it('an eligible application opens a claim that 失业保险金 查询 shows as 领取中, with the months and amount it answered', async () => {
    const client = harness.client();
    const application = await client.applyForUnemploymentBenefit('QD0024', { payoutAccount: '社保卡金融账户', idempotencyKey: 'unemp-ben-0001' });
    expect(application).toMatchObject({
      applicationId: 'SJ20250314-0001', claimId: 'SY20250314-0001', status: '领取中', entitlementMonths: 24, monthlyAmount: 1980,
      firstMonth: '2025-02', lastMonth: '2027-01', firstPaymentDate: '2025-03-20', payout: { bank: '中国工商银行青岛分行' },
    });
    const benefit = await client.getUnemploymentBenefit('QD0024');
    expect(benefit.claims).toEqual([{
      claimId: 'SY20250314-0001', status: '领取中', approvedDate: '2025-03-14', entitlementMonths: 24, monthlyAmount: 1980,
      firstMonth: '2025-02', lastMonth: '2027-01', paidMonths: 0, remainingMonths: 24, payments: [],
    }]);
    expect((await client.getApplications('QD0024')).applications[0]).toMatchObject({ kind: '失业保险金申领', channel: '自助服务机', stage: '审核通过' });
    // Now receiving: a second application (another key) is refused, and the eligibility says so.
    expect(await refusalOf(client.applyForUnemploymentBenefit('QD0024', { payoutAccount: '社保卡金融账户', idempotencyKey: 'unemp-ben-0002' }))).toMatchObject({ status: 409, code: 'ALREADY_RECEIVING' });
    expect((await client.getUnemploymentBenefitEligibility('QD0024')).reasons.map((reason) => reason.code)).toEqual(['ALREADY_RECEIVING']);
    expect(harness.simulator.inspect.unemploymentBenefitApplicationCount('QD0024')).toBe(1);
  });

  it('the POST checks everything again: resigned 422, receiving, pensioner and not registered 409; nothing written', async () => {
    const client = harness.client();
    const apply = (id: string, key: string) => client.applyForUnemploymentBenefit(id, { payoutAccount: '社保卡金融账户', idempotencyKey: key });
    expect(await refusalOf(apply('QD0025', 'unemp-ben-0003'))).toMatchObject({ status: 422, code: 'VOLUNTARY_SEPARATION' });
    expect(await refusalOf(apply('QD0007', 'unemp-ben-0004'))).toMatchObject({ status: 409, code: 'ALREADY_RECEIVING' });
    expect(await refusalOf(apply('QD0001', 'unemp-ben-0005'))).toMatchObject({ status: 409, code: 'NOT_ELIGIBLE_PENSIONER' });
    expect(await refusalOf(apply('QD0023', 'unemp-ben-0006'))).toMatchObject({ status: 409, code: 'NOT_REGISTERED_UNEMPLOYED' });
    for (const id of ['QD0025', 'QD0007', 'QD0001', 'QD0023']) expect(harness.simulator.inspect.unemploymentBenefitApplicationCount(id)).toBe(0);
    expect((await client.getUnemploymentBenefit('QD0007')).claims).toHaveLength(1);
  });

  it('a card reported lost cannot receive the money: CARD_NOT_USABLE until it works again', async () => {
    const client = harness.client();
    await client.reportCardLoss('QD0024', { idempotencyKey: 'unemp-card-0001' });
    expect((await client.getUnemploymentBenefitEligibility('QD0024')).reasons.map((reason) => reason.code)).toEqual(['CARD_NOT_USABLE']);
    expect(await refusalOf(client.applyForUnemploymentBenefit('QD0024', { payoutAccount: '社保卡金融账户', idempotencyKey: 'unemp-ben-0008' }))).toMatchObject({ status: 422, code: 'CARD_NOT_USABLE' });
    await client.cancelCardLoss('QD0024', { idempotencyKey: 'unemp-card-0002' });
    expect((await client.getUnemploymentBenefitEligibility('QD0024')).eligible).toBe(true);
  });

  it('registered at the kiosk, then applied: the benefit counts from the registration month', async () => {
    const client = harness.client();
    await client.registerUnemployment('QD0023', { ...laidOff, idempotencyKey: 'unemp-reg-0012' });
    const application = await client.applyForUnemploymentBenefit('QD0023', { payoutAccount: '社保卡金融账户', idempotencyKey: 'unemp-ben-0007' });
    expect(application).toMatchObject({ entitlementMonths: 18, monthlyAmount: 1980, firstMonth: '2025-03', lastMonth: '2026-08' });
  });
});
