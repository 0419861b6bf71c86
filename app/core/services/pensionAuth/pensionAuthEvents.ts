import type { CameraFrame, CameraLostReason } from '../../../api/kioskApi.js';
import type { IdCardSessionEvent } from '../../devices/deviceSessionEvents.js';
import type { AuthOutcome, AuthStaffReason, FrameMeasurement } from './faceAuthTypes.js';

/** What the session machine forwards to the 养老认证 child while it runs. */
export type PensionAuthParentEvent =
  | { type: 'auth.idNumber'; idNumber: string }
  | { type: 'auth.cancel' }
  /** A raw camera frame from the screen; only the positioning and challenge states take it. */
  | { type: 'auth.frame'; frame: CameraFrame }
  | { type: 'camera.lost'; reason: CameraLostReason }
  | { type: 'camera.restored' }
  /** The ID-card reader: a card read (fills the number while it is asked), the reader faulted or working again. */
  | IdCardParentEvent;

/** What the session forwards of the ID-card reader to a running identity check (directly, or through 养老认证). */
export type IdCardParentEvent = Extract<IdCardSessionEvent, { type: 'idcard.read' | 'idcard.fault' | 'idcard.restored' }>;

/** A frame measured by vision/, sent back by the child's `analyzeFrames` actor. */
export type FrameAnalyzedEvent = { type: 'frame.analyzed'; frame: FrameMeasurement };

/** What the identity check child tells its parent: a line to say, and the verified identity (passed on to the visit). */
export type IdentityChildEvent = RobotSayEvent | { type: 'identity.verified'; citizenId: string; idNumberMasked: string };

/** What the 养老认证 machine reacts to: the parent's events (passed on to the identity check) and the check's. */
export type PensionAuthEvent = PensionAuthParentEvent | IdentityChildEvent;

/**
 * How the robot listens after the line: `number` while it asks for the ID number (18 digits read in groups,
 * with pauses), `default` otherwise.
 */
export type AuthListenProfile = 'number' | 'default';

/** What the child tells its parent: say this line (each new instruction, once). */
export type RobotSayEvent = { type: 'robot.say'; line: string; listen: AuthListenProfile };

/**
 * The child's output when it ends. `line` has already been said (as a robot.say); `staffReason` non-null means the
 * parent calls staff with that reason.
 */
export interface PensionAuthOutput {
  outcome: AuthOutcome;
  line: string;
  staffReason: AuthStaffReason | null;
  /** An accepted result's submission number; null otherwise. */
  reference: string | null;
  /** When the next authentication is due, when known (authenticated, queued, already authenticated). */
  nextDueDate: string | null;
}
