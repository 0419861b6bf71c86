/** Read-only endpoints: what the kiosk can look up about a citizen. */
import { createHash } from 'node:crypto';
import { maskIdNumber } from '../../../../common/maskIdNumber.js';
import { normalizeIdNumber } from '../../../../common/normalizeIdNumber.js';
import { chinaDateOf, chinaDateTimeOf } from '../calendar.js';
import {
  demoCitizenSchema,
  lookupCitizenRequestSchema,
  yearMonthSchema,
  type CertificateData,
  type CertificateInsurance,
  type CitizenProfile,
  type ContributionBaseHistory,
  type ContributionHistory,
  type DemoCitizen,
  type DemoTag,
  type InsuranceEnrolment,
  type PensionAuthStatus,
  type PensionPaymentHistory,
  type SocialSecurityCard,
} from '../backendTypes.js';
import { isValidIdNumber } from '../idNumber.js';
import { nextPensionAuthDueDate, pensionAuthStanding } from '../pensionAuthCycle.js';
import { INSURANCE_TYPE_ORDER_SQL, requireCitizen, yuan, type CitizenRow } from './citizenRows.js';
import { demoTagLabels } from './demoCitizens.js';
import { HttpProblem } from './httpProblem.js';
import { maskCardNumber, maskPhone } from './masking.js';
import { periodsOf } from './monthRuns.js';
import { ok, type RouteContext, type RouteResult } from './route.js';

export function health({ now }: RouteContext): RouteResult {
  return ok({ status: 'ok', service: 'renshe-backend-simulator', time: chinaDateTimeOf(now) });
}

export function lookupCitizen({ db, body, now }: RouteContext): RouteResult {
  const request = lookupCitizenRequestSchema.safeParse(body);
  if (!request.success) throw new HttpProblem(400, 'INVALID_REQUEST', '请求缺少身份证号码');
  const idNumber = normalizeIdNumber(request.data.idNumber);
  if (!isValidIdNumber(idNumber, new Date(now))) throw new HttpProblem(400, 'INVALID_ID_NUMBER', '身份证号码格式或校验位不正确');
  const citizen = db.prepare('SELECT * FROM citizens WHERE id_number = ?').get(idNumber) as CitizenRow | undefined;
  if (!citizen) throw new HttpProblem(404, 'CITIZEN_NOT_FOUND', '未查询到该身份证号码的参保信息');
  const profile: CitizenProfile = {
    id: citizen.citizen_id,
    name: citizen.name,
    idNumber: citizen.id_number,
    gender: citizen.gender,
    birthDate: citizen.birth_date,
    phoneMasked: maskPhone(citizen.phone),
  };
  return ok(profile);
}

function requireMonthParameter(query: URLSearchParams, name: 'from' | 'to'): string {
  const parsed = yearMonthSchema.safeParse(query.get(name));
  if (!parsed.success) throw new HttpProblem(400, 'INVALID_REQUEST', `查询月份${name === 'from' ? '起' : '止'}格式应为YYYY-MM`);
  return parsed.data;
}

interface ContributionDbRow {
  month: string;
  type: CertificateInsurance['type'];
  base_fen: number;
  personal_fen: number;
  employer_fen: number;
  payer: string;
}

export function contributions({ db, params, query }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const from = requireMonthParameter(query, 'from');
  const to = requireMonthParameter(query, 'to');
  if (from > to) throw new HttpProblem(400, 'INVALID_REQUEST', '查询起始月份不能晚于结束月份');
  const rows = db
    .prepare(`SELECT * FROM contributions WHERE citizen_id = ? AND month BETWEEN ? AND ? ORDER BY month, ${INSURANCE_TYPE_ORDER_SQL}`)
    .all(citizen.citizen_id, from, to) as ContributionDbRow[];
  const history: ContributionHistory = {
    citizenId: citizen.citizen_id,
    from,
    to,
    records: rows.map((row) => ({
      month: row.month,
      type: row.type,
      base: yuan(row.base_fen),
      personalAmount: yuan(row.personal_fen),
      employerAmount: yuan(row.employer_fen),
      employer: row.payer,
    })),
  };
  return ok(history);
}

export function contributionBase({ db, params }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const rows = db
    .prepare(`SELECT CAST(substr(month, 1, 4) AS INTEGER) AS year, MAX(base_fen) AS base_fen FROM contributions
      WHERE citizen_id = ? AND type = '养老' GROUP BY year ORDER BY year`)
    .all(citizen.citizen_id) as Array<{ year: number; base_fen: number }>;
  const history: ContributionBaseHistory = { citizenId: citizen.citizen_id, years: rows.map((row) => ({ year: row.year, base: yuan(row.base_fen) })) };
  return ok(history);
}

