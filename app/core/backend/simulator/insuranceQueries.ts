/**
 * Personal queries about insurance and pension (聊天查): 个人参保信息, 累计缴费月数, 养老个人账户, 城乡居民养老, 灵活就业,
 * 退休年龄测算 and 养老金测算 inputs. Read-only; every figure is computed from the records at the request.
 */
import { addMonthsToYearMonth, chinaDateOf } from '../calendar.js';
import {
  FLEXIBLE_EMPLOYMENT_PAYER,
  RESIDENT_PENSION,
  contributionLevelSchema,
  type ContributionMonths,
  type FlexibleEmploymentDetails,
  type FlexibleEmploymentStatus,
  type InsuranceOverview,
  type InsuranceType,
  type PensionAccount,
  type PensionAccounts,
  type PensionEstimateInputs,
  type ResidentPension,
  type RetirementProfile,
} from '../backendTypes.js';
import { INSURANCE_TYPE_ORDER_SQL, requireCitizen, yuan, type CitizenRow } from './citizenRows.js';
import { gapsOf, periodsOf } from './monthRuns.js';
import { computePensionAccount, endOfMonth } from './pensionAccounts.js';
import { ORIGINAL_RETIREMENT_AGE, PERSONAL_ACCOUNT_SHARE, RESIDENT_BASIC_PENSION, averageMonthlyWage } from './pensionRules.js';
import { ok, type RouteContext, type RouteResult } from './route.js';
import type { SimulatorDatabase } from './simulatorDatabase.js';

type EnrolmentStatus = InsuranceOverview['insurances'][number]['status'];

interface EnrolmentDbRow {
  type: InsuranceType;
  status: EnrolmentStatus;
  start_period: string;
  end_period: string | null;
}

interface ResidentEnrolmentDbRow {
  status: EnrolmentStatus;
  start_year: number;
  town: string;
}

interface ResidentYearDbRow {
  year: number;
  grade_fen: number;
  personal_fen: number;
  government_subsidy_fen: number;
  collective_subsidy_fen: number;
  paid_date: string;
}

/** A month is paid at its end: the last month that could have been paid is the one before today's. */
function lastPayableMonth(now: number): string {
  return addMonthsToYearMonth(chinaDateOf(now).slice(0, 7), -1);
}

function enrolmentsOf(db: SimulatorDatabase, citizenId: string): EnrolmentDbRow[] {
  return db.prepare(`SELECT type, status, start_period, end_period FROM enrolments WHERE citizen_id = ? ORDER BY ${INSURANCE_TYPE_ORDER_SQL}`).all(citizenId) as EnrolmentDbRow[];
}

function residentEnrolmentOf(db: SimulatorDatabase, citizenId: string): ResidentEnrolmentDbRow | undefined {
  return db.prepare('SELECT status, start_year, town FROM resident_pension_enrolments WHERE citizen_id = ?').get(citizenId) as ResidentEnrolmentDbRow | undefined;
}

function residentYearsOf(db: SimulatorDatabase, citizenId: string): ResidentYearDbRow[] {
  return db.prepare('SELECT * FROM resident_pension_contributions WHERE citizen_id = ? ORDER BY year').all(citizenId) as ResidentYearDbRow[];
}

function monthsOfType(db: SimulatorDatabase, citizenId: string, type: InsuranceType): Array<{ month: string; payer: string; base_fen: number }> {
  return db.prepare('SELECT month, payer, base_fen FROM contributions WHERE citizen_id = ? AND type = ? ORDER BY month').all(citizenId, type) as Array<{ month: string; payer: string; base_fen: number }>;
}

function flexibleRegistrationOf(db: SimulatorDatabase, citizenId: string) {
  return db.prepare('SELECT * FROM flexible_registrations WHERE citizen_id = ? ORDER BY registered_at DESC LIMIT 1').get(citizenId) as
    | {
      registration_id: string; kiosk_id: string | null; employment_type: FlexibleEmploymentDetails['employmentType'];
      start_month: string; insurance_types_json: string; contribution_level: number; residence_street: string; registered_at: string;
    }
    | undefined;
}

