/**
 * 失业登记 and 失业保险金申领 at the business system. Every condition is checked before anything is written, and the
 * write shares the transaction of its idempotency record (createBackendSimulator.ts). The conditions are those of
 * 《社会保险法》第四十五条 / 《失业保险条例》第十四条 (knowledge base: unemployment-law-eligibility): one year of 失业
 * contributions, 非因本人意愿中断就业, a 失业登记; months by years paid (第四十六条, pensionRules.ts), the amount the
 * Qingdao standard (unemployment-qd-benefit-amount: 90 % of the minimum wage, 1980 元 a month in the seven districts).
 */
import { addDaysToDate, addMonthsToYearMonth, chinaDateOf, chinaDateTimeOf, chinaYearMonthOf } from '../calendar.js';
import { FLEXIBLE_EMPLOYMENT_PAYER, type CardStatus } from '../backendTypes.js';
import {
  unemploymentBenefitApplicationDetailsSchema,
  unemploymentRegistrationDetailsSchema,
  type BenefitIneligibilityCode,
  type SeparationReason,
  type UnemploymentBenefitApplicationResult,
  type UnemploymentBenefitEligibility,
  type UnemploymentRegistrationResult,
} from '../unemploymentTypes.js';
import { requireCitizen, type CitizenRow } from './citizenRows.js';
import { HttpProblem } from './httpProblem.js';
import { maskCardNumber } from './masking.js';
import { UNEMPLOYMENT_PAY_DAY, unemploymentEntitlementMonths } from './pensionRules.js';
import { created, ok, type RouteContext, type RouteResult } from './route.js';
import type { SimulatorDatabase } from './simulatorDatabase.js';

/** 失业保险金 a month in the seven districts (市南 …): 90 % of the minimum wage, Qingdao 2025-01 (KB unemployment-qd-benefit-amount). */
export const UNEMPLOYMENT_BENEFIT_MONTHLY_YUAN = 1980;
/** A job that ended longer ago than this is registered at the window, where the months since are checked. */
export const MAX_MONTHS_SINCE_SEPARATION = 12;
/** 失业保险金 needs at least a year of 失业 contributions. */
export const MIN_CONTRIBUTION_MONTHS = 12;
/** Reasons that are 非因本人意愿中断就业. */
const INVOLUNTARY: readonly SeparationReason[] = ['单位解除/终止合同', '合同到期'];

type DailyIdTable = 'unemployment_registrations' | 'unemployment_benefit_applications';

function nextDailyId(db: SimulatorDatabase, table: DailyIdTable, column: string, prefix: string, now: number): string {
  const stem = `${prefix}${chinaDateOf(now).replaceAll('-', '')}-`;
  const count = db.prepare(`SELECT COUNT(*) FROM ${table} WHERE ${column} LIKE ?`).pluck().get(`${stem}%`) as number;
  return `${stem}${String(count + 1).padStart(4, '0')}`;
}

/** The public employment office of the hall's district: 青岛市市南区人力资源和社会保障局服务大厅 → 青岛市市南区公共就业和人才服务中心. */
function officeOf(hallName: string): string {
  const district = /^(.+?[区市县])/.exec(hallName.replace(/^青岛市/, ''))?.[1];
  return district ? `青岛市${district}公共就业和人才服务中心` : '青岛市公共就业和人才服务中心';
}

/** The last month an employer (not 灵活就业) paid for, any insurance. */
function lastEmployerMonth(db: SimulatorDatabase, citizenId: string): string | null {
  return db.prepare('SELECT MAX(month) FROM contributions WHERE citizen_id = ? AND payer != ?').pluck().get(citizenId, FLEXIBLE_EMPLOYMENT_PAYER) as string | null;
}

function stillEmployed(db: SimulatorDatabase, citizenId: string, now: number): boolean {
  const last = lastEmployerMonth(db, citizenId);
  return last !== null && last >= addMonthsToYearMonth(chinaYearMonthOf(now), -1);
}

interface OpenUnemployment {
  from: string;
  registrationId: string | null;
  reason: SeparationReason | null;
}

