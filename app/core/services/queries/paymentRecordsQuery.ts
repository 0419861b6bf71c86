import { addMonthsToYearMonth, monthsInRange } from '../../backend/calendar.js';
import type { ContributionHistory } from '../../backend/backendTypes.js';
import type { RouteSlots } from '../../nlu/extractSlots.js';
import { pendingTransferIn } from './pendingPensionTransfer.js';
import type { PersonalQuery } from './personalQuery.js';
import { monthLabel, monthSpanLabel, spokenYuan, yuan } from './personalQuery.js';

interface AskedRange {
  from: string;
  to: string;
  /** How the span is said: 最近12个月, 今年, 2019年, 2019年至2022年. */
  label: string;
}

/**
 * The months asked for: a period (2019年到2022年), a year, 今年 or 去年; otherwise the latest 12 months. "Now" is the
 * business system's: `asOfMonth` is the last month that could have been paid (a month is paid at its end).
 */
export function askedRange(slots: RouteSlots, asOfMonth: string): AskedRange {
  const thisYear = Number(addMonthsToYearMonth(asOfMonth, 1).slice(0, 4));
  if (slots.period) {
    const [a, b] = slots.period.from <= slots.period.to ? [slots.period.from, slots.period.to] : [slots.period.to, slots.period.from];
    return { from: `${a}-01`, to: `${b}-12`, label: `${a}年至${b}年` };
  }
  if (slots.year !== undefined) return { from: `${slots.year}-01`, to: `${slots.year}-12`, label: `${slots.year}年` };
  if (slots.relativeYear === 'this') return { from: `${thisYear}-01`, to: `${thisYear}-12`, label: `今年` };
  if (slots.relativeYear === 'last') return { from: `${thisYear - 1}-01`, to: `${thisYear - 1}-12`, label: `去年（${thisYear - 1}年）` };
  return { from: addMonthsToYearMonth(asOfMonth, -11), to: asOfMonth, label: '最近12个月' };
}

interface MonthRow {
  month: string;
  types: string[];
  base: number;
  personal: number;
  employer: number;
  payers: string[];
}

const cents = (amount: number) => Math.round(amount * 100) / 100;

function byMonth(records: ContributionHistory['records']): Map<string, MonthRow> {
  const rows = new Map<string, MonthRow>();
  for (const r of records) {
    const row = rows.get(r.month) ?? { month: r.month, types: [], base: r.base, personal: 0, employer: 0, payers: [] };
    row.types.push(r.type);
    if (r.type === '养老') row.base = r.base;
    row.personal = cents(row.personal + r.personalAmount);
    row.employer = cents(row.employer + r.employerAmount);
    if (!row.payers.includes(r.employer)) row.payers.push(r.employer);
    rows.set(r.month, row);
  }
  return rows;
}

/** Runs of consecutive months, as [from, to]. */
function runsOf(months: string[]): [string, string][] {
  const runs: [string, string][] = [];
  for (const m of months) {
    const last = runs.at(-1);
    if (last && addMonthsToYearMonth(last[1], 1) === m) last[1] = m;
    else runs.push([m, m]);
  }
  return runs;
}

function rowLine(row: MonthRow): string {
  const payer = row.payers.map((p) => (p === '灵活就业' ? '灵活就业（个人缴费）' : p)).join('、');
  return `${monthLabel(row.month)}：${row.types.join('、')}｜基数 ${yuan(row.base)}｜个人 ${yuan(row.personal)}｜单位 ${yuan(row.employer)}｜${payer}`;
}

