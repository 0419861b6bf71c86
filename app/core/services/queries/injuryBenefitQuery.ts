import type { WorkInjuryBenefits } from '../../backend/backendTypes.js';
import type { PersonalQuery } from './personalQuery.js';
import { dayLabel, monthSpanLabel, spokenYuan, yuan } from './personalQuery.js';

type InjuryCase = WorkInjuryBenefits['cases'][number];

const cents = (amount: number) => Math.round(amount * 100) / 100;

function stageWords(c: InjuryCase): string {
  if (c.stage === '认定中') return `您${dayLabel(c.injuryDate)}受的伤还在做工伤认定，认定下来以后才能支付工伤待遇。`;
  const grade = c.disabilityGrade !== null ? `，鉴定为${c.disabilityGrade}级伤残` : c.stage === '已鉴定' ? '，鉴定为未达到伤残等级' : '';
  return `您${dayLabel(c.injuryDate)}的工伤已经认定${grade}。`;
}

function benefitLine(b: InjuryCase['benefits'][number]): string {
  const period = b.period ? `（${monthSpanLabel(b.period.from, b.period.to)}）` : '';
  const paid = b.paidDate ? `${dayLabel(b.paidDate)}支付` : '尚未支付';
  return `${b.kind}${period}：${yuan(b.amount)}｜${b.payer}支付｜${paid}`;
}

/** 工伤保险待遇: the newest case's stage and what was paid (by the fund and by the employer) spoken; every benefit on screen. */
export const injuryBenefitQuery: PersonalQuery = {
  service: 'query_injury_benefit',
  ifWrong: '如果工伤待遇不对，请带上身份证、工伤认定书和伤残鉴定结论到工伤保险窗口核对；停工留薪期工资这类由单位支付的，请先找单位。',
  async answer(backend, citizenId) {
    const { cases } = await backend.getWorkInjuryBenefits(citizenId);
    const title = '工伤保险待遇';
    if (cases.length === 0) return { title, spoken: '没有查到您的工伤认定和工伤保险待遇记录。', screen: '暂无工伤认定和待遇记录。', empty: true };
    const latest = cases[0]!;
    const paid = latest.benefits.filter((b) => b.paidDate !== null);
    const fund = cents(paid.filter((b) => b.payer === '工伤保险基金').reduce((s, b) => s + b.amount, 0));
    const employer = cents(paid.filter((b) => b.payer === '用人单位').reduce((s, b) => s + b.amount, 0));
    const money =
      paid.length === 0
        ? latest.stage === '认定中'
          ? ''
          : '目前还没有支付待遇的记录。'
        : `已经支付${paid.length}项待遇，工伤保险基金支付${spokenYuan(fund)}${employer > 0 ? `，单位支付${spokenYuan(employer)}` : ''}。`;
    const screen = cases.flatMap((c) => [
      `${dayLabel(c.injuryDate)}（${c.employer}，编号${c.caseId}）：${c.stage}${c.recognisedDate ? `，${dayLabel(c.recognisedDate)}认定` : ''}${c.disabilityGrade !== null ? `，${c.disabilityGrade}级伤残（${c.assessedDate ? dayLabel(c.assessedDate) : ''}鉴定）` : ''}`,
      ...(c.benefits.length > 0 ? c.benefits.map(benefitLine) : ['暂无待遇支付记录']),
    ]);
    return {
      title,
      spoken: `${stageWords(latest)}${money}每一项明细在屏幕上。`,
      screen: screen.join('\n'),
      empty: false,
    };
  },
};
