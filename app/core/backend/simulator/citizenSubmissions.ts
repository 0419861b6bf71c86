/**
 * Write endpoints. Each checks everything before it writes anything, and runs inside the transaction that
 * also stores its idempotency record (see createBackendSimulator.ts).
 */
import { addMonthsToYearMonth, chinaDateOf, chinaDateTimeOf, chinaYearMonthOf } from '../calendar.js';
import {
  FLEXIBLE_EMPLOYMENT_PAYER,
  flexibleEmploymentRequestSchema,
  type CardLossReportResult,
  type CardStatus,
  type FlexibleEmploymentRegistration,
} from '../backendTypes.js';
import { requireCitizen } from './citizenRows.js';
import { HttpProblem } from './httpProblem.js';
import { maskCardNumber } from './masking.js';
import { created, type RouteContext, type RouteResult } from './route.js';
import type { SimulatorDatabase } from './simulatorDatabase.js';

/** "GS20250314-0002": prefix, China date, running number of the day. */
function nextDailyId(db: SimulatorDatabase, table: 'card_loss_reports' | 'flexible_registrations', column: string, prefix: string, now: number): string {
  const stem = `${prefix}${chinaDateOf(now).replaceAll('-', '')}-`;
  const count = db.prepare(`SELECT COUNT(*) FROM ${table} WHERE ${column} LIKE ?`).pluck().get(`${stem}%`) as number;
  return `${stem}${String(count + 1).padStart(4, '0')}`;
}

export function reportCardLoss({ db, params, kioskId, now }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const card = db.prepare('SELECT card_number, status FROM cards WHERE citizen_id = ?').get(citizen.citizen_id) as
    | { card_number: string; status: CardStatus }
    | undefined;
  if (!card) throw new HttpProblem(404, 'CARD_NOT_FOUND', '未查询到该参保人的社保卡');
  if (card.status === '挂失') throw new HttpProblem(409, 'CARD_ALREADY_LOST', '该社保卡已处于挂失状态');
  if (card.status === '补卡中') throw new HttpProblem(409, 'CARD_BEING_REPLACED', '该社保卡正在补办，无需挂失');

  const reportId = nextDailyId(db, 'card_loss_reports', 'report_id', 'GS', now);
  const reportedAt = chinaDateTimeOf(now);
  db.prepare("UPDATE cards SET status = '挂失' WHERE citizen_id = ?").run(citizen.citizen_id);
  db.prepare('INSERT INTO card_loss_reports (report_id, citizen_id, kiosk_id, reported_at) VALUES (?, ?, ?, ?)').run(reportId, citizen.citizen_id, kioskId, reportedAt);

  const result: CardLossReportResult = {
    reportId,
    citizenId: citizen.citizen_id,
    cardNumberMasked: maskCardNumber(card.card_number),
    status: '挂失',
    reportedAt,
    nextSteps: '社保卡已挂失，这张卡不能再使用。补办新卡请带身份证到服务大厅或合作银行网点办理。',
  };
  return created(result);
}

/** How far ahead a flexible worker may choose to start contributing. */
const MAX_START_MONTHS_AHEAD = 3;

export function registerFlexibleEmployment({ db, params, body, kioskId, now }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const request = flexibleEmploymentRequestSchema.safeParse(body);
  if (!request.success) throw new HttpProblem(400, 'INVALID_REQUEST', '灵活就业登记信息不完整或格式不对');
  const details = request.data;

  const thisMonth = chinaYearMonthOf(now);
  if (details.startMonth < thisMonth || details.startMonth > addMonthsToYearMonth(thisMonth, MAX_START_MONTHS_AHEAD)) {
    throw new HttpProblem(400, 'INVALID_REQUEST', `起始缴费月份只能是本月或之后${MAX_START_MONTHS_AHEAD}个月内`);
  }
  if (citizen.is_pensioner === 1) throw new HttpProblem(409, 'NOT_ELIGIBLE_PENSIONER', '已领取养老金人员不能登记灵活就业参保');
  const registered = db.prepare('SELECT COUNT(*) FROM flexible_registrations WHERE citizen_id = ?').pluck().get(citizen.citizen_id) as number;
  if (registered > 0) throw new HttpProblem(409, 'ALREADY_REGISTERED', '已登记灵活就业，无需重复登记');
  // An employer paid for last month: the citizen is employed and insured through the employer.
  const employed = db
    .prepare('SELECT COUNT(*) FROM contributions WHERE citizen_id = ? AND month >= ? AND payer != ?')
    .pluck()
    .get(citizen.citizen_id, addMonthsToYearMonth(thisMonth, -1), FLEXIBLE_EMPLOYMENT_PAYER) as number;
  if (employed > 0) throw new HttpProblem(409, 'NOT_ELIGIBLE_EMPLOYED', '当前有单位为其缴纳社会保险，不能登记灵活就业');

  const registrationId = nextDailyId(db, 'flexible_registrations', 'registration_id', 'LH', now);
  const registeredAt = chinaDateTimeOf(now);
  db.prepare(`INSERT INTO flexible_registrations
    (registration_id, citizen_id, kiosk_id, employment_type, start_month, insurance_types_json, contribution_level, residence_street, registered_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    registrationId, citizen.citizen_id, kioskId, details.employmentType, details.startMonth,
    JSON.stringify(details.insuranceTypes), details.contributionLevel, details.residenceStreet, registeredAt,
  );
  const enrol = db.prepare(`INSERT INTO enrolments (citizen_id, type, status, start_period, end_period) VALUES (?, ?, '参保缴费', ?, NULL)
    ON CONFLICT (citizen_id, type) DO UPDATE SET status = '参保缴费', end_period = NULL`);
  for (const type of details.insuranceTypes) enrol.run(citizen.citizen_id, type, details.startMonth);

  const registration: FlexibleEmploymentRegistration = {
    ...details,
    registrationId,
    citizenId: citizen.citizen_id,
    status: '已登记',
    registeredAt,
    nextSteps: `灵活就业登记已完成。请从${details.startMonth}起按月缴费，社保费由税务部门征收，可通过银行或手机缴费，具体方式可咨询工作人员。`,
  };
  return created(registration);
}