export function insuranceOverview({ db, params }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const enrolments = enrolmentsOf(db, citizen.citizen_id);
  const registration = flexibleRegistrationOf(db, citizen.citizen_id);
  const flexibleTypes = new Set<string>(registration ? (JSON.parse(registration.insurance_types_json) as string[]) : []);

  const insurances: InsuranceOverview['insurances'] = enrolments.map((enrolment) => {
    let currentPayer: string | null = null;
    if (enrolment.status === '参保缴费') {
      const latest = db.prepare('SELECT month, payer FROM contributions WHERE citizen_id = ? AND type = ? ORDER BY month DESC LIMIT 1').get(citizen.citizen_id, enrolment.type) as
        | { month: string; payer: string }
        | undefined;
      // A 灵活就业 registration newer than the last payment (an employer's, or none) means the citizen pays from now on.
      if (registration && flexibleTypes.has(enrolment.type) && (!latest || latest.month < registration.start_month)) currentPayer = FLEXIBLE_EMPLOYMENT_PAYER;
      else currentPayer = latest?.payer ?? null;
    }
    return { type: enrolment.type, status: enrolment.status, startPeriod: enrolment.start_period, endPeriod: enrolment.end_period, currentPayer };
  });
  const resident = residentEnrolmentOf(db, citizen.citizen_id);
  if (resident) {
    const years = residentYearsOf(db, citizen.citizen_id);
    const lastYear = years[years.length - 1]?.year;
    insurances.push({
      type: RESIDENT_PENSION,
      status: resident.status,
      startPeriod: `${resident.start_year}-01`,
      endPeriod: resident.status === '参保缴费' || lastYear === undefined ? null : `${lastYear}-12`,
      currentPayer: resident.status === '参保缴费' ? '个人' : null,
    });
  }

  const months = db.prepare('SELECT DISTINCT month, payer FROM contributions WHERE citizen_id = ? ORDER BY month').all(citizen.citizen_id) as Array<{ month: string; payer: string }>;
  const periods = periodsOf(months);
  const contributing = new Set(insurances.filter((insurance) => insurance.status === '参保缴费').map((insurance) => insurance.currentPayer));
  const overview: InsuranceOverview = {
    citizenId: citizen.citizen_id,
    isPensioner: citizen.is_pensioner === 1,
    insurances,
    employmentPeriods: periods.map((period, index) => ({
      payer: period.payer,
      payerKind: period.payer === FLEXIBLE_EMPLOYMENT_PAYER ? '灵活就业' : '单位',
      from: period.from,
      to: period.to,
      months: period.months,
      ongoing: index === periods.length - 1 && contributing.has(period.payer),
    })),
  };
  return ok(overview);
}

