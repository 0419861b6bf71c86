import { assign, createActor, fromCallback, fromPromise, sendParent, setup, SimulatedClock, type AnyActorLogic, type SnapshotFrom } from 'xstate';
import type { AnswerView } from '../../../app/api/kioskApi.js';
import type { Route } from '../../../app/core/nlu/routeUtterance.js';
import type { TransactionSpec } from '../../../app/core/transactions/transactionSpec.js';
import type { PersonalQueryAnswer } from '../../../app/core/services/queries/personalQuery.js';
import { sessionMachine, type AnswerQuestionInput, type CallStaffInput, type PersonalQueryInput, type SpeakRequest, type SpoolRecordInput, type ResolveRouteInput } from '../../../app/core/session/sessionMachine.js';
import type { GuideInput, GuideOutcome } from '../../../app/core/services/guideOutcome.js';

export const timing = { followUpAfterMs: 30_000, farewellAfterMs: 20_000, farewellShowMs: 5_000, greetingIdleMs: 45_000 };
export const places = {
  'window-3': { label: '3号窗口', directions: '大厅东侧第三个窗口' },
  'window-5': { label: '5号窗口', directions: '大厅东侧' },
};

export function answerFor(question: string): AnswerView {
  return { question, spoken: `关于${question}的回答。`, screen: '详细说明', sources: [], mode: 'kb', offerStaff: false, related: [] };
}

export interface HarnessOptions {
  answer?: (input: AnswerQuestionInput) => Promise<AnswerView>;
  staff?: () => Promise<void>;
  guide?: (input: GuideInput, signal: AbortSignal) => Promise<GuideOutcome>;
  /** Replaces the 养老认证 child machine (tests of the parent's side of the contract). */
  pensionAuth?: AnyActorLogic;
  /** Replaces the identity check child (tests of the parent's side of the contract). */
  identityCheck?: AnyActorLogic;
  /** Answers a 聊天查 query for the verified citizen. */
  personalQuery?: (input: PersonalQueryInput) => Promise<PersonalQueryAnswer>;
  /** Spools a record printout; the default queues it as job-N. */
  spoolRecord?: (input: SpoolRecordInput) => Promise<{ jobId: string }>;
  /** The LLM's pick for lines the local router is less sure of than `llmRouteBelow`. */
  resolveRoute?: (input: ResolveRouteInput) => Promise<Route>;
  llmRouteBelow?: number;
  /** The 对话办 transactions offered (run by the real transaction machine). */
  transactions?: Record<string, TransactionSpec>;
  /** Offer 养老认证 at all (its settings are only passed through to the child). */
  withPensionAuth?: boolean;
}

/** The real session machine with recording actors on a simulated clock: what was asked, said, called, guided. */
export function startSession(options: HarnessOptions = {}) {
  const clock = new SimulatedClock();
  const asked: string[] = [];
  const staffCalls: string[] = [];
  const guided: string[] = [];
  const said: { line: string; listen: string }[] = [];
  const queried: PersonalQueryInput[] = [];
  const spooled: SpoolRecordInput[] = [];
  const resolved: ResolveRouteInput[] = [];
  let ids = 0;
  const machine = sessionMachine.provide({
    actors: {
      answerQuestion: fromPromise<AnswerView, AnswerQuestionInput>(async ({ input }) => {
        asked.push(input.question);
        return (options.answer ?? (async (i) => answerFor(i.question)))(input);
      }),
      guide: fromPromise<GuideOutcome, GuideInput>(async ({ input, signal }) => {
        guided.push(input.placeId);
        return (options.guide ?? (async (i) => ({ result: 'arrived' as const, placeLabel: i.placeId, directions: '大厅东侧' })))(input, signal);
      }),
      callStaff: fromPromise<void, CallStaffInput>(async ({ input }) => {
        staffCalls.push(input.reason);
        await (options.staff ?? (async () => undefined))();
      }),
      speech: fromCallback<SpeakRequest>(({ receive }) => {
        receive((request) => said.push({ line: request.line, listen: request.listen }));
      }),
      ...(options.pensionAuth ? { pensionAuth: options.pensionAuth as never } : {}),
      ...(options.identityCheck ? { identityCheck: options.identityCheck as never } : {}),
      resolveRoute: fromPromise<Route, ResolveRouteInput>(async ({ input }) => {
        resolved.push(input);
        return (options.resolveRoute ?? (async (i) => i.local))(input);
      }),
      spoolRecord: fromPromise<{ jobId: string }, SpoolRecordInput>(async ({ input }) => {
        spooled.push(input);
        return (options.spoolRecord ?? (async () => ({ jobId: `job-${spooled.length}` })))(input);
      }),
      answerPersonalQuery: fromPromise<PersonalQueryAnswer, PersonalQueryInput>(async ({ input }) => {
        queried.push(input);
        if (!options.personalQuery) throw new Error('no personal query in this test');
        return options.personalQuery(input);
      }),
    },
  });
  const withAuth = options.withPensionAuth ?? Boolean(options.pensionAuth ?? options.identityCheck);
  const actor = createActor(machine, {
    clock,
    input: {
      timing,
      places,
      robotName: '小青',
      newSessionId: () => `s${++ids}`,
      now: () => clock.now(),
      ...(options.llmRouteBelow !== undefined ? { llmRouteBelow: options.llmRouteBelow } : {}),
      ...(options.transactions ? { transactions: options.transactions } : {}),
      ...(withAuth ? { pensionAuth: pensionAuthSettings(clock) } : {}),
    },
  });
  actor.start();
  const lines = () => said.map((s) => s.line);
  return { actor, clock, asked, staffCalls, guided, said, lines, queried, spooled, resolved };
}

