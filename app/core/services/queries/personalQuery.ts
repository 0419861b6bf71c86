import type { BackendClient } from '../../backend/backendClient.js';
import type { RouteSlots } from '../../nlu/extractSlots.js';
import type { ServiceName } from '../../nlu/serviceCatalogue.js';

/** What a personal query tells the citizen: spoken (at most three sentences) and, in full, on screen. */
export interface PersonalQueryAnswer {
  /** The heading on screen, e.g. 缴费基数. */
  title: string;
  spoken: string;
  /** One line per row (year by year, month by month). */
  screen: string;
  /** Nothing on record: said as such, never filled in. */
  empty: boolean;
}

/**
 * One 聊天查 query: it fetches the verified citizen's record from the business system and words it. It never sees
 * an ID number (only the opaque citizen id) and is only run after the face was verified.
 */
export interface PersonalQuery {
  service: ServiceName;
  /** What to do when the record looks wrong (where to go, what to bring); said when the citizen says it is wrong. */
  ifWrong: string;
  answer(backend: BackendClient, citizenId: string, slots: RouteSlots): Promise<PersonalQueryAnswer>;
}

/**
 * A query that needs no identity (a skill certificate by its number, a retirement age from a stated birth date):
 * it works from what the citizen said, and from the record only when the visit is already verified.
 */
export interface OpenQuery {
  service: ServiceName;
  ifWrong: string;
  answer(backend: BackendClient, slots: RouteSlots, verifiedCitizenId: string | null): Promise<PersonalQueryAnswer>;
}

/** Yuan as the screen shows them: 5,200 元, 2,345.50 元. */
export function yuan(amount: number): string {
  return `${amount.toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(amount) ? 0 : 2, maximumFractionDigits: 2 })} 元`;
}

/**
 * Yuan as the robot says them: whole yuan, then 角 and 分 as people say money ("1296元5角", "80元零5分"), never a
 * decimal point; the voice reads the digits in Chinese ("一千二百九十六元五角").
 */
export function spokenYuan(amount: number): string {
  const fen = Math.round(Math.abs(amount) * 100);
  const sign = amount < 0 ? '负' : '';
  const yuan = Math.trunc(fen / 100);
  const jiao = Math.trunc((fen % 100) / 10);
  const cents = fen % 10;
  if (jiao === 0 && cents === 0) return `${sign}${yuan}元`;
  return `${sign}${yuan}元${jiao ? `${jiao}角` : '零'}${cents ? `${cents}分` : ''}`;
}

/** 2024-03 → 2024年3月. */
export function monthLabel(yearMonth: string): string {
  const [year, month] = yearMonth.split('-');
  return `${year}年${Number(month)}月`;
}

/** 2024-03-18 → 2024年3月18日. */
export function dayLabel(date: string): string {
  const [year, month, day] = date.split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/** Months as a citizen counts them: 15年3个月, 7个月, 20年. */
export function yearsAndMonths(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return `${years > 0 ? `${years}年` : ''}${rest > 0 || years === 0 ? `${rest}个月` : ''}`;
}

/** A span of months as said and shown: 2024年3月至2025年2月, or one month alone. */
export function monthSpanLabel(from: string, to: string): string {
  return from === to ? monthLabel(from) : `${monthLabel(from)}至${monthLabel(to)}`;
}
