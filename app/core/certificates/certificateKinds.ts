import type { CertificateInsurance } from '../backend/backendTypes.js';
import { addMonthsToYearMonth, chinaYearMonthOf } from '../backend/calendar.js';
import { extractSlots } from '../nlu/extractSlots.js';
import { parseSmallNumber } from '../nlu/chineseNumber.js';

export type InsuranceName = CertificateInsurance['type'];

/**
 * What the citizen wants on paper: a 参保证明 of every insurance ('all') or of one, a 个人权益记录单, or a
 * 未参保证明 (only when nothing is on record).
 */
export type CertificateKind = { kind: 'all' } | { kind: 'single'; insurance: InsuranceName } | { kind: 'rights-record' } | { kind: 'not-insured' };

/** The months the paper covers, `YYYY-MM` both included; null ends: the whole record. */
export interface CertificatePeriod {
  /** How the citizen said it, for the read-back: 近三年, 全部, 2020年到2023年. */
  label: string;
  from: string | null;
  to: string | null;
}

export const INSURANCE_NAMES: readonly InsuranceName[] = ['养老', '医疗', '失业', '工伤', '生育'];

/** The tap choices, in the order shown; `readCertificateKind` reads each of them. */
export const CERTIFICATE_KIND_CHOICES = [
  '参保证明（全部险种）',
  '养老保险参保证明',
  '医疗保险参保证明',
  '失业保险参保证明',
  '工伤保险参保证明',
  '生育保险参保证明',
  '个人权益记录单',
  '未参保证明',
] as const;

export function certificateKindLabel(kind: CertificateKind): string {
  switch (kind.kind) {
    case 'all':
      return '参保证明（全部险种）';
    case 'single':
      return `${kind.insurance}保险参保证明`;
    case 'rights-record':
      return '个人权益记录单';
    case 'not-insured':
      return '未参保证明';
  }
}

const SINGLE: [RegExp, InsuranceName][] = [
  [/养老|退休/, '养老'],
  [/医疗|医保/, '医疗'],
  [/失业/, '失业'],
  [/工伤/, '工伤'],
  [/生育/, '生育'],
];

const SINGLE_PINYIN: [RegExp, InsuranceName][] = [
  [/\byang lao\b/, '养老'],
  [/\byi (liao|bao)\b/, '医疗'],
  [/\bshi ye\b/, '失业'],
  [/\bgong shang\b/, '工伤'],
  [/\bsheng yu\b/, '生育'],
];

/**
 * The kind in what the citizen said ("打印参保证明", "养老保险的", "个人权益记录单", "我没参保，开个证明"), or a tap
 * label; toneless pinyin for speech the recognizer heard without characters. Null when no kind is named.
 */
export function readCertificateKind(text: string, pinyin: string | null = null): CertificateKind | null {
  const t = text.replace(/\s+/g, '');
  const slot = extractSlots(text).certificate;
  if (slot === 'not-insured' || /未参保|没参保|没有参保|没参加(社保|保险)|无参保/.test(t)) return { kind: 'not-insured' };
  if (slot === 'rights-record' || /权益(记录|单)|对账单/.test(t)) return { kind: 'rights-record' };
  if (/全部险种|所有险种|五险|全部的?保险|各种保险|都要|全部|所有/.test(t)) return { kind: 'all' };
  const single = SINGLE.find(([pattern]) => pattern.test(t));
  if (single) return { kind: 'single', insurance: single[1] };
  if (slot) return { kind: 'all' };
  if (/(参保|缴费|社保)证明/.test(t)) return { kind: 'all' };
  const p = ` ${(pinyin ?? (/^[a-z\s]+$/i.test(text) ? text : '')).toLowerCase().trim()} `;
  if (p.trim() === '') return null;
  if (/\b(wei|mei|mei you) can bao\b/.test(p)) return { kind: 'not-insured' };
  if (/\bquan yi\b/.test(p)) return { kind: 'rights-record' };
  if (/\b(quan bu|suo you)\b/.test(p)) return { kind: 'all' };
  const heard = SINGLE_PINYIN.find(([pattern]) => pattern.test(p));
  if (heard) return { kind: 'single', insurance: heard[1] };
  // 参保证明 as the small recognizer hears it: "ta bao zheng ming", "can bao shi ming", "jiao fei zheng ming".
  if (/\b(can|ta|tan|chan|zan|san|cang) bao\b|\bbao (zheng|zhen|zeng|shi|zhi) ming\b|\bjiao fei (zheng|zhen|shi) ming\b/.test(p)) return { kind: 'all' };
  return null;
}

const ym = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;
const spokenYm = (yearMonth: string) => `${Number(yearMonth.slice(0, 4))}年${Number(yearMonth.slice(5))}月`;