/** The open 失业 registration, with why the job ended when the registration recorded it. */
function openUnemployment(db: SimulatorDatabase, citizenId: string): OpenUnemployment | null {
  const open = db.prepare("SELECT from_date FROM employment_registrations WHERE citizen_id = ? AND status = '失业' AND to_date IS NULL ORDER BY from_date DESC, seq DESC LIMIT 1")
    .pluck().get(citizenId) as string | undefined;
  if (open === undefined) return null;
  const row = db.prepare('SELECT registration_id, reason FROM unemployment_registrations WHERE citizen_id = ? AND substr(registered_at, 1, 10) >= ? ORDER BY registered_at DESC LIMIT 1')
    .get(citizenId, open) as { registration_id: string; reason: SeparationReason } | undefined;
  return { from: open, registrationId: row?.registration_id ?? null, reason: row?.reason ?? null };
}

function receivingClaim(db: SimulatorDatabase, citizenId: string): boolean {
  const claims = db.prepare(`SELECT c.entitlement_months, (SELECT COUNT(*) FROM unemployment_payments p WHERE p.claim_id = c.claim_id) AS paid
    FROM unemployment_claims c WHERE c.citizen_id = ? AND c.stopped_on IS NULL`).all(citizenId) as Array<{ entitlement_months: number; paid: number }>;
  return claims.some((claim) => claim.paid < claim.entitlement_months);
}

function unemploymentContributionMonths(db: SimulatorDatabase, citizenId: string): number {
  return db.prepare("SELECT COUNT(*) FROM contributions WHERE citizen_id = ? AND type = '失业'").pluck().get(citizenId) as number;
}

/** Every condition of 失业保险金 against the record; the first four each tell the whole story alone. */
export function benefitEligibilityOf(db: SimulatorDatabase, citizen: CitizenRow, now: number): UnemploymentBenefitEligibility {
  const id = citizen.citizen_id;
  const reasons: UnemploymentBenefitEligibility['reasons'] = [];
  const no = (code: BenefitIneligibilityCode, message: string) => reasons.push({ code, message });
  const months = unemploymentContributionMonths(db, id);
  const open = openUnemployment(db, id);
  const card = db.prepare('SELECT card_number, status, bank FROM cards WHERE citizen_id = ?').get(id) as { card_number: string; status: CardStatus; bank: string } | undefined;

  if (citizen.is_pensioner === 1) no('NOT_ELIGIBLE_PENSIONER', '已享受基本养老保险待遇的人员不能领取失业保险金');
  else if (stillEmployed(db, id, now)) no('STILL_EMPLOYED', '当前仍有单位为其缴纳社会保险，不能领取失业保险金');
  else if (receivingClaim(db, id)) no('ALREADY_RECEIVING', '正在领取失业保险金，不能重复申领');
  else if (!open) no('NOT_REGISTERED_UNEMPLOYED', '未办理失业登记，须先办理失业登记');
  else {
    if (months < MIN_CONTRIBUTION_MONTHS) no('INSUFFICIENT_CONTRIBUTIONS', `失业保险累计缴费${months}个月，不满${MIN_CONTRIBUTION_MONTHS}个月`);
    if (open.reason === '个人辞职') no('VOLUNTARY_SEPARATION', '个人辞职不属于非因本人意愿中断就业，不能领取失业保险金');
    else if (open.reason === null || !INVOLUNTARY.includes(open.reason)) no('SEPARATION_REASON_UNVERIFIED', '离职原因须持单位出具的解除或终止劳动关系证明到窗口核实');
    if (!card || card.status !== '正常') no('CARD_NOT_USABLE', '社会保障卡不是正常状态，失业保险金无法发放到社保卡金融账户');
  }
  const eligible = reasons.length === 0;
  return {
    citizenId: id,
    eligible,
    reasons,
    contributionMonths: months,
    entitlementMonths: eligible ? unemploymentEntitlementMonths(months) : 0,
    monthlyAmount: eligible ? UNEMPLOYMENT_BENEFIT_MONTHLY_YUAN : 0,
    firstMonth: open ? open.from.slice(0, 7) : null,
    registeredOn: open?.from ?? null,
    payout: card ? { bank: card.bank, cardNumberMasked: maskCardNumber(card.card_number) } : null,
  };
}

