import { and, assign, enqueueActions, fromCallback, fromPromise, raise, sendTo, setup, spawnChild } from 'xstate';
import type { AnswerView, Subtitle } from '../../api/kioskApi.js';
import { detectGuideRequest } from '../nlu/detectGuideRequest.js';
import { routeOfCitizenLine } from './routeOfCitizenLine.js';
import { shouldAskLlm } from '../nlu/llmRouteResolver.js';
import type { Route } from '../nlu/routeUtterance.js';
import { identityCheckMachine } from '../identity/identityCheckMachine.js';
import type { RouteSlots } from '../nlu/extractSlots.js';
import { SERVICES, type ServiceName } from '../nlu/serviceCatalogue.js';
import { openQueries, personalQueries } from '../services/queries/personalQueries.js';
import type { RecordPrintout } from '../records/encodeRecordPrintout.js';
import { transactionMachine } from '../transactions/transactionMachine.js';
import type { TransactionSpec } from '../transactions/transactionSpec.js';
import type { TransactionOutput } from '../transactions/transactionMachine.js';
import { transactionLines } from '../transactions/transactionLines.js';
import { receiptOf, transactionReceipt } from '../transactions/transactionReceipt.js';
import type { PensionAuthOutput } from '../services/pensionAuth/pensionAuthEvents.js';
import type { PersonalQueryAnswer } from '../services/queries/personalQuery.js';
import { parseSpokenIdNumber } from '../nlu/spokenIdNumber.js';
import { mergeReplySlots } from '../nlu/mergeReplySlots.js';
import { maskIdNumber } from '../../../common/maskIdNumber.js';
import { maskNumbersForScreen } from '../nlu/scrubUtteranceForLlm.js';
import { pensionAuthMachine, type PensionAuthInput } from '../services/pensionAuth/pensionAuthMachine.js';
import type { GuideInput, GuideOutcome } from '../services/guideOutcome.js';
import { printJobMachine, type PrintJobOutput } from '../services/printJob/printJobMachine.js';
import { noIdentity } from '../identity/visitIdentity.js';
import { deviceStatesAfter } from './deviceStatesAfter.js';
import { robotLines } from './robotLines.js';
import { emptyVisit, initialDeviceStates, type DeviceStates, type SessionContext, type SessionTiming } from './sessionContext.js';
import type { ListenPatience, SessionEvent } from './sessionEvents.js';

export interface SessionMachineInput {
  timing: SessionTiming;
  /** Settings of the 养老认证 child machine (challenge pool, thresholds, timing); absent: the service is not offered. */
  pensionAuth?: PensionAuthInput;
  robotName: string;
  /** The hall's places the robot can guide to: what each is called and how to walk there. */
  places: Record<string, { label: string; directions: string }>;
  /** The 对话办 transactions this kiosk runs, by service (each needs a verified face and an explicit yes). */
  transactions?: Readonly<Record<string, TransactionSpec>>;
  /** A citizen's print job paused longer than this is given a word of reassurance. */
  printStillPausedAfterMs?: number;
  /** What is known of the devices at start (a replayed visit starts from the devices as they were). */
  devices?: DeviceStates;
  /**
   * Whether an LLM resolves lines the local router is unsure of (below this confidence); absent: the local route
   * always stands. The LLM only picks the service: identity and confirmation stay this machine's.
   */
  llmRouteBelow?: number;
  /** Injected so tests get stable ids and the simulated clock drives subtitle times. */
  newSessionId: () => string;
  now: () => number;
}

export interface AnswerQuestionInput {
  question: string;
  pinyin?: string;
}

export interface ResolveRouteInput {
  text: string;
  local: Route;
}

export interface PersonalQueryInput {
  service: ServiceName;
  /** The verified citizen; null only for a query that needs no identity (openQueries) in an unverified visit. */
  citizenId: string | null;
  slots: RouteSlots;
}

/** The record to print, as the citizen saw it (masked); the actor adds the hall and the time. */
export type SpoolRecordInput = Omit<RecordPrintout, 'hallName' | 'printedAt'>;

export interface CallStaffInput {
  sessionId: string;
  reason: string;
}

/** What the speech actor is asked to do: say a line and then listen with the given patience. */
export interface SpeakRequest {
  type: 'speak';
  line: string;
  listen: ListenPatience;
}

/** What the 养老认证 child machine ends with. */
interface ServiceOutput {
  outcome: string | null;
  line: string;
  staffReason?: string | null;
}

/** Things a visit begins and ends with, emitted for the event log (`actor.on('visit.started', …)`). */
export type SessionEmitted = { type: 'visit.started'; sessionId: string; devices: DeviceStates } | { type: 'visit.ended'; sessionId: string; reason: string };

type Ctx = SessionContext & {
  newSessionId: () => string;
  now: () => number;
  pensionAuthInput: PensionAuthInput | null;
  places: SessionMachineInput['places'];
  printStillPausedAfterMs: number;
  llmRouteBelow: number | null;
  transactions: Readonly<Record<string, TransactionSpec>>;
  /** A line waiting for the LLM's pick of its service (only while resolving it). */
  pendingLine: { text: string; pinyin: string | null; route: Route } | null;
};

/** Spoken lines take time; until the voice output reports the end, estimate it (slow speech for elders). */
function estimateSpeechMs(text: string): number {
  return Math.max(2_500, Math.round([...text].length * 280));
}

/** Chips shown when the citizen asks to be guided: the common destinations. */
const guideSuggestions = ['带我去1号窗口', '带我去2号窗口', '带我去3号窗口', '带我去4号窗口', '带我去自助服务区'];

function placeOf(ctx: Ctx, placeId: string | null): { label: string; directions: string } {
  return (placeId && ctx.places[placeId]) || { label: '您要去的地方', directions: '' };
}

/** The place being guided to, as the guide lines take it: its label and how to walk there. */
function placeLine(ctx: Ctx): [string, string] {
  const place = placeOf(ctx, ctx.pendingGuide);
  return [place.label, place.directions];
}

function guideLine(outcome: GuideOutcome): string {
  switch (outcome.result) {
    case 'arrived':
      return robotLines.guideArrived(outcome.placeLabel);
    case 'blocked':
      return robotLines.guideBlocked(outcome.placeLabel, outcome.directions);
    case 'unknown-place':
      return robotLines.guideUnknownPlace(outcome.placeLabel);
    default:
      return robotLines.guideUnavailable(outcome.placeLabel, outcome.directions);
  }
}

/**
 * The service the citizen asked for, whichever way: a query tile, a button on a record, 换人, or a line the router
 * understood. Undefined when the event asks for none.
 */
function requestedService(event: SessionEvent): string | undefined {
  if (event.type === 'citizen.tapQuery') return event.service in SERVICES ? event.service : undefined;
  if (event.type === 'citizen.recordAction') return event.action === 'print' ? 'print_record' : 'dispute_record';
  if (event.type === 'citizen.changeCitizen') return 'change_citizen';
  return routeOfCitizenLine(event)?.service;
}

/** What a query that asked for something now has, with the citizen's reply; null when the reply added nothing it asked for. */
function replySlots(ctx: Ctx, event: SessionEvent): RouteSlots | null {
  const pending = ctx.awaitingReply;
  if (!pending || (event.type !== 'citizen.text' && event.type !== 'voice.final' && event.type !== 'citizen.resolved')) return null;
  const merged = mergeReplySlots(pending.slots, event.text, event.type === 'citizen.text' ? undefined : (event.pinyin ?? undefined));
  const answered = (['certificateNumber', 'birthYearMonth', 'retirementCategory'] as const).some((slot) => JSON.stringify(merged[slot]) !== JSON.stringify(pending.slots[slot]));
  return answered ? merged : null;
}

