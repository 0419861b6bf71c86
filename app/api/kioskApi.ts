/**
 * The typed contract between the kiosk UI (renderer) and the kiosk brain (app/core): the views the core shows
 * and the KioskApi itself. What the screen sends is defined by zod schemas (one file per group, e.g.
 * citizenInputSchema.ts); the input types are re-exported here so the rest of the kiosk finds the whole contract
 * in one place. Never imports Node or browser modules.
 */
import type { KioskInput } from './kioskInputSchema.js';
import type { ServiceId } from './serviceIdSchema.js';

export type { CameraFrame } from './cameraFrameSchema.js';
export type { CameraInput, CameraLostReason } from './cameraInputSchema.js';
export type { CitizenInput } from './citizenInputSchema.js';
export type { ClientMessage } from './clientMessage.js';
export type { FaceAuthInput } from './faceAuthInputSchema.js';
export type { KioskInput } from './kioskInputSchema.js';
export type { PresenceInput } from './presenceInputSchema.js';
export type { ServiceId } from './serviceIdSchema.js';
export type { StaffInput } from './staffInputSchema.js';

export interface ServiceTile {
  id: ServiceId;
  /** Large tile label, e.g. 政策咨询. */
  label: string;
  /** One short line under the label. */
  hint: string;
}

/** The kinds of action-liveness challenge. */
export type LivenessChallengeKind = 'blink' | 'turnLeft' | 'turnRight' | 'openMouth' | 'nod';

/** The 养老认证 screen, present while that service runs. */
export interface FaceAuthView {
  /** Who asks for the face: 养老认证, or a check of who the citizen is before their own record (聊天查). */
  purpose: 'pension-auth' | 'identity';
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
  /**
   * While the number is asked and an ID-card reader is ready: the line to show beside the keypad (请把身份证放在读卡区…);
   * null (or absent) otherwise — no reader, or it is faulted and the number must be typed.
   */
  cardHint?: string | null;
  /** The number came from the ID card on the reader: the holder's name from the card, masked (王*兰); else null or absent. */
  cardNameMasked?: string | null;
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
  /**
   * The transaction outbox, newest first (docs/outbox.md): what waits to be sent, what was refused, what went
   * through. Never the payload or the citizen. Absent while locked, or when the kiosk keeps no outbox.
   */
  outbox?: StaffOutboxEntryView[];
}

export interface StaffOutboxEntryView {
  id: number;
  /** pension-auth, card-loss, flexible-employment … */
  kind: string;
  state: 'pending' | 'sending' | 'delivered' | 'rejected';
  attempts: number;
  createdAt: string;
  updatedAt: string;
  nextAttemptAt: string | null;
  /** The business system's reference number, once delivered. */
  reference: string | null;
  /** The business system's refusal (its code), once rejected. */
  rejectionReason: string | null;
  lastError: string | null;
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
  /**
   * `llm`: composed by the government LLM from the knowledge base; `kb`: the entry's own text; `record`: the verified
   * citizen's own record from the business system (聊天查).
   */
  mode: 'llm' | 'kb' | 'record';
  /** True when the knowledge base had nothing reliable: the screen offers to call staff. */
  offerStaff: boolean;
  /** Related questions the citizen can tap next. */
  related: string[];
  /** On a `record`: what the citizen can do with it (打印, 记录有误); absent on other answers. */
  recordActions?: { print: boolean; dispute: boolean };
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
  /** Who the visit verified, masked as the hall masks it (王*兰, 3702**********0422); null before the face matched. */
  citizen: VerifiedCitizenView | null;
  /** A 对话办 transaction while it runs: what it needs, what was given (as read back), and where it stands. */
  transaction: TransactionView | null;
  /** The 聊天查 menu, while the citizen chooses a query by touch (after tapping 权益查询); null otherwise. */
  queryMenu: QueryTile[] | null;
}

export interface TransactionView {
  title: string;
  /**
   * checking: looking at the record to see whether the citizen can have it at all; collecting: asking for what is
   * missing; confirming: waiting for the explicit yes; submitting: past the yes.
   */
  step: 'checking' | 'collecting' | 'confirming' | 'submitting';
  /** Each field with the value as the robot read it back, or null while it is missing; `skipped`: an optional one left out. */
  fields: { name: string; label: string; value: string | null; skipped: boolean }[];
  /** While collecting: the field being asked, the answers that can be tapped, and whether it can be left out (跳过). */
  asking: { name: string; label: string; choices: string[]; optional: boolean } | null;
  /** With the confirmation: what the citizen will get (a certificate's contents); null when there is none. */
  preview: string[] | null;
}

export interface QueryTile {
  /** Sent back as citizen.tapQuery. */
  service: string;
  label: string;
  /** Whether it needs the face check first (the tile says so). */
  needsFace: boolean;
}

export interface VerifiedCitizenView {
  nameMasked: string;
  idNumberMasked: string;
}

/** What the UI can call. Electron exposes it through contextBridge; the web kiosk over a loopback WebSocket. */
export interface KioskApi {
  send(input: KioskInput): void;
  /** Calls back with the current view at once and on every change; returns an unsubscribe function. */
  subscribe(listener: (view: KioskView) => void): () => void;
}

/** What the web kiosk's server sends on its WebSocket (JSON text frames); the screen's side is ClientMessage. */
export type ServerMessage = { type: 'view'; view: KioskView } | { type: 'error'; message: string };
