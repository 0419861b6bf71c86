import type { FlexibleEmploymentDetails } from '../backend/backendTypes.js';
import { citizenMessageFor } from '../backend/citizenMessages.js';
import { parseSmallNumber } from '../nlu/chineseNumber.js';
import { transactionKinds } from '../outbox/backendSenders.js';
import type { TransactionOutbox } from '../outbox/transactionOutbox.js';
import type { FieldReading, TransactionField, TransactionSpec } from './transactionSpec.js';

type EmploymentType = FlexibleEmploymentDetails['employmentType'];
type Level = FlexibleEmploymentDetails['contributionLevel'];

const LEVELS: readonly Level[] = [60, 80, 100, 150, 200, 300];
/** How far ahead the first month may be (the business system's rule). */
const MAX_MONTHS_AHEAD = 3;

const TYPES: [RegExp, EmploymentType][] = [
  [/新就业形态|外卖|快递|骑手|网约车|跑滴滴|代驾|平台|直播|网店/, '新就业形态'],
  [/非全日制|钟点|小时工|兼职/, '非全日制'],
  [/个体|开店|摆摊|小买卖|做生意|个体户/, '个体经营'],
  [/打零工|零活|其他|别的/, '其他灵活就业'],
];

const employmentType: TransactionField<EmploymentType> = {
  name: 'employmentType',
  label: '就业形式',
  ask: '您现在是做什么的？比如开店做个体、送外卖跑网约车、做钟点工兼职，或者打零工。',
  choices: ['个体经营', '新就业形态', '非全日制', '其他灵活就业'],
  read: (text) => {
    const found = TYPES.find(([pattern]) => pattern.test(text));
    return found ? { ok: true, value: found[1] } : null;
  },
  readBack: (value) => value,
};

const insuranceTypes: TransactionField<FlexibleEmploymentDetails['insuranceTypes']> = {
  name: 'insuranceTypes',
  label: '参保险种',
  ask: '灵活就业可以参加养老保险和医疗保险，您要参加哪个，还是两个都参加？',
  choices: ['养老保险', '医疗保险', '两个都参加'],
  read: (text) => {
    if (/都|两个|两样|全部|养老.{0,3}医疗|医疗.{0,3}养老/.test(text)) return { ok: true, value: ['养老', '医疗'] };
    if (/养老/.test(text)) return { ok: true, value: ['养老'] };
    if (/医疗|医保/.test(text)) return { ok: true, value: ['医疗'] };
    return null;
  },
  readBack: (value) => value.join('和') + '保险',
};

const HUNDREDS: Record<string, number> = { 一百: 100, 百: 100, 一百五: 150, 一百五十: 150, 两百: 200, 二百: 200, 三百: 300 };

/** "百分之六十", "60%", "六十的档", "最低档", "一百五". */
function readLevel(text: string): FieldReading<Level> {
  if (/最低/.test(text)) return { ok: true, value: 60 };
  if (/最高/.test(text)) return { ok: true, value: 300 };
  const spoken = /(百分之)?([一二两三四五六七八九十百零〇\d]+)\s*(%|的档|档|那档|那个档)/.exec(text) ?? /百分之([一二两三四五六七八九十百零〇\d]+)/.exec(text);
  if (!spoken) return null;
  const digits = spoken[2] ?? spoken[1] ?? '';
  const n = /^\d+$/.test(digits) ? Number(digits) : (HUNDREDS[digits] ?? parseSmallNumber(digits));
  if (n === null) return null;
  return LEVELS.includes(n as Level) ? { ok: true, value: n as Level } : { ok: false, problem: '缴费档次只有60%、80%、100%、150%、200%、300%这六档。' };
}

const contributionLevel: TransactionField<Level> = {
  name: 'contributionLevel',
  label: '缴费档次',
  ask: '缴费档次有60%、80%、100%、150%、200%、300%六档，档次越高每月交得越多、以后养老金也越多。您选哪一档？',
  choices: LEVELS.map((level) => `${level}%`),
  read: (text) => readLevel(text),
  readBack: (value) => `${value}%档`,
};