/** An ID number in the line (typed in digits, or read out), or null. */
function idNumberIn(event: SessionEvent): string | null {
  const text = questionOf(event) ?? '';
  const typed = /(?<!\d)\d{17}[\dXx](?!\d)/.exec(text.replace(/[\s-]/g, ''))?.[0];
  if (typed) return typed;
  const pinyin = event.type === 'voice.final' || event.type === 'citizen.resolved' ? event.pinyin : null;
  return (pinyin ? parseSpokenIdNumber(pinyin) : null) ?? parseSpokenIdNumber(text);
}

/** What the citizen asked (typed, tapped or said); trimmed and never empty, as app/api and the voice deliver it. */
function questionOf(event: SessionEvent): string | null {
  if (event.type === 'citizen.text' || event.type === 'citizen.tapQuestion' || event.type === 'voice.final' || event.type === 'citizen.resolved') return event.text;
  return null;
}

/** The words a guard looks at: the characters, and for voice also the pinyin (the small model gives only pinyin). */
function guideRequestOf(event: SessionEvent) {
  const pinyin = event.type === 'voice.final' || event.type === 'citizen.resolved' ? event.pinyin : null;
  return detectGuideRequest(questionOf(event) ?? '') ?? (pinyin ? detectGuideRequest(pinyin) : null);
}

function subtitle(ctx: Ctx, who: Subtitle['who'], text: string): Subtitle[] {
  const at = ctx.sessionId ? ctx.now() - ctx.startedAt : 0;
  // Anyone behind the citizen reads the screen: a number they typed or said is shown back masked.
  return [...ctx.subtitles, { who, text: who === 'citizen' ? maskNumbersForScreen(text) : text, at }].slice(-40);
}

interface SayParams {
  line: string;
  /** Also the notice on screen (faults and outcomes a citizen must not miss). */
  notice?: boolean;
  listen?: ListenPatience;
}

/** The part of xstate's `enqueue` that saying a line needs. */
interface SayEnqueue {
  assign(values: Partial<Ctx>): void;
  sendTo(actor: 'speech', event: SpeakRequest): void;
}

/**
 * The robot says a line: it becomes the current line and a subtitle, optionally the notice on screen, and the
 * speech actor says it. Every spoken line of a visit goes through here, so nothing is said that is not shown.
 */
function speak(enqueue: SayEnqueue, context: Ctx, params: SayParams): void {
  enqueue.assign({ robotLine: params.line, subtitles: subtitle(context, 'robot', params.line), ...(params.notice ? { notice: params.line } : {}) });
  enqueue.sendTo('speech', { type: 'speak', line: params.line, listen: params.listen ?? 'default' });
}

/** Staff calls whose reason the citizen was already told with staff coming (the e-stop, camera, printer lines). */
const ANNOUNCED_STAFF_REASONS = new Set(['robot-estop', 'camera-lost', 'print-failed', 'print-unconfirmed', 'identity-review']);
/** A refused transaction's line already says staff are coming (transactionLines.refused). */
const announced = (reason: string | null) => reason !== null && (ANNOUNCED_STAFF_REASONS.has(reason) || reason.startsWith('transaction-refused:') || reason.startsWith('transaction-ineligible:'));

/** Why staff are fetched while the visit goes on. */
function alertReason(event: SessionEvent): string {
  if (event.type === 'staff.alert') return event.reason;
  if (event.type === 'outbox.settledLate') return `transaction-rejected-late:${event.kind}`;
  if (event.type === 'robot.estop') return 'robot-estop';
  if (event.type === 'robot.batteryLow') return 'robot-battery-low';
  return event.type;
}

const inVisit = (ctx: Ctx) => ctx.sessionId !== null;

/**
 * One citizen's visit: attract → greeting → listening → thinking → answering → follow-up → farewell → attract,
 * with the services as child machines. The machine decides what is said (through the speech actor), how patiently
 * to listen, what a device fault means for the citizen and when staff are needed. Everything it does to the world
 * is an actor provided from outside (`machine.provide`), so tests run this exact machine on a simulated clock.
 */
