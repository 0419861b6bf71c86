import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackendError } from '../../../app/core/backend/index.js';
import { rejectionOf, startHarness, type Harness } from './simulatorHarness.js';

// The harness seeds the demo on 2025-03-14 and runs on that day: QD0026's 中式烹调师 (四级) was issued 45 days before,
// QD0027's 育婴员 (四级) 120 days and 保育师 (五级) 30 days before (her 家政服务员 in 2022), QD0028 (no 失业保险) 60 days before.
let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.close());

const COOK = 'S000037020004254000126';
const NANNY = 'S000037021302234000458';
const HOUSEKEEPER = 'S000037021301225000217';
const MECHANIC = 'S000037028105255000061';
const ELECTRICIAN = 'S000037021002193000284';
const WELDER = 'Y000037021005156000031';

describe('技能提升补贴: what the business system says a citizen can apply for', () => {
  it('a certificate issued this year, 失业保险 for years: can be applied for, 1500元 for 四级, by the day a year after issue', async () => {
    const e = await harness.client().getSkillSubsidyEligibility('QD0026');
    expect(e).toMatchObject({ citizenId: 'QD0026', insuranceConditionMet: true, receivingUnemploymentBenefit: false, subsidiesThisYear: 0 });
    expect(e.unemploymentInsuranceMonths).toBeGreaterThanOrEqual(12);
    expect(e.certificates).toEqual([
      { certificateNumber: COOK, occupation: '中式烹调师', level: '四级/中级工', issuedDate: '2025-01-28', status: '有效', amount: 1500, blockedBy: null, applyBy: '2026-01-28' },
    ]);
  });

  it('every certificate with why it cannot be applied for: too old, revoked; several to choose from, the old one blocked', async () => {
    const electrician = await harness.client().getSkillSubsidyEligibility('QD0013');
    expect(electrician.certificates.map((c) => [c.certificateNumber, c.blockedBy])).toEqual([[ELECTRICIAN, 'CERTIFICATE_TOO_OLD'], [WELDER, 'CERTIFICATE_REVOKED']]);
    const nanny = await harness.client().getSkillSubsidyEligibility('QD0027');
    expect(nanny.certificates.map((c) => [c.occupation, c.amount, c.blockedBy])).toEqual([['保育师', 1000, null], ['育婴员', 1500, null], ['家政服务员', 1000, 'CERTIFICATE_TOO_OLD']]);
  });

  it('no 失业保险 at all: the insurance condition is not met; no certificate at all: an empty list, not an error', async () => {
    expect(await harness.client().getSkillSubsidyEligibility('QD0028')).toMatchObject({ unemploymentInsuranceMonths: 0, insuranceConditionMet: false });
    expect((await harness.client().getSkillSubsidyEligibility('QD0001')).certificates).toEqual([]);
  });
});

