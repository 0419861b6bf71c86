/**
 * Personal queries about benefits and things in progress (聊天查): 失业保险金, 工伤保险待遇, 制卡进度, 关系转移接续,
 * 就业失业登记, 就业创业证, 业务办理进度; and the public 职业技能等级证书 lookup, which needs no citizen.
 */
import type { z } from 'zod';
import { addMonthsToYearMonth, chinaDateTimeOf } from '../calendar.js';
import {
  applicationSchema,
  cardApplicationStageSchema,
  skillCertificateLookupRequestSchema,
  transferStageSchema,
  type ApplicationList,
  type CardApplications,
  type EmploymentCertificate,
  type EmploymentRegistration,
  type InsuranceTransfers,
  type SkillCertificate,
  type UnemploymentBenefit,
  type WorkInjuryBenefits,
} from '../backendTypes.js';
import { requireCitizen, yuan } from './citizenRows.js';
import { HttpProblem } from './httpProblem.js';
import { maskName } from './masking.js';
import { ok, type RouteContext, type RouteResult } from './route.js';

type CardStage = z.infer<typeof cardApplicationStageSchema>;
type TransferStage = z.infer<typeof transferStageSchema>;
type Application = z.infer<typeof applicationSchema>;

export function unemploymentBenefit({ db, params }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const claims = db.prepare('SELECT * FROM unemployment_claims WHERE citizen_id = ? ORDER BY first_month DESC').all(citizen.citizen_id) as Array<{
    claim_id: string; approved_date: string; entitlement_months: number; monthly_fen: number; first_month: string; stopped_on: string | null;
  }>;
  const paymentsOf = db.prepare('SELECT month, amount_fen, paid_date FROM unemployment_payments WHERE claim_id = ? ORDER BY month');
  const result: UnemploymentBenefit = {
    citizenId: citizen.citizen_id,
    claims: claims.map((claim) => {
      const payments = paymentsOf.all(claim.claim_id) as Array<{ month: string; amount_fen: number; paid_date: string }>;
      const remaining = Math.max(0, claim.entitlement_months - payments.length);
      return {
        claimId: claim.claim_id,
        status: claim.stopped_on !== null ? '已停发' : remaining === 0 ? '已领完' : '领取中',
        approvedDate: claim.approved_date,
        entitlementMonths: claim.entitlement_months,
        monthlyAmount: yuan(claim.monthly_fen),
        firstMonth: claim.first_month,
        lastMonth: addMonthsToYearMonth(claim.first_month, claim.entitlement_months - 1),
        paidMonths: payments.length,
        remainingMonths: remaining,
        payments: payments.map((payment) => ({ month: payment.month, amount: yuan(payment.amount_fen), paidDate: payment.paid_date })),
      };
    }),
  };
  return ok(result);
}

export function workInjury({ db, params }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const cases = db.prepare('SELECT * FROM work_injury_cases WHERE citizen_id = ? ORDER BY injury_date DESC').all(citizen.citizen_id) as Array<{
    case_id: string; injury_date: string; employer: string; recognised_date: string | null; disability_grade: number | null; assessed_date: string | null;
  }>;
  const benefitsOf = db.prepare('SELECT * FROM work_injury_benefits WHERE case_id = ? ORDER BY seq');
  type Benefit = WorkInjuryBenefits['cases'][number]['benefits'][number];
  const result: WorkInjuryBenefits = {
    citizenId: citizen.citizen_id,
    cases: cases.map((injury) => ({
      caseId: injury.case_id,
      injuryDate: injury.injury_date,
      employer: injury.employer,
      stage: injury.assessed_date !== null ? '已鉴定' : injury.recognised_date !== null ? '已认定' : '认定中',
      recognisedDate: injury.recognised_date,
      disabilityGrade: injury.disability_grade,
      assessedDate: injury.assessed_date,
      benefits: (benefitsOf.all(injury.case_id) as Array<{
        kind: Benefit['kind']; amount_fen: number; period_from: string | null; period_to: string | null; paid_date: string | null; payer: Benefit['payer'];
      }>).map((benefit) => ({
        kind: benefit.kind,
        amount: yuan(benefit.amount_fen),
        period: benefit.period_from !== null && benefit.period_to !== null ? { from: benefit.period_from, to: benefit.period_to } : null,
        paidDate: benefit.paid_date,
        payer: benefit.payer,
      })),
    })),
  };
  return ok(result);
}

interface CardApplicationDbRow {
  application_id: string;
  kind: CardApplications['applications'][number]['kind'];
  channel: Application['channel'];
  applied_date: string;
  stages_json: string;
  pickup_hall: string | null;
  pickup_window: string | null;
  carrier: string | null;
  tracking_number: string | null;
}

function cardApplicationRows(db: RouteContext['db'], citizenId: string): CardApplicationDbRow[] {
  return db.prepare('SELECT * FROM card_applications WHERE citizen_id = ? ORDER BY applied_date DESC').all(citizenId) as CardApplicationDbRow[];
}

