/**
 * 技能提升补贴 (失业保险技能提升补贴): what a citizen can apply for, and the application. The rules and amounts are
 * skillSubsidyTypes.ts's (knowledge base D08); the application checks everything again before it writes.
 */
import { addMonthsToDate, chinaDateOf, chinaDateTimeOf } from '../calendar.js';
import type { CardStatus, SkillCertificate } from '../backendTypes.js';
import {
  SKILL_SUBSIDY_RULES,
  SKILL_SUBSIDY_YUAN,
  skillSubsidyApplicationRequestSchema,
  type SkillSubsidyApplicationResult,
  type SkillSubsidyBlock,
  type SkillSubsidyCertificate,
  type SkillSubsidyEligibility,
} from '../skillSubsidyTypes.js';
import { requireCitizen } from './citizenRows.js';
import { HttpProblem } from './httpProblem.js';
import { maskCardNumber } from './masking.js';
import { created, ok, type RouteContext, type RouteResult } from './route.js';
import type { SimulatorDatabase } from './simulatorDatabase.js';

type Level = SkillCertificate['level'];

/** 五级 (初级) lowest … 一级 (高级技师) highest. */
const LEVEL_RANK: Record<Level, number> = { '五级/初级工': 1, '四级/中级工': 2, '三级/高级工': 3, '二级/技师': 4, '一级/高级技师': 5 };

interface CertificateRow {
  certificate_number: string;
  occupation: string;
  level: Level;
  issued_date: string;
  status: '有效' | '已注销';
}

interface InsuranceStanding {
  months: number;
  receivingBenefit: boolean;
  met: boolean;
}

/** 参加失业保险累计满12个月, or drawing 失业保险金 now (a claim neither stopped nor used up). */
function insuranceStanding(db: SimulatorDatabase, citizenId: string): InsuranceStanding {
  const months = db.prepare("SELECT COUNT(*) FROM contributions WHERE citizen_id = ? AND type = '失业'").pluck().get(citizenId) as number;
  const receiving = db.prepare(`SELECT COUNT(*) FROM unemployment_claims c WHERE c.citizen_id = ? AND c.stopped_on IS NULL
    AND (SELECT COUNT(*) FROM unemployment_payments p WHERE p.claim_id = c.claim_id) < c.entitlement_months`).pluck().get(citizenId) as number;
  return { months, receivingBenefit: receiving > 0, met: months >= SKILL_SUBSIDY_RULES.minInsuredMonths || receiving > 0 };
}

/** Why this certificate cannot be applied for today (insurance aside), or null. Checked in the order the refusals are. */
function blockOf(db: SimulatorDatabase, citizenId: string, certificate: CertificateRow, today: string): SkillSubsidyBlock | null {
  if (certificate.status === '已注销') return 'CERTIFICATE_REVOKED';
  if (SKILL_SUBSIDY_YUAN[certificate.level] === null) return 'LEVEL_NOT_COVERED';
  if (today > addMonthsToDate(certificate.issued_date, SKILL_SUBSIDY_RULES.applyWithinMonths)) return 'CERTIFICATE_TOO_OLD';
  // 同一职业同一等级只能享受一次; a lower level of an occupation already subsidised at a higher one gets nothing.
  const subsidised = db.prepare("SELECT level FROM skill_subsidy_applications WHERE citizen_id = ? AND occupation = ? AND state != '未通过'").pluck()
    .all(citizenId, certificate.occupation) as Level[];
  if (subsidised.some((level) => LEVEL_RANK[level] >= LEVEL_RANK[certificate.level])) return 'ALREADY_SUBSIDISED';
  const thisYear = db.prepare("SELECT COUNT(*) FROM skill_subsidy_applications WHERE citizen_id = ? AND state != '未通过' AND substr(submitted_at, 1, 4) = ?").pluck()
    .get(citizenId, today.slice(0, 4)) as number;
  if (thisYear >= SKILL_SUBSIDY_RULES.maxPerYear) return 'SUBSIDY_LIMIT_REACHED';
  return null;
}

function certificateRows(db: SimulatorDatabase, citizenId: string): CertificateRow[] {
  return db.prepare('SELECT certificate_number, occupation, level, issued_date, status FROM skill_certificates WHERE citizen_id = ? ORDER BY issued_date DESC, certificate_number')
    .all(citizenId) as CertificateRow[];
}

/** GET: the insurance condition and every certificate on record, each with whether it can be applied for and why not. */
export function skillSubsidyEligibility({ db, params, now }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const today = chinaDateOf(now);
  const insurance = insuranceStanding(db, citizen.citizen_id);
  const subsidiesThisYear = db.prepare("SELECT COUNT(*) FROM skill_subsidy_applications WHERE citizen_id = ? AND state != '未通过' AND substr(submitted_at, 1, 4) = ?").pluck()
    .get(citizen.citizen_id, today.slice(0, 4)) as number;
  const certificates: SkillSubsidyCertificate[] = certificateRows(db, citizen.citizen_id).map((row) => ({
    certificateNumber: row.certificate_number,
    occupation: row.occupation,
    level: row.level,
    issuedDate: row.issued_date,
    status: row.status,
    amount: SKILL_SUBSIDY_YUAN[row.level],
    blockedBy: blockOf(db, citizen.citizen_id, row, today),
    applyBy: addMonthsToDate(row.issued_date, SKILL_SUBSIDY_RULES.applyWithinMonths),
  }));
  const result: SkillSubsidyEligibility = {
    citizenId: citizen.citizen_id,
    unemploymentInsuranceMonths: insurance.months,
    receivingUnemploymentBenefit: insurance.receivingBenefit,
    insuranceConditionMet: insurance.met,
    subsidiesThisYear,
    certificates,
  };
  return ok(result);
}

