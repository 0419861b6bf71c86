import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repoRoot } from '../startKioskProcess.js';

/** A demo citizen of the business-system simulator as `kiosk citizens` prints it. */
export interface DemoCitizen {
  id: string;
  name: string;
  idNumber: string;
  /** Relative to the shared data folder (faces/…), or null. */
  referencePhoto: string | null;
}

let listed: Promise<DemoCitizen[]> | null = null;

/** A demo citizen by id, from the real command line (so a test meets the simulator's own seed). */
export async function demoCitizen(citizenId: string): Promise<DemoCitizen> {
  listed ??= promisify(execFile)(process.execPath, ['bin/kiosk.js', 'citizens'], { cwd: repoRoot, timeout: 60_000 }).then(
    ({ stdout }) => JSON.parse(stdout.slice(stdout.indexOf('['))) as DemoCitizen[],
  );
  const citizen = (await listed).find((c) => c.id === citizenId);
  if (!citizen) throw new Error(`demo citizen ${citizenId} not found in \`kiosk citizens\``);
  return citizen;
}
