import type { Route } from '../nlu/routeUtterance.js';
import type { CameraFrame, CitizenInput } from '../../api/kioskApi.js';
import type { EndpointProfileName } from '../../../speech/index.js';
import type { DeviceSessionEvent } from '../devices/deviceSessionEvents.js';

/** How patiently the robot listens after a line: `number` while the citizen reads out an ID or phone number. */
export type ListenPatience = EndpointProfileName;

/**
 * Everything the session machine reacts to, as one discriminated union: the citizen at the screen, the voice,
 * the devices, and the service child machines talking to their parent.
 */
export type SessionEvent =
  | CitizenInput
  | DeviceSessionEvent
  /** The robot finished saying its current line (the speech actor's completion). */
  | { type: 'robot.speechEnded' }
  /** Someone stepped in front of the robot / walked away (face presence from the screen's camera). */
  | { type: 'presence.arrived' }
  | { type: 'presence.left' }
  /** The face was gone for a moment, and a face is back: perhaps another person. */
  | { type: 'presence.changed' }
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
  /** 养老认证: the ID number from the keypad, a cancel, and a camera frame (analysed by the service, never stored). */
  | { type: 'auth.idNumber'; idNumber: string }
  | { type: 'auth.cancel' }
  | { type: 'auth.frame'; frame: CameraFrame }
  /** The robot accepted a guide move and is leaving (sent by the guide actor). */
  | { type: 'robot.guideStarted'; placeLabel: string }
  /** A service child machine asks the robot to say a line (its instruction changed). */
  | { type: 'robot.say'; line: string; listen?: ListenPatience }
  /** A service child machine needs a person (printer out of paper …) while the citizen's visit goes on. */
  | { type: 'staff.alert'; reason: string }
  /** The identity step matched the citizen's live face to the photo on file: kept for the rest of the visit. */
  | { type: 'identity.verified'; citizenId: string; idNumberMasked: string; nameMasked: string }
  /**
   * A transaction saved while the business system was down settled later (sent on a retry or after a restart):
   * a rejection needs a person to follow it up; the citizen, if still here and verified, is told either way.
   */
  | { type: 'outbox.settledLate'; citizenId: string; kind: string; title: string; outcome: 'delivered' | 'rejected'; reference: string | null; reason: string | null }
  /** A service spooled a print job for the citizen: the session follows it until it is on paper. */
  | { type: 'print.started'; jobId: string }
  /** A line the local router was unsure of, resolved by the LLM (or kept as it was): routed like the line itself. */
  | { type: 'citizen.resolved'; text: string; pinyin: string | null; route: Route };

