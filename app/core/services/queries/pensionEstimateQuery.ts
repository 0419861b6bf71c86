import type { RetirementCategory } from '../../backend/backendTypes.js';
import type { PersonalQuery } from './personalQuery.js';
import { monthLabel, yearsAndMonths, yuan } from './personalQuery.js';
import { pendingTransferIn } from './pendingPensionTransfer.js';
import { estimateEmployeePension, estimateResidentPension } from './pensionFormula.js';
import { ageLabel, statutoryRetirement, type OriginalRetirementAge } from './retirementAge.js';

const title = '养老金测算';
const CAVEAT = '这只是按现在的记录估算，实际以退休时社保经办机构核定的为准。';
const ORIGINAL_AGE: Record<Exclude<RetirementCategory, '城乡居民'>, OriginalRetirementAge> = { 男职工: 60, 女职工55: 55, 女职工50: 50 };

/** Whole yuan as the robot says an estimate: 大约3618元. */
const roughly = (amount: number) => `${Math.round(amount)}元`;

/**
 * 养老金测算 from the record: 基础养老金 = (计发基数 + 本人指数化月平均缴费工资) ÷ 2 × 缴费年限 × 1%, 个人账户养老金 =
 * 储存额 ÷ 计发月数 at the statutory retirement age (retirementAge.ts). Worked out as if the citizen retired with what is
 * on record today (later contributions would raise it); said to be an estimate, every input on screen.
 */
export const pensionEstimateQuery: PersonalQuery = {
  service: 'estimate_pension',
  ifWrong: '测算只供参考。如果用到的缴费年限、缴费基数或账户余额不对，请带上身份证到养老保险窗口核对缴费记录；临近退休的，可以请工作人员按正式口径测算。',
  async answer(backend, citizenId) {
    const [inputs, profile] = await Promise.all([backend.getPensionEstimateInputs(citizenId), backend.getRetirementProfile(citizenId)]);
    if (inputs.isPensioner) {
      return { title, spoken: '您已经退休了，养老金按核定的数额发放，不用再测算。想看每个月发了多少，可以问我“养老金发放明细”。', screen: '已退休：养老金以核定发放的为准，请查“养老金发放明细”。', empty: true };
    }
    if (inputs.scheme === null) {
      return { title, spoken: '没有查到您交养老保险的记录，没法测算养老金。开始缴费以后再来算吧。', screen: '暂无养老保险缴费记录，无法测算。', empty: true };
    }
    const wage = inputs.localAverageMonthlyWage;
    if (inputs.scheme === '城乡居民养老' || inputs.averageContributionIndex === null) {
      const basic = inputs.residentBasicPension ?? 0;
      const e = estimateResidentPension(basic, inputs.accountBalance);
      return {
        title,
        spoken: `按您现在的居民养老保险个人账户估算，年满60周岁领取时每月大约${roughly(e.total)}，其中基础养老金${roughly(basic)}，个人账户养老金约${roughly(e.accountPension)}。${CAVEAT}计算用到的数都在屏幕上。`,
        screen: [
          '险种：城乡居民养老保险（年满60周岁领取）',
          `基础养老金：${yuan(basic)}/月（政府发放，标准会调整）`,
          `个人账户储存额：${yuan(inputs.accountBalance)}`,
          `计发月数：${e.divisor}（60岁）`,
          `个人账户养老金 = ${yuan(inputs.accountBalance)} ÷ ${e.divisor} = ${yuan(e.accountPension)}/月`,
          `合计约：${yuan(e.total)}/月`,
          `已缴费：${yearsAndMonths(inputs.paidMonths)}（领取前累计缴费要满15年）`,
          '说明：按现在的账户余额估算，以后继续缴费和记息，领取时会更多。',
        ].join('\n'),
        empty: false,
      };
    }
    const category = profile.category && profile.category !== '城乡居民' ? profile.category : profile.sex === '男' ? '男职工' : '女职工55';
    const [year, month] = profile.birthDate.split('-').map(Number) as [number, number];
    const retirement = statutoryRetirement({ year, month }, ORIGINAL_AGE[category]);
    const contributionMonths = inputs.paidMonths + inputs.deemedMonths;
    const e = estimateEmployeePension({
      averageMonthlyWage: wage.amount,
      averageContributionIndex: inputs.averageContributionIndex,
      contributionMonths,
      accountBalance: inputs.accountBalance,
      retirementAge: retirement.age,
    });
    const short = contributionMonths < retirement.minimumContributionMonths;
    const transfer = await pendingTransferIn(backend, citizenId);
    const third = transfer
      ? `从${transfer.fromRegion}转入的缴费年限还没算进去，办结后会更高，计算用到的数都在屏幕上。`
      : short
        ? `另外您现在累计缴费${yearsAndMonths(contributionMonths)}，按月领养老金要缴满${yearsAndMonths(retirement.minimumContributionMonths)}，计算用到的数都在屏幕上。`
        : '计算用到的数都在屏幕上。';
    return {
      title,
      spoken: `按您现在的缴费记录粗略估算，${ageLabel(retirement.age)}退休时每月养老金大约${roughly(e.total)}，其中基础养老金约${roughly(e.basicPension)}，个人账户养老金约${roughly(e.accountPension)}。${CAVEAT}${third}`,
      screen: [
        `计发基数（${wage.year}年当地职工月平均工资）：${yuan(wage.amount)}`,
        `本人平均缴费工资指数：${inputs.averageContributionIndex}`,
        `本人指数化月平均缴费工资 = ${yuan(wage.amount)} × ${inputs.averageContributionIndex} = ${yuan(e.indexedMonthlyWage)}`,
        `缴费年限：${yearsAndMonths(contributionMonths)}（实际缴费${inputs.paidMonths}个月 + 视同缴费${inputs.deemedMonths}个月，截至${monthLabel(inputs.asOfMonth)}）`,
        `基础养老金 = (${yuan(wage.amount)} + ${yuan(e.indexedMonthlyWage)}) ÷ 2 × (${contributionMonths} ÷ 12)年 × 1% = ${yuan(e.basicPension)}/月`,
        `个人账户储存额：${yuan(inputs.accountBalance)}`,
        `法定退休年龄：${ageLabel(retirement.age)}（${monthLabel(retirement.retirementMonth)}），计发月数 ${e.divisor}（国发〔2005〕38号计发月数表${retirement.age.months > 0 ? '，按月插值' : ''}）`,
        `个人账户养老金 = ${yuan(inputs.accountBalance)} ÷ ${e.divisor} = ${yuan(e.accountPension)}/月`,
        `合计约：${yuan(e.total)}/月`,
        ...(transfer ? [`转移接续：从${transfer.fromRegion}转入的${transfer.insurance}保险正在办理${transfer.months !== null ? `（${transfer.months}个月）` : ''}，未计入本次测算`] : []),
        ...(short ? [`注意：按月领取最低要缴满${yearsAndMonths(retirement.minimumContributionMonths)}，目前本地记录还差${yearsAndMonths(retirement.minimumContributionMonths - contributionMonths)}。`] : []),
        '说明：按现在的记录、上年度平均工资估算，未计入以后的缴费、记账利息和工资增长，也不含过渡性养老金等地方项目。',
        '每年缴费指数：',
        ...[...inputs.indexYears].reverse().map((y) => `${y.year}年：缴费${y.months}个月｜月均基数 ${yuan(y.averageBase)}｜当年社平 ${yuan(y.averageWage)}｜指数 ${y.index}`),
      ].join('\n'),
      empty: false,
    };
  },
};
