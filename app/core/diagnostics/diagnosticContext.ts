import type { Logger } from 'pino';
import type { KioskConfig } from '../config/kioskConfigSchema.js';

/** What every check gets: the kiosk's configuration (its ports, folders, endpoints), a clock and a log. */
export interface DiagnosticContext {
  config: KioskConfig;
  /** The configuration file in use, or null for the built-in defaults. */
  configFile: string | null;
  now(): Date;
  log: Logger;
  /** The technician confirmed the area around the robot is clear (`--move`): only then may a check move it. */
  allowMovement: boolean;
}
