import { assign, fromPromise, sendParent, setup } from 'xstate';
import type { ListenPatience } from '../session/sessionEvents.js';
import { asksToChange, saysNo, saysSkip, saysYes } from './replyWords.js';
import { transactionLines } from './transactionLines.js';
import type { TransactionEligibility, TransactionResult, TransactionSpec } from './transactionSpec.js';

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
  | { type: 'txn.change'; field: string }
  /** The 跳过 button on an optional field. */
  | { type: 'txn.skip' };

/** ineligible: the record says the citizen cannot have it (told why and where to go before anything was asked). */
export type TransactionOutcome = 'submitted' | 'queued' | 'refused' | 'ineligible' | 'unavailable' | 'cancelled';

export interface TransactionOutput {
  outcome: TransactionOutcome;
  line: string;
  reference: string | null;
  /** Non-null: a person is needed (a refusal is told truthfully and staff come). */
  staffReason: string | null;
  /** The transaction's name, for the receipt. */
  title: string;
  /** A print job the submission spooled (参保证明): the visit follows it to paper. */
  printJobId: string | null;
  /** The short receipt's own rows (submitted or queued); null when there is nothing to give a receipt for. */
  receipt: readonly string[] | null;
}

interface Ctx extends TransactionInput {
  values: Record<string, unknown>;
  /** Optional fields the citizen chose to leave out. */
  skipped: string[];
  /** What the citizen will get, shown with the confirmation (spec.preview); null while there is none. */
  preview: readonly string[] | null;
  outcome: TransactionOutcome | null;
  line: string;
  reference: string | null;
  printJobId: string | null;
  receipt: readonly string[] | null;
  staffNeeded: boolean;
}


