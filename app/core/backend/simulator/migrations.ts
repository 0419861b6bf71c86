/**
 * The simulator's schema, as numbered steps recorded in `schema_migrations`, so a file-backed demo
 * database made by an older build is upgraded in place rather than thrown away.
 * Money is integer fen; months are YYYY-MM text; dates are YYYY-MM-DD text (China time).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const simulatorMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'citizens and insurance records',
    sql: `
      CREATE TABLE citizens (
        citizen_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        id_number TEXT NOT NULL UNIQUE,
        gender TEXT NOT NULL,
        birth_date TEXT NOT NULL,
        phone TEXT NOT NULL,
        reference_photo TEXT,
        useful_for_json TEXT NOT NULL,
        is_pensioner INTEGER NOT NULL,
        last_authenticated_on TEXT
      );
      CREATE TABLE enrolments (
        citizen_id TEXT NOT NULL REFERENCES citizens(citizen_id),
        type TEXT NOT NULL,
        status TEXT NOT NULL,
        start_period TEXT NOT NULL,
        end_period TEXT,
        PRIMARY KEY (citizen_id, type)
      );
      CREATE TABLE contributions (
        citizen_id TEXT NOT NULL REFERENCES citizens(citizen_id),
        month TEXT NOT NULL,
        type TEXT NOT NULL,
        base_fen INTEGER NOT NULL,
        personal_fen INTEGER NOT NULL,
        employer_fen INTEGER NOT NULL,
        payer TEXT NOT NULL,
        PRIMARY KEY (citizen_id, month, type)
      );
      CREATE TABLE pension_payments (
        citizen_id TEXT NOT NULL REFERENCES citizens(citizen_id),
        month TEXT NOT NULL,
        amount_fen INTEGER NOT NULL,
        paid_date TEXT NOT NULL,
        PRIMARY KEY (citizen_id, month)
      );
      CREATE TABLE cards (
        citizen_id TEXT PRIMARY KEY REFERENCES citizens(citizen_id),
        card_number TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL,
        bank TEXT NOT NULL,
        issued_date TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'kiosk submissions and idempotency keys',
    sql: `
      CREATE TABLE card_loss_reports (
        report_id TEXT PRIMARY KEY,
        citizen_id TEXT NOT NULL REFERENCES citizens(citizen_id),
        kiosk_id TEXT NOT NULL,
        reported_at TEXT NOT NULL
      );
      CREATE TABLE flexible_registrations (
        registration_id TEXT PRIMARY KEY,
        citizen_id TEXT NOT NULL REFERENCES citizens(citizen_id),
        kiosk_id TEXT,
        employment_type TEXT NOT NULL,
        start_month TEXT NOT NULL,
        insurance_types_json TEXT NOT NULL,
        contribution_level INTEGER NOT NULL,
        residence_street TEXT NOT NULL,
        registered_at TEXT NOT NULL
      );
      CREATE TABLE idempotency_keys (
        kiosk_id TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        status INTEGER NOT NULL,
        response_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (kiosk_id, idempotency_key)
      );
    `,
  },
  {
    version: 3,
    name: 'pension authentication submissions and enrolled reference photos',
    sql: `
      CREATE TABLE pension_auth_submissions (
        submission_id TEXT PRIMARY KEY,
        citizen_id TEXT NOT NULL REFERENCES citizens(citizen_id),
        kiosk_id TEXT NOT NULL,
        method TEXT NOT NULL,
        authenticated_at TEXT NOT NULL,
        authenticated_on TEXT NOT NULL,
        similarity REAL NOT NULL,
        liveness REAL NOT NULL,
        challenges_json TEXT NOT NULL,
        received_at TEXT NOT NULL
      );
      CREATE INDEX pension_auth_submissions_by_citizen ON pension_auth_submissions (citizen_id);
      CREATE TABLE reference_photos (
        citizen_id TEXT PRIMARY KEY REFERENCES citizens(citizen_id),
        content_type TEXT NOT NULL,
        image BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        kiosk_id TEXT NOT NULL,
        enrolled_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'personal queries: retirement profile, benefits, resident pension, card applications, transfers, registrations, certificates',
    sql: `
      CREATE TABLE simulator_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      ALTER TABLE citizens ADD COLUMN retirement_category TEXT;
      ALTER TABLE citizens ADD COLUMN deemed_months INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE citizens ADD COLUMN retired_on TEXT;
      ALTER TABLE cards ADD COLUMN status_since TEXT;
      CREATE TABLE resident_pension_enrolments (
        citizen_id TEXT PRIMARY KEY REFERENCES citizens(citizen_id),
        status TEXT NOT NULL,
        start_year INTEGER NOT NULL,
        town TEXT NOT NULL
      );
      CREATE TABLE resident_pension_contributions (
        citizen_id TEXT NOT NULL REFERENCES citizens(citizen_id),
        year INTEGER NOT NULL,
        grade_fen INTEGER NOT NULL,
        personal_fen INTEGER NOT NULL,
        government_subsidy_fen INTEGER NOT NULL,
        collective_subsidy_fen INTEGER NOT NULL,
        paid_date TEXT NOT NULL,
        PRIMARY KEY (citizen_id, year)
      );
      CREATE TABLE unemployment_claims (
        claim_id TEXT PRIMARY KEY,
        citizen_id TEXT NOT NULL REFERENCES citizens(citizen_id),
        approved_date TEXT NOT NULL,
        entitlement_months INTEGER NOT NULL,
        monthly_fen INTEGER NOT NULL,
        first_month TEXT NOT NULL,
        stopped_on TEXT
      );
      CREATE TABLE unemployment_payments (
        claim_id TEXT NOT NULL REFERENCES unemployment_claims(claim_id),
        month TEXT NOT NULL,
        amount_fen INTEGER NOT NULL,
        paid_date TEXT NOT NULL,
        PRIMARY KEY (claim_id, month)
      );
      CREATE TABLE work_injury_cases (
        case_id TEXT PRIMARY KEY,
        citizen_id TEXT NOT NULL REFERENCES citizens(citizen_id),
        injury_date TEXT NOT NULL,
        employer TEXT NOT NULL,
        recognised_date TEXT,
        disability_grade INTEGER,
        assessed_date TEXT
      );
      CREATE TABLE work_injury_benefits (
        case_id TEXT NOT NULL REFERENCES work_injury_cases(case_id),
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        amount_fen INTEGER NOT NULL,
        period_from TEXT,
        period_to TEXT,
        paid_date TEXT,
        payer TEXT NOT NULL,
        PRIMARY KEY (case_id, seq)
      );
      CREATE TABLE card_applications (
        application_id TEXT PRIMARY KEY,
        citizen_id TEXT NOT NULL REFERENCES citizens(citizen_id),
        kind TEXT NOT NULL,
        channel TEXT NOT NULL,
        applied_date TEXT NOT NULL,
        stages_json TEXT NOT NULL,
        pickup_hall TEXT,
        pickup_window TEXT,
        carrier TEXT,
        tracking_number TEXT
      );
      CREATE TABLE insurance_transfers (
        transfer_id TEXT PRIMARY KEY,
        citizen_id TEXT NOT NULL REFERENCES citizens(citizen_id),
        insurance TEXT NOT NULL,
        direction TEXT NOT NULL,
        from_region TEXT NOT NULL,
        to_region TEXT NOT NULL,
        applied_date TEXT NOT NULL,
        stages_json TEXT NOT NULL,
        months INTEGER NOT NULL
      );
      CREATE TABLE employment_registrations (
        citizen_id TEXT NOT NULL REFERENCES citizens(citizen_id),
        seq INTEGER NOT NULL,
        status TEXT NOT NULL,
        from_date TEXT NOT NULL,
        to_date TEXT,
        employer TEXT,
        office TEXT,
        PRIMARY KEY (citizen_id, seq)
      );
      CREATE TABLE employment_certificates (
        citizen_id TEXT PRIMARY KEY REFERENCES citizens(citizen_id),
        certificate_number TEXT NOT NULL UNIQUE,
        issued_date TEXT NOT NULL,
        issued_by TEXT NOT NULL,
        status TEXT NOT NULL
      );
      CREATE TABLE skill_certificates (
        certificate_number TEXT PRIMARY KEY,
        citizen_id TEXT NOT NULL REFERENCES citizens(citizen_id),
        occupation TEXT NOT NULL,
        level TEXT NOT NULL,
        issued_date TEXT NOT NULL,
        issuing_body TEXT NOT NULL,
        status TEXT NOT NULL
      );
      CREATE TABLE service_applications (
        application_id TEXT PRIMARY KEY,
        citizen_id TEXT NOT NULL REFERENCES citizens(citizen_id),
        kind TEXT NOT NULL,
        channel TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        state TEXT NOT NULL,
        stage TEXT NOT NULL,
        updated_date TEXT NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: '社保卡解挂 and 联系方式变更 from a kiosk',
    sql: `
      CREATE TABLE card_loss_cancellations (
        cancellation_id TEXT PRIMARY KEY,
        citizen_id TEXT NOT NULL REFERENCES citizens(citizen_id),
        kiosk_id TEXT NOT NULL,
        previous_status TEXT NOT NULL,
        cancelled_at TEXT NOT NULL
      );
      CREATE TABLE contact_changes (
        change_id TEXT PRIMARY KEY,
        citizen_id TEXT NOT NULL REFERENCES citizens(citizen_id),
        kiosk_id TEXT NOT NULL,
        previous_phone TEXT NOT NULL,
        phone TEXT NOT NULL,
        changed_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 6,
    name: '补换社保卡 and 就业创业证申领 from a kiosk',
    sql: `
      CREATE TABLE card_replacements (
        application_id TEXT PRIMARY KEY REFERENCES card_applications(application_id),
        citizen_id TEXT NOT NULL REFERENCES citizens(citizen_id),
        kiosk_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        previous_status TEXT NOT NULL,
        collection_method TEXT NOT NULL,
        hall_code TEXT,
        mailing_address TEXT,
        fee_fen INTEGER NOT NULL,
        expected_ready_date TEXT NOT NULL,
        applied_at TEXT NOT NULL
      );
      ALTER TABLE card_applications ADD COLUMN mailing_address TEXT;
      CREATE TABLE employment_certificate_applications (
        application_id TEXT PRIMARY KEY,
        citizen_id TEXT NOT NULL REFERENCES citizens(citizen_id),
        kiosk_id TEXT NOT NULL,
        situation TEXT NOT NULL,
        street TEXT NOT NULL,
        form TEXT NOT NULL,
        certificate_number TEXT NOT NULL,
        pickup_from TEXT,
        applied_at TEXT NOT NULL
      );
      ALTER TABLE employment_certificates ADD COLUMN form TEXT;
    `,
  },
  {
    version: 7,
    name: '失业登记 and 失业保险金申领 (with why the job ended)',
    sql: `
      CREATE TABLE unemployment_registrations (
        registration_id TEXT PRIMARY KEY,
        citizen_id TEXT NOT NULL REFERENCES citizens(citizen_id),
        kiosk_id TEXT,
        separation_month TEXT NOT NULL,
        reason TEXT NOT NULL,
        job_services_json TEXT NOT NULL,
        office TEXT NOT NULL,
        registered_at TEXT NOT NULL
      );
      CREATE TABLE unemployment_benefit_applications (
        application_id TEXT PRIMARY KEY,
        citizen_id TEXT NOT NULL REFERENCES citizens(citizen_id),
        kiosk_id TEXT NOT NULL,
        claim_id TEXT NOT NULL REFERENCES unemployment_claims(claim_id),
        registration_id TEXT NOT NULL REFERENCES unemployment_registrations(registration_id),
        applied_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 8,
    name: '技能提升补贴申领, and the 联系地址 in 联系方式变更',
    sql: `
      CREATE TABLE skill_subsidy_applications (
        application_id TEXT PRIMARY KEY,
        citizen_id TEXT NOT NULL REFERENCES citizens(citizen_id),
        kiosk_id TEXT,
        certificate_number TEXT NOT NULL REFERENCES skill_certificates(certificate_number),
        occupation TEXT NOT NULL,
        level TEXT NOT NULL,
        amount_fen INTEGER NOT NULL,
        state TEXT NOT NULL,
        submitted_at TEXT NOT NULL
      );
      CREATE INDEX skill_subsidy_applications_by_citizen ON skill_subsidy_applications (citizen_id);
      ALTER TABLE citizens ADD COLUMN address TEXT;
      ALTER TABLE contact_changes ADD COLUMN address TEXT;
      ALTER TABLE contact_changes ADD COLUMN previous_address TEXT;
    `,
  },
];
