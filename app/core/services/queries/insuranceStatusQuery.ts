import type { InsuranceOverview } from '../../backend/backendTypes.js';
import type { PersonalQuery } from './personalQuery.js';
import { monthLabel } from './personalQuery.js';

type Enrolment = InsuranceOverview['insurances'][number];

/** 养老、医疗 for the employee insurances; 城乡居民养老 reads as itself. */
const kinds = (list: Enrolment[]) => list.map((i) => i.type).join('、');

function statusLine(i: Enrolment): string {
  const span = i.endPeriod ? `${monthLabel(i.startPeriod)}至${monthLabel(i.endPeriod)}` : `${monthLabel(i.startPeriod)}起`;
  const payer = i.currentPayer ? `，现由${i.currentPayer === '灵活就业' ? '本人以灵活就业身份' : i.currentPayer === '个人' ? '本人' : i.currentPayer}缴费` : '';
  return `${i.type}：${i.status}（${span}）${payer}`;
}

/** What the citizen hears about the insurances being paid now, and those that are not. */
function spokenStatus(overview: InsuranceOverview): string {
  if (overview.isPensioner) return '您已经退休，正在领取职工养老金，在职时参加的各项保险已经终止。';
  const paying = overview.insurances.filter((i) => i.status === '参保缴费');
  const stopped = overview.insurances.filter((i) => i.status !== '参保缴费');
  const parts: string[] = [];
  if (paying.length > 0) {
    const payers = [...new Set(paying.map((i) => i.currentPayer).filter((p): p is string => p !== null))];
    const by =
      payers.length === 1
        ? payers[0] === '灵活就业'
          ? '，是您以灵活就业身份自己交的'
          : payers[0] === '个人'
            ? '，由您个人缴费'
            : `，参保单位是${payers[0]}`
        : '';
    parts.push(`您的${kinds(paying)}保险正常缴费${by}`);
  }
  if (stopped.length > 0) {
    const lastPaid = stopped.map((i) => i.endPeriod).filter((m): m is string => m !== null).sort().at(-1);
    const since = lastPaid && paying.length === 0 ? `，最后缴到${monthLabel(lastPaid)}` : '';
    parts.push(`${paying.length > 0 ? '' : '您的'}${kinds(stopped)}保险${stopped.every((i) => i.status === '终止') ? '已经终止' : '暂停缴费'}${since}`);
  }
  return `${parts.join('；')}。`;
}

/** 个人参保信息: each insurance with its status and who pays it, and every employer the citizen was insured through. */
export const insuranceStatusQuery: PersonalQuery = {
  service: 'query_insurance_status',
  ifWrong: '如果险种或参保单位不对，请先找单位人事或社保经办人核对申报；单位确认无误还不对的，带上身份证和劳动合同到窗口，工作人员帮您核查。',
  async answer(backend, citizenId) {
    const overview = await backend.getInsuranceOverview(citizenId);
    const title = '个人参保信息';
    if (overview.insurances.length === 0) {
      return { title, spoken: '没有查到您的参保记录。如果您在单位上班或者自己交过社保，请到窗口请工作人员核实。', screen: '暂无参保记录。', empty: true };
    }
    const employers = [...new Set(overview.employmentPeriods.filter((p) => p.payerKind === '单位').map((p) => p.payer))];
    const employerNote = employers.length > 1 ? `您先后在${employers.length}家单位参过保，` : '';
    const periods = overview.employmentPeriods.map(
      (p) => `${monthLabel(p.from)}${p.ongoing ? '起至今' : `至${monthLabel(p.to)}`}：${p.payer === '灵活就业' ? '灵活就业（个人缴费）' : p.payer}（${p.months}个月）`,
    );
    return {
      title,
      spoken: `${spokenStatus(overview)}${employerNote}${periods.length > 0 ? '每个险种和参保单位都在屏幕上' : '明细在屏幕上'}。`,
      screen: ['险种：', ...overview.insurances.map(statusLine), ...(periods.length > 0 ? ['参保单位（按时间）：', ...periods] : [])].join('\n'),
      empty: false,
    };
  },
};
