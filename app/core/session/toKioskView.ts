import type { FaceAuthView, KioskPhase, KioskView, QueryTile, TransactionView } from '../../api/kioskApi.js';
import { SERVICES, SERVICE_NAMES } from '../nlu/serviceCatalogue.js';
import { maskNumbersForScreen } from '../nlu/scrubUtteranceForLlm.js';
import { openQueries, personalQueries } from '../services/queries/personalQueries.js';
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
  printingRecord: 'thinking',
  resolvingRoute: 'thinking',
  transaction: 'listening',
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

/** The 聊天查 menu: every query the kiosk answers, in the catalogue's order; the ones that need a face say so. */
export function queryTiles(): QueryTile[] {
  return SERVICE_NAMES.filter((service) => personalQueries[service] ?? openQueries[service]).map((service) => ({
    service,
    label: SERVICES[service].label,
    needsFace: SERVICES[service].identity !== 'none',
  }));
}

/** The screen is a pure function of the session snapshot (and the staff panel beside it); the renderer keeps no business state. */
export function toKioskView(
  value: unknown,
  context: SessionContext,
  staff: KioskView['staff'],
  faceAuth: FaceAuthView | null,
  faceAuthAvailable: boolean,
  transaction: TransactionView | null = null,
): KioskView {
  return {
    phase: phaseOf(value),
    sessionId: context.sessionId,
    robotLine: context.robotLine,
    subtitles: context.subtitles,
    answer: context.answer,
    // Without faces there is no 养老认证 and no personal record to query.
    services: faceAuthAvailable ? availableServices : availableServices.filter((s) => s.id !== 'pension-auth' && s.id !== 'rights-query'),
    suggestions: context.suggestions ?? suggestedQuestions,
    notice: context.notice,
    voice: voiceView(context.devices),
    // What is being heard, as it is heard: an ID number read out shows masked while it is still being said.
    heard: context.partialTranscript === null ? null : maskNumbersForScreen(context.partialTranscript),
    staff,
    faceAuth,
    citizen: context.identity.level === 'verified' ? { nameMasked: context.identity.nameMasked, idNumberMasked: context.identity.idNumberMasked } : null,
    queryMenu: context.showQueryMenu ? queryTiles() : null,
    transaction,
  };
}