/** The first month to pay for: this month or up to three months ahead, as the citizen says it. */
function startMonthField(now: () => Date): TransactionField<string> {
  const current = () => {
    const d = now();
    return { year: d.getFullYear(), month: d.getMonth() + 1 };
  };
  const monthsFrom = (a: { year: number; month: number }, b: { year: number; month: number }) => (b.year - a.year) * 12 + (b.month - a.month);
  const label = (ym: { year: number; month: number }) => `${ym.year}-${String(ym.month).padStart(2, '0')}`;
  return {
    name: 'startMonth',
    label: '开始缴费月份',
    ask: '您想从哪个月开始交？可以说“这个月”或者“下个月”。',
    choices: ['这个月', '下个月'],
    read: (text) => {
      const now = current();
      let wanted: { year: number; month: number } | null = null;
      if (/这个月|本月|当月|马上|现在/.test(text)) wanted = now;
      else if (/下个月|下月/.test(text)) wanted = { year: now.month === 12 ? now.year + 1 : now.year, month: (now.month % 12) + 1 };
      else {
        const explicit = /(?:(\d{4})年)?(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份)?(?:开始|起)/.exec(text);
        if (explicit) {
          const month = /^\d+$/.test(explicit[2]!) ? Number(explicit[2]) : parseSmallNumber(explicit[2]!);
          if (month !== null && month >= 1 && month <= 12) {
            const year = explicit[1] ? Number(explicit[1]) : month >= now.month ? now.year : now.year + 1;
            wanted = { year, month };
          }
        }
      }
      if (!wanted) return null;
      const ahead = monthsFrom(now, wanted);
      if (ahead < 0 || ahead > MAX_MONTHS_AHEAD) return { ok: false, problem: `开始月份只能是本月或以后${MAX_MONTHS_AHEAD}个月内。` };
      return { ok: true, value: label(wanted) };
    },
    readBack: (value) => `${Number(value.slice(0, 4))}年${Number(value.slice(5))}月`,
  };
}

const residenceStreet: TransactionField<string> = {
  name: 'residenceStreet',
  label: '居住街道',
  ask: '您住在哪个街道或者镇？登记要放在居住地的街道。',
  read: (text) => {
    const street = /([^区市县省\s，,。、]{2,6}(?:街道|镇))/.exec(text.replace(/^(我|俺)?(住在|在|是)/, ''))?.[1];
    return street ? { ok: true, value: street } : null;
  },
  readBack: (value) => value,
};

/**
 * 灵活就业人员参保登记: the fields the hall needs, each read back; the consequence (monthly payments, what a gap
 * costs) said before the yes; submitted through the transaction outbox. The business system refuses someone an
 * employer pays for, a pensioner, or someone already registered, and the refusal is told as it is.
 */
export function flexibleEmploymentTransaction(outbox: Pick<TransactionOutbox, 'submit'>, now: () => Date): TransactionSpec {
  return {
    service: 'flexible_employment_register',
    title: '灵活就业人员参保登记',
    fields: [employmentType, insuranceTypes, contributionLevel, startMonthField(now), residenceStreet] as TransactionField[],
    describe: () =>
      `我将为您办理灵活就业人员参保登记。登记以后要按月自己缴费，可以在银行或手机上交；中间断缴会影响以后的待遇。`,
    async submit({ citizenId, values, idempotencyKey }) {
      const details = values as unknown as FlexibleEmploymentDetails;
      const result = await outbox.submit(transactionKinds.flexibleEmployment, citizenId, details, { idempotencyKey });
      if (result.state === 'rejected') return { status: 'refused', reason: citizenMessageFor('rejected', result.reason) };
      if (result.state === 'pending') {
        return { status: 'queued', line: '业务系统暂时连不上，您的登记已经保存在机器里，系统恢复后会自动提交，只提交一次。提交成功以后才能开始缴费。' };
      }
      const answer = result.answer as { nextSteps?: string } | null;
      return { status: 'submitted', reference: result.reference, line: `灵活就业参保登记办好了，登记编号${result.reference}。${answer?.nextSteps ?? ''}` };
    },
  };
}
