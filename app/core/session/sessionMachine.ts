import { assign, fromPromise, sendTo, setup } from 'xstate';
import type { AnswerView, ServiceId, Subtitle } from '../../api/kioskApi.js';
import { detectGuideRequest } from '../nlu/detectGuideRequest.js';
import { detectPensionAuthRequest } from '../nlu/detectPensionAuthRequest.js';
import { parseSpokenIdNumber } from '../nlu/spokenIdNumber.js';
import { pensionAuthMachine, type PensionAuthInput } from '../services/pensionAuth/pensionAuthMachine.js';
import type { AuthOutcome } from '../services/pensionAuth/faceAuthTypes.js';
import type { GuideInput, GuideOutcome } from '../services/guideOutcome.js';
import { robotLines } from './robotLines.js';
import { emptyVisit, type SessionContext, type SessionTiming } from './sessionContext.js';
import type { SessionEvent } from './sessionEvents.js';

export interface SessionMachineInput {
  timing: SessionTiming;
  /** Settings of the 养老认证 child machine (challenge pool, thresholds, timing, detector). */
  pensionAuth?: PensionAuthInput;
  robotName: string;
  /** Injected so tests get stable ids and the simulated clock drives subtitle times. */
  newSessionId: () => string;
  now: () => number;
}

export interface AnswerQuestionInput {
  question: string;
  pinyin?: string;
}

export interface CallStaffInput {
  sessionId: string;
  reason: string;
}

type Ctx = SessionContext & { newSessionId: () => string; now: () => number; pensionAuthInput: PensionAuthInput | null };

/** Spoken lines take time; until the voice output reports the end, estimate it (slow speech for elders). */
export function estimateSpeechMs(text: string): number {
  return Math.max(2_500, Math.round([...text].length * 280));
}

/** Chips shown when the citizen asks to be guided: the common destinations. */
const guideSuggestions = ['带我去1号窗口', '带我去2号窗口', '带我去3号窗口', '带我去4号窗口', '带我去自助服务区'];

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

function questionOf(event: SessionEvent): string | null {
  if (event.type === 'citizen.text' || event.type === 'citizen.tapQuestion' || event.type === 'voice.final') return event.text.trim();
  return null;
}

/** The words a guard looks at: the characters, and for voice also the pinyin (the small model gives only pinyin). */
function guideRequestOf(event: SessionEvent) {
  return detectGuideRequest(questionOf(event) ?? '') ?? (event.type === 'voice.final' ? detectGuideRequest(event.pinyin) : null);
}

function subtitle(ctx: Ctx, who: Subtitle['who'], text: string): Subtitle[] {
  const at = ctx.sessionId ? ctx.now() - ctx.startedAt : 0;
  return [...ctx.subtitles, { who, text, at }].slice(-40);
}

/**
 * One citizen's visit: attract → greeting → listening → thinking → answering → follow-up → farewell → attract.
 * Knowledge lookup and staff calls are actors provided from outside (`machine.provide`), so tests run this
 * exact machine with simulated services and a simulated clock.
 */