function stagesOf<S extends string>(json: string): Array<{ stage: S; date: string }> {
  return JSON.parse(json) as Array<{ stage: S; date: string }>;
}

export function cardApplications({ db, params }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const result: CardApplications = {
    citizenId: citizen.citizen_id,
    applications: cardApplicationRows(db, citizen.citizen_id).map((row) => {
      const stages = stagesOf<CardStage>(row.stages_json);
      const stage = stages[stages.length - 1]!.stage;
      const mailed = stages.find((entry) => entry.stage === '已邮寄');
      return {
        applicationId: row.application_id,
        kind: row.kind,
        channel: row.channel,
        appliedDate: row.applied_date,
        stage,
        stages,
        pickup: stage === '待领取' && row.pickup_hall !== null && row.pickup_window !== null ? { hall: row.pickup_hall, window: row.pickup_window } : null,
        delivery: mailed && row.carrier !== null && row.tracking_number !== null ? { carrier: row.carrier, trackingNumber: row.tracking_number, mailedDate: mailed.date } : null,
      };
    }),
  };
  return ok(result);
}

interface TransferDbRow {
  transfer_id: string;
  insurance: '养老' | '医疗';
  direction: '转入' | '转出';
  from_region: string;
  to_region: string;
  applied_date: string;
  stages_json: string;
  months: number;
}

function transferRows(db: RouteContext['db'], citizenId: string): TransferDbRow[] {
  return db.prepare('SELECT * FROM insurance_transfers WHERE citizen_id = ? ORDER BY applied_date DESC').all(citizenId) as TransferDbRow[];
}

export function transfers({ db, params }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const result: InsuranceTransfers = {
    citizenId: citizen.citizen_id,
    transfers: transferRows(db, citizen.citizen_id).map((row) => {
      const stages = stagesOf<TransferStage>(row.stages_json);
      const confirmed = stages.some((entry) => entry.stage === '转出地已确认');
      return {
        transferId: row.transfer_id,
        insurance: row.insurance,
        direction: row.direction,
        fromRegion: row.from_region,
        toRegion: row.to_region,
        appliedDate: row.applied_date,
        stage: stages[stages.length - 1]!.stage,
        stages,
        transferredMonths: confirmed ? row.months : null,
        completedDate: stages.find((entry) => entry.stage === '已办结')?.date ?? null,
      };
    }),
  };
  return ok(result);
}

export function employmentRegistration({ db, params }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const rows = db.prepare('SELECT status, from_date, to_date, employer, office FROM employment_registrations WHERE citizen_id = ? ORDER BY from_date, seq').all(citizen.citizen_id) as Array<{
    status: '就业' | '失业'; from_date: string; to_date: string | null; employer: string | null; office: string | null;
  }>;
  const history = rows.map((row) => ({ status: row.status, from: row.from_date, to: row.to_date, employer: row.employer, office: row.office }));
  const open = history.filter((row) => row.to === null).at(-1);
  let result: EmploymentRegistration;
  if (open) {
    result = { citizenId: citizen.citizen_id, status: open.status, since: open.from, employer: open.status === '就业' ? open.employer : null, office: open.status === '失业' ? open.office : null, history };
  } else if (citizen.is_pensioner === 1) {
    result = { citizenId: citizen.citizen_id, status: '退休', since: citizen.retired_on, employer: null, office: null, history };
  } else {
    result = { citizenId: citizen.citizen_id, status: '未登记', since: null, employer: null, office: null, history };
  }
  return ok(result);
}

export function employmentCertificate({ db, params }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const row = db.prepare('SELECT certificate_number, issued_date, issued_by, status FROM employment_certificates WHERE citizen_id = ?').get(citizen.citizen_id) as
    | { certificate_number: string; issued_date: string; issued_by: string; status: '有效' | '已注销' }
    | undefined;
  const result: EmploymentCertificate = {
    citizenId: citizen.citizen_id,
    certificate: row ? { certificateNumber: row.certificate_number, issuedDate: row.issued_date, issuedBy: row.issued_by, status: row.status } : null,
  };
  return ok(result);
}