export function contributionMonths({ db, params, now }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const insurances: ContributionMonths['insurances'] = enrolmentsOf(db, citizen.citizen_id).map((enrolment) => {
    const months = monthsOfType(db, citizen.citizen_id, enrolment.type).map((row) => row.month);
    const deemed = enrolment.type === '养老' ? citizen.deemed_months : 0;
    return {
      type: enrolment.type,
      paidMonths: months.length,
      deemedMonths: deemed,
      totalMonths: months.length + deemed,
      firstMonth: months[0] ?? null,
      lastMonth: months[months.length - 1] ?? null,
      gaps: gapsOf(months),
    };
  });
  const resident = residentEnrolmentOf(db, citizen.citizen_id);
  if (resident) {
    const years = residentYearsOf(db, citizen.citizen_id).map((row) => row.year);
    // Paid by the year: a paid year counts twelve months, a missed year is a twelve-month gap.
    const months = years.flatMap((year) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`));
    insurances.push({
      type: RESIDENT_PENSION,
      paidMonths: months.length,
      deemedMonths: 0,
      totalMonths: months.length,
      firstMonth: months[0] ?? null,
      lastMonth: months[months.length - 1] ?? null,
      gaps: gapsOf(months),
    });
  }
  const result: ContributionMonths = { citizenId: citizen.citizen_id, asOfMonth: lastPayableMonth(now), insurances };
  return ok(result);
}

function employeeAccount(db: SimulatorDatabase, citizen: CitizenRow, today: string): PensionAccount | null {
  const rows = db.prepare("SELECT month, base_fen FROM contributions WHERE citizen_id = ? AND type = '养老' ORDER BY month").all(citizen.citizen_id) as Array<{ month: string; base_fen: number }>;
  const credits = rows.map((row) => ({ year: Number(row.month.slice(0, 4)), fen: Math.round(row.base_fen * PERSONAL_ACCOUNT_SHARE), bookedOn: endOfMonth(row.month) }));
  let payouts;
  if (citizen.is_pensioner === 1) {
    const paid = db.prepare('SELECT month, paid_date FROM pension_payments WHERE citizen_id = ? ORDER BY month').all(citizen.citizen_id) as Array<{ month: string; paid_date: string }>;
    const retiredOn = citizen.retired_on ?? `${paid[0]?.month ?? today.slice(0, 7)}-01`;
    const retirementAge = Number(retiredOn.slice(0, 4)) - Number(citizen.birth_date.slice(0, 4)) - (retiredOn.slice(5) < citizen.birth_date.slice(5) ? 1 : 0);
    payouts = { months: paid.map((row) => ({ year: Number(row.paid_date.slice(0, 4)), paidDate: row.paid_date })), retirementAge };
  }
  return computePensionAccount({ scheme: '职工养老', credits, ...(payouts ? { payouts } : {}), today });
}

function residentAccount(db: SimulatorDatabase, citizenId: string, today: string): PensionAccount | null {
  const credits = residentYearsOf(db, citizenId).map((row) => ({
    year: row.year,
    fen: row.personal_fen + row.government_subsidy_fen + row.collective_subsidy_fen,
    bookedOn: row.paid_date,
  }));
  return computePensionAccount({ scheme: RESIDENT_PENSION, credits, today });
}

export function pensionAccounts({ db, params, now }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const today = chinaDateOf(now);
  const accounts = [employeeAccount(db, citizen, today), residentAccount(db, citizen.citizen_id, today)].filter((account) => account !== null);
  const result: PensionAccounts = { citizenId: citizen.citizen_id, accounts };
  return ok(result);
}

export function residentPension({ db, params, now }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const enrolment = residentEnrolmentOf(db, citizen.citizen_id);
  const rows = residentYearsOf(db, citizen.citizen_id);
  const paid = new Set(rows.map((row) => row.year));
  const thisYear = Number(chinaDateOf(now).slice(0, 4));
  const missedYears: number[] = [];
  // The open year is not missed yet: residents may pay any time before it ends.
  if (enrolment) for (let year = enrolment.start_year; year < thisYear; year += 1) if (!paid.has(year)) missedYears.push(year);
  const result: ResidentPension = {
    citizenId: citizen.citizen_id,
    enrolment: enrolment ? { status: enrolment.status, startYear: enrolment.start_year, town: enrolment.town } : null,
    years: rows.map((row) => ({
      year: row.year,
      grade: yuan(row.grade_fen),
      personalAmount: yuan(row.personal_fen),
      governmentSubsidy: yuan(row.government_subsidy_fen),
      collectiveSubsidy: yuan(row.collective_subsidy_fen),
      paidDate: row.paid_date,
    })),
    missedYears,
    accountBalance: residentAccount(db, citizen.citizen_id, chinaDateOf(now))?.balance ?? 0,
  };
  return ok(result);
}

/** The 档次 a flexible base stands for: the listed level nearest to base ÷ average wage. */
function levelOf(baseFen: number, year: number): FlexibleEmploymentStatus['years'][number]['level'] {
  const percent = (baseFen / 100 / averageMonthlyWage(year)) * 100;
  const levels = contributionLevelSchema.options.map((option) => option.value);
  return levels.reduce((best, level) => (Math.abs(level - percent) < Math.abs(best - percent) ? level : best));
}

export function flexibleEmploymentStatus({ db, params, now }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const registration = flexibleRegistrationOf(db, citizen.citizen_id);
  const rows = db.prepare('SELECT month, type, base_fen, personal_fen FROM contributions WHERE citizen_id = ? AND payer = ? ORDER BY month')
    .all(citizen.citizen_id, FLEXIBLE_EMPLOYMENT_PAYER) as Array<{ month: string; type: InsuranceType; base_fen: number; personal_fen: number }>;

  const byYear = new Map<number, { baseFen: number; months: Set<string>; pensionFen: number; medicalFen: number }>();
  for (const row of rows) {
    const year = Number(row.month.slice(0, 4));
    const entry = byYear.get(year) ?? { baseFen: 0, months: new Set<string>(), pensionFen: 0, medicalFen: 0 };
    entry.baseFen = Math.max(entry.baseFen, row.base_fen);
    entry.months.add(row.month);
    if (row.type === '养老') entry.pensionFen += row.personal_fen;
    if (row.type === '医疗') entry.medicalFen += row.personal_fen;
    byYear.set(year, entry);
  }
  const paidMonths = new Set(rows.map((row) => row.month));
  const unpaidMonths: string[] = [];
  if (registration) {
    for (let month = registration.start_month; month <= lastPayableMonth(now); month = addMonthsToYearMonth(month, 1)) {
      if (!paidMonths.has(month)) unpaidMonths.push(month);
    }
  }
  const result: FlexibleEmploymentStatus = {
    citizenId: citizen.citizen_id,
    registration: registration
      ? {
        registrationId: registration.registration_id,
        employmentType: registration.employment_type,
        startMonth: registration.start_month,
        insuranceTypes: JSON.parse(registration.insurance_types_json) as Array<'养老' | '医疗'>,
        contributionLevel: contributionLevelSchema.parse(registration.contribution_level),
        residenceStreet: registration.residence_street,
        registeredAt: registration.registered_at,
        channel: registration.kiosk_id === null ? '服务窗口' : '自助服务机',
      }
      : null,
    years: [...byYear.entries()].map(([year, entry]) => ({
      year,
      level: levelOf(entry.baseFen, year),
      monthlyBase: yuan(entry.baseFen),
      monthsPaid: entry.months.size,
      pensionAmount: yuan(entry.pensionFen),
      medicalAmount: yuan(entry.medicalFen),
      total: yuan(entry.pensionFen + entry.medicalFen),
    })),
    lastPaidMonth: rows[rows.length - 1]?.month ?? null,
    unpaidMonths,
  };
  return ok(result);
}

export function retirementProfile({ db, params }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const paid = monthsOfType(db, citizen.citizen_id, '养老').length;
  const deemed = citizen.deemed_months;
  const category = citizen.retirement_category;
  const profile: RetirementProfile = {
    citizenId: citizen.citizen_id,
    birthDate: citizen.birth_date,
    sex: citizen.gender,
    category,
    originalRetirementAge: category === null ? null : ORIGINAL_RETIREMENT_AGE[category],
    retiredOn: citizen.is_pensioner === 1 ? citizen.retired_on : null,
    pensionContributionMonths: { paid, deemed, total: paid + deemed },
    residentPensionMonths: residentYearsOf(db, citizen.citizen_id).length * 12,
  };
  return ok(profile);
}

/** Rounded to four decimals, as indexes are printed. */
function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

export function pensionEstimateInputs({ db, params, now }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const today = chinaDateOf(now);
  const rows = monthsOfType(db, citizen.citizen_id, '养老');
  const resident = residentEnrolmentOf(db, citizen.citizen_id);
  const scheme = rows.length > 0 ? '职工养老' : resident ? RESIDENT_PENSION : null;

  const byYear = new Map<number, { months: number; baseFen: number }>();
  for (const row of rows) {
    const year = Number(row.month.slice(0, 4));
    const entry = byYear.get(year) ?? { months: 0, baseFen: 0 };
    entry.months += 1;
    entry.baseFen += row.base_fen;
    byYear.set(year, entry);
  }
  const indexYears = [...byYear.entries()].map(([year, entry]) => {
    const averageBaseFen = Math.round(entry.baseFen / entry.months);
    const averageWage = averageMonthlyWage(year);
    return { year, months: entry.months, averageBase: yuan(averageBaseFen), averageWage, index: round4(averageBaseFen / 100 / averageWage) };
  });
  const weighted = indexYears.reduce((sum, year) => sum + year.index * year.months, 0);
  const account = scheme === '职工养老' ? employeeAccount(db, citizen, today) : scheme === RESIDENT_PENSION ? residentAccount(db, citizen.citizen_id, today) : null;
  const wageYear = Number(today.slice(0, 4)) - 1;
  const inputs: PensionEstimateInputs = {
    citizenId: citizen.citizen_id,
    asOfMonth: lastPayableMonth(now),
    scheme,
    isPensioner: citizen.is_pensioner === 1,
    averageContributionIndex: rows.length > 0 ? round4(weighted / rows.length) : null,
    indexYears,
    accountBalance: account?.balance ?? 0,
    paidMonths: scheme === RESIDENT_PENSION ? residentYearsOf(db, citizen.citizen_id).length * 12 : rows.length,
    deemedMonths: scheme === '职工养老' ? citizen.deemed_months : 0,
    localAverageMonthlyWage: { year: wageYear, amount: averageMonthlyWage(wageYear) },
    residentBasicPension: scheme === RESIDENT_PENSION ? RESIDENT_BASIC_PENSION : null,
  };
  return ok(inputs);
}