export const sessionMachine = setup({
  types: {
    context: {} as Ctx,
    events: {} as SessionEvent,
    input: {} as SessionMachineInput,
  },
  actors: {
    /** The 养老认证 child machine; the runtime provides it with its business-system and face actors. */
    pensionAuth: pensionAuthMachine,
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
    isGuideRequest: ({ event }) => guideRequestOf(event) !== null,
    // Without the face pipeline the service is not offered; a request for it becomes a policy question.
    isPensionAuthRequest: ({ context, event }) =>
      context.pensionAuthInput !== null &&
      (detectPensionAuthRequest(questionOf(event) ?? '') || (event.type === 'voice.final' && detectPensionAuthRequest(event.pinyin))),
    tappedPensionAuth: ({ context, event }) =>
      context.pensionAuthInput !== null && event.type === 'citizen.tapService' && event.service === 'pension-auth',
    needsStaffReview: ({ event }) => (event as unknown as { output: { outcome: AuthOutcome | null } }).output.outcome === 'staff-review',
    saidStaff: ({ event }) => event.type === 'voice.command' && event.command === 'staff',
    tappedGuide: ({ event }) => event.type === 'citizen.tapService' && event.service === 'guide-to-window',
    isEmptyQuestion: ({ event }) => questionOf(event) === '',
    tappedPolicy: ({ event }) => event.type === 'citizen.tapService' && event.service === 'policy-qa',
    tappedStaff: ({ event }) => event.type === 'citizen.tapService' && event.service === 'call-staff',
  },
  actions: {
    startVisit: assign(({ context }) => ({
      ...emptyVisit(context.timing, context.robotName, robotLines.greeting(context.robotName)),
      newSessionId: context.newSessionId,
      now: context.now,
      pensionAuthInput: context.pensionAuthInput,
      sessionId: context.newSessionId(),
      startedAt: context.now(),
    })),
    wipeVisit: assign(({ context }) => ({
      ...emptyVisit(context.timing, context.robotName, robotLines.attract),
      newSessionId: context.newSessionId,
      now: context.now,
      pensionAuthInput: context.pensionAuthInput,
    })),
    greet: assign(({ context }) => ({
      robotLine: robotLines.greeting(context.robotName),
      subtitles: subtitle(context, 'robot', robotLines.greeting(context.robotName)),
    })),
    acceptQuestion: assign(({ context, event }) => {
      const question = questionOf(event) ?? '';
      return {
        pendingQuestion: question,
        pendingPinyin: event.type === 'voice.final' ? event.pinyin : null,
        partialTranscript: null,
        notice: null,
        robotLine: robotLines.thinking,
        subtitles: subtitle(context, 'citizen', question),
      };
    }),
    acceptGuideRequest: assign(({ context, event }) => {
      const text = questionOf(event) ?? '';
      return {
        pendingGuide: guideRequestOf(event)?.placeId ?? null,
        partialTranscript: null,
        notice: null,
        answer: null,
        suggestions: null,
        subtitles: subtitle(context, 'citizen', text),
      };
    }),
    askWhere: assign(({ context }) => ({
      robotLine: robotLines.askWhere,
      answer: null,
      suggestions: [...guideSuggestions],
      subtitles: subtitle(context, 'robot', robotLines.askWhere),
    })),
    noteCitizenLine: assign(({ context, event }) => ({
      partialTranscript: null,
      answer: null,
      subtitles: subtitle(context, 'citizen', questionOf(event) ?? ''),
    })),
    showPartial: assign(({ event }) => ({ partialTranscript: event.type === 'voice.partial' ? event.text : null })),
    askAgain: assign(({ context }) => ({
      robotLine: robotLines.emptyQuestion,
      notice: robotLines.emptyQuestion,
      subtitles: subtitle(context, 'robot', robotLines.emptyQuestion),
    })),
    askPolicy: assign(({ context }) => ({
      robotLine: robotLines.askPolicy,
      answer: null,
      subtitles: subtitle(context, 'robot', robotLines.askPolicy),
    })),
    nudge: assign(({ context }) => ({
      robotLine: robotLines.anythingElse,
      subtitles: subtitle(context, 'robot', robotLines.anythingElse),
    })),
    sayFarewell: assign(({ context }) => ({
      robotLine: robotLines.farewell,
      notice: null,
      subtitles: subtitle(context, 'robot', robotLines.farewell),
    })),
    sayAuthOutcome: assign(({ context, event }) => {
      const line = (event as unknown as { output: { line: string } }).output.line;
      return { robotLine: line, subtitles: subtitle(context, 'robot', line) };
    }),
    sayStaffCalled: assign(({ context }) => ({
      robotLine: robotLines.staffCalled,
      notice: robotLines.staffCalled,
      subtitles: subtitle(context, 'robot', robotLines.staffCalled),
    })),
    sayStaffCallFailed: assign(({ context }) => ({
      robotLine: robotLines.staffCallFailed,
      notice: robotLines.staffCallFailed,
      subtitles: subtitle(context, 'robot', robotLines.staffCallFailed),
    })),
  },
}).createMachine({
  id: 'session',
  context: ({ input }) => ({
    ...emptyVisit(input.timing, input.robotName, robotLines.attract),
    newSessionId: input.newSessionId,
    now: input.now,
    pensionAuthInput: input.pensionAuth ?? null,
  }),
  initial: 'idle',
  on: {
    'citizen.end': { target: '.farewell' },
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
          { guard: 'hasQuestion', target: 'thinking', actions: ['startVisit', 'acceptQuestion'] },
          { target: 'greeting', actions: ['startVisit', 'greet'] },
        ],
        // Speech with no visit open is people talking in the hall: only the wake word, a touch or someone
        // stepping up (presence) opens a visit.
        'citizen.tapQuestion': [
          { guard: 'isGuideRequest', target: 'guiding', actions: ['startVisit', 'acceptGuideRequest'] },
          { guard: 'hasQuestion', target: 'thinking', actions: ['startVisit', 'acceptQuestion'] },
        ],
        'citizen.tapService': [
          { guard: 'tappedPolicy', target: 'listening', actions: ['startVisit', 'askPolicy'] },
          { guard: 'tappedGuide', target: 'listening', actions: ['startVisit', 'askWhere'] },
          { guard: 'tappedPensionAuth', target: 'pensionAuth', actions: ['startVisit'] },
          { guard: 'tappedStaff', target: 'callingStaff', actions: ['startVisit'] },
          { target: 'greeting', actions: ['startVisit', 'greet'] },
        ],
      },
    },
    greeting: {
      after: { greetingIdle: { target: 'idle', actions: 'wipeVisit' } },
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
          actions: assign(({ context, event }) => ({
            answer: event.output,
            pendingQuestion: null,
            robotLine: event.output.spoken,
            subtitles: subtitle(context, 'robot', event.output.spoken),
          })),
        },
        onError: {
          target: 'followUp',
          actions: assign(({ context }) => ({
            pendingQuestion: null,
            robotLine: robotLines.answerFailed,
            notice: robotLines.answerFailed,
            subtitles: subtitle(context, 'robot', robotLines.answerFailed),
          })),
        },
      },
      on: {
        // A new question while thinking replaces the old one (re-entering restarts the lookup).
        'citizen.text': { guard: 'hasQuestion', target: 'thinking', reenter: true, actions: 'acceptQuestion' },
        'citizen.tapQuestion': { guard: 'hasQuestion', target: 'thinking', reenter: true, actions: 'acceptQuestion' },
        'voice.final': { guard: 'hasQuestion', target: 'thinking', reenter: true, actions: 'acceptQuestion' },
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
      entry: assign({ answer: null, notice: null, suggestions: null }),
      invoke: {
        id: 'pensionAuth',
        src: 'pensionAuth',
        input: ({ context }) => context.pensionAuthInput!,
        onDone: [
          { guard: 'needsStaffReview', target: 'callingStaff', actions: 'sayAuthOutcome' },
          { target: 'followUp', actions: 'sayAuthOutcome' },
        ],
      },
      on: {
        'auth.idNumber': { actions: sendTo('pensionAuth', ({ event }) => event) },
        'auth.cancel': { actions: sendTo('pensionAuth', ({ event }) => event) },
        'frame.analyzed': { actions: sendTo('pensionAuth', ({ event }) => event) },
        // The ID number read out loud goes in as if typed; other speech during the check is not a question.
        'voice.final': {
          actions: sendTo('pensionAuth', ({ event }) => ({ type: 'auth.idNumber' as const, idNumber: parseSpokenIdNumber(event.pinyin) ?? parseSpokenIdNumber(event.text) ?? '' })),
        },
        'voice.partial': { actions: 'showPartial' },
        'voice.command': { target: 'listening', actions: 'askPolicy' },
      },
    },
    guiding: {
      invoke: {
        src: 'guide',
        input: ({ context }) => ({ placeId: context.pendingGuide ?? '' }),
        onDone: {
          target: 'followUp',
          actions: assign(({ context, event }) => {
            const line = guideLine(event.output);
            return { pendingGuide: null, robotLine: line, notice: event.output.result === 'arrived' ? null : line, subtitles: subtitle(context, 'robot', line) };
          }),
        },
        onError: {
          target: 'followUp',
          actions: assign(({ context }) => {
            const line = robotLines.guideUnavailable('您要去的地方', '');
            return { pendingGuide: null, robotLine: line, notice: line, subtitles: subtitle(context, 'robot', line) };
          }),
        },
      },
      on: {
        'robot.guideStarted': {
          actions: assign(({ context, event }) => ({
            robotLine: robotLines.guideStart(event.placeLabel),
            subtitles: subtitle(context, 'robot', robotLines.guideStart(event.placeLabel)),
          })),
        },
      },
    },
    callingStaff: {
      invoke: {
        src: 'callStaff',
        input: ({ context, event }) => ({
          sessionId: context.sessionId ?? '',
          reason: (event as { output?: { outcome?: string } }).output?.outcome === 'staff-review' ? 'pension-auth-review' : context.answer?.offerStaff ? 'kb-cannot-answer' : 'citizen-request',
        }),
        onDone: { target: 'followUp', actions: 'sayStaffCalled' },
        onError: { target: 'followUp', actions: 'sayStaffCallFailed' },
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

/** Waiting for the citizen: after a silence ask "还需要什么帮助吗？", after another say goodbye. */
function awaitingCitizen() {
  return {
    initial: 'waiting' as const,
    states: {
      waiting: { after: { followUp: { target: 'nudged', actions: 'nudge' as const } } },
      nudged: { after: { farewell: { target: '#session.farewell' } } },
    },
  };
}

/**
 * What a citizen can do whenever the robot is waiting for them. `self` names the state a touch re-enters
 * (restarting its inactivity clock); null ignores touches (the robot is mid-sentence).
 */
function citizenTurn(self: 'greeting' | 'listening' | 'followUp' | null) {
  return {
    'citizen.text': [
      { guard: 'isPensionAuthRequest' as const, target: '#session.pensionAuth', actions: 'noteCitizenLine' as const },
      { guard: 'isGuideRequest' as const, target: '#session.guiding', actions: 'acceptGuideRequest' as const },
      { guard: 'hasQuestion' as const, target: '#session.thinking', actions: 'acceptQuestion' as const },
      { guard: 'isEmptyQuestion' as const, target: '#session.listening', actions: 'askAgain' as const },
    ],
    'voice.final': [
      { guard: 'isPensionAuthRequest' as const, target: '#session.pensionAuth', actions: 'noteCitizenLine' as const },
      { guard: 'isGuideRequest' as const, target: '#session.guiding', actions: 'acceptGuideRequest' as const },
      { guard: 'hasQuestion' as const, target: '#session.thinking', actions: 'acceptQuestion' as const },
    ],
    'voice.partial': { actions: 'showPartial' as const },
    'voice.command': [
      { guard: 'saidStaff' as const, target: '#session.callingStaff' },
      { target: '#session.listening', actions: 'askPolicy' as const },
    ],
    'citizen.tapQuestion': [
      { guard: 'isGuideRequest' as const, target: '#session.guiding', actions: 'acceptGuideRequest' as const },
      { guard: 'hasQuestion' as const, target: '#session.thinking', actions: 'acceptQuestion' as const },
    ],
    'citizen.tapService': [
      { guard: 'tappedPolicy' as const, target: '#session.listening', actions: 'askPolicy' as const },
      { guard: 'tappedGuide' as const, target: '#session.listening', actions: 'askWhere' as const },
      { guard: 'tappedPensionAuth' as const, target: '#session.pensionAuth' },
      { guard: 'tappedStaff' as const, target: '#session.callingStaff' },
    ],
    'citizen.touch': self ? { target: `#session.${self}`, reenter: true } : {},
    'voice.speechStarted': self ? { target: `#session.${self}`, reenter: true } : {},
  };
}

export type SessionMachine = typeof sessionMachine;
export type { ServiceId };