export const sessionMachine = setup({
  types: {
    context: {} as Ctx,
    events: {} as SessionEvent,
    input: {} as SessionMachineInput,
    emitted: {} as SessionEmitted,
  },
  actors: {
    /** The 养老认证 child machine; the runtime provides it with its business-system and face actors. */
    pensionAuth: pensionAuthMachine,
    /** Who is in front of the robot: ID number and live face (the same check 养老认证 starts with). */
    identityCheck: identityCheckMachine,
    /** Fetches and words one 聊天查 query for the verified citizen. */
    answerPersonalQuery: fromPromise<PersonalQueryAnswer, PersonalQueryInput>(async () => {
      throw new Error('answerPersonalQuery actor not provided');
    }),
    /** The LLM's pick of the service for a line the local router was unsure of; the local route when it has none. */
    resolveRoute: fromPromise<Route, ResolveRouteInput>(async ({ input }) => input.local),
    /** One 对话办 transaction: what it needs, read back, the explicit yes, one submission. */
    transaction: transactionMachine,
    /** Puts the citizen's record in the print spooler; resolves with the job id once it is queued. */
    spoolRecord: fromPromise<{ jobId: string }, SpoolRecordInput>(async () => {
      throw new Error('spoolRecord actor not provided');
    }),
    /** Follows a citizen's print job to paper. */
    printJob: printJobMachine,
    /** The robot's mouth: receives SpeakRequests, sends `robot.speechEnded` when a line has been said to its end. */
    speech: fromCallback<SpeakRequest>(() => undefined),
    answerQuestion: fromPromise<AnswerView, AnswerQuestionInput>(async () => {
      throw new Error('answerQuestion actor not provided');
    }),
    callStaff: fromPromise<void, CallStaffInput>(async () => {
      throw new Error('callStaff actor not provided');
    }),
    /** Moves the robot to a configured place; stopping the actor (citizen ends the visit) must stop the robot. */
    guide: fromPromise<GuideOutcome, GuideInput>(async () => {
      throw new Error('guide actor not provided');
    }),
  },
  delays: {
    followUp: ({ context }) => context.timing.followUpAfterMs,
    farewell: ({ context }) => context.timing.farewellAfterMs,
    farewellShow: ({ context }) => context.timing.farewellShowMs,
    greetingIdle: ({ context }) => context.timing.greetingIdleMs,
    speaking: ({ context }) => estimateSpeechMs(context.robotLine),
  },
  guards: {
    hasQuestion: ({ event }) => (questionOf(event) ?? '').length > 0,
    /** The line answers what a query that needs no identity asked for ("1965年3月", "女工人", a certificate number). */
    answersOpenQuery: ({ context, event }) => replySlots(context, event) !== null,
    /** A typed or spoken line the local router is unsure of, when an LLM is there to ask. */
    routeIsUnsure: ({ context, event }) => {
      if (context.llmRouteBelow === null || (event.type !== 'citizen.text' && event.type !== 'voice.final')) return false;
      const route = routeOfCitizenLine(event);
      return route !== null && shouldAskLlm(route, context.llmRouteBelow);
    },
    isGuideRequest: ({ event }) => guideRequestOf(event) !== null,
    // Without the face pipeline the service is not offered; a request for it becomes a policy question.
    isPensionAuthRequest: ({ context, event }) => context.pensionAuthInput !== null && routeOfCitizenLine(event)?.service === 'pension_auth',
    /** Where to, without a place the hall knows ("厕所在哪", "带我去办事的地方"): the robot asks. */
    isPlacelessGuideRequest: ({ event }) => routeOfCitizenLine(event)?.service === 'guide_to_place' && guideRequestOf(event) === null,
    /** A 聊天查 query the kiosk answers, when it can check faces at all. */
    isPersonalQuery: ({ context, event }) => {
      const service = requestedService(event) as ServiceName | undefined;
      return context.pensionAuthInput !== null && service !== undefined && personalQueries[service] !== undefined;
    },
    /** A transaction this kiosk runs, when it can check faces at all (each needs the citizen verified). */
    isTransaction: ({ context, event }) => {
      const service = requestedService(event);
      return context.pensionAuthInput !== null && service !== undefined && context.transactions[service] !== undefined;
    },
    pendingIsTransaction: ({ context }) => context.pendingTransaction !== null,
    /** A query that needs no identity (a certificate by its number, a retirement age from a stated birth date). */
    isOpenQuery: ({ event }) => {
      const service = requestedService(event) as ServiceName | undefined;
      return service !== undefined && openQueries[service] !== undefined;
    },
    /** 换人 said or tapped: whoever was verified is forgotten; the visit goes on for the next citizen. */
    isChangeCitizen: ({ context, event }) => inVisit(context) && requestedService(event) === 'change_citizen',
    /** "Print it" about a record the verified citizen was just told (not about an empty one). */
    wantsRecordPrinted: ({ context, event }) =>
      requestedService(event) === 'print_record' && context.identity.level === 'verified' && context.lastRecord !== null && !context.lastRecord.empty,
    /** "That is wrong" about a record the citizen was just told. */
    disputesRecord: ({ context, event }) => requestedService(event) === 'dispute_record' && context.identity.level === 'verified' && context.lastRecord !== null,
    /** "Print it" with nothing (or nothing of the verified citizen's) to print. */
    asksToPrintNothing: ({ event }) => requestedService(event) === 'print_record',
    tappedRightsQuery: ({ context, event }) => context.pensionAuthInput !== null && event.type === 'citizen.tapService' && event.service === 'rights-query',
    isVerified: ({ context }) => context.identity.level === 'verified',
    /** A verified visit asking for a record by another person's ID number: only one's own records are told here. */
    asksForSomeoneElse: ({ context, event }) => {
      if (context.identity.level !== 'verified') return false;
      const service = requestedService(event) as ServiceName | undefined;
      if (service === undefined || personalQueries[service] === undefined) return false;
      const named = idNumberIn(event);
      return named !== null && maskIdNumber(named) !== context.identity.idNumberMasked;
    },
    hasIdentity: ({ context }) => context.identity.level !== 'none' || context.lastRecord !== null,
    identityVerified: ({ event }) => (event as unknown as { output: { outcome: string } }).output.outcome === 'verified',
    isStaffRequest: ({ event }) => routeOfCitizenLine(event)?.service === 'handoff_to_staff',
    isGoodbye: ({ event }) => routeOfCitizenLine(event)?.service === 'goodbye',
    isSmallTalk: ({ event }) => routeOfCitizenLine(event)?.service === 'chitchat',
    tappedPensionAuth: ({ context, event }) =>
      context.pensionAuthInput !== null && event.type === 'citizen.tapService' && event.service === 'pension-auth',
    serviceNeedsStaff: ({ event }) => Boolean((event as unknown as { output: ServiceOutput }).output.staffReason),
    saidStaff: ({ event }) => event.type === 'voice.command' && event.command === 'staff',
    tappedGuide: ({ event }) => event.type === 'citizen.tapService' && event.service === 'guide-to-window',
    tappedPolicy: ({ event }) => event.type === 'citizen.tapService' && event.service === 'policy-qa',
    tappedStaff: ({ event }) => event.type === 'citizen.tapService' && event.service === 'call-staff',
    inVisit: ({ context }) => inVisit(context),
    pressed: ({ event }) => (event.type === 'robot.estop' || event.type === 'robot.bumper') && event.pressed,
    microphoneBroke: ({ context, event }) => inVisit(context) && event.type === 'microphone.fault' && event.reason === 'device',
    microphoneCameBack: ({ context }) => inVisit(context) && context.devices.hearing === 'device',
  },
  actions: {
    say: enqueueActions(({ context, enqueue }, params: SayParams) => speak(enqueue, context, params)),
    startVisit: enqueueActions(({ context, enqueue }) => {
      // A new citizen before the last visit was wiped (touch during the goodbye): the last visit ends here.
      if (context.sessionId) enqueue.emit({ type: 'visit.ended', sessionId: context.sessionId, reason: 'next-citizen' });
      const sessionId = context.newSessionId();
      enqueue.assign({
        ...emptyVisit(context.timing, context.robotName, robotLines.greeting(context.robotName), context.devices),
        sessionId,
        startedAt: context.now(),
      });
      enqueue.emit({ type: 'visit.started', sessionId, devices: context.devices });
    }),
    wipeVisit: enqueueActions(({ context, enqueue }) => {
      if (context.sessionId) enqueue.emit({ type: 'visit.ended', sessionId: context.sessionId, reason: context.endReason ?? 'inactivity' });
      enqueue.assign(emptyVisit(context.timing, context.robotName, robotLines.attract, context.devices));
    }),
    /**
     * Whoever was verified is forgotten, and with them everything of theirs on screen: the record, the subtitles
     * that read it out, the record kept for printing. The next person sees nothing of the last one.
     */
    forgetIdentity: assign(({ context }) =>
      context.identity.level === 'none' && context.lastRecord === null
        ? {}
        : {
            identity: noIdentity,
            lastRecord: null,
            subtitles: [],
            answer: context.answer?.mode === 'record' ? null : context.answer,
            // The robot's line may be the record read out; the next line said replaces this neutral one.
            robotLine: robotLines.anythingElse,
            awaitingReply: null,
          },
    ),
    takeReply: assign(({ context, event }) => ({
      pendingQuery: context.awaitingReply ? { service: context.awaitingReply.service, slots: replySlots(context, event) ?? context.awaitingReply.slots } : null,
      awaitingReply: null,
    })),
    rememberQuery: assign(({ event }) => {
      if (event.type === 'citizen.tapQuery') return { pendingQuery: { service: event.service as ServiceName, slots: {} }, pendingTransaction: null, showQueryMenu: false };
      const route = routeOfCitizenLine(event);
      return route ? { pendingQuery: { service: route.service, slots: route.slots }, pendingTransaction: null, showQueryMenu: false } : {};
    }),
    rememberTransaction: assign(({ context, event }) => {
      const service = requestedService(event) as ServiceName;
      const text = questionOf(event) ?? '';
      const pinyin = event.type === 'voice.final' || event.type === 'citizen.resolved' ? event.pinyin : null;
      // The key is fixed now: whatever happens to this request, it is submitted at most once.
      return { pendingQuery: { service, slots: {} }, pendingTransaction: { line: { text, pinyin }, idempotencyKey: `txn-${context.sessionId ?? 'none'}-${context.now()}` } };
    }),
    sayTransactionOutcome: enqueueActions(({ context, event, enqueue }) => {
      const output = (event as unknown as { output: TransactionOutput }).output;
      const service = context.pendingQuery?.service ?? 'policy_question';
      enqueue.assign({ pendingQuery: null, pendingTransaction: null, staffReason: output.staffReason, printJobId: output.printJobId });
      // The short receipt: on screen with 打印, and the visit's last record, so "打印" prints it like any record.
      const receipt = context.identity.level === 'verified' ? transactionReceipt(output, context.now()) : null;
      if (receipt) {
        const screen = receipt.rows.join('\n');
        enqueue.assign({
          answer: { question: receipt.title, spoken: output.line, screen, sources: [], mode: 'record', offerStaff: false, related: [], recordActions: { print: true, dispute: false } },
          lastRecord: { service, title: receipt.title, screen, ifWrong: robotLines.offerStaffForRecord, empty: false },
        });
      }
      const line = receipt ? `${output.line}${transactionLines.receiptOffer}` : output.line;
      speak(enqueue, context, { line, notice: output.outcome !== 'submitted' && output.outcome !== 'cancelled' });
    }),
    showQueryMenu: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ showQueryMenu: true, answer: null, notice: null });
      speak(enqueue, context, { line: robotLines.chooseQuery });
    }),
    sayCitizenChanged: enqueueActions(({ context, enqueue }) => {
      // Whatever the last citizen's step was waiting for (a place, a staff call's reason) is theirs, not the next one's.
      enqueue.assign({ pendingQuery: null, pendingGuide: null, staffReason: null, notice: null, suggestions: null, showQueryMenu: false });
      speak(enqueue, context, { line: robotLines.citizenChanged });
    }),
    /** What to do about a record that looks wrong: where to go and what to bring; staff are one word away. */
    sayIfWrong: enqueueActions(({ context, enqueue }) => {
      const advice = context.lastRecord?.ifWrong ?? '';
      enqueue.assign({ notice: advice });
      speak(enqueue, context, { line: `${advice}${robotLines.offerStaffForRecord}` });
    }),
    sayOnlyOwnRecord: enqueueActions(({ context, enqueue }) => speak(enqueue, context, { line: robotLines.onlyOwnRecord })),
    sayFaceChanged: enqueueActions(({ context, enqueue }) => speak(enqueue, context, { line: robotLines.faceChanged })),
    sayTakePrintoutFirst: enqueueActions(({ context, enqueue }) => speak(enqueue, context, { line: robotLines.takePrintoutFirst })),
    sayNothingToPrint: enqueueActions(({ context, enqueue }) => speak(enqueue, context, { line: robotLines.nothingToPrint })),
    rememberIdentity: assign(({ context, event }) =>
      event.type === 'identity.verified' ? { identity: { level: 'verified' as const, citizenId: event.citizenId, idNumberMasked: event.idNumberMasked, nameMasked: event.nameMasked, verifiedAt: context.now() } } : {},
    ),
    followPrintJob: assign(({ event }) => (event.type === 'print.started' ? { printJobId: event.jobId, answer: null, suggestions: null } : {})),
    noteTap: assign(({ context, event }) => {
      const label = event.type === 'citizen.tapQuery' ? SERVICES[event.service as ServiceName]?.label : event.type === 'citizen.recordAction' ? (event.action === 'print' ? '打印' : '记录有误') : null;
      return label ? { subtitles: subtitle(context, 'citizen', label) } : {};
    }),
    endBecause: assign((_, params: { reason: string }) => ({ endReason: params.reason })),
    greet: enqueueActions(({ context, enqueue }) => speak(enqueue, context, { line: robotLines.greeting(context.robotName) })),
    acceptQuestion: assign(({ context, event }) => {
      const question = questionOf(event) ?? '';
      return {
        pendingQuestion: question,
        pendingPinyin: event.type === 'voice.final' || event.type === 'citizen.resolved' ? event.pinyin : null,
        partialTranscript: null,
        notice: null,
        showQueryMenu: false,
        awaitingReply: null,
        subtitles: subtitle(context, 'citizen', question),
      };
    }),
    sayThinking: enqueueActions(({ context, enqueue }) => speak(enqueue, context, { line: robotLines.thinking })),
    acceptGuideRequest: assign(({ context, event }) => ({
      pendingGuide: guideRequestOf(event)?.placeId ?? null,
      partialTranscript: null,
      notice: null,
      answer: null,
      suggestions: null,
      showQueryMenu: false,
      subtitles: subtitle(context, 'citizen', questionOf(event) ?? ''),
    })),
    askWhere: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ answer: null, suggestions: [...guideSuggestions] });
      speak(enqueue, context, { line: robotLines.askWhere });
    }),
    /** The citizen's words as a subtitle, leaving the screen as it is (the record they are talking about stays). */
    holdLine: assign(({ event }) => {
      const route = routeOfCitizenLine(event);
      if (!route || (event.type !== 'citizen.text' && event.type !== 'voice.final')) return {};
      // What was heard stays on screen while the LLM thinks; the line is noted once, when it is routed.
      return { pendingLine: { text: event.text, pinyin: event.type === 'voice.final' ? event.pinyin : null, route }, partialTranscript: event.text };
    }),
    noteCitizenSaid: assign(({ context, event }) => ({ partialTranscript: null, subtitles: subtitle(context, 'citizen', questionOf(event) ?? '') })),
    noteCitizenLine: assign(({ context, event }) => ({
      partialTranscript: null,
      answer: null,
      awaitingReply: null,
      showQueryMenu: false,
      subtitles: subtitle(context, 'citizen', questionOf(event) ?? ''),
    })),
    showPartial: assign(({ event }) => ({ partialTranscript: event.type === 'voice.partial' ? event.text : null })),
    askPolicy: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ answer: null });
      speak(enqueue, context, { line: robotLines.askPolicy });
    }),
    sayIntroduction: enqueueActions(({ context, enqueue }) => speak(enqueue, context, { line: robotLines.introduction(context.robotName) })),
    nudge: enqueueActions(({ context, enqueue }) => speak(enqueue, context, { line: robotLines.anythingElse })),
    sayFarewell: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ notice: null });
      speak(enqueue, context, { line: robotLines.farewell });
    }),
    /** A service child machine's instruction: spoken, shown by the service's own screen. */
    sayForService: sendTo('speech', ({ event }) => {
      const e = event as Extract<SessionEvent, { type: 'robot.say' }>;
      return { type: 'speak', line: e.line, listen: e.listen ?? 'default' } satisfies SpeakRequest;
    }),
    /** The service's last line, already spoken by the service, stays as the robot's line of the visit. */
    showServiceOutcome: assign(({ context, event }) => {
      const output = (event as unknown as { output: ServiceOutput }).output;
      return { robotLine: output.line, subtitles: subtitle(context, 'robot', output.line), staffReason: output.staffReason ?? null };
    }),
    /** The print job's last line: spoken here, because the child has ended and cannot say it itself. */
    sayPrintOutcome: enqueueActions(({ context, event, enqueue }) =>
      speak(enqueue, context, { line: (event as unknown as { output: PrintJobOutput }).output.line, notice: true }),
    ),
    sayStaffCalled: enqueueActions(({ context, enqueue }) => speak(enqueue, context, { line: robotLines.staffCalled, notice: true })),
    sayStaffCallFailed: enqueueActions(({ context, enqueue }) => speak(enqueue, context, { line: robotLines.staffCallFailed, notice: true })),
    /** Staff are fetched while the visit goes on (printer paper, e-stop): nobody waits for the call to be placed. */
    alertStaff: spawnChild('callStaff', {
      // A readable id that depends only on what happened and when (a replayed log names the same actor).
      id: ({ context, event }) => `staff-alert:${alertReason(event)}:${context.now()}`,
      input: ({ context, event }) => ({ sessionId: context.sessionId ?? '', reason: alertReason(event) }),
    }),
    noteDevice: assign(({ context, event }) => ({ devices: deviceStatesAfter(context.devices, event) })),
    sayMicrophoneLost: enqueueActions(({ context, enqueue }) => speak(enqueue, context, { line: robotLines.microphoneLost, notice: true })),
    sayMicrophoneBack: enqueueActions(({ context, enqueue }) => speak(enqueue, context, { line: robotLines.microphoneBack })),
    // Nothing can be heard: the line is shown, and the speech actor's attempt does no harm.
    showSpeakerLost: assign({ notice: robotLines.speakerLost }),
    /** 养老认证 ends like the transactions: a short receipt on screen, printed on "打印" like a record. */
    offerPensionAuthReceipt: enqueueActions(({ context, event, enqueue }) => {
      const output = (event as unknown as { output: PensionAuthOutput }).output;
      if (output.outcome !== 'authenticated' && output.outcome !== 'queued') return;
      if (context.identity.level !== 'verified') return;
      const rows = output.nextDueDate ? [`下次认证截止：${output.nextDueDate}`] : [];
      const receipt = receiptOf({ title: '养老认证', sent: output.outcome === 'authenticated', reference: output.reference, rows, line: output.line }, context.now());
      const screen = receipt.rows.join('\n');
      enqueue.assign({
        answer: { question: receipt.title, spoken: output.line, screen, sources: [], mode: 'record', offerStaff: false, related: [], recordActions: { print: true, dispute: false } },
        lastRecord: { service: 'pension_auth', title: receipt.title, screen, ifWrong: robotLines.offerStaffForRecord, empty: false },
      });
      speak(enqueue, context, { line: transactionLines.receiptOffer });
    }),
    tellLateSettlement: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'outbox.settledLate' || !inVisit(context)) return;
      if (context.identity.level !== 'verified' || context.identity.citizenId !== event.citizenId) return;
      const line = event.outcome === 'rejected' ? transactionLines.lateRefused(event.title, event.reason ?? '') : transactionLines.lateSubmitted(event.title, event.reference ?? '');
      speak(enqueue, context, { line, notice: true });
    }),
  },
}).createMachine({
  id: 'session',
  context: ({ input }) => ({
    ...emptyVisit(input.timing, input.robotName, robotLines.attract, input.devices ?? initialDeviceStates),
    newSessionId: input.newSessionId,
    now: input.now,
    pensionAuthInput: input.pensionAuth ?? null,
    places: input.places,
    printStillPausedAfterMs: input.printStillPausedAfterMs ?? 60_000,
    llmRouteBelow: input.llmRouteBelow ?? null,
    transactions: input.transactions ?? {},
    pendingLine: null,
  }),
  invoke: { id: 'speech', src: 'speech' },
  initial: 'idle',
  on: {
    'citizen.end': { target: '.farewell', actions: { type: 'endBecause', params: { reason: 'citizen-ended' } } },
    'microphone.ready': [
      { guard: 'microphoneCameBack', actions: ['noteDevice', 'sayMicrophoneBack'] },
      { actions: 'noteDevice' },
    ],
    'microphone.fault': [
      { guard: 'microphoneBroke', actions: ['noteDevice', 'sayMicrophoneLost'] },
      { actions: 'noteDevice' },
    ],
    'speaker.fault': [{ guard: 'inVisit', actions: ['noteDevice', 'showSpeakerLost'] }, { actions: 'noteDevice' }],
    'speaker.ready': { actions: 'noteDevice' },
    // A pressed e-stop needs a person to reset it, whether or not a citizen is here.
    'robot.estop': [{ guard: 'pressed', actions: ['noteDevice', 'alertStaff'] }, { actions: 'noteDevice' }],
    'robot.linkLost': { actions: 'noteDevice' },
    'robot.linkRestored': { actions: 'noteDevice' },
    'robot.batteryLow': { actions: ['noteDevice', 'alertStaff'] },
    'robot.batteryOk': { actions: 'noteDevice' },
    'camera.lost': { actions: 'noteDevice' },
    'camera.restored': { actions: 'noteDevice' },
    'staff.alert': { actions: 'alertStaff' },
    // A submission saved while the business system was down was refused later: staff follow it up (the citizen has
    // usually left); if the same citizen is still here and verified, they hear how it ended, refused or sent.
    'outbox.settledLate': [
      { guard: ({ event }) => event.outcome === 'rejected', actions: ['alertStaff', 'tellLateSettlement'] },
      { actions: 'tellLateSettlement' },
    ],
    // The verified citizen walked away: whoever steps up next is nobody until verified again.
    'presence.left': { actions: 'forgetIdentity' },
    // Perhaps another person: whoever was verified is forgotten (and told so, if there was anyone).
    'presence.changed': { guard: 'hasIdentity', actions: ['forgetIdentity', 'sayFaceChanged'] },
    // 换人 from any step (a check half done is stopped by leaving it): the next citizen starts from nobody.
    'citizen.changeCitizen': { guard: 'inVisit', target: '.listening', actions: ['forgetIdentity', 'sayCitizenChanged'] },
    'identity.verified': { guard: 'inVisit', actions: 'rememberIdentity' },
  },
  states: {
    idle: {
      on: {
        'citizen.end': {},
        'citizen.touch': { target: 'greeting', actions: ['startVisit', 'greet'] },
        'presence.arrived': { target: 'greeting', actions: ['startVisit', 'greet'] },
        'voice.wake': { target: 'greeting', actions: ['startVisit', 'greet'] },
        'citizen.text': [
          { guard: 'isPensionAuthRequest', target: 'pensionAuth', actions: ['startVisit', 'noteCitizenLine'] },
          { guard: 'isGuideRequest', target: 'guiding', actions: ['startVisit', 'acceptGuideRequest'] },
          { guard: 'isStaffRequest', target: 'callingStaff', actions: ['startVisit', 'noteCitizenLine'] },
          { guard: 'isPersonalQuery', target: '#session.personalQuery.checkingIdentity', actions: ['startVisit', 'noteCitizenLine', 'rememberQuery'] },
          { guard: 'isOpenQuery', target: '#session.personalQuery.querying', actions: ['startVisit', 'noteCitizenLine', 'rememberQuery'] },
          { guard: 'isTransaction', target: '#session.personalQuery.checkingIdentity', actions: ['startVisit', 'noteCitizenLine', 'rememberTransaction'] },
          { guard: 'hasQuestion', target: 'thinking', actions: ['startVisit', 'acceptQuestion', 'sayThinking'] },
          { target: 'greeting', actions: ['startVisit', 'greet'] },
        ],
        // Speech with no visit open is people talking in the hall: only the wake word, a touch or someone
        // stepping up (presence) opens a visit.
        'citizen.tapQuestion': [
          { guard: 'isGuideRequest', target: 'guiding', actions: ['startVisit', 'acceptGuideRequest'] },
          { guard: 'hasQuestion', target: 'thinking', actions: ['startVisit', 'acceptQuestion', 'sayThinking'] },
        ],
        'citizen.tapService': [
          { guard: 'tappedPolicy', target: 'listening', actions: ['startVisit', 'askPolicy'] },
          { guard: 'tappedGuide', target: 'listening', actions: ['startVisit', 'askWhere'] },
          { guard: 'tappedPensionAuth', target: 'pensionAuth', actions: ['startVisit'] },
          { guard: 'tappedStaff', target: 'callingStaff', actions: ['startVisit'] },
          { guard: 'tappedRightsQuery', target: 'listening', actions: ['startVisit', 'showQueryMenu'] },
          { target: 'greeting', actions: ['startVisit', 'greet'] },
        ],
      },
    },
    greeting: {
      after: { greetingIdle: { target: 'idle', actions: [{ type: 'endBecause', params: { reason: 'no-interaction' } }, 'wipeVisit'] } },
      on: {
        'robot.speechEnded': { target: 'listening' },
        ...citizenTurn('greeting'),
      },
    },
    listening: {
      ...awaitingCitizen(),
      on: citizenTurn('listening'),
    },
    thinking: {
      invoke: {
        src: 'answerQuestion',
        input: ({ context }) => ({ question: context.pendingQuestion ?? '', ...(context.pendingPinyin ? { pinyin: context.pendingPinyin } : {}) }),
        onDone: {
          target: 'answering',
          actions: [assign(({ event }) => ({ answer: event.output, pendingQuestion: null })), { type: 'say', params: ({ context }) => ({ line: context.answer?.spoken ?? '' }) }],
        },
        onError: {
          target: 'followUp',
          actions: [assign({ pendingQuestion: null }), { type: 'say', params: { line: robotLines.answerFailed, notice: true } }],
        },
      },
      on: {
        // A new question while thinking replaces the old one (re-entering restarts the lookup).
        'citizen.text': { guard: 'hasQuestion', target: 'thinking', reenter: true, actions: ['acceptQuestion', 'sayThinking'] },
        'citizen.tapQuestion': { guard: 'hasQuestion', target: 'thinking', reenter: true, actions: ['acceptQuestion', 'sayThinking'] },
        'voice.final': { guard: 'hasQuestion', target: 'thinking', reenter: true, actions: ['acceptQuestion', 'sayThinking'] },
      },
    },
    answering: {
      after: { speaking: { target: 'followUp' } },
      on: {
        'robot.speechEnded': { target: 'followUp' },
        ...citizenTurn(null),
      },
    },
    followUp: {
      ...awaitingCitizen(),
      on: citizenTurn('followUp'),
    },
    pensionAuth: {
      entry: assign({ answer: null, notice: null, suggestions: null, showQueryMenu: false }),
      invoke: {
        id: 'pensionAuth',
        src: 'pensionAuth',
        // The visit's identity (a verified citizen is not asked the number again) and the visit, for its attempt limits.
        input: ({ context }) => ({ ...context.pensionAuthInput!, identity: context.identity, visitId: context.sessionId }),
        onDone: [
          { guard: 'serviceNeedsStaff', target: 'callingStaff', actions: 'showServiceOutcome' },
          { target: 'followUp', actions: ['showServiceOutcome', 'offerPensionAuthReceipt'] },
        ],
      },
      on: {
        'robot.say': { actions: 'sayForService' },
        'auth.idNumber': { actions: sendTo('pensionAuth', ({ event }) => event) },
        'auth.cancel': { actions: sendTo('pensionAuth', ({ event }) => event) },
        'auth.frame': { actions: sendTo('pensionAuth', ({ event }) => event) },
        'camera.lost': { actions: ['noteDevice', sendTo('pensionAuth', ({ event }) => event)] },
        'camera.restored': { actions: ['noteDevice', sendTo('pensionAuth', ({ event }) => event)] },
        'idcard.read': { actions: sendTo('pensionAuth', ({ event }) => event) },
        'idcard.fault': { actions: sendTo('pensionAuth', ({ event }) => event) },
        'idcard.restored': { actions: sendTo('pensionAuth', ({ event }) => event) },
        // The ID number read out loud goes in as if typed; other speech during the check is not a question.
        'voice.final': {
          actions: sendTo('pensionAuth', ({ event }) => ({ type: 'auth.idNumber' as const, idNumber: parseSpokenIdNumber(event.pinyin) ?? parseSpokenIdNumber(event.text) ?? '' })),
        },
        'voice.partial': { actions: 'showPartial' },
        'voice.command': { target: 'listening', actions: 'askPolicy' },
      },
    },
    personalQuery: {
      entry: assign({ answer: null, notice: null, suggestions: null, showQueryMenu: false }),
      initial: 'checkingIdentity',
      states: {
        checkingIdentity: {
          invoke: {
            id: 'identityCheck',
            src: 'identityCheck',
            input: ({ context }) => ({ ...context.pensionAuthInput!, known: null, visitId: context.sessionId }),
            onDone: [
              // The check told the session who it is (identity.verified) before it ended.
              { guard: and(['identityVerified', 'pendingIsTransaction']), target: '#session.transaction' },
              { guard: 'identityVerified', target: 'querying' },
              { guard: 'serviceNeedsStaff', target: '#session.callingStaff', actions: 'showServiceOutcome' },
              { target: '#session.followUp', actions: 'showServiceOutcome' },
            ],
          },
          on: {
            'robot.say': { actions: 'sayForService' },
            'auth.idNumber': { actions: sendTo('identityCheck', ({ event }) => event) },
            'auth.cancel': { actions: sendTo('identityCheck', ({ event }) => event) },
            'auth.frame': { actions: sendTo('identityCheck', ({ event }) => event) },
            'camera.lost': { actions: ['noteDevice', sendTo('identityCheck', ({ event }) => event)] },
            'camera.restored': { actions: ['noteDevice', sendTo('identityCheck', ({ event }) => event)] },
            'idcard.read': { actions: sendTo('identityCheck', ({ event }) => event) },
            'idcard.fault': { actions: sendTo('identityCheck', ({ event }) => event) },
            'idcard.restored': { actions: sendTo('identityCheck', ({ event }) => event) },
            'voice.final': {
              actions: sendTo('identityCheck', ({ event }) => ({ type: 'auth.idNumber' as const, idNumber: parseSpokenIdNumber(event.pinyin) ?? parseSpokenIdNumber(event.text) ?? '' })),
            },
            'voice.partial': { actions: 'showPartial' },
            'voice.command': { target: '#session.listening', actions: 'askPolicy' },
          },
        },
        querying: {
          on: {
            // The verified face went or changed while the record was fetched: it is not told to whoever is there now.
            'presence.left': [{ guard: 'isVerified', target: '#session.listening', actions: ['forgetIdentity', 'sayFaceChanged'] }, { actions: 'forgetIdentity' }],
            'presence.changed': [{ guard: 'isVerified', target: '#session.listening', actions: ['forgetIdentity', 'sayFaceChanged'] }, { actions: 'forgetIdentity' }],
          },
          invoke: {
            src: 'answerPersonalQuery',
            input: ({ context }) => ({
              service: context.pendingQuery?.service ?? 'policy_question',
              citizenId: context.identity.level === 'verified' ? context.identity.citizenId : null,
              slots: context.pendingQuery?.slots ?? {},
            }),
            onDone: {
              target: '#session.answering',
              actions: [
                assign(({ context, event }) => {
                  const verified = context.identity.level === 'verified';
                  const service = context.pendingQuery?.service ?? 'policy_question';
                  const query = personalQueries[service] ?? openQueries[service];
                  // An open query that answered empty asked for something: the next line may be the answer.
                  const asked = openQueries[service] !== undefined && event.output.empty;
                  return {
                    pendingQuery: null,
                    awaitingReply: asked ? { service, slots: context.pendingQuery?.slots ?? {} } : null,
                    answer: {
                      question: event.output.title,
                      spoken: event.output.spoken,
                      screen: event.output.screen,
                      sources: [],
                      mode: 'record' as const,
                      offerStaff: false,
                      related: [],
                      // Only the verified citizen's own record is printed or disputed.
                      ...(verified ? { recordActions: { print: !event.output.empty, dispute: true } } : {}),
                    },
                    lastRecord: verified
                      ? { service, title: event.output.title, screen: event.output.screen, ifWrong: query?.ifWrong ?? robotLines.offerStaffForRecord, empty: event.output.empty }
                      : context.lastRecord,
                  };
                }),
                { type: 'say', params: ({ event }) => ({ line: event.output.spoken }) },
              ],
            },
            // Nothing is invented: the citizen hears that the record could not be fetched now.
            onError: { target: '#session.followUp', actions: [assign({ pendingQuery: null }), { type: 'say', params: { line: robotLines.recordUnavailable, notice: true } }] },
          },
        },
      },
    },
    guiding: {
      invoke: {
        src: 'guide',
        input: ({ context }) => ({ placeId: context.pendingGuide ?? '' }),
        onDone: {
          target: 'followUp',
          actions: [
            assign(({ event }) => ({ pendingGuide: null, notice: event.output.result === 'arrived' ? null : guideLine(event.output) })),
            { type: 'say', params: ({ event }) => ({ line: guideLine(event.output) }) },
          ],
        },
        onError: {
          target: 'followUp',
          actions: [assign({ pendingGuide: null }), { type: 'say', params: ({ context }) => ({ line: robotLines.guideUnavailable(...placeLine(context)), notice: true }) }],
        },
      },
      on: {
        'robot.guideStarted': { actions: { type: 'say', params: ({ event }) => ({ line: robotLines.guideStart(event.placeLabel) }) } },
        // Leaving the state stops the guide actor, which stops the base.
        'robot.estop': {
          guard: 'pressed',
          target: 'callingStaff',
          actions: [
            'noteDevice',
            { type: 'say', params: ({ context }) => ({ line: robotLines.guideEmergencyStop(...placeLine(context)), notice: true }) },
            assign({ staffReason: 'robot-estop', pendingGuide: null }),
          ],
        },
        'robot.bumper': {
          guard: 'pressed',
          target: 'followUp',
          actions: [
            { type: 'say', params: ({ context }) => ({ line: robotLines.guideBumped(...placeLine(context)), notice: true }) },
            assign({ pendingGuide: null }),
          ],
        },
        'robot.linkLost': {
          target: 'followUp',
          actions: [
            'noteDevice',
            { type: 'say', params: ({ context }) => ({ line: robotLines.guideUnavailable(...placeLine(context)), notice: true }) },
            assign({ pendingGuide: null }),
          ],
        },
      },
    },
    /**
     * The local router was unsure: the LLM picks among the services (never past their identity step), then the line
     * is routed as if the citizen had said it with that certainty. Whatever goes wrong, the local route stands.
     */
    resolvingRoute: {
      invoke: {
        src: 'resolveRoute',
        input: ({ context }) => ({ text: context.pendingLine?.text ?? '', local: context.pendingLine!.route }),
        onDone: {
          target: 'listening',
          actions: [
            raise(({ context, event }) => ({ type: 'citizen.resolved' as const, text: context.pendingLine?.text ?? '', pinyin: context.pendingLine?.pinyin ?? null, route: event.output })),
            assign({ pendingLine: null }),
          ],
        },
        onError: {
          target: 'listening',
          actions: [
            raise(({ context }) => ({ type: 'citizen.resolved' as const, text: context.pendingLine?.text ?? '', pinyin: context.pendingLine?.pinyin ?? null, route: context.pendingLine!.route })),
            assign({ pendingLine: null }),
          ],
        },
      },
      on: {
        // The citizen said something else meanwhile: that line replaces this one.
        'citizen.text': citizenLine(),
        'voice.final': citizenLine(),
        'voice.partial': { actions: 'showPartial' },
      },
    },
    /** A 对话办 transaction for the verified citizen; the child asks, reads back, waits for the yes and submits once. */
    transaction: {
      entry: assign({ answer: null, notice: null, suggestions: null, showQueryMenu: false }),
      invoke: {
        id: 'transaction',
        src: 'transaction',
        input: ({ context }) => ({
          spec: context.transactions[context.pendingQuery?.service ?? '']!,
          citizenId: context.identity.level === 'verified' ? context.identity.citizenId : '',
          idempotencyKey: context.pendingTransaction?.idempotencyKey ?? `txn-${context.sessionId ?? 'none'}-${context.now()}`,
          given: context.pendingTransaction?.line ?? null,
        }),
        onDone: [
          // A printout (参保证明): the visit follows the job to paper, telling paper-out and faults as they come.
          { guard: ({ event }) => event.output.printJobId !== null, target: 'printing', actions: 'sayTransactionOutcome' },
          { guard: ({ event }) => event.output.staffReason !== null, target: 'callingStaff', actions: 'sayTransactionOutcome' },
          { target: 'followUp', actions: 'sayTransactionOutcome' },
        ],
      },
      on: {
        // The transaction's lines are the visit's lines: shown as the robot's line and a subtitle, and said.
        'robot.say': { actions: { type: 'say', params: ({ event }) => ({ line: event.line, ...(event.listen ? { listen: event.listen } : {}) }) } },
        'citizen.text': { actions: ['noteCitizenSaid', sendTo('transaction', ({ event }) => ({ type: 'txn.reply' as const, text: event.text, pinyin: null }))] },
        'voice.final': { actions: ['noteCitizenSaid', sendTo('transaction', ({ event }) => ({ type: 'txn.reply' as const, text: event.text, pinyin: event.pinyin }))] },
        'voice.partial': { actions: 'showPartial' },
        'citizen.transactionAction': {
          actions: sendTo('transaction', ({ event }) => {
            switch (event.action) {
              case 'confirm':
                return { type: 'txn.confirm' as const };
              case 'cancel':
                return { type: 'txn.cancel' as const };
              case 'skip':
                return { type: 'txn.skip' as const };
              // A tapped answer is read exactly as if it had been said.
              case 'choose':
                return { type: 'txn.reply' as const, text: event.value ?? '', pinyin: null };
              default:
                return { type: 'txn.change' as const, field: event.field ?? '' };
            }
          }),
        },
        'auth.cancel': { actions: sendTo('transaction', { type: 'txn.cancel' as const }) },
        // Whoever asked is gone or changed: the transaction stops before its yes (after it, the submission goes on).
        'presence.left': { target: 'listening', actions: ['forgetIdentity', 'sayFaceChanged'] },
        'presence.changed': { target: 'listening', actions: ['forgetIdentity', 'sayFaceChanged'] },
      },
    },
    /** The record the citizen asked to print goes into the spooler; then the visit follows the job to paper. */
    printingRecord: {
      entry: assign({ notice: null }),
      on: { 'citizen.changeCitizen': { actions: 'sayTakePrintoutFirst' } },
      invoke: {
        src: 'spoolRecord',
        input: ({ context }) => ({
          title: context.lastRecord?.title ?? '',
          rows: (context.lastRecord?.screen ?? '').split('\n').filter((row) => row.trim() !== ''),
          nameMasked: context.identity.level === 'verified' ? context.identity.nameMasked : '',
          idNumberMasked: context.identity.level === 'verified' ? context.identity.idNumberMasked : '',
          ifWrong: context.lastRecord?.ifWrong ?? '',
        }),
        onDone: { target: 'printing', actions: assign(({ event }) => ({ printJobId: event.output.jobId, answer: null, suggestions: null })) },
        onError: { target: 'followUp', actions: { type: 'say', params: { line: robotLines.recordPrintUnavailable, notice: true } } },
      },
    },
    printing: {
      invoke: {
        id: 'printJob',
        src: 'printJob',
        input: ({ context }) => ({ jobId: context.printJobId ?? '', stillPausedAfterMs: context.printStillPausedAfterMs }),
        onDone: [
          { guard: 'serviceNeedsStaff', target: 'callingStaff', actions: ['showServiceOutcome', 'sayPrintOutcome'] },
          { target: 'followUp', actions: ['showServiceOutcome', 'sayPrintOutcome', assign({ printJobId: null })] },
        ],
      },
      on: {
        // The printout is the citizen's: the next one does not start before it is out and taken.
        'citizen.changeCitizen': { actions: 'sayTakePrintoutFirst' },
        'robot.say': { actions: { type: 'say', params: ({ event }) => ({ line: event.line, notice: true }) } },
        'printer.paused': { actions: sendTo('printJob', ({ event }) => event) },
        'printer.resumed': { actions: sendTo('printJob', ({ event }) => event) },
        'printer.jobDone': { actions: sendTo('printJob', ({ event }) => event) },
        'printer.jobFailed': { actions: sendTo('printJob', ({ event }) => event) },
        'printer.jobUnconfirmed': { actions: sendTo('printJob', ({ event }) => event) },
      },
    },
    callingStaff: {
      invoke: {
        src: 'callStaff',
        input: ({ context }) => ({
          sessionId: context.sessionId ?? '',
          reason: context.staffReason ?? (context.answer?.offerStaff ? 'kb-cannot-answer' : 'citizen-request'),
        }),
        onDone: [
          // The line that sent the citizen here already said staff are coming (e-stop, printer): nothing to add.
          { guard: ({ context }) => announced(context.staffReason), target: 'followUp', actions: assign({ staffReason: null }) },
          { target: 'followUp', actions: [assign({ staffReason: null }), 'sayStaffCalled'] },
        ],
        onError: { target: 'followUp', actions: [assign({ staffReason: null }), 'sayStaffCallFailed'] },
      },
    },
    farewell: {
      entry: 'sayFarewell',
      after: { farewellShow: { target: 'idle', actions: 'wipeVisit' } },
      on: {
        'citizen.end': {},
        'citizen.touch': { target: 'greeting', actions: ['startVisit', 'greet'] },
        'presence.arrived': { target: 'greeting', actions: ['startVisit', 'greet'] },
        'voice.wake': { target: 'greeting', actions: ['startVisit', 'greet'] },
      },
    },
  },
});

