/**
 * The typed contract between the kiosk UI (renderer) and the kiosk brain (app/core).
 * Pure types and constants only: the renderer, Electron preload and the web transport all import it,
 * so it must never import Node or browser modules.
 */

/** Services the screen may offer as tiles. Only services that really work are listed by the core. */
export type ServiceId =
  | 'policy-qa'
  | 'rights-query'
  | 'certificate-print'
  | 'card-loss'
  | 'flexible-employment'
  | 'pension-auth'
  | 'guide-to-window'
  | 'call-staff';

export interface ServiceTile {
  id: ServiceId;
  /** Large tile label, e.g. 政策咨询. */
  label: string;
  /** One short line under the label. */
  hint: string;
}

/** What the citizen did on the screen. */
export type CitizenInput =
  | { type: 'citizen.touch' }
  | { type: 'citizen.text'; text: string }
  | { type: 'citizen.tapService'; service: ServiceId }
  /** A suggested question chip was tapped. */
  | { type: 'citizen.tapQuestion'; text: string }
  | { type: 'citizen.end' };

/** A camera frame the screen sends during 养老认证 (and staff enrolment) only; never stored. */
export interface CameraFrame {
  /** JPEG, base64 (no data: prefix). */
  jpegBase64: string;
  width: number;
  height: number;
  /** Milliseconds (the screen's clock) when it was captured. */
  capturedAt: number;
  /** Monotonic per authentication attempt, so the core can tell dropped frames from a switched camera. */
  seq: number;
}

/** Face presence from the screen's camera tracking (MediaPipe): someone stands and faces the robot, or left. */
export type PresenceInput = { type: 'presence.arrived' } | { type: 'presence.left' };

/** Input during 养老认证: the ID number from the keypad, and camera frames. */
export type FaceAuthInput =
  | { type: 'auth.idNumber'; idNumber: string }
  | { type: 'auth.frame'; frame: CameraFrame }
  | { type: 'auth.cancel' };

/** What a member of staff did on the staff panel (opened by a long press on the logo, unlocked by PIN). */
export type StaffInput =
  | { type: 'staff.unlock'; pin: string }
  | { type: 'staff.lock' }
  | { type: 'staff.printSample'; citizenId: string }
  | { type: 'staff.closeRequest'; id: number }
  /** Enrol a demo pensioner's reference photo from the camera (the built-in demo has no photos to ship). */
  | { type: 'staff.enrollPhoto'; citizenId: string; frame: CameraFrame };

/** Everything the screen can send. */
export type KioskInput = CitizenInput | StaffInput | PresenceInput | FaceAuthInput;

/** The kinds of action-liveness challenge. */
export type LivenessChallengeKind = 'blink' | 'turnLeft' | 'turnRight' | 'openMouth' | 'nod';

/** The 养老认证 screen, present while that service runs. */
export interface FaceAuthView {
  step: 'explain' | 'idInput' | 'lookingUp' | 'positioning' | 'challenge' | 'verifying' | 'submitting' | 'result';
  /** The main instruction, large (also spoken). */
  instruction: string;
  /** Quality guidance from the last frame: 请靠近一点, 请正对屏幕, 光线太暗 … */
  guidance: string | null;
  /** The screen should send camera frames now (and stop when false). */
  wantFrames: boolean;
  challenge: { kind: LivenessChallengeKind; index: number; total: number; secondsLeft: number } | null;
  /** Attempts used of the allowed 3. */
  attempt: number;
  maxAttempts: number;
  result: {
    outcome: 'authenticated' | 'failed' | 'already-authenticated' | 'not-pensioner' | 'queued' | 'staff-review';
    message: string;
    nextDueDate: string | null;
  } | null;
  /** The ID number as entered, masked for the screen (3702**********123X). */
  idNumberMasked: string | null;
}

export interface StaffPrintJobView {
  id: string;
  citizenId: string;
  /** queued, printing, paused (paper out …), done, failed, unconfirmed. */
  state: string;
  /** Plain Chinese. */
  message: string;
  at: string;
}

export interface StaffView {
  unlocked: boolean;
  /** The panel's last message (wrong PIN, job started …). */
  message: string | null;
  demoCitizens: { id: string; name: string; labels: string[] }[];
  printJobs: StaffPrintJobView[];
  staffRequests: { id: number; reason: string; createdAt: string }[];
  devices: { name: string; state: string; detail: string }[];
}

/** The session's phase as the screen shows it. */
export type KioskPhase =
  | 'idle'
  | 'greeting'
  | 'listening'
  | 'thinking'
  | 'answering'
  | 'guiding'
  | 'followUp'
  | 'farewell';

export interface Subtitle {
  who: 'robot' | 'citizen';
  text: string;
  /** Milliseconds since the session started. */
  at: number;
}

export interface AnswerSource {
  entryId: string;
  title: string;
  doc: string;
  url: string;
}

export interface AnswerView {
  question: string;
  /** What the robot says (≤ 3 sentences). */
  spoken: string;
  /** The fuller text shown on screen. */
  screen: string;
  sources: AnswerSource[];
  /** Set when the policy is not confirmed Qingdao policy (another province, outdated, unverified). */
  caution?: string;
  /** `llm`: composed by the government LLM from the knowledge base; `kb`: the entry's own text. */
  mode: 'llm' | 'kb';
  /** True when the knowledge base had nothing reliable: the screen offers to call staff. */
  offerStaff: boolean;
  /** Related questions the citizen can tap next. */
  related: string[];
}

export interface KioskView {
  phase: KioskPhase;
  /** Present while a citizen's visit is open. */
  sessionId: string | null;
  /** The robot's current line (also spoken when voice is on). */
  robotLine: string;
  subtitles: Subtitle[];
  answer: AnswerView | null;
  services: ServiceTile[];
  /** Suggested questions for the greeting screen. */
  suggestions: string[];
  /** A plain Chinese notice (an error or a state the citizen should know about). */
  notice: string | null;
  /** Whether the robot listens by voice, and why not when it does not. */
  voice: { enabled: boolean; reason: string | null };
  /** What the robot is hearing right now (live subtitle while the citizen speaks). */
  heard: string | null;
  /** The staff panel; empty and locked unless a member of staff unlocked it. */
  staff: StaffView;
  /** The 养老认证 service screen, when it runs. */
  faceAuth: FaceAuthView | null;
}

/** What the UI can call. Electron exposes it through contextBridge; the web kiosk over a loopback WebSocket. */
export interface KioskApi {
  send(input: KioskInput): void;
  /** Calls back with the current view at once and on every change; returns an unsubscribe function. */
  subscribe(listener: (view: KioskView) => void): () => void;
}

/** Messages on the web kiosk's WebSocket (JSON text frames). */
export type ServerMessage = { type: 'view'; view: KioskView } | { type: 'error'; message: string };
export type ClientMessage = { type: 'input'; input: KioskInput };
