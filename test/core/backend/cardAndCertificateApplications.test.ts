import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackendError } from '../../../app/core/backend/index.js';
import { addWorkingDays, maskMailingAddress, type CardReplacementDetails } from '../../../app/core/backend/cardAndCertificateTypes.js';
import { rejectionOf, startHarness, type Harness } from './simulatorHarness.js';

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.close());

const lostAtHall: CardReplacementDetails = { reason: '挂失后补卡', collection: { method: 'pickup', hallCode: 'QD-SB-01' } };
const damagedByMail: CardReplacementDetails = { reason: '卡损坏', collection: { method: 'mail', address: '市北区台东街道幸福小区3号楼2单元301' } };

describe('补换社保卡 (POST card/replacement)', () => {
  it('a card reported lost: 补卡 at the chosen hall, 20 yuan, ten working days; the card is 补卡中 and 制卡进度 shows the application', async () => {
    const client = harness.client();
    const result = await client.replaceCard('QD0005', { ...lostAtHall, idempotencyKey: 'replace-QD0005-a1' });
    expect(result).toMatchObject({
      applicationId: 'ZK20250314-0001',
      citizenId: 'QD0005',
      kind: '补卡',
      reason: '挂失后补卡',
      previousStatus: '挂失',
      status: '补卡中',
      collection: { method: 'pickup', hallCode: 'QD-SB-01', hallName: '青岛市市北区人力资源和社会保障局服务大厅' },
      fee: 20,
      expectedReadyDate: '2025-03-28',
    });
    expect(result.nextSteps).toContain('工本费20元，领卡时在大厅缴纳');
    expect(result.nextSteps).toContain('2025年3月28日');
    expect((await client.getCard('QD0005')).status).toBe('补卡中');
    const { applications } = await client.getCardApplications('QD0005');
    expect(applications[0]).toMatchObject({ applicationId: 'ZK20250314-0001', kind: '补卡', channel: '自助服务机', appliedDate: '2025-03-14', stage: '已受理', pickup: null, delivery: null });
    // 业务办理进度 lists it as a card application from the kiosk.
    const progress = await client.getApplications('QD0005');
    expect(progress.applications.find((a) => a.applicationId === 'ZK20250314-0001')).toMatchObject({ kind: '社保卡申领', channel: '自助服务机', state: '已受理' });
  });

  it('a damaged card in hand (正常): 换卡 by mail, free, fifteen working days, the address masked in the answer and kept whole', async () => {
    const result = await harness.client().replaceCard('QD0004', { ...damagedByMail, idempotencyKey: 'replace-QD0004-a1' });
    expect(result).toMatchObject({ kind: '换卡', previousStatus: '正常', fee: 0, expectedReadyDate: '2025-04-04', collection: { method: 'mail', addressMasked: '市北区台东街道****' } });
    expect(result.nextSteps).toContain('不收工本费');
    expect(harness.simulator.inspect.cardReplacementCount('QD0004')).toBe(1);
  });

  it('a 临时挂失 card may be replaced after the loss too', async () => {
    const result = await harness.client().replaceCard('QD0011', { ...lostAtHall, idempotencyKey: 'replace-QD0011-a1' });
    expect(result).toMatchObject({ kind: '补卡', previousStatus: '临时挂失', status: '补卡中' });
  });

  it('twice with the same key → one application, the same answer; a new key then is refused as already being replaced', async () => {
    const client = harness.client();
    const first = await client.replaceCard('QD0005', { ...lostAtHall, idempotencyKey: 'replace-QD0005-b1' });
    expect(await client.replaceCard('QD0005', { ...lostAtHall, idempotencyKey: 'replace-QD0005-b1' })).toEqual(first);
    expect(harness.simulator.inspect.cardReplacementCount('QD0005')).toBe(1);
    expect(harness.simulator.inspect.writesWithKey('replace-QD0005-b1')).toBe(1);
    const again = (await rejectionOf(client.replaceCard('QD0005', { ...lostAtHall, idempotencyKey: 'replace-QD0005-b2' }))) as BackendError;
    expect(again).toMatchObject({ kind: 'rejected', status: 409, code: 'CARD_REPLACEMENT_IN_PROGRESS' });
    expect((await client.getCardApplications('QD0005')).applications).toHaveLength(1);
  });

  it('refuses, writing nothing: already being replaced, sealed, 补卡 without a loss, 换卡 of a card reported lost', async () => {
    const client = harness.client();
    const cases: Array<[string, CardReplacementDetails, string]> = [
      ['QD0009', damagedByMail, 'CARD_REPLACEMENT_IN_PROGRESS'],
      ['QD0014', lostAtHall, 'CARD_SEALED'],
      ['QD0004', lostAtHall, 'CARD_NOT_REPORTED_LOST'],
      ['QD0005', damagedByMail, 'CARD_REPORTED_LOST'],
    ];
    for (const [citizenId, details, code] of cases) {
      const before = (await client.getCard(citizenId)).status;
      const error = (await rejectionOf(client.replaceCard(citizenId, { ...details, idempotencyKey: `replace-${citizenId}-r1` }))) as BackendError;
      expect(error).toMatchObject({ kind: 'rejected', status: 409, code });
      expect(harness.simulator.inspect.cardReplacementCount(citizenId)).toBe(0);
      expect((await client.getCard(citizenId)).status).toBe(before);
    }
    const sealed = (await rejectionOf(client.replaceCard('QD0014', { ...lostAtHall, idempotencyKey: 'replace-QD0014-r2' }))) as BackendError;
    expect(sealed.citizenMessage).toContain('服务大厅或合作银行');
  });

  it('an unknown hall and an address without a door are refused (422); a malformed body is 400', async () => {
    const client = harness.client();
    const hall = (await rejectionOf(client.replaceCard('QD0004', { reason: '卡损坏', collection: { method: 'pickup', hallCode: 'QD-XX-09' }, idempotencyKey: 'replace-QD0004-h1' }))) as BackendError;
    expect(hall).toMatchObject({ status: 422, code: 'UNKNOWN_PICKUP_HALL' });
    const address = (await rejectionOf(client.replaceCard('QD0004', { reason: '卡损坏', collection: { method: 'mail', address: '市北区台东街道幸福小区' }, idempotencyKey: 'replace-QD0004-h2' }))) as BackendError;
    expect(address).toMatchObject({ status: 422, code: 'INVALID_ADDRESS' });
    const malformed = (await rejectionOf(client.replaceCard('QD0004', { reason: '不想要了' as never, collection: { method: 'pickup', hallCode: 'QD-SN-01' }, idempotencyKey: 'replace-QD0004-h3' }))) as BackendError;
    expect(malformed).toMatchObject({ status: 400, code: 'INVALID_REQUEST' });
    expect(harness.simulator.inspect.cardReplacementCount('QD0004')).toBe(0);
  });
});

