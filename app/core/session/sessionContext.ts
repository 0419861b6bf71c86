import type { AnswerView, Subtitle } from '../../api/kioskApi.js';

export interface SessionTiming {
  followUpAfterMs: number;
  farewellAfterMs: number;
  farewellShowMs: number;
  greetingIdleMs: number;
}

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
}

export function emptyVisit(timing: SessionTiming, robotName: string, robotLine: string): SessionContext {
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
  };
}
