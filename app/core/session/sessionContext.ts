import type { AnswerView, Subtitle } from '../../api/kioskApi.js';
import type { MicrophoneOffReason } from '../devices/deviceSessionEvents.js';
import { noIdentity, type VisitIdentity } from '../identity/visitIdentity.js';
import type { RouteSlots } from '../nlu/extractSlots.js';
import type { ServiceName } from '../nlu/serviceCatalogue.js';

export interface SessionTiming {
  followUpAfterMs: number;
  farewellAfterMs: number;
  farewellShowMs: number;
  greetingIdleMs: number;
}

/** What the machine knows of its devices; kept across visits (a fault outlives the visit it happened in). */
export interface DeviceStates {
  hearing: 'starting' | 'on' | MicrophoneOffReason;
  speaker: 'ok' | 'fault';
  estop: boolean;
  robotLink: 'ok' | 'lost';
  batteryLow: boolean;
  camera: 'ok' | 'lost';
}

export const initialDeviceStates: DeviceStates = { hearing: 'starting', speaker: 'ok', estop: false, robotLink: 'ok', batteryLow: false, camera: 'ok' };

export interface SessionContext {
  timing: SessionTiming;
  robotName: string;
  /** Null between visits. */
  sessionId: string | null;
  startedAt: number;
  robotLine: string;
  subtitles: Subtitle[];
  answer: AnswerView | null;
  notice: string | null;
  /** The question waiting for an answer (only while thinking). */
  pendingQuestion: string | null;
  /** Its toneless pinyin when it came by voice (retrieval also matches on pinyin). */
  pendingPinyin: string | null;
  /** What the recognizer has heard so far of the utterance in progress. */
  partialTranscript: string | null;
  /** The place the robot is taking the citizen to (only while guiding). */
  pendingGuide: string | null;
  /** Chips for the current step; null shows the greeting suggestions. */
  suggestions: string[] | null;
  /** Why staff are being called (set by the step that needs them). */
  staffReason: string | null;
  /** The citizen's print job the visit is following (only while printing). */
  printJobId: string | null;
  /** How the visit ended, for the event log. */
  endReason: string | null;
  /** The 聊天查 query waiting for the identity check (only while answering it). */
  pendingQuery: { service: ServiceName; slots: RouteSlots } | null;
  /** Who the citizen is, as far as this visit knows: forgotten with the visit, or sooner (the face leaves). */
  identity: VisitIdentity;
  /** The last record told to the verified citizen, for "print it" and "this looks wrong"; forgotten with the identity. */
  lastRecord: LastRecord | null;
  /** A query that needs no identity asked for something (a birth month, a certificate number): the next line may be it. */
  awaitingReply: { service: ServiceName; slots: RouteSlots } | null;
  /** A transaction asked for: the line that asked (it may already hold values) and its submission key. */
  pendingTransaction: { line: { text: string; pinyin: string | null }; idempotencyKey: string } | null;
  /** Whether the screen shows the 聊天查 menu (after the citizen tapped 权益查询). */
  showQueryMenu: boolean;
  devices: DeviceStates;
}

export interface LastRecord {
  service: ServiceName;
  title: string;
  /** One line per row, as on screen. */
  screen: string;
  ifWrong: string;
  /** Nothing on record: there is nothing to print. */
  empty: boolean;
}

export function emptyVisit(timing: SessionTiming, robotName: string, robotLine: string, devices: DeviceStates): SessionContext {
  return {
    timing,
    robotName,
    sessionId: null,
    startedAt: 0,
    robotLine,
    subtitles: [],
    answer: null,
    notice: null,
    pendingQuestion: null,
    pendingPinyin: null,
    partialTranscript: null,
    pendingGuide: null,
    suggestions: null,
    staffReason: null,
    printJobId: null,
    endReason: null,
    pendingQuery: null,
    identity: noIdentity,
    lastRecord: null,
    awaitingReply: null,
    pendingTransaction: null,
    showQueryMenu: false,
    devices,
  };
}