/** 业务办理进度: the kiosk's own submissions (loss reports, registrations, authentications) and what is in progress elsewhere. */
export function applications({ db, params }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const id = citizen.citizen_id;
  const list: Application[] = [];

  for (const row of db.prepare('SELECT report_id, reported_at FROM card_loss_reports WHERE citizen_id = ?').all(id) as Array<{ report_id: string; reported_at: string }>) {
    list.push({ applicationId: row.report_id, kind: '社保卡挂失', channel: '自助服务机', submittedAt: row.reported_at, state: '已办结', stage: '已挂失', updatedDate: row.reported_at.slice(0, 10) });
  }
  for (const row of db.prepare('SELECT registration_id, kiosk_id, registered_at FROM flexible_registrations WHERE citizen_id = ?').all(id) as Array<{ registration_id: string; kiosk_id: string | null; registered_at: string }>) {
    list.push({
      applicationId: row.registration_id, kind: '灵活就业参保登记', channel: row.kiosk_id === null ? '服务窗口' : '自助服务机',
      submittedAt: row.registered_at, state: '已办结', stage: '已登记', updatedDate: row.registered_at.slice(0, 10),
    });
  }
  for (const row of db.prepare('SELECT submission_id, authenticated_at, received_at FROM pension_auth_submissions WHERE citizen_id = ?').all(id) as Array<{ submission_id: string; authenticated_at: string; received_at: string }>) {
    list.push({
      applicationId: row.submission_id, kind: '养老金资格认证', channel: '自助服务机', submittedAt: chinaDateTimeOf(Date.parse(row.authenticated_at)),
      state: '已办结', stage: '认证通过', updatedDate: row.received_at.slice(0, 10),
    });
  }
  for (const row of db.prepare('SELECT application_id, kiosk_id, state, submitted_at FROM skill_subsidy_applications WHERE citizen_id = ?').all(id) as Array<{
    application_id: string; kiosk_id: string | null; state: Application['state']; submitted_at: string;
  }>) {
    list.push({
      applicationId: row.application_id, kind: '技能提升补贴申领', channel: row.kiosk_id === null ? '服务窗口' : '自助服务机',
      submittedAt: row.submitted_at, state: row.state, stage: row.state === '已受理' ? '待审核' : row.state, updatedDate: row.submitted_at.slice(0, 10),
    });
  }
  for (const row of cardApplicationRows(db, id)) {
    const stages = stagesOf<CardStage>(row.stages_json);
    const last = stages[stages.length - 1]!;
    list.push({
      applicationId: row.application_id, kind: '社保卡申领', channel: row.channel, submittedAt: chinaDateTimeOf(Date.parse(`${row.applied_date}T09:00:00+08:00`)),
      state: last.stage === '已领取' ? '已办结' : last.stage === '已受理' ? '已受理' : '办理中', stage: last.stage, updatedDate: last.date,
    });
  }
  for (const row of transferRows(db, id)) {
    const stages = stagesOf<TransferStage>(row.stages_json);
    const last = stages[stages.length - 1]!;
    list.push({
      applicationId: row.transfer_id, kind: '关系转移接续', channel: '服务窗口', submittedAt: chinaDateTimeOf(Date.parse(`${row.applied_date}T09:00:00+08:00`)),
      state: last.stage === '已办结' ? '已办结' : last.stage === '已受理' ? '已受理' : '办理中', stage: last.stage, updatedDate: last.date,
    });
  }
  for (const row of db.prepare('SELECT * FROM service_applications WHERE citizen_id = ?').all(id) as Array<{
    application_id: string; kind: Application['kind']; channel: Application['channel']; submitted_at: string; state: Application['state']; stage: string; updated_date: string;
  }>) {
    list.push({ applicationId: row.application_id, kind: row.kind, channel: row.channel, submittedAt: row.submitted_at, state: row.state, stage: row.stage, updatedDate: row.updated_date });
  }

  list.sort((a, b) => Date.parse(b.submittedAt) - Date.parse(a.submittedAt) || b.applicationId.localeCompare(a.applicationId));
  const result: ApplicationList = { citizenId: id, applications: list };
  return ok(result);
}

/** Certificate numbers are letters and digits; citizens type them with spaces or dashes and in lower case. */
const CERTIFICATE_NUMBER_SHAPE = /^[A-Z0-9]{8,32}$/;

export function skillCertificateLookup({ db, body }: RouteContext): RouteResult {
  const request = skillCertificateLookupRequestSchema.safeParse(body);
  if (!request.success) throw new HttpProblem(400, 'INVALID_REQUEST', '请求缺少证书编号');
  const certificateNumber = request.data.certificateNumber.replace(/[\s-]/g, '').toUpperCase();
  if (!CERTIFICATE_NUMBER_SHAPE.test(certificateNumber)) throw new HttpProblem(400, 'INVALID_CERTIFICATE_NUMBER', '证书编号格式不正确');
  const row = db.prepare(`SELECT s.certificate_number, s.occupation, s.level, s.issued_date, s.issuing_body, s.status, c.name
    FROM skill_certificates s JOIN citizens c ON c.citizen_id = s.citizen_id WHERE s.certificate_number = ?`).get(certificateNumber) as
    | { certificate_number: string; occupation: string; level: SkillCertificate['level']; issued_date: string; issuing_body: string; status: SkillCertificate['status']; name: string }
    | undefined;
  if (!row) throw new HttpProblem(404, 'CERTIFICATE_NOT_FOUND', '未查询到该编号的职业技能等级证书');
  const certificate: SkillCertificate = {
    certificateNumber: row.certificate_number,
    holderNameMasked: maskName(row.name),
    occupation: row.occupation,
    level: row.level,
    issuedDate: row.issued_date,
    issuingBody: row.issuing_body,
    status: row.status,
  };
  return ok(certificate);
}

