/**
 * Writes the demo citizens into the simulator database, in one transaction. Deterministic: the same seed day gives
 * byte-identical data. A database seeded by an older build (seed version 1: no personal-query data) is brought up
 * to date once, from its own seed day, without touching what it already holds.
 */
import type Database from 'better-sqlite3';
import { seededRandom } from '../../../../common/seededRandom.js';
import { addDaysToDate, addMonthsToDate, addMonthsToYearMonth, chinaDateOf, chinaDateTimeOf } from '../calendar.js';
import { FLEXIBLE_EMPLOYMENT_PAYER, insuranceTypes } from '../backendTypes.js';
import { birthDateFromIdNumber, genderFromIdNumber } from '../idNumber.js';
import { nextPensionAuthDueDate } from '../pensionAuthCycle.js';
import { generateContributions, generatePensionPayments, lastMonthOfSpell, type ContributionRow } from './contributionHistory.js';
import { demoCitizenSeeds, type DemoCitizenSeed, type SeedDay } from './demoCitizens.js';
import {
  ORIGINAL_RETIREMENT_AGE,
  RESIDENT_PENSION_PAY_DAY,
  RESIDENT_PENSION_SUBSIDY,
  UNEMPLOYMENT_PAY_DAY,
  unemploymentEntitlementMonths,
} from './pensionRules.js';
import { seedFromText } from './seedFromText.js';

/** 1: citizens, contributions, pensions, cards; 2: the personal-query data (migration 4); 3: the citizens of the 对话办 transactions (QD0023–QD0028). */
export const DEMO_SEED_VERSION = 3;

interface EnrolmentRow {
  type: string;
  status: string;
  startPeriod: string;
  endPeriod: string | null;
}

/** Enrolment per insurance type, read off the contribution rows. */
function enrolmentsFrom(rows: readonly ContributionRow[], lastPaidMonth: string, isPensioner: boolean): EnrolmentRow[] {
  const enrolments: EnrolmentRow[] = [];
  for (const type of insuranceTypes) {
    const months = rows.filter((row) => row.type === type).map((row) => row.month).sort();
    const first = months[0];
    const last = months[months.length - 1];
    if (first === undefined || last === undefined) continue;
    if (isPensioner) enrolments.push({ type, status: '终止', startPeriod: first, endPeriod: last });
    else if (last >= lastPaidMonth) enrolments.push({ type, status: '参保缴费', startPeriod: first, endPeriod: null });
    else enrolments.push({ type, status: '暂停缴费', startPeriod: first, endPeriod: last });
  }
  return enrolments;
}

function lastAuthenticatedOn(seed: DemoCitizenSeed, today: string): string | null {
  if (!seed.pension) return null;
  const { monthsAgo, dayShift } = seed.pension.lastAuthenticated;
  return addDaysToDate(addMonthsToDate(today, -monthsAgo), dayShift);
}

function birthDateOf(seed: DemoCitizenSeed): string {
  const birthDate = birthDateFromIdNumber(seed.idNumber);
  if (birthDate === null) throw new Error(`demo citizen ${seed.citizenId} has an impossible birth date`);
  return birthDate;
}

function dayOf(day: SeedDay, today: string): string {
  return typeof day === 'string' ? day : addDaysToDate(today, -day.daysBeforeSeed);
}

/** "2025-03-14" → "20250314", for receipt numbers. */
function compact(date: string): string {
  return date.replaceAll('-', '');
}

/** A time of day on a China calendar day, as the system writes timestamps. */
function atChinaTime(date: string, hhmm: string): string {
  return chinaDateTimeOf(Date.parse(`${date}T${hhmm}:00+08:00`));
}

function lastDayOfMonth(month: string): string {
  return addDaysToDate(`${addMonthsToYearMonth(month, 1)}-01`, -1);
}

