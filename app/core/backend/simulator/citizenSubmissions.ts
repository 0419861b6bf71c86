/**
 * Write endpoints. Each checks everything before it writes anything, and runs inside the transaction that
 * also stores its idempotency record (see createBackendSimulator.ts).
 */
import { addMonthsToYearMonth, chinaDateOf, chinaDateTimeOf, chinaYearMonthOf } from '../calendar.js';
import {
  FLEXIBLE_EMPLOYMENT_PAYER,
  flexibleEmploymentRequestSchema,
  pensionAuthSubmissionRequestSchema,
  contactChangeRequestSchema,
  type CardLossCancellationResult,
  type CardLossReportResult,
  type CardStatus,
  type ContactChangeResult,
  type FlexibleEmploymentRegistration,
  type PensionAuthReceipt,
} from '../backendTypes.js';
import { nextPensionAuthDueDate, pensionAuthStanding } from '../pensionAuthCycle.js';
import { MAX_CLOCK_SKEW_MS } from '../requestSigning.js';
import { requireCitizen } from './citizenRows.js';
import { withheldPensionPayments } from './contributionHistory.js';
import { HttpProblem } from './httpProblem.js';
import { addressProblem, maskAddress } from '../contactAddress.js';
import { maskCardNumber, maskPhone } from './masking.js';
import { created, type RouteContext, type RouteResult } from './route.js';
import type { SimulatorDatabase } from './simulatorDatabase.js';

/** "GS20250314-0002": prefix, China date, running number of the day. */
type DailyIdTable = 'card_loss_reports' | 'card_loss_cancellations' | 'contact_changes' | 'flexible_registrations' | 'pension_auth_submissions';

