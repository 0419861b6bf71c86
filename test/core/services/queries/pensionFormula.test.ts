import { describe, expect, it } from 'vitest';
import { annuityDivisor, estimateEmployeePension, estimateResidentPension } from '../../../../app/core/services/queries/pensionFormula.js';

describe('the basic pension formula (国发〔2005〕38号), pure', () => {
  it('计发月数: the table at whole ages (60→139, 55→170, 50→195), interpolated month by month between them', () => {
    expect(annuityDivisor({ years: 60, months: 0 })).toBe(139);
    expect(annuityDivisor({ years: 55, months: 0 })).toBe(170);
    expect(annuityDivisor({ years: 50, months: 0 })).toBe(195);
    expect(annuityDivisor({ years: 63, months: 0 })).toBe(117);
    expect(annuityDivisor({ years: 58, months: 0 })).toBe(152);
    // 60 → 139, 61 → 132: 60岁3个月 is a quarter of the way.
    expect(annuityDivisor({ years: 60, months: 3 })).toBe(137.3);
    expect(annuityDivisor({ years: 60, months: 6 })).toBe(135.5);
    expect(annuityDivisor({ years: 50, months: 1 })).toBe(194.6);
    expect(() => annuityDivisor({ years: 39, months: 0 })).toThrow(RangeError);
    expect(() => annuityDivisor({ years: 70, months: 1 })).toThrow(RangeError);
  });

  it('基础养老金 = (计发基数 + 指数化月平均缴费工资) ÷ 2 × 年限 × 1%, 个人账户养老金 = 储存额 ÷ 计发月数', () => {
    // A worked example: wage 8,000, index 1.0, 30 years, 120,000 in the account, retiring at 60.
    const e = estimateEmployeePension({ averageMonthlyWage: 8000, averageContributionIndex: 1, contributionMonths: 360, accountBalance: 120000, retirementAge: { years: 60, months: 0 } });
    expect(e.indexedMonthlyWage).toBe(8000);
    expect(e.basicPension).toBe(2400);
    expect(e.divisor).toBe(139);
    expect(e.accountPension).toBe(863.31);
    expect(e.total).toBe(3263.31);
    // Index 0.6 (the lowest base), 15 years: (7,280 + 4,368) ÷ 2 × 15 × 1% = 873.60.
    const low = estimateEmployeePension({ averageMonthlyWage: 7280, averageContributionIndex: 0.6, contributionMonths: 180, accountBalance: 0, retirementAge: { years: 55, months: 0 } });
    expect(low.basicPension).toBe(873.6);
    expect(low.accountPension).toBe(0);
  });

  it('城乡居民: basic pension plus the account ÷ 139', () => {
    expect(estimateResidentPension(265, 11574.13)).toEqual({ divisor: 139, accountPension: 83.27, total: 348.27 });
  });
});