/** The records every citizen had from the first version: the person, contributions, enrolments, pension, card. */
function seedCitizenRecord(db: Database.Database, seed: DemoCitizenSeed, today: string): void {
  // The current month is paid at its end, so histories run to the month before.
  const lastPaidMonth = addMonthsToYearMonth(today.slice(0, 7), -1);
  const authenticatedOn = lastAuthenticatedOn(seed, today);
  db.prepare(`INSERT INTO citizens
    (citizen_id, name, id_number, gender, birth_date, phone, reference_photo, useful_for_json, is_pensioner, last_authenticated_on)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    seed.citizenId, seed.name, seed.idNumber, genderFromIdNumber(seed.idNumber), birthDateOf(seed), seed.phone,
    seed.referencePhoto, JSON.stringify(seed.usefulFor), seed.pension ? 1 : 0, authenticatedOn,
  );

  const contributions = generateContributions(seed.spells, lastPaidMonth, seededRandom(seedFromText(seed.citizenId)));
  const insertContribution = db.prepare(`INSERT INTO contributions
    (citizen_id, month, type, base_fen, personal_fen, employer_fen, payer) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  for (const row of contributions) insertContribution.run(seed.citizenId, row.month, row.type, row.baseFen, row.personalFen, row.employerFen, row.payer);
  const insertEnrolment = db.prepare('INSERT INTO enrolments (citizen_id, type, status, start_period, end_period) VALUES (?, ?, ?, ?, ?)');
  for (const enrolment of enrolmentsFrom(contributions, lastPaidMonth, seed.pension !== undefined)) {
    insertEnrolment.run(seed.citizenId, enrolment.type, enrolment.status, enrolment.startPeriod, enrolment.endPeriod);
  }

  if (seed.pension && authenticatedOn) {
    const insertPayment = db.prepare('INSERT INTO pension_payments (citizen_id, month, amount_fen, paid_date) VALUES (?, ?, ?, ?)');
    for (const payment of generatePensionPayments(seed.pension, today, nextPensionAuthDueDate(authenticatedOn))) {
      insertPayment.run(seed.citizenId, payment.month, payment.amountFen, payment.paidDate);
    }
  }

  db.prepare('INSERT INTO cards (citizen_id, card_number, status, bank, issued_date) VALUES (?, ?, ?, ?, ?)')
    .run(seed.citizenId, seed.card.cardNumber, seed.card.status, seed.card.bank, seed.card.issuedDate);

  const flexibleSpell = seed.spells.find((spell) => spell.until === 'ongoing' && spell.payer === FLEXIBLE_EMPLOYMENT_PAYER);
  if (seed.flexibleRegistration && flexibleSpell) {
    const registration = seed.flexibleRegistration;
    db.prepare(`INSERT INTO flexible_registrations
      (registration_id, citizen_id, kiosk_id, employment_type, start_month, insurance_types_json, contribution_level, residence_street, registered_at)
      VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?)`).run(
      `LH${seed.citizenId}`, seed.citizenId, registration.employmentType, registration.startMonth,
      JSON.stringify(flexibleSpell.types), registration.contributionLevel, registration.residenceStreet,
      atChinaTime(`${registration.startMonth}-01`, '09:00'),
    );
  }
}

interface RegistrationRow {
  status: '就业' | '失业';
  from: string;
  to: string | null;
  employer: string | null;
  office: string | null;
}

/** 就业 registrations from the spells (adjacent spells of the same payer are one registration, gaps and all). */
function employmentRowsOf(seed: DemoCitizenSeed, lastPaidMonth: string): RegistrationRow[] {
  const rows: RegistrationRow[] = [];
  let previousPayer: string | null = null;
  for (const spell of seed.spells) {
    const lastMonth = lastMonthOfSpell(spell, lastPaidMonth);
    const to = spell.until === 'ongoing' ? null : lastDayOfMonth(lastMonth);
    const current = rows[rows.length - 1];
    if (current && previousPayer === spell.payer) current.to = to;
    else rows.push({ status: '就业', from: `${spell.from}-01`, to, employer: spell.payer, office: null });
    previousPayer = spell.payer;
  }
  return rows;
}

/** What the personal queries read (migration 4): retirement data, benefits, certificates, applications in progress. */
function seedCitizenQueryData(db: Database.Database, seed: DemoCitizenSeed, today: string): void {
  const id = seed.citizenId;
  const lastPaidMonth = addMonthsToYearMonth(today.slice(0, 7), -1);
  const category = seed.retirementCategory;
  const retiredOn = seed.pension && category ? addMonthsToDate(birthDateOf(seed), ORIGINAL_RETIREMENT_AGE[category] * 12) : null;
  db.prepare('UPDATE citizens SET retirement_category = ?, deemed_months = ?, retired_on = ? WHERE citizen_id = ?')
    .run(category, seed.deemedMonths ?? 0, retiredOn, id);
  db.prepare('UPDATE cards SET status_since = ? WHERE citizen_id = ?').run(seed.card.statusSince ? dayOf(seed.card.statusSince, today) : seed.card.issuedDate, id);

  if (seed.kioskCardLoss) {
    const day = addDaysToDate(today, -seed.kioskCardLoss.daysBeforeSeed);
    db.prepare('INSERT INTO card_loss_reports (report_id, citizen_id, kiosk_id, reported_at) VALUES (?, ?, ?, ?)')
      .run(`GS${compact(day)}-0001`, id, seed.kioskCardLoss.kioskId, atChinaTime(day, '10:15'));
  }

  const registrations = employmentRowsOf(seed, lastPaidMonth);
  const insertApplication = db.prepare(`INSERT INTO service_applications
    (application_id, citizen_id, kind, channel, submitted_at, state, stage, updated_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  let lastUnemploymentRegistration: string | null = null;
  for (const claim of seed.unemploymentClaims ?? []) {
    const employerSpells = seed.spells.filter((spell) => spell.payer !== FLEXIBLE_EMPLOYMENT_PAYER);
    const lastJob = employerSpells[employerSpells.length - 1];
    if (claim.firstMonth === 'after-last-job' && !lastJob) throw new Error(`demo citizen ${id}: a claim after the last job needs a job`);
    const firstMonth = claim.firstMonth === 'after-last-job' ? addMonthsToYearMonth(lastMonthOfSpell(lastJob!, lastPaidMonth), 1) : claim.firstMonth;
    const insuredMonths = db.prepare("SELECT COUNT(*) FROM contributions WHERE citizen_id = ? AND type = '失业' AND month < ?").pluck().get(id, firstMonth) as number;
    const entitlement = unemploymentEntitlementMonths(insuredMonths);
    if (entitlement === 0) throw new Error(`demo citizen ${id}: too few 失业 months for a claim`);
    const registeredOn = `${firstMonth}-05`;
    const approvedOn = `${firstMonth}-12`;
    const claimId = `SY${compact(approvedOn)}-${id.slice(2)}`;
    const paidMonths: string[] = [];
    for (let i = 0; i < entitlement; i += 1) {
      const month = addMonthsToYearMonth(firstMonth, i);
      if (`${month}-${UNEMPLOYMENT_PAY_DAY}` > today || (claim.stoppedAfterMonths !== undefined && i >= claim.stoppedAfterMonths)) break;
      paidMonths.push(month);
    }
    const stoppedOn = claim.stoppedAfterMonths === undefined ? null : `${addMonthsToYearMonth(firstMonth, claim.stoppedAfterMonths)}-01`;
    db.prepare(`INSERT INTO unemployment_claims (claim_id, citizen_id, approved_date, entitlement_months, monthly_fen, first_month, stopped_on)
      VALUES (?, ?, ?, ?, ?, ?, ?)`).run(claimId, id, approvedOn, entitlement, Math.round(claim.monthlyAmount * 100), firstMonth, stoppedOn);
    const insertPayment = db.prepare('INSERT INTO unemployment_payments (claim_id, month, amount_fen, paid_date) VALUES (?, ?, ?, ?)');
    for (const month of paidMonths) insertPayment.run(claimId, month, Math.round(claim.monthlyAmount * 100), `${month}-${UNEMPLOYMENT_PAY_DAY}`);

    // Registered unemployed until the next job began (the day before it), or still.
    const nextJob = seed.spells.find((spell) => spell.from >= firstMonth);
    registrations.push({ status: '失业', from: registeredOn, to: nextJob ? addDaysToDate(`${nextJob.from}-01`, -1) : null, employer: null, office: claim.office });
    insertApplication.run(`SD${compact(registeredOn)}-${id.slice(2)}`, id, '失业登记', '服务窗口', atChinaTime(registeredOn, '09:30'), '已办结', '已登记', registeredOn);
    insertApplication.run(`SJ${compact(registeredOn)}-${id.slice(2)}`, id, '失业保险金申领', '服务窗口', atChinaTime(registeredOn, '09:40'), '已办结', '审核通过', approvedOn);
    lastUnemploymentRegistration = registeredOn;
  }
  // A 失业登记 at a window with no 失业保险金 applied for yet (migration 7 keeps why the job ended).
  if (seed.unemploymentRegistration) {
    const registration = seed.unemploymentRegistration;
    const lastJob = seed.spells.filter((spell) => spell.payer !== FLEXIBLE_EMPLOYMENT_PAYER).at(-1);
    if (!lastJob || lastJob.until === 'ongoing') throw new Error(`demo citizen ${id}: a 失业登记 needs a job that ended`);
    const registeredOn = addDaysToDate(today, -registration.daysBeforeSeed);
    const registrationId = `SD${compact(registeredOn)}-${id.slice(2)}`;
    registrations.push({ status: '失业', from: registeredOn, to: null, employer: null, office: registration.office });
    db.prepare(`INSERT INTO unemployment_registrations
      (registration_id, citizen_id, kiosk_id, separation_month, reason, job_services_json, office, registered_at) VALUES (?, ?, NULL, ?, ?, '[]', ?, ?)`)
      .run(registrationId, id, lastMonthOfSpell(lastJob, lastPaidMonth), registration.reason, registration.office, atChinaTime(registeredOn, '09:30'));
    insertApplication.run(registrationId, id, '失业登记', '服务窗口', atChinaTime(registeredOn, '09:30'), '已办结', '已登记', registeredOn);
    lastUnemploymentRegistration = registeredOn;
  }
  registrations.sort((a, b) => a.from.localeCompare(b.from));
  const insertRegistration = db.prepare(`INSERT INTO employment_registrations (citizen_id, seq, status, from_date, to_date, employer, office)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  registrations.forEach((row, index) => insertRegistration.run(id, index + 1, row.status, row.from, row.to, row.employer, row.office));

  if (seed.employmentCertificate) {
    const certificate = seed.employmentCertificate;
    const issued = certificate.issued === 'with-unemployment-registration' ? lastUnemploymentRegistration : certificate.issued;
    if (issued === null) throw new Error(`demo citizen ${id}: the 就业创业证 comes with a 失业登记 that does not exist`);
    db.prepare('INSERT INTO employment_certificates (citizen_id, certificate_number, issued_date, issued_by, status) VALUES (?, ?, ?, ?, ?)')
      .run(id, `${certificate.areaCode}${issued.slice(0, 4)}${certificate.serial}`, issued, certificate.issuedBy, certificate.status);
  }

  for (const injury of seed.workInjuries ?? []) {
    db.prepare(`INSERT INTO work_injury_cases (case_id, citizen_id, injury_date, employer, recognised_date, disability_grade, assessed_date)
      VALUES (?, ?, ?, ?, ?, ?, ?)`).run(injury.caseId, id, injury.injuryDate, injury.employer, injury.recognisedDate, injury.disabilityGrade, injury.assessedDate);
    const insertBenefit = db.prepare(`INSERT INTO work_injury_benefits (case_id, seq, kind, amount_fen, period_from, period_to, paid_date, payer)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    injury.benefits.forEach((benefit, index) =>
      insertBenefit.run(injury.caseId, index + 1, benefit.kind, Math.round(benefit.amount * 100), benefit.period?.from ?? null, benefit.period?.to ?? null, benefit.paidDate, benefit.payer));
  }

  if (seed.residentPension) {
    const plan = seed.residentPension;
    db.prepare("INSERT INTO resident_pension_enrolments (citizen_id, status, start_year, town) VALUES (?, '参保缴费', ?, ?)").run(id, plan.startYear, plan.town);
    const insertYear = db.prepare(`INSERT INTO resident_pension_contributions
      (citizen_id, year, grade_fen, personal_fen, government_subsidy_fen, collective_subsidy_fen, paid_date) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    for (let year = plan.startYear; year <= Number(today.slice(0, 4)); year += 1) {
      const paidDate = `${year}-${RESIDENT_PENSION_PAY_DAY}`;
      if (paidDate > today || plan.missedYears.includes(year)) continue;
      const grade = plan.grades.filter((entry) => entry.fromYear <= year).at(-1)?.grade;
      if (grade === undefined) throw new Error(`demo citizen ${id}: no resident pension grade for ${year}`);
      const subsidy = RESIDENT_PENSION_SUBSIDY[grade];
      if (subsidy === undefined) throw new Error(`demo citizen ${id}: ${grade} is not a resident pension grade`);
      insertYear.run(id, year, grade * 100, grade * 100, subsidy * 100, plan.collectiveSubsidy * 100, paidDate);
    }
  }

  for (const application of seed.cardApplications ?? []) {
    const applied = addDaysToDate(today, -application.appliedDaysBeforeSeed);
    const stages = application.stages.map((stage) => ({ stage: stage.stage, date: addDaysToDate(applied, stage.daysAfterApplied) }));
    db.prepare(`INSERT INTO card_applications
      (application_id, citizen_id, kind, channel, applied_date, stages_json, pickup_hall, pickup_window, carrier, tracking_number)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      `ZK${compact(applied)}-${application.serial}`, id, application.kind, application.channel, applied, JSON.stringify(stages),
      application.pickup?.hall ?? null, application.pickup?.window ?? null, application.delivery?.carrier ?? null, application.delivery?.trackingNumber ?? null,
    );
  }

  for (const transfer of seed.transfers ?? []) {
    const applied = dayOf(transfer.applied, today);
    const stages = transfer.stages.map((stage) => ({ stage: stage.stage, date: addDaysToDate(applied, stage.daysAfterApplied) }));
    db.prepare(`INSERT INTO insurance_transfers
      (transfer_id, citizen_id, insurance, direction, from_region, to_region, applied_date, stages_json, months) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      `ZY${compact(applied)}-${transfer.serial}`, id, transfer.insurance, transfer.direction, transfer.fromRegion, transfer.toRegion, applied, JSON.stringify(stages), transfer.months,
    );
  }

  for (const certificate of seed.skillCertificates ?? []) {
    db.prepare(`INSERT INTO skill_certificates (certificate_number, citizen_id, occupation, level, issued_date, issuing_body, status)
      VALUES (?, ?, ?, ?, ?, ?, ?)`).run(certificate.certificateNumber, id, certificate.occupation, certificate.level, dayOf(certificate.issuedDate, today), certificate.issuingBody, certificate.status);
  }
}

function writeSeedMeta(db: Database.Database, seedDay: string): void {
  const upsert = db.prepare('INSERT INTO simulator_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  upsert.run('seed_day', seedDay);
  upsert.run('seed_version', String(DEMO_SEED_VERSION));
}

/** Seeds an empty database; "today" of the demo data is the China day of `seedEpochMs`. */
export function seedDemoCitizens(db: Database.Database, seedEpochMs: number): void {
  const today = chinaDateOf(seedEpochMs);
  db.transaction(() => {
    for (const seed of demoCitizenSeeds) seedCitizenRecord(db, seed, today);
    for (const seed of demoCitizenSeeds) seedCitizenQueryData(db, seed, today);
    writeSeedMeta(db, today);
  })();
}

/**
 * A database seeded before seed version 2 did not record its seed day; its histories run to the month before it,
 * so the seed day is taken as the first of the month after the latest contribution.
 */
function inferredSeedDay(db: Database.Database): string | null {
  const latest = db.prepare('SELECT MAX(month) FROM contributions').pluck().get() as string | null;
  return latest === null ? null : `${addMonthsToYearMonth(latest, 1)}-01`;
}

/** Brings a database seeded by an older build up to the current seed version: new citizens, and the newer data for all. */
export function upgradeDemoSeed(db: Database.Database, fallbackEpochMs: number): void {
  const meta = new Map((db.prepare('SELECT key, value FROM simulator_meta').all() as Array<{ key: string; value: string }>).map((row) => [row.key, row.value]));
  const version = Number(meta.get('seed_version') ?? '1');
  if (version >= DEMO_SEED_VERSION) return;
  const seedDay = meta.get('seed_day') ?? inferredSeedDay(db) ?? chinaDateOf(fallbackEpochMs);
  db.transaction(() => {
    const existing = new Set(db.prepare('SELECT citizen_id FROM citizens').pluck().all() as string[]);
    for (const seed of demoCitizenSeeds) if (!existing.has(seed.citizenId)) seedCitizenRecord(db, seed, seedDay);
    // Query data came with version 2: a database older than that gets it for everyone, a newer one for the new citizens only.
    for (const seed of demoCitizenSeeds) if (version < 2 || !existing.has(seed.citizenId)) seedCitizenQueryData(db, seed, seedDay);
    writeSeedMeta(db, seedDay);
  })();
}
