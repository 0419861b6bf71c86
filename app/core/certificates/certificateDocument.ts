import type { CertificateContent, InsurancePayments, InsuranceRecord } from '../../../printer/index.js';
import type { CertificateData, CertificateInsurance, ContributionHistory } from '../backend/backendTypes.js';
import { chinaYearMonthOf } from '../backend/calendar.js';
import { certificateKindLabel, type CertificateKind, type CertificatePeriod, type InsuranceName } from './certificateKinds.js';
import { toCertificateContent } from './toCertificateContent.js';

const TYPES: Record<InsuranceName, InsuranceRecord['type']> = { 养老: 'pension', 医疗: 'medical', 失业: 'unemployment', 工伤: 'workInjury', 生育: 'maternity' };

const monthIndex = (yearMonth: string) => Number(yearMonth.slice(0, 4)) * 12 + Number(yearMonth.slice(5, 7)) - 1;
const laterOf = (a: string, b: string) => (a > b ? a : b);
const earlierOf = (a: string, b: string) => (a < b ? a : b);

/**
 * One insurance as it stands in the period: its contribution runs cut to the period's months (a run is unbroken, so
 * its months in the period are the months between its cut ends), or its enrolment span when it has no contributions
 * yet. Null when nothing of it falls in the period.
 */
export function insuranceInPeriod(insurance: CertificateInsurance, period: CertificatePeriod, currentMonth: string): CertificateInsurance | null {
  if (period.from === null || period.to === null) return insurance;
  const from = period.from;
  const to = period.to;
  if (insurance.periods.length > 0) {
    const runs = insurance.periods
      .map((run) => ({ ...run, from: laterOf(run.from, from), to: earlierOf(run.to, to) }))
      .filter((run) => run.from <= run.to)
      .map((run) => ({ ...run, months: monthIndex(run.to) - monthIndex(run.from) + 1 }));
    if (runs.length === 0) return null;
    return { ...insurance, periods: runs, contributionMonths: runs.reduce((sum, run) => sum + run.months, 0) };
  }
  const start = laterOf(insurance.startPeriod, from);
  const end = earlierOf(insurance.endPeriod ?? currentMonth, to);
  if (start > end) return null;
  return { ...insurance, startPeriod: start, endPeriod: end, contributionMonths: 0, periods: [] };
}

export type CertificateDocument =
  | { ok: true; kind: CertificateKind; period: CertificatePeriod; insurances: CertificateInsurance[] }
  /** What cannot be printed, said to the citizen as it is, with what can be printed instead. */
  | { ok: false; problem: string };

/**
 * What the paper will list for this citizen, kind and period; or why it cannot be printed: a 参保证明 when nothing is
 * on record (a 未参保证明 is offered), a 未参保证明 when something is (a 参保证明 is offered), one insurance the citizen
 * never had.
 */
export function certificateDocument(data: CertificateData, kind: CertificateKind, period: CertificatePeriod, now: Date): CertificateDocument {
  const currentMonth = chinaYearMonthOf(now.getTime());
  const inPeriod = data.insurances.map((i) => insuranceInPeriod(i, period, currentMonth)).filter((i): i is CertificateInsurance => i !== null);
  const when = period.from === null ? '' : `在${period.label}这段时间里`;
  if (kind.kind === 'not-insured') {
    if (inPeriod.length > 0) {
      return { ok: false, problem: `系统里有您${when}的参保记录，不能开未参保证明。需要的话可以打印参保证明。` };
    }
    return { ok: true, kind, period, insurances: [] };
  }
  if (data.insurances.length === 0) {
    return { ok: false, problem: `系统里没有查到您的参保记录，开不了${certificateKindLabel(kind)}。如果需要证明您没有参保，可以打印未参保证明。` };
  }
  if (inPeriod.length === 0) {
    return { ok: false, problem: `您${when}没有参保缴费记录，开不了${certificateKindLabel(kind)}。可以换一个时间段，比如“全部”；要证明这段时间没有参保，可以打印未参保证明。` };
  }
  if (kind.kind === 'single') {
    const one = inPeriod.filter((i) => i.type === kind.insurance);
    if (one.length === 0) {
      const ever = data.insurances.some((i) => i.type === kind.insurance);
      return {
        ok: false,
        problem: ever
          ? `您${when}没有${kind.insurance}保险的缴费记录。可以换一个时间段，或者打印全部险种的参保证明。`
          : `系统里没有您${kind.insurance}保险的参保记录，开不了${kind.insurance}保险参保证明。可以打印全部险种的参保证明。`,
      };
    }
    return { ok: true, kind, period, insurances: one };
  }
  return { ok: true, kind, period, insurances: inPeriod };
}

/** 个人权益记录单: what was paid per insurance in the period's months, yuan with two decimals. */
export function paymentsOf(history: ContributionHistory, insurances: readonly CertificateInsurance[]): InsurancePayments[] {
  const fen = new Map<string, { personal: number; employer: number }>();
  for (const record of history.records) {
    const sum = fen.get(record.type) ?? { personal: 0, employer: 0 };
    sum.personal += Math.round(record.personalAmount * 100);
    sum.employer += Math.round(record.employerAmount * 100);
    fen.set(record.type, sum);
  }
  const yuan = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  return insurances.map((i) => {
    const sum = fen.get(i.type) ?? { personal: 0, employer: 0 };
    return { type: TYPES[i.type], personal: yuan(sum.personal), employer: yuan(sum.employer) };
  });
}

/** The months a 个人权益记录单 sums: the period, or the whole record (its earliest month to this month). */
export function paymentMonths(data: CertificateData, period: CertificatePeriod, now: Date): { from: string; to: string } {
  const current = chinaYearMonthOf(now.getTime());
  if (period.from !== null && period.to !== null) return { from: period.from, to: period.to };
  const starts = data.insurances.flatMap((i) => [i.startPeriod, ...i.periods.map((p) => p.from)]).sort();
  return { from: starts[0] ?? current, to: current };
}

/** The printer's content for the document: kind, scope, the months covered, and (个人权益记录单) what was paid. */
export function documentContent(
  data: CertificateData,
  document: Extract<CertificateDocument, { ok: true }>,
  options: { certificateNumber: string; printedAt: Date; payments?: InsurancePayments[] },
): CertificateContent {
  const base = toCertificateContent({ ...data, insurances: document.insurances }, { certificateNumber: options.certificateNumber, printedAt: options.printedAt });
  const { kind, period } = document;
  return {
    ...base,
    documentKind: kind.kind === 'rights-record' ? 'rights-record' : kind.kind === 'not-insured' ? 'not-insured' : 'certificate',
    ...(kind.kind === 'single' ? { scope: TYPES[kind.insurance] } : {}),
    ...(period.from !== null && period.to !== null ? { coverage: { from: period.from, to: period.to } } : {}),
    ...(kind.kind === 'rights-record' && options.payments ? { payments: options.payments } : {}),
  };
}
