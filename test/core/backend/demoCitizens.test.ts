import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { birthDateFromIdNumber, genderFromIdNumber, isValidIdNumber, type DemoCitizen } from '../../../app/core/backend/index.js';
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
