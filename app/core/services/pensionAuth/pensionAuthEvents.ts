import type { CameraFrame, CameraLostReason } from '../../../api/kioskApi.js';
import type { AuthOutcome, AuthStaffReason, FrameMeasurement } from './faceAuthTypes.js';

/** What the session machine forwards to the 养老认证 child while it runs. */
export type PensionAuthParentEvent =
  | { type: 'auth.idNumber'; idNumber: string }
  | { type: 'auth.cancel' }
  /** A raw camera frame from the screen; only the positioning and challenge states take it. */
  | { type: 'auth.frame'; frame: CameraFrame }
  | { type: 'camera.lost'; reason: CameraLostReason }
  | { type: 'camera.restored' };

/** A frame measured by vision/, sent back by the child's `analyzeFrames` actor. */
export type FrameAnalyzedEvent = { type: 'frame.analyzed'; frame: FrameMeasurement };

export type PensionAuthEvent = PensionAuthParentEvent | FrameAnalyzedEvent;

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
}
