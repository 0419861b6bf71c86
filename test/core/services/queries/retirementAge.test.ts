import { describe, expect, it } from 'vitest';
import { ageLabel, minimumContributionMonths, statutoryRetirement, type OriginalRetirementAge } from '../../../../app/core/services/queries/retirementAge.js';

const at = (year: number, month: number, originalAge: OriginalRetirementAge) => {
  const r = statutoryRetirement({ year, month }, originalAge);
  return { age: ageLabel(r.age), month: r.retirementMonth, delay: r.delayMonths };
};

// Rows of the 对照表 published with the decision (附件1 男职工, 附件2 原55岁女职工, 附件3 原50岁女职工):
// birth month → age after the reform, retirement month, months of delay.
describe('statutory retirement age under the 2025 gradual reform (pure)', () => {
  it('men, originally 60: one month per 4 months from January 2025, up to 63', () => {
    expect(at(1964, 12, 60)).toEqual({ age: '60岁', month: '2024-12', delay: 0 });
    expect(at(1965, 1, 60)).toEqual({ age: '60岁1个月', month: '2025-02', delay: 1 });
    expect(at(1965, 4, 60)).toEqual({ age: '60岁1个月', month: '2025-05', delay: 1 });
    expect(at(1965, 5, 60)).toEqual({ age: '60岁2个月', month: '2025-07', delay: 2 });
    expect(at(1965, 9, 60)).toEqual({ age: '60岁3个月', month: '2025-12', delay: 3 });
    expect(at(1966, 1, 60)).toEqual({ age: '60岁4个月', month: '2026-05', delay: 4 });
    expect(at(1970, 1, 60)).toEqual({ age: '61岁4个月', month: '2031-05', delay: 16 });
    expect(at(1976, 8, 60)).toEqual({ age: '62岁11个月', month: '2039-07', delay: 35 });
    expect(at(1976, 9, 60)).toEqual({ age: '63岁', month: '2039-09', delay: 36 });
    expect(at(1990, 6, 60)).toEqual({ age: '63岁', month: '2053-06', delay: 36 });
  });

  it('women originally 55 (干部, managerial and technical posts): one month per 4 months, up to 58', () => {
    expect(at(1969, 12, 55)).toEqual({ age: '55岁', month: '2024-12', delay: 0 });
    expect(at(1970, 1, 55)).toEqual({ age: '55岁1个月', month: '2025-02', delay: 1 });
    expect(at(1970, 5, 55)).toEqual({ age: '55岁2个月', month: '2025-07', delay: 2 });
    expect(at(1981, 8, 55)).toEqual({ age: '57岁11个月', month: '2039-07', delay: 35 });
    expect(at(1981, 9, 55)).toEqual({ age: '58岁', month: '2039-09', delay: 36 });
  });

  it('women originally 50 (worker posts): one month per 2 months, up to 55', () => {
    expect(at(1974, 12, 50)).toEqual({ age: '50岁', month: '2024-12', delay: 0 });
    expect(at(1975, 1, 50)).toEqual({ age: '50岁1个月', month: '2025-02', delay: 1 });
    expect(at(1975, 2, 50)).toEqual({ age: '50岁1个月', month: '2025-03', delay: 1 });
    expect(at(1975, 3, 50)).toEqual({ age: '50岁2个月', month: '2025-05', delay: 2 });
    expect(at(1980, 1, 50)).toEqual({ age: '52岁7个月', month: '2032-08', delay: 31 });
    expect(at(1984, 10, 50)).toEqual({ age: '54岁11个月', month: '2039-09', delay: 59 });
    expect(at(1984, 11, 50)).toEqual({ age: '55岁', month: '2039-11', delay: 60 });
  });

  it('the delay never falls as the birth month moves later (monotone), and never jumps by more than one month', () => {
    for (const original of [60, 55, 50] as const) {
      let last = statutoryRetirement({ year: 1960, month: 1 }, original);
      for (let i = 1; i < 12 * 40; i++) {
        const next = statutoryRetirement({ year: 1960 + Math.floor(i / 12), month: (i % 12) + 1 }, original);
        expect(next.delayMonths - last.delayMonths).toBeGreaterThanOrEqual(0);
        expect(next.delayMonths - last.delayMonths).toBeLessThanOrEqual(1);
        last = next;
      }
      expect(last.delayMonths).toBe(original === 50 ? 60 : 36);
    }
  });

  it('minimum contribution: 15 years to 2029, +6 months a year from 2030, 20 years from 2039', () => {
    expect(minimumContributionMonths(2029)).toBe(180);
    expect(minimumContributionMonths(2030)).toBe(186);
    expect(minimumContributionMonths(2031)).toBe(192);
    expect(minimumContributionMonths(2038)).toBe(234);
    expect(minimumContributionMonths(2039)).toBe(240);
    expect(minimumContributionMonths(2050)).toBe(240);
    expect(statutoryRetirement({ year: 1965, month: 1 }, 60).minimumContributionMonths).toBe(180);
    expect(statutoryRetirement({ year: 1976, month: 9 }, 60).minimumContributionMonths).toBe(240);
  });

  it('refuses a month that is not one', () => {
    expect(() => statutoryRetirement({ year: 1970, month: 13 }, 60)).toThrow(RangeError);
    expect(() => statutoryRetirement({ year: 1970, month: 0 }, 55)).toThrow(RangeError);
  });
});