function nextDailyId(db: SimulatorDatabase, table: DailyIdTable, column: string, prefix: string, now: number): string {
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
  if (card.status === '封存') throw new HttpProblem(409, 'CARD_SEALED', '该社保卡已封存，请到服务大厅或合作银行办理');
  // A 临时挂失 (by phone or online) becomes a formal one here.

  const reportId = nextDailyId(db, 'card_loss_reports', 'report_id', 'GS', now);
  const reportedAt = chinaDateTimeOf(now);
  db.prepare("UPDATE cards SET status = '挂失', status_since = ? WHERE citizen_id = ?").run(chinaDateOf(now), citizen.citizen_id);
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

/**
 * 社保卡解挂: the card was found. Only a card in 挂失 or 临时挂失 can be made to work again; once a replacement has
 * been applied for (补卡中) the old card stays cancelled, and a sealed card is unsealed at the bank.
 */
export function cancelCardLoss({ db, params, kioskId, now }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const card = db.prepare('SELECT card_number, status FROM cards WHERE citizen_id = ?').get(citizen.citizen_id) as
    | { card_number: string; status: CardStatus }
    | undefined;
  if (!card) throw new HttpProblem(404, 'CARD_NOT_FOUND', '未查询到该参保人的社保卡');
  if (card.status === '补卡中') throw new HttpProblem(409, 'CARD_REPLACEMENT_APPLIED', '该社保卡已申请补卡，原卡不能解挂');
  if (card.status === '封存') throw new HttpProblem(409, 'CARD_SEALED', '该社保卡已封存，请到服务大厅或合作银行办理');
  if (card.status !== '挂失' && card.status !== '临时挂失') throw new HttpProblem(409, 'CARD_NOT_LOST', '该社保卡未处于挂失状态，无需解挂');

  const cancellationId = nextDailyId(db, 'card_loss_cancellations', 'cancellation_id', 'JG', now);
  const cancelledAt = chinaDateTimeOf(now);
  db.prepare("UPDATE cards SET status = '正常', status_since = ? WHERE citizen_id = ?").run(chinaDateOf(now), citizen.citizen_id);
  db.prepare('INSERT INTO card_loss_cancellations (cancellation_id, citizen_id, kiosk_id, previous_status, cancelled_at) VALUES (?, ?, ?, ?, ?)')
    .run(cancellationId, citizen.citizen_id, kioskId, card.status, cancelledAt);

  const result: CardLossCancellationResult = {
    cancellationId,
    citizenId: citizen.citizen_id,
    cardNumberMasked: maskCardNumber(card.card_number),
    previousStatus: card.status,
    status: '正常',
    cancelledAt,
    nextSteps: '社保卡已解挂，现在就可以正常使用。如果忘了密码，可以到合作银行网点重置。',
  };
  return created(result);
}

/**
 * 联系方式变更: the mobile number the hall texts, and optionally the 联系地址 (区 + 路/街道 + 门牌, contactAddress.ts).
 * The number must be a mobile number; the address must have a road or street and a house number. Nothing new at all
 * (the number on file and no new address) is refused.
 */
export function changeContact({ db, params, body, kioskId, now }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const request = contactChangeRequestSchema.safeParse(body);
  if (!request.success) throw new HttpProblem(400, 'INVALID_REQUEST', '联系方式信息不完整或格式不对');
  const phone = request.data.phone;
  if (!/^1[3-9]\d{9}$/.test(phone)) throw new HttpProblem(422, 'INVALID_PHONE', '手机号码应为以13至19开头的11位数字');
  const address = request.data.address?.replace(/\s+/g, '');
  const problem = address === undefined ? null : addressProblem(address);
  if (problem !== null) throw new HttpProblem(422, 'INVALID_ADDRESS', problem === 'no-road' ? '联系地址应包含路名或街道名' : '联系地址应包含门牌号');
  const previous = db.prepare('SELECT phone, address FROM citizens WHERE citizen_id = ?').get(citizen.citizen_id) as { phone: string; address: string | null };
  const addressChanges = address !== undefined && address !== previous.address;
  if (previous.phone === phone && !addressChanges) {
    if (address === undefined) throw new HttpProblem(409, 'PHONE_UNCHANGED', '新手机号码与登记的号码相同');
    throw new HttpProblem(409, 'CONTACT_UNCHANGED', '新的手机号码和联系地址与登记的相同');
  }

  const changeId = nextDailyId(db, 'contact_changes', 'change_id', 'LX', now);
  const changedAt = chinaDateTimeOf(now);
  db.prepare('UPDATE citizens SET phone = ? WHERE citizen_id = ?').run(phone, citizen.citizen_id);
  if (addressChanges) db.prepare('UPDATE citizens SET address = ? WHERE citizen_id = ?').run(address, citizen.citizen_id);
  db.prepare('INSERT INTO contact_changes (change_id, citizen_id, kiosk_id, previous_phone, phone, changed_at, address, previous_address) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(changeId, citizen.citizen_id, kioskId, previous.phone, phone, changedAt, addressChanges ? address : null, addressChanges ? previous.address : null);

  const result: ContactChangeResult = {
    changeId,
    citizenId: citizen.citizen_id,
    previousPhoneMasked: maskPhone(previous.phone),
    phoneMasked: maskPhone(phone),
    addressMasked: addressChanges ? maskAddress(address) : null,
    changedAt,
    nextSteps: addressChanges
      ? `${previous.phone === phone ? '' : '以后的业务通知和验证码会发到新号码上，原来的号码不再接收。'}需要邮寄的材料会寄到新的联系地址。`
      : '以后的业务通知和验证码会发到新号码上，原来的号码不再接收。',
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

/**
 * Records a passed 养老认证 and restarts the 12-month cycle from the China calendar day of `authenticatedAt`.
 * A late submission older than the last authentication on record (queued while offline) is recorded but does
 * not move the cycle back. Pension withheld while the authentication was overdue is paid (补发) today.
 */
export function submitPensionAuth({ db, params, body, kioskId, now }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const request = pensionAuthSubmissionRequestSchema.safeParse(body);
  if (!request.success) throw new HttpProblem(400, 'INVALID_REQUEST', '养老认证结果不完整或格式不对');
  const submission = request.data;
  if (submission.kioskId !== kioskId) throw new HttpProblem(400, 'INVALID_REQUEST', '认证终端编号与发送请求的终端不一致');
  const authenticatedMs = Date.parse(submission.authenticatedAt);
  // The kiosk's clock may run a little ahead, as much as a signature tolerates; no further.
  if (authenticatedMs > now + MAX_CLOCK_SKEW_MS) throw new HttpProblem(400, 'INVALID_REQUEST', '认证时间不能晚于当前时间');
  if (citizen.is_pensioner !== 1) throw new HttpProblem(422, 'NOT_PENSIONER', '该参保人未领取养老金，无需进行养老金领取资格认证');

  const today = chinaDateOf(now);
  const authenticatedOn = chinaDateOf(authenticatedMs);
  const previous = citizen.last_authenticated_on;
  const lastAuthenticatedOn = previous !== null && previous > authenticatedOn ? previous : authenticatedOn;
  const nextDueDate = nextPensionAuthDueDate(lastAuthenticatedOn);

  const submissionId = nextDailyId(db, 'pension_auth_submissions', 'submission_id', 'RZ', now);
  db.prepare(`INSERT INTO pension_auth_submissions
    (submission_id, citizen_id, kiosk_id, method, authenticated_at, authenticated_on, similarity, liveness, challenges_json, received_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    submissionId, citizen.citizen_id, kioskId, submission.method, submission.authenticatedAt, authenticatedOn,
    submission.scores.similarity, submission.scores.liveness, JSON.stringify(submission.challenges), chinaDateTimeOf(now),
  );
  db.prepare('UPDATE citizens SET last_authenticated_on = ? WHERE citizen_id = ?').run(lastAuthenticatedOn, citizen.citizen_id);

  // Payments stop after a missed due date (see contributionHistory.ts); now that the cycle is current again, pay what was held back.
  const lastPaid = db.prepare('SELECT month, amount_fen, paid_date FROM pension_payments WHERE citizen_id = ? ORDER BY month DESC LIMIT 1').get(citizen.citizen_id) as
    | { month: string; amount_fen: number; paid_date: string }
    | undefined;
  if (previous !== null && lastPaid && today <= nextDueDate) {
    const insertPayment = db.prepare('INSERT INTO pension_payments (citizen_id, month, amount_fen, paid_date) VALUES (?, ?, ?, ?)');
    const owed = withheldPensionPayments({ month: lastPaid.month, amountFen: lastPaid.amount_fen, paidDate: lastPaid.paid_date }, nextPensionAuthDueDate(previous), today);
    for (const payment of owed) insertPayment.run(citizen.citizen_id, payment.month, payment.amountFen, payment.paidDate);
  }

  const receipt: PensionAuthReceipt = {
    accepted: true,
    submissionId,
    citizenId: citizen.citizen_id,
    lastAuthenticatedAt: lastAuthenticatedOn,
    nextDueDate,
    standing: pensionAuthStanding(nextDueDate, today),
  };
  return created(receipt);
}
