import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonthsToDate, nextPensionAuthDueDate, pensionAuthStanding } from '../../../app/core/backend/index.js';
import { startHarness, type Harness } from './simulatorHarness.js';

describe('pension authentication cycle', () => {
  it('is due twelve calendar months after the last authentication', () => {
    expect(nextPensionAuthDueDate('2024-05-10')).toBe('2025-05-10');
    expect(nextPensionAuthDueDate('2023-12-31')).toBe('2024-12-31');
  });

  it('clamps a leap day to the end of February', () => {
    expect(nextPensionAuthDueDate('2024-02-29')).toBe('2025-02-28');
    expect(addMonthsToDate('2024-01-31', 1)).toBe('2024-02-29');
  });

  it('is 有效 until 30 days before the due date, 即将到期 up to and on it, 已到期 after', () => {
    expect(pensionAuthStanding('2025-05-10', '2025-04-09')).toBe('有效');
    expect(pensionAuthStanding('2025-05-10', '2025-04-10')).toBe('即将到期');
    expect(pensionAuthStanding('2025-05-10', '2025-05-10')).toBe('即将到期');
    expect(pensionAuthStanding('2025-05-10', '2025-05-11')).toBe('已到期');
  });
});

describe('pension authentication status from the simulator (today 2025-03-14)', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  it('reports the due date as the last authentication plus 12 months', async () => {
    const client = harness.client();
    for (const citizenId of ['QD0001', 'QD0002', 'QD0003']) {
      const status = await client.getPensionAuthStatus(citizenId);
      expect(status.isPensioner).toBe(true);
      expect(status.lastAuthenticatedAt).not.toBeNull();
      expect(status.nextDueDate).toBe(addMonthsToDate(status.lastAuthenticatedAt!, 12));
    }
  });

  it('has one pensioner due soon, one current and one overdue', async () => {
    const client = harness.client();
    expect(await client.getPensionAuthStatus('QD0001')).toEqual({
      citizenId: 'QD0001', isPensioner: true, lastAuthenticatedAt: '2024-03-24', nextDueDate: '2025-03-24', standing: '即将到期',
    });
    expect((await client.getPensionAuthStatus('QD0002')).standing).toBe('有效');
    expect(await client.getPensionAuthStatus('QD0003')).toMatchObject({ nextDueDate: '2025-02-23', standing: '已到期' });
  });

  it('answers 不适用 with no dates for a citizen who draws no pension', async () => {
    expect(await harness.client().getPensionAuthStatus('QD0004')).toEqual({
      citizenId: 'QD0004', isPensioner: false, lastAuthenticatedAt: null, nextDueDate: null, standing: '不适用',
    });
  });

  it('withholds pension paid after an overdue due date', async () => {
    const client = harness.client();
    const overdue = await client.getPensionPayments('QD0003');
    expect(overdue.payments.at(-1)).toMatchObject({ month: '2025-02', paidDate: '2025-02-10' });
    const current = await client.getPensionPayments('QD0002');
    expect(current.payments.at(-1)).toMatchObject({ month: '2025-03', paidDate: '2025-03-10' });
    expect(current.payments[0]?.month).toBe('2016-09');
    expect((await client.getPensionPayments('QD0004')).payments).toEqual([]);
  });
});
