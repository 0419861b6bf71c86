import type { JobService, SeparationReason, UnemploymentRegistrationDetails, UnemploymentRegistrationResult } from '../backend/unemploymentTypes.js';
import { citizenMessageFor } from '../backend/citizenMessages.js';
import { parseSmallNumber } from '../nlu/chineseNumber.js';
import { transactionKinds } from '../outbox/backendSenders.js';
import type { TransactionOutbox } from '../outbox/transactionOutbox.js';
import { UNEMPLOYMENT_WINDOW, unemploymentRules } from './unemploymentBenefitRules.js';
import type { FieldReading, TransactionField, TransactionSpec } from './transactionSpec.js';

/** A job that ended longer ago is registered at the window (the business system's rule, told why). */
const MAX_MONTHS_AGO = 12;

interface YearMonth {
  year: number;
  month: number;
}

const monthIndex = (ym: YearMonth) => ym.year * 12 + ym.month - 1;
const fromIndex = (index: number): YearMonth => ({ year: Math.floor(index / 12), month: (index % 12) + 1 });
const label = (ym: YearMonth) => `${ym.year}-${String(ym.month).padStart(2, '0')}`;

function numberIn(text: string): number | null {
  return /^\d+$/.test(text) ? Number(text) : parseSmallNumber(text);
}

/** "上个月", "两个月前", "半年前", "去年十一月", "2024年12月", "十二月份" (a month later in the year than now is last year's). */
export function readSeparationMonth(text: string, now: YearMonth): YearMonth | null {
  const current = monthIndex(now);
  if (/上上个?月/.test(text)) return fromIndex(current - 2);
  if (/上个?月/.test(text)) return fromIndex(current - 1);
  if (/这个月|本月|当月|这月/.test(text)) return now;
  if (/半年(前|之前|以前)/.test(text)) return fromIndex(current - 6);
  if (/一年(前|之前|以前)|去年这个?时候/.test(text)) return fromIndex(current - 12);
  const ago = /([\d两一二三四五六七八九十]{1,3})个(?:多)?月(?:前|之前|以前)/.exec(text);
  if (ago) {
    const n = numberIn(ago[1]!);
    if (n !== null && n >= 1 && n <= 60) return fromIndex(current - n);
  }
  const explicit = /(?:(\d{4})年|(去年|今年|前年))?\s*(\d{1,2}|[一二三四五六七八九十]{1,3})月(?!份?[前后之以])/.exec(text);
  if (explicit) {
    const month = numberIn(explicit[3]!);
    if (month === null || month < 1 || month > 12) return null;
    let year: number;
    if (explicit[1]) year = Number(explicit[1]);
    else if (explicit[2] === '去年') year = now.year - 1;
    else if (explicit[2] === '前年') year = now.year - 2;
    else if (explicit[2] === '今年') year = now.year;
    else year = month <= now.month ? now.year : now.year - 1;
    return { year, month };
  }
  return null;
}

function separationMonthField(now: () => Date): TransactionField<string> {
  return {
    name: 'separationMonth',
    label: '离职月份',
    ask: '您是哪个月离开原单位的？可以说“上个月”“两个月前”，或者说几月份。',
    choices: ['这个月', '上个月', '两个月前', '三个月前'],
    read: (text): FieldReading<string> => {
      const d = now();
      const current = { year: d.getFullYear(), month: d.getMonth() + 1 };
      const month = readSeparationMonth(text, current);
      if (!month) return null;
      const ago = monthIndex(current) - monthIndex(month);
      if (ago < 0) return { ok: false, problem: '离职月份不能晚于这个月，请说已经离开单位的那个月。' };
      if (ago > MAX_MONTHS_AGO) {
        return {
          ok: false,
          problem: `离职已经超过${MAX_MONTHS_AGO}个月的，机器上没法确认这段时间有没有工作过，要带身份证到${UNEMPLOYMENT_WINDOW}核实后再登记。如果是最近一年内离职的，请再说一下月份。`,
        };
      }
      return { ok: true, value: label(month) };
    },
    readBack: (value) => `${Number(value.slice(0, 4))}年${Number(value.slice(5))}月`,
  };
}

const REASONS: [RegExp, SeparationReason][] = [
  [/合同到期|到期|不续签|没续签|不续约|没有续签/, '合同到期'],
  [/单位解除|终止合同|解除|终止|辞退|开除|裁员|裁了|被裁|倒闭|破产|关门|被.{0,3}辞|不要我|让我走|撵/, '单位解除/终止合同'],
  [/个人辞职|辞职|辞工|自己不干|不想干|主动离职|自己走的|跳槽/, '个人辞职'],
  [/其他|其它|别的原因/, '其他'],
];

export const separationReasonField: TransactionField<SeparationReason> = {
  name: 'reason',
  label: '离职原因',
  ask: '您是因为什么离开原单位的？是单位解除或终止合同、合同到期，还是个人辞职，或者其他原因？',
  choices: ['单位解除/终止合同', '合同到期', '个人辞职', '其他'],
  read: (text) => {
    const found = REASONS.find(([pattern]) => pattern.test(text));
    return found ? { ok: true, value: found[1] } : null;
  },
  readBack: (value) => value,
};