/** 近三年（2022年12月至2025年11月）, or 全部参保记录. */
export function certificatePeriodLabel(period: CertificatePeriod): string {
  if (period.from === null || period.to === null) return '全部参保记录';
  return `${period.label}（${spokenYm(period.from)}至${spokenYm(period.to)}）`;
}

function lastMonths(now: Date, months: number, label: string): CertificatePeriod {
  const to = chinaYearMonthOf(now.getTime());
  return { label, from: addMonthsToYearMonth(to, -(months - 1)), to };
}

function countOf(word: string): number | null {
  if (word === '半') return null;
  return /^\d+$/.test(word) ? Number(word) : parseSmallNumber(word);
}

const PINYIN_COUNTS: Record<string, number> = { yi: 1, liang: 2, er: 2, san: 3, si: 4, wu: 5, liu: 6, qi: 7, ba: 8, jiu: 9, shi: 10 };

/**
 * The period in what the citizen said: 近一年 / 最近三年 / 近半年 / 近6个月 / 今年 / 去年 / 2020年到2023年 / 2022年 /
 * 全部. Months end with this month (China time); a period in the future or longer than the hall keeps is told why.
 */
export function readCertificatePeriod(text: string, pinyin: string | null, now: Date): { ok: true; value: CertificatePeriod } | { ok: false; problem: string } | null {
  const t = text.replace(/\s+/g, '');
  const current = chinaYearMonthOf(now.getTime());
  const thisYear = Number(current.slice(0, 4));
  const slots = extractSlots(text);
  if (slots.period) {
    const { from, to } = slots.period;
    if (from > to) return { ok: false, problem: '起始年份不能晚于结束年份。' };
    if (from > thisYear) return { ok: false, problem: `${from}年还没有到，没有记录可以证明。` };
    const end = to >= thisYear ? current : ym(to, 12);
    return { ok: true, value: { label: `${from}年到${Math.min(to, thisYear)}年`, from: ym(from, 1), to: end } };
  }
  // "全部险种" names the kind (all insurances), not the months.
  if (/全部(?!险种)|所有(?!险种)|全都|从头|参保以来|一直以来|所有年份|不限/.test(t)) return { ok: true, value: { label: '全部', from: null, to: null } };
  if (/半年/.test(t) && /近|最近|这/.test(t)) return { ok: true, value: lastMonths(now, 6, '近半年') };
  const months = /(?:近|最近|这)([一二两三四五六七八九十\d]{1,3})个月/.exec(t);
  if (months) {
    const n = countOf(months[1]!);
    if (n !== null && n >= 1 && n <= 120) return { ok: true, value: lastMonths(now, n, `近${months[1]}个月`) };
  }
  const years = /(?:近|最近|这)([一二两三四五六七八九十\d]{1,3})年/.exec(t);
  if (years) {
    const n = countOf(years[1]!);
    if (n !== null && n >= 1 && n <= 50) return { ok: true, value: lastMonths(now, n * 12, `近${years[1]}年`) };
    if (n !== null) return { ok: false, problem: '最多可以打印近五十年的记录，或者说“全部”。' };
  }
  if (/今年|本年/.test(t)) return { ok: true, value: { label: '今年', from: ym(thisYear, 1), to: current } };
  if (/去年|上一年/.test(t)) return { ok: true, value: { label: '去年', from: ym(thisYear - 1, 1), to: ym(thisYear - 1, 12) } };
  if (slots.year !== undefined) {
    if (slots.year > thisYear) return { ok: false, problem: `${slots.year}年还没有到，没有记录可以证明。` };
    return { ok: true, value: { label: `${slots.year}年`, from: ym(slots.year, 1), to: slots.year === thisYear ? current : ym(slots.year, 12) } };
  }
  const p = ` ${(pinyin ?? (/^[a-z\s]+$/i.test(text) ? text : '')).toLowerCase().trim()} `;
  if (p.trim() === '') return null;
  if (/\b(quan bu|suo you)\b/.test(p)) return { ok: true, value: { label: '全部', from: null, to: null } };
  const heard = /\b(?:jin|zui jin)(?: de)? (yi|liang|er|san|si|wu|liu|qi|ba|jiu|shi) nian\b/.exec(p);
  if (heard) {
    const n = PINYIN_COUNTS[heard[1]!]!;
    return { ok: true, value: lastMonths(now, n * 12, `近${'一两三四五六七八九十'[n - 1]}年`) };
  }
  if (/\bjin nian\b/.test(p)) return { ok: true, value: { label: '今年', from: ym(thisYear, 1), to: current } };
  if (/\bqu nian\b/.test(p)) return { ok: true, value: { label: '去年', from: ym(thisYear - 1, 1), to: ym(thisYear - 1, 12) } };
  return null;
}
