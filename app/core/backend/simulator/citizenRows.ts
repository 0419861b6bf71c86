/** Reading a citizen's own row; every citizen route starts here. */
import type { RetirementCategory } from '../backendTypes.js';
import { HttpProblem } from './httpProblem.js';
import type { SimulatorDatabase } from './simulatorDatabase.js';

export interface CitizenRow {
  citizen_id: string;
  name: string;
  id_number: string;
  gender: '男' | '女';
  birth_date: string;
  phone: string;
  reference_photo: string | null;
  useful_for_json: string;
  is_pensioner: 0 | 1;
  last_authenticated_on: string | null;
  /** Migration 4: null when the record cannot tell. */
  retirement_category: RetirementCategory | null;
  /** 视同缴费 months before 1996. */
  deemed_months: number;
  /** Pensioners: the day they retired. */
  retired_on: string | null;
}

export function findCitizenById(db: SimulatorDatabase, citizenId: string): CitizenRow | undefined {
  return db.prepare('SELECT * FROM citizens WHERE citizen_id = ?').get(citizenId) as CitizenRow | undefined;
}

export function requireCitizen(db: SimulatorDatabase, citizenId: string): CitizenRow {
  const citizen = findCitizenById(db, citizenId);
  if (!citizen) throw new HttpProblem(404, 'CITIZEN_NOT_FOUND', '未查询到该参保人');
  return citizen;
}

/** Integer fen from the database → yuan on the wire. */
export function yuan(fen: number): number {
  return fen / 100;
}

/** SQL ordering of insurance types in the order citizens know them from forms. */
export const INSURANCE_TYPE_ORDER_SQL = "CASE type WHEN '养老' THEN 1 WHEN '医疗' THEN 2 WHEN '失业' THEN 3 WHEN '工伤' THEN 4 ELSE 5 END";
