import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendError, monthsInRange } from '../../../app/core/backend/index.js';
import { rejectionOf, startHarness, type Harness } from './simulatorHarness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

describe('contributions query ranges (today 2025-03-14)', () => {
  it('returns every month in [from, to], both ends included, five types each, in order', async () => {
    const history = await harness.client().getContributions('QD0004', { from: '2024-01', to: '2024-06' });
    expect(history).toMatchObject({ citizenId: 'QD0004', from: '2024-01', to: '2024-06' });
    expect(history.records).toHaveLength(6 * 5);
    expect([...new Set(history.records.map((record) => record.month))]).toEqual(monthsInRange('2024-01', '2024-06'));
    expect(history.records.slice(0, 5).map((record) => record.type)).toEqual(['养老', '医疗', '失业', '工伤', '生育']);
  });

  it('a single month is a range with from = to', async () => {
    const history = await harness.client().getContributions('QD0004', { from: '2020-07', to: '2020-07' });
    expect(history.records.map((record) => record.month)).toEqual(Array(5).fill('2020-07'));
  });

  it('runs up to last month and no further', async () => {
    const history = await harness.client().getContributions('QD0004', { from: '2025-01', to: '2025-12' });
    expect([...new Set(history.records.map((record) => record.month))]).toEqual(['2025-01', '2025-02']);
  });

  it('is empty before the first contribution', async () => {
    expect((await harness.client().getContributions('QD0004', { from: '2000-01', to: '2008-06' })).records).toEqual([]);
    expect((await harness.client().getContributions('QD0008', { from: '2000-01', to: '2025-12' })).records).toEqual([]);
  });

  it('shows a change of employer at the boundary', async () => {
    const history = await harness.client().getContributions('QD0004', { from: '2015-12', to: '2016-01' });
    const employerByMonth = Object.fromEntries(history.records.map((record) => [record.month, record.employer]));
    expect(employerByMonth).toEqual({ '2015-12': '青岛港湾物流有限公司', '2016-01': '青岛西海岸软件科技有限公司' });
  });

  it('computes amounts from the base (养老: 8 % personal, 16 % employer)', async () => {
    const history = await harness.client().getContributions('QD0004', { from: '2024-03', to: '2024-03' });
    const pension = history.records.find((record) => record.type === '养老')!;
    expect(pension.personalAmount).toBeCloseTo(pension.base * 0.08, 2);
    expect(pension.employerAmount).toBeCloseTo(pension.base * 0.16, 2);
  });

  it('marks a flexible worker as paying alone: 灵活就业, 养老 and 医疗 only, no employer share', async () => {
    const history = await harness.client().getContributions('QD0006', { from: '2024-01', to: '2024-12' });
    expect(history.records).toHaveLength(12 * 2);
    for (const record of history.records) {
      expect(record.employer).toBe('灵活就业');
      expect(record.employerAmount).toBe(0);
      expect(['养老', '医疗']).toContain(record.type);
    }
  });

  it('rejects from after to, and malformed months', async () => {
    const client = harness.client();
    const reversed = (await rejectionOf(client.getContributions('QD0004', { from: '2024-06', to: '2024-01' }))) as BackendError;
    expect(reversed).toMatchObject({ kind: 'rejected', status: 400, code: 'INVALID_REQUEST' });
    const malformed = (await rejectionOf(client.getContributions('QD0004', { from: '2024-13', to: '2024-14' }))) as BackendError;
    expect(malformed).toMatchObject({ kind: 'rejected', code: 'INVALID_REQUEST' });
  });

  it('lists the contribution base per year, matching the monthly records', async () => {
    const client = harness.client();
    const bases = await client.getContributionBase('QD0004');
    expect(bases.years.map((year) => year.year)).toEqual(Array.from({ length: 2025 - 2008 + 1 }, (_, i) => 2008 + i));
    const records2023 = (await client.getContributions('QD0004', { from: '2023-01', to: '2023-12' })).records.filter((record) => record.type === '养老');
    expect(bases.years.find((year) => year.year === 2023)?.base).toBe(Math.max(...records2023.map((record) => record.base)));
  });
});

describe('certificate data', () => {
  it('has each insurance with status, periods and the months per type, and the issuing hall', async () => {
    const client = harness.client();
    const certificate = await client.getCertificateData('QD0003');
    expect(certificate.citizen).toEqual({ id: 'QD0003', name: '周桂芳', gender: '女', idNumberMasked: '3702**********068X' });
    expect(certificate.issuingHall).toEqual({ code: 'QD-SN-01', name: '青岛市市南区人力资源和社会保障局服务大厅' });
    expect(certificate.issuedAt).toBe('2025-03-14T10:00:00+08:00');
    expect(certificate.verificationCode).toMatch(/^[0-9A-F]{16}$/);

    const pension = certificate.insurances.find((insurance) => insurance.type === '养老')!;
    expect(pension).toMatchObject({ status: '终止', startPeriod: '1996-01', endPeriod: '2008-11' });
    expect(pension.periods).toEqual([
      { from: '1996-01', to: '2003-06', months: 90, payer: '青岛市北区红星商贸有限公司' },
      { from: '2004-01', to: '2008-11', months: 59, payer: '灵活就业' },
    ]);
    const all = await client.getContributions('QD0003', { from: '1990-01', to: '2025-12' });
    for (const insurance of certificate.insurances) {
      expect(insurance.contributionMonths).toBe(all.records.filter((record) => record.type === insurance.type).length);
      expect(insurance.periods.reduce((sum, period) => sum + period.months, 0)).toBe(insurance.contributionMonths);
    }
  });

  it('shows ongoing insurance with no end period', async () => {
    const certificate = await harness.client().getCertificateData('QD0010');
    expect(certificate.insurances.map((insurance) => [insurance.type, insurance.status, insurance.endPeriod])).toEqual([
      ['养老', '参保缴费', null], ['医疗', '参保缴费', null], ['失业', '参保缴费', null], ['工伤', '参保缴费', null], ['生育', '参保缴费', null],
    ]);
  });
});
