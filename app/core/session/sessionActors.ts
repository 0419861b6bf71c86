import type { Logger } from 'pino';
import { fromCallback, fromPromise } from 'xstate';
import type { AnswerView } from '../../api/kioskApi.js';
import type { GuideInput, GuideOutcome } from '../services/guideOutcome.js';
import type { createGuideService } from '../services/guideService.js';
import type { PolicyQuestionService } from '../services/policyQuestionService.js';
import { toAnswerView } from '../services/policyAnswer.js';
import type { StaffRequestStore } from '../store/staffRequestStore.js';
import type { KioskVoice } from '../voice/kioskVoice.js';
import type { BackendClient } from '../backend/backendClient.js';
import { openQueries, personalQueries } from '../services/queries/personalQueries.js';
import type { RecordPrintService } from '../records/recordPrintService.js';
import type { PersonalQueryAnswer } from '../services/queries/personalQuery.js';
import type { AnswerQuestionInput, CallStaffInput, PersonalQueryInput, ResolveRouteInput, SpeakRequest, SpoolRecordInput } from './sessionMachine.js';
import type { LlmRouteResolver } from '../nlu/llmRouteResolver.js';
import type { Route } from '../nlu/routeUtterance.js';
import type { SessionEvent } from './sessionEvents.js';

export interface SessionActorDeps {
  policy: PolicyQuestionService;
  /** The hall business system, for the verified citizen's own records (聊天查). */
  backend: BackendClient;
  staffRequests: Pick<StaffRequestStore, 'open'>;
  /** Null without an LLM: the local route always stands. */
  routeResolver?: LlmRouteResolver | null;
  /** Null without a printer: "print it" is answered with where else to get it printed. */
  recordPrinter: RecordPrintService | null;
  /** Printed at the foot of a record printout. */
  hallName: string;
  /** Null without a robot base: the citizen is told where the place is instead. */
  guide: ReturnType<typeof createGuideService> | null;
  places: Record<string, { label: string; directions: string }>;
  voice: KioskVoice | null;
  /** Events an actor raises while it works (the guide leaving), into the session. */
  send: (event: SessionEvent) => void;
  /** A staff call was opened: the staff panel shows it. */
  onStaffCalled: () => void;
  now: () => number;
  log: Logger;
}

/** The world as the session machine acts on it: each actor does one thing and reports back; none decides. */
export function createSessionActors(deps: SessionActorDeps) {
  const { log } = deps;
  return {
    answerQuestion: fromPromise<AnswerView, AnswerQuestionInput>(async ({ input }) => {
      const started = deps.now();
      const answer = await deps.policy.answer(input.question, input.pinyin);
      log.info(
        { mode: answer.mode, offerStaff: answer.offerStaff, top: answer.retrieved.slice(0, 3).map((r) => [r.id, r.confidence]), llmFallback: answer.llmFallback ?? null, ms: deps.now() - started },
        'answered',
      );
      return toAnswerView(answer);
    }),
    answerPersonalQuery: fromPromise<PersonalQueryAnswer, PersonalQueryInput>(async ({ input }) => {
      const started = deps.now();
      const open = openQueries[input.service];
      const query = personalQueries[input.service];
      let answer: PersonalQueryAnswer;
      if (open) answer = await open.answer(deps.backend, input.slots, input.citizenId);
      else if (query && input.citizenId) answer = await query.answer(deps.backend, input.citizenId, input.slots);
      else throw new Error(`no personal query for ${input.service}`);
      log.info({ service: input.service, empty: answer.empty, ms: deps.now() - started }, 'personal query answered');
      return answer;
    }),
    // Never throws: whatever goes wrong with the LLM, the local route comes back.
    resolveRoute: fromPromise<Route, ResolveRouteInput>(async ({ input, signal }) => (deps.routeResolver ? deps.routeResolver.resolve(input.text, input.local, { signal }) : input.local)),
    spoolRecord: fromPromise<{ jobId: string }, SpoolRecordInput>(async ({ input }) => {
      if (!deps.recordPrinter) throw new Error('no printer');
      return deps.recordPrinter.spool({ ...input, hallName: deps.hallName, printedAt: new Date(deps.now()) });
    }),
    callStaff: fromPromise<void, CallStaffInput>(async ({ input }) => {
      const request = deps.staffRequests.open(input.sessionId || null, input.reason);
      log.info({ staffRequest: request.id, reason: input.reason }, 'staff called');
      deps.onStaffCalled();
    }),
    guide: fromPromise<GuideOutcome, GuideInput>(async ({ input, signal }) => {
      if (deps.guide) return deps.guide(input, signal, (placeLabel) => deps.send({ type: 'robot.guideStarted', placeLabel }));
      const place = deps.places[input.placeId];
      return { result: 'disconnected', placeLabel: place?.label ?? '您要去的地方', directions: place?.directions ?? '' };
    }),
    speech: fromCallback<SpeakRequest>(({ receive, sendBack }) => {
      const voice = deps.voice;
      if (!voice) return undefined;
      const stopListening = voice.onSpeechEnded(() => sendBack({ type: 'robot.speechEnded' }));
      receive((request) => voice.say(request.line, request.listen));
      return stopListening;
    }),
  };
}
