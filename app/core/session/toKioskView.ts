import type { FaceAuthView, KioskPhase, KioskView } from '../../api/kioskApi.js';
import { availableServices, suggestedQuestions } from './kioskServices.js';
import { hearingOffReasons } from './robotLines.js';
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
  personalQuery: 'listening',
  printing: 'thinking',
  guiding: 'guiding',
  farewell: 'farewell',
};

export function phaseOf(value: unknown): KioskPhase {
  const top = typeof value === 'string' ? value : Object.keys(value as object)[0] ?? 'idle';
  return PHASES[top] ?? 'idle';
}

/** Whether the robot hears citizens, and why not, from what the machine knows of the microphone. */
export function voiceView(devices: SessionContext['devices']): KioskView['voice'] {
  return devices.hearing === 'on' ? { enabled: true, reason: null } : { enabled: false, reason: hearingOffReasons[devices.hearing] };
}

/** The screen is a pure function of the session snapshot (and the staff panel beside it); the renderer keeps no business state. */
export function toKioskView(
  value: unknown,
  context: SessionContext,
  staff: KioskView['staff'],
  faceAuth: FaceAuthView | null,
  faceAuthAvailable: boolean,
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
    voice: voiceView(context.devices),
    heard: context.partialTranscript,
    staff,
    faceAuth,
    citizen: context.identity.level === 'verified' ? { nameMasked: context.identity.nameMasked, idNumberMasked: context.identity.idNumberMasked } : null,
    queryMenu: null,
  };
}
