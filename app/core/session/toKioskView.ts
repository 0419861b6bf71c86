import type { KioskPhase, KioskView } from '../../api/kioskApi.js';
import { availableServices, suggestedQuestions } from './kioskServices.js';
import type { SessionContext } from './sessionContext.js';

const PHASES: Record<string, KioskPhase> = {
  idle: 'idle',
  greeting: 'greeting',
  listening: 'listening',
  thinking: 'thinking',
  answering: 'answering',
  followUp: 'followUp',
  callingStaff: 'thinking',
  pensionAuth: 'listening',
  guiding: 'guiding',
  farewell: 'farewell',
};

export function phaseOf(value: unknown): KioskPhase {
  const top = typeof value === 'string' ? value : Object.keys(value as object)[0] ?? 'idle';
  return PHASES[top] ?? 'idle';
}

/** The screen is a pure function of the session snapshot; the renderer keeps no business state. */
export function toKioskView(
  value: unknown,
  context: SessionContext,
  voice: KioskView['voice'],
  staff: KioskView['staff'],
  faceAuthAvailable = false,
): KioskView {
  return {
    phase: phaseOf(value),
    sessionId: context.sessionId,
    robotLine: context.robotLine,
    subtitles: context.subtitles,
    answer: context.answer,
    services: faceAuthAvailable ? availableServices : availableServices.filter((s) => s.id !== 'pension-auth'),
    suggestions: context.suggestions ?? suggestedQuestions,
    notice: context.notice,
    voice,
    heard: context.partialTranscript,
    staff,
    faceAuth: null,
  };
}
