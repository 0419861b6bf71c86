import type { CitizenInput } from '../../api/kioskApi.js';

/**
 * Everything the session machine reacts to, as one discriminated union.
 * Citizen input comes from the screen today; speech and face presence add their own members later.
 */
export type SessionEvent =
  | CitizenInput
  /** The robot finished saying its current line (sent by the speech output when voice is on). */
  | { type: 'robot.speechEnded' }
  /** Someone stepped in front of the robot / walked away (face presence, later issues). */
  | { type: 'presence.arrived' }
  | { type: 'presence.left' }
  /** The robot accepted a guide move and is leaving (sent by the guide service). */
  | { type: 'robot.guideStarted'; placeLabel: string };