export const jobServicesField: TransactionField<JobService[]> = {
  name: 'jobServices',
  label: '就业服务',
  ask: '登记以后可以免费享受职业介绍和职业培训。您需要哪一项？两个都要也行；不需要就说“不用”。',
  optional: true,
  choices: ['职业介绍', '职业培训', '两个都要'],
  read: (text) => {
    if (/都要|两个都|都需要|全要|两样都/.test(text)) return { ok: true, value: ['职业介绍', '职业培训'] };
    const wanted: JobService[] = [];
    if (/职业介绍|介绍.{0,2}工作|推荐.{0,2}工作|找.{0,2}工作|工作机会/.test(text)) wanted.push('职业介绍');
    if (/培训|学技术|学手艺|学个技术/.test(text)) wanted.push('职业培训');
    return wanted.length > 0 ? { ok: true, value: wanted } : null;
  },
  readBack: (value) => value.join('和'),
};

/** The business system's refusals of a 失业登记, in plain words with where to go. */
const REFUSALS: Readonly<Record<string, string>> = {
  STILL_EMPLOYED: `记录显示上个月还有单位在给您交社保，说明您还在职，现在不能办失业登记。如果您已经离开单位，可能是单位还没有给您停缴，请带单位出具的解除或终止劳动关系证明到${UNEMPLOYMENT_WINDOW}办理。`,
  NOT_ELIGIBLE_PENSIONER: '您已经在领取养老金，不能办理失业登记。',
  ALREADY_REGISTERED: '您已经办过失业登记了，不用重复登记。要申领失业保险金，说“申领失业金”就行。',
  INVALID_SEPARATION_MONTH: `您说的离职月份和单位的缴费记录对不上，请带单位出具的解除或终止劳动关系证明到${UNEMPLOYMENT_WINDOW}核实后再登记。`,
};

/** Said when a refusal code is one of this transaction's; others as the kiosk says them everywhere. */
function refusalLine(code: string): string {
  return REFUSALS[code] ?? citizenMessageFor('rejected', code);
}

/**
 * 失业登记: when the last job ended (this month back to 12 months ago), why, and the free job services wanted (optional).
 * Before the yes the robot says what registering means (the benefit counts from the registration day; resigning does
 * not give 失业保险金 — from the knowledge base). The business system refuses someone an employer still pays for, a
 * pensioner, someone already registered, or a month the contribution record contradicts; afterwards the employment
 * registration reads 失业 (`query_employment_registration`), and the next steps say whether 失业保险金 can be applied for.
 */
export function unemploymentRegistrationTransaction(outbox: Pick<TransactionOutbox, 'submit'>, now: () => Date): TransactionSpec {
  return {
    service: 'unemployment_register',
    title: '失业登记',
    fields: [separationMonthField(now), separationReasonField, jobServicesField] as TransactionField[],
    describe: (values) =>
      `我将为您办理失业登记，登记以后您的就业状态就是“失业”。${unemploymentRules.fromRegistration.quote}登记后可以免费享受职业介绍和职业培训，找到新工作要及时办理就业登记。` +
      (values.reason === '个人辞职' ? `提醒您：${unemploymentRules.resigned.quote}所以登记以后一般不能领失业保险金。` : ''),
    async submit({ citizenId, values, idempotencyKey }) {
      const details: UnemploymentRegistrationDetails = {
        separationMonth: values.separationMonth as string,
        reason: values.reason as SeparationReason,
        jobServices: (values.jobServices as JobService[] | undefined) ?? [],
      };
      const result = await outbox.submit(transactionKinds.unemploymentRegistration, citizenId, details, { idempotencyKey });
      if (result.state === 'rejected') return { status: 'refused', reason: refusalLine(result.reason) };
      if (result.state === 'pending') {
        return {
          status: 'queued',
          line: '业务系统暂时连不上，您的失业登记已经保存在机器里，系统恢复后会自动提交，只提交一次。提交成功以后才算登记，登记日期按提交成功那天算。',
        };
      }
      const answer = result.answer as UnemploymentRegistrationResult | null;
      const offer = answer?.benefitEligible ? '您现在就可以申领失业保险金，说“申领失业金”就行。' : '';
      return {
        status: 'submitted',
        reference: result.reference,
        line: `失业登记办好了，登记编号${result.reference}。${answer?.nextSteps ?? ''}${offer}`,
        receipt: [
          `离职月份：${Number(details.separationMonth.slice(0, 4))}年${Number(details.separationMonth.slice(5))}月`,
          `离职原因：${details.reason}`,
          ...(details.jobServices.length > 0 ? [`就业服务：${details.jobServices.join('、')}`] : []),
          ...(answer?.office ? [`登记机构：${answer.office}`] : []),
        ],
      };
    },
  };
}