const REFUSALS: Record<SkillSubsidyBlock, [status: number, message: string]> = {
  CERTIFICATE_REVOKED: [409, '该职业技能等级证书已注销，不能申领技能提升补贴'],
  LEVEL_NOT_COVERED: [422, '该等级证书的技能提升补贴须到经办机构窗口申请'],
  CERTIFICATE_TOO_OLD: [409, `证书核发已超过${SKILL_SUBSIDY_RULES.applyWithinMonths}个月，逾期不予受理`],
  ALREADY_SUBSIDISED: [409, '同一职业同一等级（或更高等级）已享受过技能提升补贴'],
  SUBSIDY_LIMIT_REACHED: [409, `每人每年最多享受${SKILL_SUBSIDY_RULES.maxPerYear}次技能提升补贴`],
};

/** "JT20250314-0001": 技提, the China day, the running number of the day. */
function nextApplicationId(db: SimulatorDatabase, now: number): string {
  const stem = `JT${chinaDateOf(now).replaceAll('-', '')}-`;
  const count = db.prepare('SELECT COUNT(*) FROM skill_subsidy_applications WHERE application_id LIKE ?').pluck().get(`${stem}%`) as number;
  return `${stem}${String(count + 1).padStart(4, '0')}`;
}

/** POST: 技能提升补贴申领 for one of the citizen's certificates; paid to the social security card's financial account. */
export function applySkillSubsidy({ db, params, body, kioskId, now }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const request = skillSubsidyApplicationRequestSchema.safeParse(body);
  if (!request.success) throw new HttpProblem(400, 'INVALID_REQUEST', '申领信息不完整或格式不对');
  const certificateNumber = request.data.certificateNumber.replace(/[\s-]/g, '').toUpperCase();
  const certificate = certificateRows(db, citizen.citizen_id).find((row) => row.certificate_number === certificateNumber);
  if (!certificate) throw new HttpProblem(422, 'CERTIFICATE_NOT_FOUND', '该参保人名下没有这个编号的职业技能等级证书');
  const today = chinaDateOf(now);
  // The certificate first (revoked, level, deadline), then the insurance, then what was already paid.
  const block = blockOf(db, citizen.citizen_id, certificate, today);
  if (block === 'CERTIFICATE_REVOKED' || block === 'LEVEL_NOT_COVERED' || block === 'CERTIFICATE_TOO_OLD') throw new HttpProblem(REFUSALS[block][0], block, REFUSALS[block][1]);
  const insurance = insuranceStanding(db, citizen.citizen_id);
  if (!insurance.met) {
    throw new HttpProblem(409, 'NOT_ENOUGH_INSURANCE', `参加失业保险累计不足${SKILL_SUBSIDY_RULES.minInsuredMonths}个月（现${insurance.months}个月），且未在领取失业保险金`);
  }
  if (block !== null) throw new HttpProblem(REFUSALS[block][0], block, REFUSALS[block][1]);

  const amount = SKILL_SUBSIDY_YUAN[certificate.level]!;
  const applicationId = nextApplicationId(db, now);
  const submittedAt = chinaDateTimeOf(now);
  db.prepare(`INSERT INTO skill_subsidy_applications
    (application_id, citizen_id, kiosk_id, certificate_number, occupation, level, amount_fen, state, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, '已受理', ?)`)
    .run(applicationId, citizen.citizen_id, kioskId, certificate.certificate_number, certificate.occupation, certificate.level, amount * 100, submittedAt);

  const card = db.prepare('SELECT card_number, status FROM cards WHERE citizen_id = ?').get(citizen.citizen_id) as { card_number: string; status: CardStatus } | undefined;
  const cardUsable = card?.status === '正常';
  const result: SkillSubsidyApplicationResult = {
    applicationId,
    citizenId: citizen.citizen_id,
    certificateNumber: certificate.certificate_number,
    occupation: certificate.occupation,
    level: certificate.level,
    amount,
    paidTo: card ? `社会保障卡金融账户（${maskCardNumber(card.card_number)}）` : '社会保障卡金融账户',
    status: '已受理',
    submittedAt,
    nextSteps: cardUsable
      ? '审核通过后，补贴发到您社会保障卡的金融账户，到账会有短信通知。'
      : '审核通过后，补贴发到您社会保障卡的金融账户。您的社保卡现在不能正常使用，请先办理解挂或补卡，否则补贴无法到账。',
  };
  return created(result);
}
