import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { birthDateFromIdNumber, genderFromIdNumber, isValidIdNumber, type DemoCitizen } from '../../../app/core/backend/index.js';
import { demoTagSchema } from '../../../app/core/backend/backendTypes.js';
import { startHarness, type Harness } from './simulatorHarness.js';
import { sharedDataDir } from '../../sharedData.js';

const SHARED_DATA = sharedDataDir;

let harness: Harness;
let citizens: DemoCitizen[];
beforeAll(async () => {
  harness = await startHarness();
  citizens = await harness.client().listDemoCitizens();
});
afterAll(() => harness.close());

function tagged(tag: string): DemoCitizen[] {
  const found = citizens.filter((citizen) => citizen.usefulFor.some((use) => use.tag === tag));
  expect(found.length, `no demo citizen tagged ${tag}`).toBeGreaterThan(0);
  return found;
}

describe('demo citizens', () => {
  it('are at least ten people with distinct, checksum-valid Qingdao ID numbers', () => {
    expect(citizens.length).toBeGreaterThanOrEqual(10);
    expect(new Set(citizens.map((citizen) => citizen.idNumber)).size).toBe(citizens.length);
    for (const citizen of citizens) {
      expect(isValidIdNumber(citizen.idNumber), citizen.idNumber).toBe(true);
      expect(citizen.idNumber.startsWith('3702')).toBe(true);
      expect(birthDateFromIdNumber(citizen.idNumber)).toBe(citizen.birthDate);
      expect(genderFromIdNumber(citizen.idNumber)).toBe(citizen.gender);
      expect(citizen.usefulFor.length).toBeGreaterThan(0);
      for (const use of citizen.usefulFor) expect(use.label).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('are who their tags say they are', async () => {
    const client = harness.client();
    for (const citizen of tagged('pensioner-due-auth')) expect((await client.getPensionAuthStatus(citizen.citizenId)).standing).toBe('即将到期');
    for (const citizen of tagged('pensioner-overdue-auth')) expect((await client.getPensionAuthStatus(citizen.citizenId)).standing).toBe('已到期');
    for (const citizen of tagged('pensioner-authenticated')) expect((await client.getPensionAuthStatus(citizen.citizenId)).standing).toBe('有效');
    for (const citizen of tagged('not-pensioner')) expect((await client.getPensionAuthStatus(citizen.citizenId)).isPensioner).toBe(false);
    for (const citizen of tagged('card-active')) expect((await client.getCard(citizen.citizenId)).status).toBe('正常');
    for (const citizen of tagged('card-lost')) expect((await client.getCard(citizen.citizenId)).status).toBe('挂失');
    for (const citizen of tagged('card-replacing')) expect((await client.getCard(citizen.citizenId)).status).toBe('补卡中');
    for (const citizen of tagged('flexible-worker')) {
      const lastMonth = await client.getContributions(citizen.citizenId, { from: '2025-02', to: '2025-02' });
      expect(lastMonth.records.length).toBeGreaterThan(0);
      expect(lastMonth.records.every((record) => record.employer === '灵活就业')).toBe(true);
    }
    for (const citizen of tagged('unemployed')) {
      const certificate = await client.getCertificateData(citizen.citizenId);
      expect(certificate.insurances.every((insurance) => insurance.status === '暂停缴费')).toBe(true);
    }
    for (const citizen of tagged('new-graduate')) {
      expect((await client.getContributions(citizen.citizenId, { from: '1990-01', to: '2025-12' })).records).toEqual([]);
    }
  });

  it('cover every personal query with a case, as their tags say', async () => {
    const client = harness.client();
    for (const { citizenId } of tagged('no-insurance-record')) {
      expect((await client.getInsuranceOverview(citizenId)).insurances).toEqual([]);
      expect((await client.getRetirementProfile(citizenId)).category).toBeNull();
    }
    for (const { citizenId } of tagged('contribution-gaps')) {
      const months = (await client.getContributionMonths(citizenId)).insurances;
      expect(months.some((insurance) => insurance.gaps.length > 0), citizenId).toBe(true);
    }
    for (const { citizenId } of tagged('several-employers')) {
      const periods = (await client.getInsuranceOverview(citizenId)).employmentPeriods.filter((period) => period.payerKind === '单位');
      expect(new Set(periods.map((period) => period.payer)).size).toBeGreaterThanOrEqual(3);
    }
    for (const { citizenId } of tagged('transfer-in-progress')) {
      const transfers = (await client.getTransfers(citizenId)).transfers;
      expect(transfers.some((transfer) => transfer.completedDate === null && !transfer.fromRegion.startsWith('山东省'))).toBe(true);
    }
    for (const { citizenId } of tagged('receiving-unemployment-benefit')) {
      const claim = (await client.getUnemploymentBenefit(citizenId)).claims[0];
      expect(claim).toMatchObject({ status: '领取中' });
      expect(claim!.remainingMonths).toBeGreaterThan(0);
    }
    for (const { citizenId } of tagged('work-injury')) expect((await client.getWorkInjuryBenefits(citizenId)).cases[0]?.benefits.length).toBeGreaterThan(0);
    for (const { citizenId } of tagged('resident-pension')) expect((await client.getResidentPension(citizenId)).years.length).toBeGreaterThan(0);
    for (const { citizenId } of tagged('card-temporary-loss')) expect((await client.getCard(citizenId)).status).toBe('临时挂失');
    for (const { citizenId } of tagged('card-sealed')) expect((await client.getCard(citizenId)).status).toBe('封存');
    for (const { citizenId } of tagged('card-in-production')) expect((await client.getCardApplications(citizenId)).applications[0]?.stage).toBe('制卡中');
    for (const { citizenId } of tagged('card-ready-for-pickup')) expect((await client.getCardApplications(citizenId)).applications[0]?.pickup).not.toBeNull();
    for (const { citizenId } of tagged('card-mailed')) expect((await client.getCardApplications(citizenId)).applications[0]?.delivery).not.toBeNull();
    for (const { citizenId } of tagged('employment-certificate')) expect((await client.getEmploymentCertificate(citizenId)).certificate?.status).toBe('有效');
    for (const { citizenId } of tagged('kiosk-application')) {
      expect((await client.getApplications(citizenId)).applications.some((application) => application.channel === '自助服务机')).toBe(true);
    }
    for (const { citizenId } of tagged('near-retirement')) {
      const profile = await client.getRetirementProfile(citizenId);
      expect(Number(profile.birthDate.slice(0, 4)) + profile.originalRetirementAge! - 2025).toBeLessThanOrEqual(5);
    }
    for (const { citizenId } of tagged('retirement-female-50')) expect((await client.getRetirementProfile(citizenId)).category).toBe('女职工50');
    for (const { citizenId } of tagged('retirement-female-55')) expect((await client.getRetirementProfile(citizenId)).category).toBe('女职工55');
  });

  it('have at least one skill certificate on record for those tagged so', async () => {
    const holders = tagged('skill-certificate').map((citizen) => citizen.name);
    for (const number of ['S000037020003204000517', 'S000037021002193000284']) {
      const certificate = await harness.client().lookupSkillCertificate(number);
      expect(holders.some((name) => name[0] === certificate.holderNameMasked[0] && name.at(-1) === certificate.holderNameMasked.at(-1))).toBe(true);
    }
  });

  it('use every tag there is', () => {
    const used = new Set(citizens.flatMap((citizen) => citizen.usefulFor.map((use) => use.tag)));
    for (const tag of demoTagSchema.options) expect(used.has(tag), tag).toBe(true);
  });

  it('give every pensioner a reference photo path', async () => {
    for (const citizen of citizens) {
      const status = await harness.client().getPensionAuthStatus(citizen.citizenId);
      if (status.isPensioner) expect(citizen.referencePhoto).toMatch(/^faces\/[^/]+\/[^/]+\.(png|jpe?g)$/);
    }
    expect(citizens.some((citizen) => citizen.referencePhoto === null)).toBe(true);
  });

  it.skipIf(!existsSync(join(SHARED_DATA, 'faces')))('point at photos that exist, one identity per citizen', () => {
    const photos = citizens.flatMap((citizen) => (citizen.referencePhoto ? [citizen.referencePhoto] : []));
    for (const photo of photos) expect(existsSync(join(SHARED_DATA, photo)), photo).toBe(true);
    const identities = photos.map((photo) => photo.split('/')[1]);
    expect(new Set(identities).size).toBe(identities.length);
  });

  it('are all listed in docs/backend-api.md', () => {
    const doc = readFileSync(new URL('../../../docs/backend-api.md', import.meta.url), 'utf8');
    for (const citizen of citizens) {
      expect(doc).toContain(citizen.idNumber);
      expect(doc).toContain(citizen.name);
    }
  });
});
