import { assign, fromPromise, sendParent, setup } from 'xstate';
import type { ListenPatience } from '../session/sessionEvents.js';
import { transactionLines } from './transactionLines.js';
import type { TransactionResult, TransactionSpec } from './transactionSpec.js';

export interface TransactionInput {
  spec: TransactionSpec;
  citizenId: string;
  /** Fixed for the life of the transaction: a retried or repeated submission is the same submission. */
  idempotencyKey: string;
  /** Values the citizen already gave in the line that started it. */
  given?: { text: string; pinyin: string | null } | null;
}

/** What the parent sends in: the citizen's lines, and the screen's buttons. */
export type TransactionEvent =
  | { type: 'txn.reply'; text: string; pinyin: string | null }
  | { type: 'txn.confirm' }
  | { type: 'txn.cancel' }
  | { type: 'txn.change'; field: string };

export type TransactionOutcome = 'submitted' | 'queued' | 'refused' | 'unavailable' | 'cancelled';

export interface TransactionOutput {
  outcome: TransactionOutcome;
  line: string;
  reference: string | null;
  /** Non-null: a person is needed (a refusal is told truthfully and staff come). */
  staffReason: string | null;
}

interface Ctx extends TransactionInput {
  values: Record<string, unknown>;
  outcome: TransactionOutcome | null;
  line: string;
  reference: string | null;
}

const YES = /确认|^(对|是|是的|好|好的|行|可以|没错|对的|办吧|办)[啊呀吧的了。！!]*$/;
const NO = /取消|不办|算了|不要了|不用了/;
const CHANGE = /改|修改|不对|错了/;

/** The first field still missing, or null when all are there. */
function missingField(ctx: Pick<Ctx, 'spec' | 'values'>) {
  return ctx.spec.fields.find((field) => !(field.name in ctx.values)) ?? null;
}

/** Every missing field the line gives, in any order the citizen gives them; and the first problem, if any. */
function readLine(ctx: Pick<Ctx, 'spec' | 'values'>, text: string, pinyin: string | null, fieldNames?: readonly string[]) {
  const found: Record<string, unknown> = {};
  let problem: string | null = null;
  for (const field of ctx.spec.fields) {
    if (fieldNames ? !fieldNames.includes(field.name) : field.name in ctx.values) continue;
    const reading = field.read(text, pinyin);
    if (reading?.ok) found[field.name] = reading.value;
    else if (reading && !reading.ok) problem ??= reading.problem;
  }
  return { found, problem };
}

function summary(ctx: Pick<Ctx, 'spec' | 'values'>): string {
  const readBacks = ctx.spec.fields.map((field) => transactionLines.readBack(field.label, field.readBack(ctx.values[field.name])));
  return [ctx.spec.describe(ctx.values), ...readBacks.map((r) => `${r}。`)].join('');
}

/**
 * One 对话办 transaction, the same for every spec: ask for what is missing (several values in one line are all
 * taken), read back, say exactly what will happen, and submit only after an explicit yes — once, under the key
 * fixed at the start. Cancel or change is possible at every step before the yes. The parent forwards the
 * citizen's lines and taps; the machine says its lines through the parent (`robot.say`), except the last one
 * (`output.line`: submitted with its reference, refused, unavailable, cancelled), which the parent says.
 */