/** The first field still missing (an optional one the citizen skipped is not missing), or null when all are there. */
function missingField(ctx: Pick<Ctx, 'spec' | 'values' | 'skipped'>) {
  return ctx.spec.fields.find((field) => !(field.name in ctx.values) && !ctx.skipped.includes(field.name)) ?? null;
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

/** How a field is asked: an optional one says it can be left out. */
function askFor(field: ReturnType<typeof missingField>): string {
  if (!field) return '';
  return field.optional ? `${field.ask}${transactionLines.skipOptional}` : field.ask;
}

function summary(ctx: Pick<Ctx, 'spec' | 'values'>): string {
  const readBacks = ctx.spec.fields.filter((field) => field.name in ctx.values).map((field) => transactionLines.readBack(field.label, field.readBack(ctx.values[field.name])));
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
    checkEligibility: fromPromise<TransactionEligibility, { spec: TransactionSpec; citizenId: string }>(async ({ input }) =>
      input.spec.checkEligibility ? input.spec.checkEligibility({ citizenId: input.citizenId }) : { eligible: true },
    ),
    preview: fromPromise<readonly string[] | null, { spec: TransactionSpec; citizenId: string; values: Record<string, unknown> }>(async ({ input }) =>
      input.spec.preview ? input.spec.preview({ citizenId: input.citizenId, values: input.values }) : null,
    ),
    submit: fromPromise<TransactionResult, { spec: TransactionSpec; citizenId: string; values: Record<string, unknown>; idempotencyKey: string }>(async ({ input }) =>
      input.spec.submit({ citizenId: input.citizenId, values: input.values, idempotencyKey: input.idempotencyKey }),
    ),
  },
  guards: {
    complete: ({ context }) => missingField(context) === null,
    checksEligibility: ({ context }) => context.spec.checkEligibility !== undefined,
    hasPreview: ({ context }) => context.spec.preview !== undefined,
    /** Asked for an optional field, the citizen leaves it out ("不用", "没有", 跳过). */
    skipsOptional: ({ context, event }) => missingField(context)?.optional === true && (event.type === 'txn.skip' || (event.type === 'txn.reply' && saysSkip(event))),
    saysYes: ({ event }) => event.type === 'txn.reply' && saysYes(event),
    saysNo: ({ event }) => event.type === 'txn.reply' && saysNo(event),
    givesValues: ({ context, event }) => event.type === 'txn.reply' && Object.keys(readLine(context, event.text, event.pinyin).found).length > 0,
    /** In the confirmation: a line that names a new value for a field already given ("电话改成139…"). */
    correctsValue: ({ context, event }) =>
      event.type === 'txn.reply' && Object.keys(readLine(context, event.text, event.pinyin, context.spec.fields.map((f) => f.name)).found).length > 0,
    asksToChange: ({ event }) => event.type === 'txn.reply' && asksToChange(event),
  },
  actions: {
    tell: sendParent((_, params: { line: string; listen?: ListenPatience }) => ({ type: 'robot.say' as const, line: params.line, ...(params.listen ? { listen: params.listen } : {}) })),
    askMissing: sendParent(({ context }) => {
      const field = missingField(context);
      return { type: 'robot.say' as const, line: askFor(field), ...(field?.listen ? { listen: field.listen } : {}) };
    }),
    takeValues: assign(({ context, event }) => (event.type === 'txn.reply' ? { values: { ...context.values, ...readLine(context, event.text, event.pinyin).found } } : {})),
    correctValues: assign(({ context, event }) =>
      event.type === 'txn.reply' ? { values: { ...context.values, ...readLine(context, event.text, event.pinyin, context.spec.fields.map((f) => f.name)).found } } : {},
    ),
    /** The line had a value that is wrong (not a phone number, a date in the future): say why, ask again. */
    sayProblemOrAsk: sendParent(({ context, event }) => {
      const field = missingField(context);
      const { problem } = event.type === 'txn.reply' ? readLine(context, event.text, event.pinyin) : { problem: null };
      const ask = askFor(field);
      return { type: 'robot.say' as const, line: problem ? `${problem}${ask}` : transactionLines.notHeard(ask), ...(field?.listen ? { listen: field.listen } : {}) };
    }),
    forgetField: assign(({ context, event }) => {
      if (event.type !== 'txn.change') return {};
      const { [event.field]: _dropped, ...values } = context.values;
      // 修改 on a skipped optional field asks for it after all.
      return { values, skipped: context.skipped.filter((name) => name !== event.field) };
    }),
    skipField: assign(({ context }) => {
      const field = missingField(context);
      return field ? { skipped: [...context.skipped, field.name] } : {};
    }),
    sayConfirmation: sendParent(({ context }) => ({ type: 'robot.say' as const, line: `${summary(context)}${transactionLines.confirm}` })),
    end: assign((_, params: { outcome: TransactionOutcome; line: string; reference?: string | null }) => ({ outcome: params.outcome, line: params.line, reference: params.reference ?? null })),
  },
}).createMachine({
  id: 'transaction',
  context: ({ input }) => {
    const base = {
      ...input,
      // A spec that keeps what it found for this citizen starts fresh for every transaction.
      spec: input.spec.begin ? input.spec.begin() : input.spec,
      values: {} as Record<string, unknown>,
      skipped: [] as string[],
      preview: null,
      outcome: null,
      line: '',
      reference: null,
      printJobId: null,
      receipt: null,
      staffNeeded: false,
    };
    // What the citizen said when asking for the service may already hold values ("把电话改成138…").
    if (input.given) base.values = readLine(base, input.given.text, input.given.pinyin).found;
    return base;
  },
  initial: 'checkingEligibility',
  on: {
    'txn.cancel': { target: '.done', actions: { type: 'end', params: { outcome: 'cancelled', line: transactionLines.cancelled } } },
  },
  states: {
    /** Can the citizen have it at all? Told before anything is asked (a benefit the record rules out, a print limit). */
    checkingEligibility: {
      always: { guard: ({ context }) => context.spec.checkEligibility === undefined, target: 'starting' },
      invoke: {
        src: 'checkEligibility',
        input: ({ context }) => ({ spec: context.spec, citizenId: context.citizenId }),
        onDone: [
          {
            guard: ({ event }) => event.output.eligible,
            target: 'starting',
            // What the check found (the citizen's own certificates) may make more of the opening line readable.
            actions: assign(({ context }) => (context.given ? { values: { ...readLine(context, context.given.text, context.given.pinyin).found, ...context.values } } : {})),
          },
          {
            target: 'done',
            actions: assign(({ event }) =>
              event.output.eligible
                ? {}
                : { outcome: 'ineligible' as const, line: event.output.callStaff ? `${event.output.line}${transactionLines.staffComing}` : event.output.line, staffNeeded: event.output.callStaff === true },
            ),
          },
        ],
        onError: { target: 'done', actions: assign(({ context }) => ({ outcome: 'unavailable' as const, line: transactionLines.unavailable(context.spec.title) })) },
      },
    },
    starting: { always: [{ guard: 'complete', target: 'confirming' }, { target: 'collecting' }] },
    collecting: {
      entry: 'askMissing',
      on: {
        'txn.skip': { guard: 'skipsOptional', target: 'starting', actions: 'skipField' },
        'txn.reply': [
          { guard: 'givesValues', target: 'starting', actions: 'takeValues' },
          { guard: 'skipsOptional', target: 'starting', actions: 'skipField' },
          { guard: 'saysNo', target: 'done', actions: { type: 'end', params: { outcome: 'cancelled', line: transactionLines.cancelled } } },
          { actions: 'sayProblemOrAsk' },
        ],
      },
    },
    confirming: {
      entry: 'sayConfirmation',
      // What the citizen will get (a certificate's contents), shown beside the read-back; a preview that fails shows none.
      invoke: {
        src: 'preview',
        input: ({ context }) => ({ spec: context.spec, citizenId: context.citizenId, values: context.values }),
        onDone: { actions: assign(({ event }) => ({ preview: event.output })) },
        onError: { actions: assign({ preview: null }) },
      },
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
            actions: assign(({ event }) =>
              event.output.status === 'submitted'
                ? { outcome: 'submitted' as const, line: event.output.line, reference: event.output.reference, printJobId: event.output.printJobId ?? null, receipt: event.output.receipt ?? [] }
                : {},
            ),
          },
          {
            guard: ({ event }) => event.output.status === 'queued',
            target: 'done',
            actions: assign(({ event }) => (event.output.status === 'queued' ? { outcome: 'queued' as const, line: event.output.line, receipt: [] } : {})),
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
    staffReason:
      context.outcome === 'refused' ? `transaction-refused:${context.spec.service}` : context.outcome === 'ineligible' && context.staffNeeded ? `transaction-ineligible:${context.spec.service}` : null,
    title: context.spec.title,
    printJobId: context.printJobId,
    receipt: context.receipt,
  }),
});
