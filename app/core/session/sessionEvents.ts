import type { CitizenInput } from '../../api/kioskApi.js';
import type { FrameMeasurement } from '../services/pensionAuth/faceAuthTypes.js';

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
  /** Voice: what the citizen is saying, as it is recognized (shown live, decides nothing). */
  | { type: 'voice.partial'; text: string }
  /** Voice: a finished utterance; `pinyin` is toneless and always present, `text` has characters when the model gives them. */
  | { type: 'voice.final'; text: string; pinyin: string }
  /** Voice activity began: the citizen is talking, so the inactivity clock restarts. */
  | { type: 'voice.speechStarted' }
  /** The wake word (你好小青) while nobody is in a visit. */
  | { type: 'voice.wake' }
  /** A spoken command word: 返回 (back) or 找工作人员 (staff); 停 is handled by the voice output itself. */
  | { type: 'voice.command'; command: 'back' | 'staff' }
  /** 养老认证: the ID number from the keypad, a cancel, and a camera frame measured in the main process. */
  | { type: 'auth.idNumber'; idNumber: string }
  | { type: 'auth.cancel' }
  | { type: 'frame.analyzed'; frame: FrameMeasurement }
  /** The robot accepted a guide move and is leaving (sent by the guide service). */
  | { type: 'robot.guideStarted'; placeLabel: string };