/** GET …/unemployment-benefit/eligibility. */
export function unemploymentBenefitEligibility({ db, params, now }: RouteContext): RouteResult {
  return ok(benefitEligibilityOf(db, requireCitizen(db, params.citizenId!), now));
}

/** 失业登记: the employment registration becomes 失业, with why the job ended and the services wanted. */
export function registerUnemployment({ db, params, body, kioskId, now, hall }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const request = unemploymentRegistrationDetailsSchema.safeParse(body);
  if (!request.success) throw new HttpProblem(400, 'INVALID_REQUEST', '失业登记信息不完整或格式不对');
  const details = request.data;
  const id = citizen.citizen_id;
  const thisMonth = chinaYearMonthOf(now);

  if (details.separationMonth > thisMonth) throw new HttpProblem(422, 'INVALID_SEPARATION_MONTH', '离职月份不能晚于本月');
  if (details.separationMonth < addMonthsToYearMonth(thisMonth, -MAX_MONTHS_SINCE_SEPARATION)) {
    throw new HttpProblem(422, 'INVALID_SEPARATION_MONTH', `离职已超过${MAX_MONTHS_SINCE_SEPARATION}个月，须到窗口核实此期间的就业情况后登记`);
  }
  if (citizen.is_pensioner === 1) throw new HttpProblem(409, 'NOT_ELIGIBLE_PENSIONER', '已领取养老金人员不能办理失业登记');
  if (stillEmployed(db, id, now)) throw new HttpProblem(409, 'STILL_EMPLOYED', '当前仍有单位为其缴纳社会保险，不能办理失业登记');
  if (openUnemployment(db, id)) throw new HttpProblem(409, 'ALREADY_REGISTERED', '已办理失业登记，无需重复登记');
  const lastPaid = lastEmployerMonth(db, id);
  if (lastPaid !== null && lastPaid > details.separationMonth) {
    throw new HttpProblem(422, 'INVALID_SEPARATION_MONTH', `单位缴费记录到${lastPaid}，离职月份与缴费记录不符`);
  }

  const registrationId = nextDailyId(db, 'unemployment_registrations', 'registration_id', 'SD', now);
  const registeredAt = chinaDateTimeOf(now);
  const today = chinaDateOf(now);
  const office = officeOf(hall.name);
  // The job's registration ends with its last month (never before it began); the 失业 one starts today.
  const separationDay = addDaysToDate(`${addMonthsToYearMonth(details.separationMonth, 1)}-01`, -1);
  db.prepare("UPDATE employment_registrations SET to_date = MAX(from_date, ?) WHERE citizen_id = ? AND status = '就业' AND to_date IS NULL").run(separationDay < today ? separationDay : today, id);
  const seq = (db.prepare('SELECT COALESCE(MAX(seq), 0) FROM employment_registrations WHERE citizen_id = ?').pluck().get(id) as number) + 1;
  db.prepare("INSERT INTO employment_registrations (citizen_id, seq, status, from_date, to_date, employer, office) VALUES (?, ?, '失业', ?, NULL, NULL, ?)").run(id, seq, today, office);
  db.prepare(`INSERT INTO unemployment_registrations
    (registration_id, citizen_id, kiosk_id, separation_month, reason, job_services_json, office, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(registrationId, id, kioskId, details.separationMonth, details.reason, JSON.stringify(details.jobServices), office, registeredAt);
  db.prepare(`INSERT INTO service_applications (application_id, citizen_id, kind, channel, submitted_at, state, stage, updated_date)
    VALUES (?, ?, '失业登记', '自助服务机', ?, '已办结', '已登记', ?)`).run(registrationId, id, registeredAt, today);

  const benefit = benefitEligibilityOf(db, citizen, now);
  const services = details.jobServices.length > 0 ? `${office}会就您要的${details.jobServices.join('和')}与您联系。` : '';
  const nextSteps = benefit.eligible
    ? `失业登记已办理。可以申领失业保险金：按累计缴费${benefit.contributionMonths}个月，最长可领${benefit.entitlementMonths}个月，每月${benefit.monthlyAmount}元，自登记之月起计算。${services}`
    : `失业登记已办理。${benefit.reasons.map((reason) => reason.message).join('；')}。登记后可享受免费的职业介绍和职业培训。${services}`;
  const result: UnemploymentRegistrationResult = {
    ...details,
    registrationId,
    citizenId: id,
    status: '失业',
    registeredAt,
    office,
    benefitEligible: benefit.eligible,
    nextSteps,
  };
  return created(result);
}

/** The first pay day on or after today: the 20th of this month, or of the next. */
function firstPaymentDate(today: string): string {
  const thisPayDay = `${today.slice(0, 7)}-${UNEMPLOYMENT_PAY_DAY}`;
  return today <= thisPayDay ? thisPayDay : `${addMonthsToYearMonth(today.slice(0, 7), 1)}-${UNEMPLOYMENT_PAY_DAY}`;
}

/** 失业保险金申领: everything is checked again; the claim then shows in 失业保险金 查询 as 领取中. */
export function applyForUnemploymentBenefit({ db, params, body, kioskId, now }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const request = unemploymentBenefitApplicationDetailsSchema.safeParse(body);
  if (!request.success) throw new HttpProblem(400, 'INVALID_REQUEST', '失业保险金只能发放到本人社会保障卡金融账户');
  const id = citizen.citizen_id;
  const eligibility = benefitEligibilityOf(db, citizen, now);
  const first = eligibility.reasons[0];
  if (first) {
    const conflict = ['NOT_ELIGIBLE_PENSIONER', 'STILL_EMPLOYED', 'ALREADY_RECEIVING', 'NOT_REGISTERED_UNEMPLOYED'].includes(first.code);
    throw new HttpProblem(conflict ? 409 : 422, first.code, eligibility.reasons.map((reason) => reason.message).join('；'));
  }
  const open = openUnemployment(db, id)!;
  const payout = eligibility.payout!;
  const today = chinaDateOf(now);
  const appliedAt = chinaDateTimeOf(now);
  const firstMonth = eligibility.firstMonth!;
  const entitlement = eligibility.entitlementMonths;
  const applicationId = nextDailyId(db, 'unemployment_benefit_applications', 'application_id', 'SJ', now);
  const claimId = `SY${applicationId.slice(2)}`;

  // Eligible means the open 失业登记 recorded why the job ended (else SEPARATION_REASON_UNVERIFIED), so it has its own row.
  const registrationId = open.registrationId!;
  db.prepare(`INSERT INTO unemployment_claims (claim_id, citizen_id, approved_date, entitlement_months, monthly_fen, first_month, stopped_on)
    VALUES (?, ?, ?, ?, ?, ?, NULL)`).run(claimId, id, today, entitlement, Math.round(eligibility.monthlyAmount * 100), firstMonth);
  db.prepare(`INSERT INTO unemployment_benefit_applications (application_id, citizen_id, kiosk_id, claim_id, registration_id, applied_at)
    VALUES (?, ?, ?, ?, ?, ?)`).run(applicationId, id, kioskId, claimId, registrationId, appliedAt);
  db.prepare(`INSERT INTO service_applications (application_id, citizen_id, kind, channel, submitted_at, state, stage, updated_date)
    VALUES (?, ?, '失业保险金申领', '自助服务机', ?, '已办结', '审核通过', ?)`).run(applicationId, id, appliedAt, today);

  const paymentDate = firstPaymentDate(today);
  const lastMonth = addMonthsToYearMonth(firstMonth, entitlement - 1);
  const result: UnemploymentBenefitApplicationResult = {
    applicationId,
    claimId,
    citizenId: id,
    status: '领取中',
    appliedAt,
    entitlementMonths: entitlement,
    monthlyAmount: eligibility.monthlyAmount,
    firstMonth,
    lastMonth,
    firstPaymentDate: paymentDate,
    payout,
    nextSteps: `失业保险金自${firstMonth}起计发，共${entitlement}个月，每月${eligibility.monthlyAmount}元，每月${UNEMPLOYMENT_PAY_DAY}日前后发到${payout.bank}社保卡账户，首次发放在${paymentDate}前后。领取期间医保费由失业保险基金代缴；重新就业、开始领养老金等情况要及时告知，停止领取。`,
  };
  return created(result);
}