/** 缴费明细 by year and month: the span asked for (default the latest 12 months), its totals and its gaps spoken; every month on screen. */
export const paymentRecordsQuery: PersonalQuery = {
  service: 'query_payment_records',
  ifWrong: '如果哪个月没记上或金额不对，请先找单位经办人核对当月是否申报缴费；灵活就业的请带上银行扣款凭证，和身份证一起到窗口，工作人员帮您查明并补录。',
  async answer(backend, citizenId, slots) {
    const title = '缴费明细';
    const counted = await backend.getContributionMonths(citizenId);
    const employee = counted.insurances.filter((i) => i.type !== '城乡居民养老' && i.paidMonths > 0);
    if (employee.length === 0) {
      const resident = counted.insurances.some((i) => i.type === '城乡居民养老' && i.paidMonths > 0);
      return resident
        ? { title, spoken: '您参加的是城乡居民养老保险，是按年缴费的，没有按月的职工缴费记录。想看每年交了多少，可以问我“居民养老交费记录”。', screen: '暂无职工社会保险按月缴费记录。\n城乡居民养老保险按年缴费，请查“城乡居民养老保险缴费”。', empty: true }
        : { title, spoken: '没有查到您的缴费记录。如果您觉得不对，可以到窗口请工作人员核实。', screen: '暂无缴费记录。', empty: true };
    }
    const firstEver = employee.map((i) => i.firstMonth).filter((m): m is string => m !== null).sort()[0]!;
    const lastEver = employee.map((i) => i.lastMonth).filter((m): m is string => m !== null).sort().at(-1)!;
    const asked = askedRange(slots, counted.asOfMonth);
    const to = asked.to < counted.asOfMonth ? asked.to : counted.asOfMonth;
    if (asked.from > to) {
      return { title, spoken: `${asked.label}的缴费还没有入账，目前能查到${monthLabel(counted.asOfMonth)}。`, screen: `${asked.label}：暂无缴费记录（缴费按月在月底入账，目前记录到${monthLabel(counted.asOfMonth)}）。`, empty: true };
    }
    const { records } = await backend.getContributions(citizenId, { from: asked.from, to });
    const rows = byMonth(records);
    const span = monthSpanLabel(asked.from, to);
    if (rows.size === 0) {
      let where = '';
      if (lastEver < asked.from) where = `您最后一次缴费是${monthLabel(lastEver)}。`;
      else if (firstEver > to) {
        const pending = await pendingTransferIn(backend, citizenId);
        where = `您在本地的缴费记录是从${monthLabel(firstEver)}开始的${pending ? `，从${pending.fromRegion}转入的${pending.insurance}保险还在办理，办结后那边的缴费年限会一并计算` : ''}。`;
      }
      return { title, spoken: `没有查到您${asked.label}的缴费记录。${where}`, screen: `${span}：暂无缴费记录。${where ? `\n${where}` : ''}`, empty: true };
    }

    // Months in the span with nothing paid, within the citizen's insured life (before the first payment ever is not a gap).
    const window = monthsInRange(asked.from > firstEver ? asked.from : firstEver, to);
    const unpaid = runsOf(window.filter((m) => !rows.has(m)));
    const paidRows = [...rows.values()];
    const personal = cents(paidRows.reduce((s, r) => s + r.personal, 0));
    const employer = cents(paidRows.reduce((s, r) => s + r.employer, 0));
    const whole = unpaid.length === 0 && window.length === monthsInRange(asked.from, to).length;
    const howMany = whole ? `每个月都有缴费，一共${rows.size}个月` : `有${rows.size}个月缴费`;
    const amounts = employer > 0 ? `个人一共缴了${spokenYuan(personal)}，单位缴了${spokenYuan(employer)}` : `都是您自己缴的，一共${spokenYuan(personal)}`;
    const tail = unpaid.at(-1)?.[1] === to && lastEver < to ? unpaid.pop() : undefined;
    const gapWords = [
      ...unpaid.slice(0, 2).map(([a, b]) => monthSpanLabel(a, b)),
      ...(unpaid.length > 2 ? [`另有${unpaid.length - 2}段`] : []),
    ];
    const gapSentence = [
      gapWords.length > 0 ? `其中${gapWords.join('、')}没有缴费（断缴）` : '',
      tail ? `${monthLabel(tail[0])}以后没有缴费记录` : '',
    ].filter(Boolean);

    const screen: string[] = [];
    for (const year of [...new Set(monthsInRange(asked.from, to).map((m) => m.slice(0, 4)))]) {
      const inYear = monthsInRange(asked.from > `${year}-01` ? asked.from : `${year}-01`, to < `${year}-12` ? to : `${year}-12`);
      const paid = inYear.map((m) => rows.get(m)).filter((r): r is MonthRow => r !== undefined);
      const yearPersonal = cents(paid.reduce((s, r) => s + r.personal, 0));
      const yearEmployer = cents(paid.reduce((s, r) => s + r.employer, 0));
      screen.push(`${year}年：缴费${paid.length}个月，个人合计 ${yuan(yearPersonal)}，单位合计 ${yuan(yearEmployer)}`);
      for (const m of inYear) {
        const row = rows.get(m);
        if (row) screen.push(rowLine(row));
        else if (m >= firstEver) screen.push(`${monthLabel(m)}：无缴费记录`);
      }
    }
    return {
      title,
      spoken: `您${asked.label}${howMany}，${amounts}。${gapSentence.length > 0 ? `${gapSentence.join('，')}，` : ''}每个月的明细在屏幕上。`,
      screen: [`查询范围：${span}`, ...screen].join('\n'),
      empty: false,
    };
  },
};