describe('技能提升补贴申领', () => {
  it('recorded once under one key with its amount and the card it is paid to; shows in 业务办理进度; the same certificate again is refused', async () => {
    const client = harness.client();
    const first = await client.applySkillSubsidy('QD0026', { certificateNumber: COOK, idempotencyKey: 'skill-subsidy-0001' });
    expect(first).toMatchObject({
      applicationId: 'JT20250314-0001', citizenId: 'QD0026', certificateNumber: COOK, occupation: '中式烹调师', level: '四级/中级工', amount: 1500,
      paidTo: '社会保障卡金融账户（QD*****38）', status: '已受理',
    });
    expect(await client.applySkillSubsidy('QD0026', { certificateNumber: COOK, idempotencyKey: 'skill-subsidy-0001' })).toEqual(first);
    expect(harness.simulator.inspect.skillSubsidyApplicationCount('QD0026')).toBe(1);
    expect(harness.simulator.inspect.writesWithKey('skill-subsidy-0001')).toBe(1);

    const { applications } = await client.getApplications('QD0026');
    expect(applications[0]).toMatchObject({ applicationId: 'JT20250314-0001', kind: '技能提升补贴申领', channel: '自助服务机', state: '已受理', stage: '待审核' });

    const again = (await rejectionOf(client.applySkillSubsidy('QD0026', { certificateNumber: COOK, idempotencyKey: 'skill-subsidy-0002' }))) as BackendError;
    expect(again).toMatchObject({ kind: 'rejected', status: 409, code: 'ALREADY_SUBSIDISED' });
    expect(again.citizenMessage).toContain('只能领一次');
    expect((await client.getSkillSubsidyEligibility('QD0026')).certificates[0]?.blockedBy).toBe('ALREADY_SUBSIDISED');
    expect(harness.simulator.inspect.skillSubsidyApplicationCount('QD0026')).toBe(1);
  });

  it('refuses, writing nothing: too old, revoked, not enough 失业保险, someone else’s certificate; a number typed in lower case with spaces is the same number', async () => {
    const client = harness.client();
    const refusal = async (citizenId: string, certificateNumber: string, key: string) =>
      (await rejectionOf(client.applySkillSubsidy(citizenId, { certificateNumber, idempotencyKey: key }))) as BackendError;
    expect(await refusal('QD0013', ELECTRICIAN, 'skill-subsidy-0101')).toMatchObject({ status: 409, code: 'CERTIFICATE_TOO_OLD' });
    expect(await refusal('QD0013', WELDER, 'skill-subsidy-0102')).toMatchObject({ status: 409, code: 'CERTIFICATE_REVOKED' });
    expect(await refusal('QD0027', HOUSEKEEPER, 'skill-subsidy-0103')).toMatchObject({ status: 409, code: 'CERTIFICATE_TOO_OLD' });
    const mechanic = await refusal('QD0028', MECHANIC, 'skill-subsidy-0104');
    expect(mechanic).toMatchObject({ status: 409, code: 'NOT_ENOUGH_INSURANCE' });
    expect(mechanic.citizenMessage).toContain('12个月');
    expect(await refusal('QD0026', ELECTRICIAN, 'skill-subsidy-0105')).toMatchObject({ status: 422, code: 'CERTIFICATE_NOT_FOUND' });
    for (const citizenId of ['QD0013', 'QD0027', 'QD0028', 'QD0026']) expect(harness.simulator.inspect.skillSubsidyApplicationCount(citizenId)).toBe(0);

    const spaced = await client.applySkillSubsidy('QD0027', { certificateNumber: 's0000 3702 1302 2340 00458', idempotencyKey: 'skill-subsidy-0106' });
    expect(spaced).toMatchObject({ certificateNumber: NANNY, amount: 1500 });
    // Her other certificate is another occupation: applied for too, the second of the year.
    const second = await client.applySkillSubsidy('QD0027', { certificateNumber: 'S000037021303255000093', idempotencyKey: 'skill-subsidy-0107' });
    expect(second).toMatchObject({ applicationId: 'JT20250314-0002', occupation: '保育师', amount: 1000 });
    expect((await client.getSkillSubsidyEligibility('QD0027')).subsidiesThisYear).toBe(2);
  });
});

describe('联系方式变更 with the 联系地址', () => {
  it('stores the address with the number and answers it masked after the road; the same again is nothing new', async () => {
    const client = harness.client();
    const changed = await client.changeContact('QD0006', { phone: '13800138000', address: '市南区香港中路10号3单元201', idempotencyKey: 'contact-addr-0001' });
    expect(changed).toMatchObject({ phoneMasked: '138****8000', previousPhoneMasked: '159****6606', addressMasked: '市南区香港中路****' });
    expect(changed.nextSteps).toContain('新的联系地址');
    const unchanged = (await rejectionOf(client.changeContact('QD0006', { phone: '13800138000', address: '市南区香港中路10号3单元201', idempotencyKey: 'contact-addr-0002' }))) as BackendError;
    expect(unchanged).toMatchObject({ status: 409, code: 'CONTACT_UNCHANGED' });
    // The number on file with a new address: only the address changes.
    const moved = await client.changeContact('QD0006', { phone: '13800138000', address: '李沧区京口路88号', idempotencyKey: 'contact-addr-0003' });
    expect(moved).toMatchObject({ phoneMasked: '138****8000', previousPhoneMasked: '138****8000', addressMasked: '李沧区京口路****' });
    expect(harness.simulator.inspect.contactChangeCount('QD0006')).toBe(2);
  });

  it('an address without a road or without a house number is refused INVALID_ADDRESS; without an address it is as before', async () => {
    const client = harness.client();
    expect(await rejectionOf(client.changeContact('QD0007', { phone: '13800138000', address: '市南区10号', idempotencyKey: 'contact-addr-0101' }))).toMatchObject({ status: 422, code: 'INVALID_ADDRESS' });
    expect(await rejectionOf(client.changeContact('QD0007', { phone: '13800138000', address: '香港中路', idempotencyKey: 'contact-addr-0102' }))).toMatchObject({ status: 422, code: 'INVALID_ADDRESS' });
    expect(harness.simulator.inspect.contactChangeCount('QD0007')).toBe(0);
    expect(await client.changeContact('QD0007', { phone: '13800138000', idempotencyKey: 'contact-addr-0103' })).toMatchObject({ phoneMasked: '138****8000', addressMasked: null });
    expect(await rejectionOf(client.changeContact('QD0007', { phone: '13800138000', idempotencyKey: 'contact-addr-0104' }))).toMatchObject({ status: 409, code: 'PHONE_UNCHANGED' });
  });
});