/**
 * What the citizen said or typed, routed (app/core/nlu): a service the kiosk runs, a place, staff, goodbye, small
 * talk, or a question for the knowledge base (which also tells which bureau handles what is not ours).
 */
function citizenLine() {
  return [
    { guard: 'answersOpenQuery' as const, target: '#session.personalQuery.querying', actions: ['takeReply' as const, 'noteCitizenLine' as const] },
    { guard: 'routeIsUnsure' as const, target: '#session.resolvingRoute', reenter: true, actions: 'holdLine' as const },
    { guard: 'isChangeCitizen' as const, target: '#session.listening', actions: ['forgetIdentity' as const, 'sayCitizenChanged' as const] },
    { guard: 'wantsRecordPrinted' as const, target: '#session.printingRecord', actions: 'noteCitizenSaid' as const },
    { guard: 'disputesRecord' as const, target: '#session.followUp', actions: ['noteCitizenSaid' as const, 'sayIfWrong' as const] },
    { guard: 'asksToPrintNothing' as const, target: '#session.followUp', actions: ['noteCitizenSaid' as const, 'sayNothingToPrint' as const] },
    { guard: 'isPensionAuthRequest' as const, target: '#session.pensionAuth', actions: 'noteCitizenLine' as const },
    { guard: 'isGuideRequest' as const, target: '#session.guiding', actions: 'acceptGuideRequest' as const },
    { guard: 'isPlacelessGuideRequest' as const, target: '#session.listening', actions: ['noteCitizenLine' as const, 'askWhere' as const] },
    { guard: 'isStaffRequest' as const, target: '#session.callingStaff', actions: 'noteCitizenLine' as const },
    { guard: 'asksForSomeoneElse' as const, target: '#session.followUp', actions: ['noteCitizenSaid' as const, 'sayOnlyOwnRecord' as const] },
    { guard: and(['isTransaction', 'isVerified']), target: '#session.transaction', actions: ['noteCitizenLine' as const, 'rememberTransaction' as const] },
    { guard: 'isTransaction' as const, target: '#session.personalQuery.checkingIdentity', actions: ['noteCitizenLine' as const, 'rememberTransaction' as const] },
    // Nothing personal before the face is verified: a visit that verified it already goes straight to the record.
    { guard: and(['isPersonalQuery', 'isVerified']), target: '#session.personalQuery.querying', actions: ['noteCitizenLine' as const, 'rememberQuery' as const] },
    { guard: 'isPersonalQuery' as const, target: '#session.personalQuery.checkingIdentity', actions: ['noteCitizenLine' as const, 'rememberQuery' as const] },
    { guard: 'isOpenQuery' as const, target: '#session.personalQuery.querying', actions: ['noteCitizenLine' as const, 'rememberQuery' as const] },
    { guard: 'isGoodbye' as const, target: '#session.farewell', actions: ['noteCitizenLine' as const, { type: 'endBecause' as const, params: { reason: 'said-goodbye' } }] },
    { guard: 'isSmallTalk' as const, target: '#session.followUp', actions: ['noteCitizenLine' as const, 'sayIntroduction' as const] },
    { guard: 'hasQuestion' as const, target: '#session.thinking', actions: ['acceptQuestion' as const, 'sayThinking' as const] },
  ];
}