describe('就业创业证申领 (POST employment-certificate/application)', () => {
  it('a new graduate gets an electronic certificate at once; the query then shows it, and 业务办理进度 lists it', async () => {
    const client = harness.client();
    const issued = await client.applyForEmploymentCertificate('QD0008', { situation: '高校毕业生', street: '中韩街道', form: '电子证', idempotencyKey: 'cert-QD0008-a1' });
    expect(issued).toEqual({
      applicationId: 'JC20250314-0001',
      citizenId: 'QD0008',
      certificateNumber: '3702002025000001',
      form: '电子证',
      issuedDate: '2025-03-14',
      issuedBy: '中韩街道人社服务站',
      pickup: null,
      nextSteps: expect.stringContaining('已经生效'),
    });
    expect((await client.getEmploymentCertificate('QD0008')).certificate).toEqual({ certificateNumber: '3702002025000001', issuedDate: '2025-03-14', issuedBy: '中韩街道人社服务站', status: '有效' });
    const progress = await client.getApplications('QD0008');
    expect(progress.applications.find((a) => a.applicationId === 'JC20250314-0001')).toMatchObject({ kind: '就业创业证申领', channel: '自助服务机', state: '已办结', stage: '已发证' });
  });

  it('a paper certificate is collected at the street office five working days later; the next number follows', async () => {
    const client = harness.client();
    await client.applyForEmploymentCertificate('QD0008', { situation: '高校毕业生', street: '中韩街道', form: '电子证', idempotencyKey: 'cert-QD0008-b1' });
    const paper = await client.applyForEmploymentCertificate('QD0004', { situation: '自主创业', street: '李村街道', form: '纸质证', idempotencyKey: 'cert-QD0004-b1' });
    expect(paper).toMatchObject({ applicationId: 'JC20250314-0002', certificateNumber: '3702002025000002', pickup: { place: '李村街道人社服务站', fromDate: '2025-03-21' } });
    expect(paper.nextSteps).toContain('2025年3月21日以后带身份证到李村街道人社服务站领取');
    expect((await client.getApplications('QD0004')).applications.find((a) => a.applicationId === 'JC20250314-0002')).toMatchObject({ state: '办理中', stage: '待领取' });
  });

  it('twice with the same key → one certificate; a new key then is refused as already holding one', async () => {
    const client = harness.client();
    const application = { situation: '高校毕业生', street: '中韩街道', form: '电子证' } as const;
    const first = await client.applyForEmploymentCertificate('QD0008', { ...application, idempotencyKey: 'cert-QD0008-c1' });
    expect(await client.applyForEmploymentCertificate('QD0008', { ...application, idempotencyKey: 'cert-QD0008-c1' })).toEqual(first);
    expect(harness.simulator.inspect.employmentCertificateApplicationCount('QD0008')).toBe(1);
    const again = (await rejectionOf(client.applyForEmploymentCertificate('QD0008', { ...application, idempotencyKey: 'cert-QD0008-c2' }))) as BackendError;
    expect(again).toMatchObject({ kind: 'rejected', status: 409, code: 'ALREADY_HAS_CERTIFICATE' });
  });

  it('refuses, writing nothing: a valid certificate held, a pensioner, 失业人员 while an employer pays', async () => {
    const client = harness.client();
    const cases: Array<[string, '失业人员' | '灵活就业', string]> = [
      ['QD0006', '灵活就业', 'ALREADY_HAS_CERTIFICATE'],
      ['QD0007', '失业人员', 'ALREADY_HAS_CERTIFICATE'],
      ['QD0011', '灵活就业', 'ALREADY_HAS_CERTIFICATE'],
      ['QD0001', '灵活就业', 'CERTIFICATE_NOT_FOR_PENSIONER'],
      ['QD0004', '失业人员', 'UNEMPLOYED_BUT_EMPLOYED'],
    ];
    for (const [citizenId, situation, code] of cases) {
      const before = (await client.getEmploymentCertificate(citizenId)).certificate;
      const error = (await rejectionOf(client.applyForEmploymentCertificate(citizenId, { situation, street: '李村街道', form: '电子证', idempotencyKey: `cert-${citizenId}-r1` }))) as BackendError;
      expect(error).toMatchObject({ kind: 'rejected', status: 409, code });
      expect(harness.simulator.inspect.employmentCertificateApplicationCount(citizenId)).toBe(0);
      expect((await client.getEmploymentCertificate(citizenId)).certificate).toEqual(before);
    }
  });

  it('a street that is not a 街道 or 镇 is a malformed request', async () => {
    const error = (await rejectionOf(harness.client().applyForEmploymentCertificate('QD0008', { situation: '高校毕业生', street: '台东', form: '电子证', idempotencyKey: 'cert-QD0008-d1' }))) as BackendError;
    expect(error).toMatchObject({ status: 400, code: 'INVALID_REQUEST' });
  });
});

describe('the rules shared by the kiosk and the business system', () => {
  it('counts working days Monday to Friday, and masks an address past its street', () => {
    expect(addWorkingDays('2025-03-14', 1)).toBe('2025-03-17');
    expect(addWorkingDays('2025-03-14', 10)).toBe('2025-03-28');
    expect(maskMailingAddress('崂山区中韩街道海尔路178号2号楼1单元502')).toBe('崂山区中韩街道****');
    expect(maskMailingAddress('香港中路8号')).toBe('香港中路****');
  });
});