export function pensionAuthSettings(clock: SimulatedClock) {
  return {
    timing: { challengeMs: 10_000, positioningMs: 20_000, positionedFrames: 3, resultShowMs: 8_000 },
    challengePool: ['blink' as const],
    challengesPerAttempt: { min: 1, max: 1 },
    maxAttempts: 3,
    livenessThreshold: 0.5,
    random: () => 0,
    now: () => clock.now(),
  };
}

/** A stand-in 养老认证 child: it asks for the ID number, and ends when cancelled or when the camera is lost. */
export const scriptedAuthChild = setup({
  types: {
    context: {} as { outcome: string | null; line: string; staffReason: string | null },
    events: {} as { type: 'camera.lost'; reason: string } | { type: 'auth.cancel' },
  },
}).createMachine({
  id: 'scriptedAuth',
  initial: 'asking',
  context: { outcome: null, line: '', staffReason: null },
  states: {
    asking: {
      entry: sendParent({ type: 'robot.say', line: '请输入身份证号码。', listen: 'number' }),
      on: {
        'camera.lost': { target: 'done', actions: assign({ outcome: 'failed', line: '摄像头出了故障。', staffReason: 'camera-lost' }) },
        'auth.cancel': { target: 'done', actions: assign({ outcome: 'cancelled', line: '已取消。', staffReason: null }) },
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => context,
});

/** A stand-in identity check: asks for the number, then verifies (or not) when the test sends auth.idNumber. */
export function scriptedIdentityCheck(verifies: boolean) {
  return setup({ types: { events: {} as { type: 'auth.idNumber'; idNumber: string } | { type: 'auth.cancel' } } }).createMachine({
    id: 'scriptedIdentity',
    initial: 'asking',
    context: { verified: false },
    states: {
      asking: {
        entry: sendParent({ type: 'robot.say', line: '请输入您的身份证号码。', listen: 'number' }),
        on: {
          'auth.idNumber': verifies
            ? { target: 'done', actions: [sendParent({ type: 'identity.verified', citizenId: 'QD0006', idNumberMasked: '3702**********0422' }), assign({ verified: true })] }
            : { target: 'done', actions: sendParent({ type: 'robot.say', line: '没能核实您的身份，请到窗口带身份证办理。' }) },
        },
      },
      done: { type: 'final' },
    },
    output: ({ context }) =>
      context.verified
        ? { outcome: 'verified', citizenId: 'QD0006', idNumberMasked: '3702**********0422' }
        : { outcome: 'not-verified', line: '没能核实您的身份，请到窗口带身份证办理。', staffReason: null },
  });
}

export const flush = () => new Promise((r) => setTimeout(r, 0));
export const phase = (s: SnapshotFrom<typeof sessionMachine>) => (typeof s.value === 'string' ? s.value : Object.keys(s.value)[0]);
