/**
 * Writes the demo citizens into a fresh simulator database, in one transaction.
 * Deterministic: the same seed day gives byte-identical data.
 */
import type Database from 'better-sqlite3';
import { seededRandom } from '../../../../common/seededRandom.js';
import { addDaysToDate, addMonthsToDate, addMonthsToYearMonth, chinaDateOf, chinaDateTimeOf } from '../calendar.js';
import { insuranceTypes } from '../backendTypes.js';
import { birthDateFromIdNumber, genderFromIdNumber } from '../idNumber.js';
import { nextPensionAuthDueDate } from '../pensionAuthCycle.js';
import { generateContributions, generatePensionPayments, type ContributionRow } from './contributionHistory.js';
import { demoCitizenSeeds, type DemoCitizenSeed } from './demoCitizens.js';
import { seedFromText } from './seedFromText.js';

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

export function seedDemoCitizens(db: Database.Database, seedEpochMs: number): void {
  const today = chinaDateOf(seedEpochMs);
  // The current month is paid at its end, so histories run to the month before.
  const lastPaidMonth = addMonthsToYearMonth(today.slice(0, 7), -1);

  const insertCitizen = db.prepare(`INSERT INTO citizens
    (citizen_id, name, id_number, gender, birth_date, phone, reference_photo, useful_for_json, is_pensioner, last_authenticated_on)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertEnrolment = db.prepare('INSERT INTO enrolments (citizen_id, type, status, start_period, end_period) VALUES (?, ?, ?, ?, ?)');
  const insertContribution = db.prepare(`INSERT INTO contributions
    (citizen_id, month, type, base_fen, personal_fen, employer_fen, payer) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertPayment = db.prepare('INSERT INTO pension_payments (citizen_id, month, amount_fen, paid_date) VALUES (?, ?, ?, ?)');
  const insertCard = db.prepare('INSERT INTO cards (citizen_id, card_number, status, bank, issued_date) VALUES (?, ?, ?, ?, ?)');
  const insertRegistration = db.prepare(`INSERT INTO flexible_registrations
    (registration_id, citizen_id, kiosk_id, employment_type, start_month, insurance_types_json, contribution_level, residence_street, registered_at)
    VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?)`);

  db.transaction(() => {
    for (const seed of demoCitizenSeeds) {
      const birthDate = birthDateFromIdNumber(seed.idNumber);
      if (birthDate === null) throw new Error(`demo citizen ${seed.citizenId} has an impossible birth date`);
      const authenticatedOn = lastAuthenticatedOn(seed, today);
      insertCitizen.run(
        seed.citizenId, seed.name, seed.idNumber, genderFromIdNumber(seed.idNumber), birthDate, seed.phone,
        seed.referencePhoto, JSON.stringify(seed.usefulFor), seed.pension ? 1 : 0, authenticatedOn,
      );

      const contributions = generateContributions(seed.spells, lastPaidMonth, seededRandom(seedFromText(seed.citizenId)));
      for (const row of contributions) {
        insertContribution.run(seed.citizenId, row.month, row.type, row.baseFen, row.personalFen, row.employerFen, row.payer);
      }
      for (const enrolment of enrolmentsFrom(contributions, lastPaidMonth, seed.pension !== undefined)) {
        insertEnrolment.run(seed.citizenId, enrolment.type, enrolment.status, enrolment.startPeriod, enrolment.endPeriod);
      }

      if (seed.pension && authenticatedOn) {
        for (const payment of generatePensionPayments(seed.pension, today, nextPensionAuthDueDate(authenticatedOn))) {
          insertPayment.run(seed.citizenId, payment.month, payment.amountFen, payment.paidDate);
        }
      }

      insertCard.run(seed.citizenId, seed.card.cardNumber, seed.card.status, seed.card.bank, seed.card.issuedDate);

      const flexibleSpell = seed.spells.find((spell) => spell.until === 'ongoing' && spell.level !== undefined);
      if (seed.flexibleRegistration && flexibleSpell) {
        const registration = seed.flexibleRegistration;
        insertRegistration.run(
          `LH${seed.citizenId}`, seed.citizenId, registration.employmentType, flexibleSpell.from,
          JSON.stringify(flexibleSpell.types), registration.contributionLevel, registration.residenceStreet,
          chinaDateTimeOf(Date.parse(`${flexibleSpell.from}-01T01:00:00Z`)),
        );
      }
    }
  })();
}
