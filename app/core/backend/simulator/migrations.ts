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
];