/** Waiting for the citizen: after a silence ask "还需要什么帮助吗？", after another say goodbye. */
function awaitingCitizen() {
  return {
    initial: 'waiting' as const,
    states: {
      waiting: { after: { followUp: { target: 'nudged', actions: 'nudge' as const } } },
      nudged: { after: { farewell: { target: '#session.farewell', actions: { type: 'endBecause' as const, params: { reason: 'inactivity' } } } } },
    },
  };
}

/**
 * What a citizen can do whenever the robot is waiting for them. `self` names the state a touch re-enters
 * (restarting its inactivity clock); null ignores touches (the robot is mid-sentence).
 */
function citizenTurn(self: 'greeting' | 'listening' | 'followUp' | null) {
  return {
    'citizen.text': citizenLine(),
    'voice.final': citizenLine(),
    'citizen.resolved': citizenLine(),
    'voice.partial': { actions: 'showPartial' as const },
    'voice.command': [
      { guard: 'saidStaff' as const, target: '#session.callingStaff' },
      { target: '#session.listening', actions: 'askPolicy' as const },
    ],
    'citizen.tapQuestion': [
      { guard: 'isGuideRequest' as const, target: '#session.guiding', actions: 'acceptGuideRequest' as const },
      { guard: 'hasQuestion' as const, target: '#session.thinking', actions: ['acceptQuestion' as const, 'sayThinking' as const] },
    ],
    'citizen.tapService': [
      { guard: 'tappedPolicy' as const, target: '#session.listening', actions: 'askPolicy' as const },
      { guard: 'tappedGuide' as const, target: '#session.listening', actions: 'askWhere' as const },
      { guard: 'tappedPensionAuth' as const, target: '#session.pensionAuth' },
      { guard: 'tappedStaff' as const, target: '#session.callingStaff' },
      { guard: 'tappedRightsQuery' as const, target: '#session.listening', actions: 'showQueryMenu' as const },
    ],
    'citizen.tapQuery': [
      { guard: 'isOpenQuery' as const, target: '#session.personalQuery.querying', actions: ['noteTap' as const, 'rememberQuery' as const] },
      { guard: and(['isPersonalQuery', 'isVerified']), target: '#session.personalQuery.querying', actions: ['noteTap' as const, 'rememberQuery' as const] },
      { guard: 'isPersonalQuery' as const, target: '#session.personalQuery.checkingIdentity', actions: ['noteTap' as const, 'rememberQuery' as const] },
    ],
    'citizen.recordAction': [
      { guard: 'wantsRecordPrinted' as const, target: '#session.printingRecord', actions: 'noteTap' as const },
      { guard: 'disputesRecord' as const, target: '#session.followUp', actions: ['noteTap' as const, 'sayIfWrong' as const] },
      { guard: 'asksToPrintNothing' as const, target: '#session.followUp', actions: 'sayNothingToPrint' as const },
    ],
    // A service spooled the citizen's print job (issue 10's transactions send this): follow it to paper.
    'print.started': { target: '#session.printing', actions: 'followPrintJob' as const },
    'citizen.touch': self ? { target: `#session.${self}`, reenter: true } : {},
    'voice.speechStarted': self ? { target: `#session.${self}`, reenter: true } : {},
  };
}

export type SessionMachine = typeof sessionMachine;
