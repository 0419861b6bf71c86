/**
 * The basic pension formula of 国发〔2005〕38号 (企业职工基本养老保险), as the kiosk estimates it. Pure: inputs come from
 * the business system (pension-estimate-inputs) and the retirement age from retirementAge.ts.
 *
 *   基础养老金   = (计发基数 + 本人指数化月平均缴费工资) ÷ 2 × 缴费年限 × 1%,  本人指数化月平均缴费工资 = 计发基数 × 平均缴费指数
 *   个人账户养老金 = 个人账户储存额 ÷ 计发月数
 *
 * 计发基数 is the local average monthly wage of the year before. 缴费年限 counts paid and deemed (视同缴费) months.
 */

/** 个人账户养老金计发月数 by age at retirement (国发〔2005〕38号 附件), 40 to 70. */
export const ANNUITY_DIVISORS: Readonly<Record<number, number>> = {
  40: 233, 41: 230, 42: 226, 43: 223, 44: 220, 45: 216, 46: 212, 47: 207, 48: 204, 49: 199,
  50: 195, 51: 190, 52: 185, 53: 180, 54: 175, 55: 170, 56: 164, 57: 158, 58: 152, 59: 145,
  60: 139, 61: 132, 62: 125, 63: 117, 64: 109, 65: 101, 66: 93, 67: 84, 68: 75, 69: 65, 70: 56,
};

/**
 * 计发月数 for an age in years and months: the table's value at a whole age; between two whole ages (the reform
 * retires people at 60岁3个月 and the like) interpolated month by month, to one decimal.
 */
export function annuityDivisor(age: { years: number; months: number }): number {
  const low = ANNUITY_DIVISORS[age.years];
  if (low === undefined || age.months < 0 || age.months > 11) throw new RangeError(`no 计发月数 for ${age.years}岁${age.months}个月`);
  if (age.months === 0) return low;
  const high = ANNUITY_DIVISORS[age.years + 1];
  if (high === undefined) throw new RangeError(`no 计发月数 for ${age.years}岁${age.months}个月`);
  return Math.round((low + ((high - low) * age.months) / 12) * 10) / 10;
}

const fen = (amount: number) => Math.round(amount * 100) / 100;

export interface EmployeePensionInputs {
  /** 计发基数: the local average monthly wage of the year before retirement. */
  averageMonthlyWage: number;
  /** 本人平均缴费工资指数. */
  averageContributionIndex: number;
  /** Paid plus deemed months. */
  contributionMonths: number;
  /** 个人账户储存额. */
  accountBalance: number;
  /** Age at retirement, for the 计发月数. */
  retirementAge: { years: number; months: number };
}

export interface EmployeePensionEstimate {
  indexedMonthlyWage: number;
  contributionYears: number;
  basicPension: number;
  divisor: number;
  accountPension: number;
  total: number;
}

/** 基础养老金 + 个人账户养老金 a month, in yuan (to the fen). */
export function estimateEmployeePension(inputs: EmployeePensionInputs): EmployeePensionEstimate {
  const indexedMonthlyWage = fen(inputs.averageMonthlyWage * inputs.averageContributionIndex);
  const contributionYears = inputs.contributionMonths / 12;
  const basicPension = fen(((inputs.averageMonthlyWage + indexedMonthlyWage) / 2) * contributionYears * 0.01);
  const divisor = annuityDivisor(inputs.retirementAge);
  const accountPension = fen(inputs.accountBalance / divisor);
  return { indexedMonthlyWage, contributionYears, basicPension, divisor, accountPension, total: fen(basicPension + accountPension) };
}

/** 城乡居民养老保险: the basic pension the government pays plus the account ÷ 139 (drawn from 60). */
export function estimateResidentPension(basicPension: number, accountBalance: number): { divisor: number; accountPension: number; total: number } {
  const divisor = ANNUITY_DIVISORS[60]!;
  const accountPension = fen(accountBalance / divisor);
  return { divisor, accountPension, total: fen(basicPension + accountPension) };
}