export const transactionMachine = setup({
  types: { context: {} as Ctx, events: {} as TransactionEvent, input: {} as TransactionInput, output: {} as TransactionOutput },
  actors: {
    submit: fromPromise<TransactionResult, { spec: TransactionSpec; citizenId: string; values: Record<string, unknown>; idempotencyKey: string }>(async ({ input }) =>
      input.spec.submit({ citizenId: input.citizenId, values: input.values, idempotencyKey: input.idempotencyKey }),
    ),
  },
  guards: {
    complete: ({ context }) => missingField(context) === null,
    saysYes: ({ event }) => event.type === 'txn.reply' && YES.test(event.text.trim()),
    saysNo: ({ event }) => event.type === 'txn.reply' && NO.test(event.text),
    givesValues: ({ context, event }) => event.type === 'txn.reply' && Object.keys(readLine(context, event.text, event.pinyin).found).length > 0,
    /** In the confirmation: a line that names a new value for a field already given ("电话改成139…"). */
    correctsValue: ({ context, event }) =>
      event.type === 'txn.reply' && Object.keys(readLine(context, event.text, event.pinyin, context.spec.fields.map((f) => f.name)).found).length > 0,
    asksToChange: ({ event }) => event.type === 'txn.reply' && CHANGE.test(event.text),
  },
  actions: {
    tell: sendParent((_, params: { line: string; listen?: ListenPatience }) => ({ type: 'robot.say' as const, line: params.line, ...(params.listen ? { listen: params.listen } : {}) })),
    askMissing: sendParent(({ context }) => {
      const field = missingField(context);
      return { type: 'robot.say' as const, line: field?.ask ?? '', ...(field?.listen ? { listen: field.listen } : {}) };
    }),
    takeValues: assign(({ context, event }) => (event.type === 'txn.reply' ? { values: { ...context.values, ...readLine(context, event.text, event.pinyin).found } } : {})),
    correctValues: assign(({ context, event }) =>
      event.type === 'txn.reply' ? { values: { ...context.values, ...readLine(context, event.text, event.pinyin, context.spec.fields.map((f) => f.name)).found } } : {},
    ),
    /** The line had a value that is wrong (not a phone number, a date in the future): say why, ask again. */
    sayProblemOrAsk: sendParent(({ context, event }) => {
      const field = missingField(context);
      const { problem } = event.type === 'txn.reply' ? readLine(context, event.text, event.pinyin) : { problem: null };
      const ask = field?.ask ?? '';
      return { type: 'robot.say' as const, line: problem ? `${problem}${ask}` : transactionLines.notHeard(ask), ...(field?.listen ? { listen: field.listen } : {}) };
    }),
    forgetField: assign(({ context, event }) => {
      if (event.type !== 'txn.change') return {};
      const { [event.field]: _dropped, ...values } = context.values;
      return { values };
    }),
    sayConfirmation: sendParent(({ context }) => ({ type: 'robot.say' as const, line: `${summary(context)}${transactionLines.confirm}` })),
    end: assign((_, params: { outcome: TransactionOutcome; line: string; reference?: string | null }) => ({ outcome: params.outcome, line: params.line, reference: params.reference ?? null })),
  },
}).createMachine({
  id: 'transaction',
  context: ({ input }) => {
    const base = { ...input, values: {} as Record<string, unknown>, outcome: null, line: '', reference: null };
    // What the citizen said when asking for the service may already hold values ("把电话改成138…").
    if (input.given) base.values = readLine(base, input.given.text, input.given.pinyin).found;
    return base;
  },
  initial: 'starting',
  on: {
    'txn.cancel': { target: '.done', actions: { type: 'end', params: { outcome: 'cancelled', line: transactionLines.cancelled } } },
  },
  states: {
    starting: { always: [{ guard: 'complete', target: 'confirming' }, { target: 'collecting' }] },
    collecting: {
      entry: 'askMissing',
      on: {
        'txn.reply': [
          { guard: 'saysNo', target: 'done', actions: { type: 'end', params: { outcome: 'cancelled', line: transactionLines.cancelled } } },
          { guard: 'givesValues', target: 'starting', actions: 'takeValues' },
          { actions: 'sayProblemOrAsk' },
        ],
      },
    },
    confirming: {
      entry: 'sayConfirmation',
      on: {
        'txn.confirm': { target: 'submitting' },
        'txn.change': { target: 'starting', actions: 'forgetField' },
        'txn.reply': [
          { guard: 'saysNo', target: 'done', actions: { type: 'end', params: { outcome: 'cancelled', line: transactionLines.cancelled } } },
          { guard: 'correctsValue', target: 'confirming', reenter: true, actions: 'correctValues' },
          { guard: 'saysYes', target: 'submitting' },
          { guard: 'asksToChange', target: 'confirming', reenter: true },
          { actions: { type: 'tell', params: { line: transactionLines.notConfirmed } } },
        ],
      },
    },
    submitting: {
      entry: { type: 'tell', params: { line: transactionLines.submitting } },
      // Past the yes, nothing cancels: the submission is under way and will be told.
      on: { 'txn.cancel': {} },
      invoke: {
        src: 'submit',
        input: ({ context }) => ({ spec: context.spec, citizenId: context.citizenId, values: context.values, idempotencyKey: context.idempotencyKey }),
        onDone: [
          {
            guard: ({ event }) => event.output.status === 'submitted',
            target: 'done',
            actions: assign(({ event }) => (event.output.status === 'submitted' ? { outcome: 'submitted' as const, line: event.output.line, reference: event.output.reference } : {})),
          },
          {
            guard: ({ event }) => event.output.status === 'queued',
            target: 'done',
            actions: assign(({ event }) => (event.output.status === 'queued' ? { outcome: 'queued' as const, line: event.output.line } : {})),
          },
          {
            target: 'done',
            actions: assign(({ context, event }) => (event.output.status === 'refused' ? { outcome: 'refused' as const, line: transactionLines.refused(context.spec.title, event.output.reason) } : {})),
          },
        ],
        onError: { target: 'done', actions: assign(({ context }) => ({ outcome: 'unavailable' as const, line: transactionLines.unavailable(context.spec.title) })) },
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => ({
    outcome: context.outcome ?? 'cancelled',
    line: context.line,
    reference: context.reference,
    staffReason: context.outcome === 'refused' ? `transaction-refused:${context.spec.service}` : null,
  }),
});