export function pensionPayments({ db, params }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const rows = db
    .prepare('SELECT month, amount_fen, paid_date FROM pension_payments WHERE citizen_id = ? ORDER BY month')
    .all(citizen.citizen_id) as Array<{ month: string; amount_fen: number; paid_date: string }>;
  const history: PensionPaymentHistory = {
    citizenId: citizen.citizen_id,
    payments: rows.map((row) => ({ month: row.month, amount: yuan(row.amount_fen), paidDate: row.paid_date })),
  };
  return ok(history);
}

export function card({ db, params }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const row = db.prepare('SELECT * FROM cards WHERE citizen_id = ?').get(citizen.citizen_id) as
    | { card_number: string; status: SocialSecurityCard['status']; bank: string; issued_date: string; status_since: string | null }
    | undefined;
  if (!row) throw new HttpProblem(404, 'CARD_NOT_FOUND', '未查询到该参保人的社保卡');
  const result: SocialSecurityCard = {
    citizenId: citizen.citizen_id,
    cardNumberMasked: maskCardNumber(row.card_number),
    status: row.status,
    bank: row.bank,
    issuedDate: row.issued_date,
    statusSince: row.status_since ?? row.issued_date,
  };
  return ok(result);
}

export function pensionAuth({ db, params, now }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const last = citizen.last_authenticated_on;
  let status: PensionAuthStatus;
  if (citizen.is_pensioner !== 1) {
    status = { citizenId: citizen.citizen_id, isPensioner: false, lastAuthenticatedAt: null, nextDueDate: null, standing: '不适用' };
  } else if (last === null) {
    status = { citizenId: citizen.citizen_id, isPensioner: true, lastAuthenticatedAt: null, nextDueDate: null, standing: '已到期' };
  } else {
    const nextDueDate = nextPensionAuthDueDate(last);
    status = { citizenId: citizen.citizen_id, isPensioner: true, lastAuthenticatedAt: last, nextDueDate, standing: pensionAuthStanding(nextDueDate, chinaDateOf(now)) };
  }
  return ok(status);
}

export function certificateData({ db, params, now, hall }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const enrolments = db
    .prepare(`SELECT type, status, start_period, end_period FROM enrolments WHERE citizen_id = ? ORDER BY ${INSURANCE_TYPE_ORDER_SQL}`)
    .all(citizen.citizen_id) as Array<{ type: InsuranceEnrolment['type']; status: InsuranceEnrolment['status']; start_period: string; end_period: string | null }>;
  const monthsOfType = db.prepare('SELECT month, payer FROM contributions WHERE citizen_id = ? AND type = ? ORDER BY month');

  const insurances: CertificateInsurance[] = enrolments.map((enrolment) => {
    const rows = monthsOfType.all(citizen.citizen_id, enrolment.type) as Array<{ month: string; payer: string }>;
    return {
      type: enrolment.type,
      status: enrolment.status,
      startPeriod: enrolment.start_period,
      endPeriod: enrolment.end_period,
      contributionMonths: rows.length,
      periods: periodsOf(rows),
    };
  });
  const issuedAt = chinaDateTimeOf(now);
  const data: CertificateData = {
    citizen: { id: citizen.citizen_id, name: citizen.name, gender: citizen.gender, idNumberMasked: maskIdNumber(citizen.id_number) },
    insurances,
    issuingHall: hall,
    issuedAt,
    verificationCode: createHash('sha256').update(`${hall.code}|${citizen.citizen_id}|${issuedAt}`).digest('hex').slice(0, 16).toUpperCase(),
  };
  return ok(data);
}

export function demoCitizens({ db }: RouteContext): RouteResult {
  const rows = db.prepare('SELECT * FROM citizens ORDER BY citizen_id').all() as CitizenRow[];
  const citizens: DemoCitizen[] = rows.map((row) =>
    demoCitizenSchema.parse({
      citizenId: row.citizen_id,
      name: row.name,
      idNumber: row.id_number,
      gender: row.gender,
      birthDate: row.birth_date,
      usefulFor: (JSON.parse(row.useful_for_json) as DemoTag[]).map((tag) => ({ tag, label: demoTagLabels[tag] })),
      referencePhoto: row.reference_photo,
    }),
  );
  return ok({ citizens });
}
