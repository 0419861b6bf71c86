import { assign, fromPromise, setup } from 'xstate';

export interface OutboxSchedule {
  /** The first retry after a failed round; each further failure doubles it, up to `maxRetryMs`. */
  firstRetryMs: number;
  maxRetryMs: number;
  /** With nothing left to send, how often to look again (a submission may have been queued meanwhile). */
  idleCheckMs: number;
}

/** One delivery round: what went out and what is still waiting. */
export interface DeliveryRound {
  sent: number;
  remaining: number;
}

interface Ctx extends OutboxSchedule {
  failures: number;
  lastRound: DeliveryRound | null;
}

export type OutboxEvent = { type: 'outbox.kick' };

/** How long to wait after `failures` failed rounds in a row. */
export function retryDelayMs(schedule: Pick<OutboxSchedule, 'firstRetryMs' | 'maxRetryMs'>, failures: number): number {
  return Math.min(schedule.maxRetryMs, schedule.firstRetryMs * 2 ** Math.max(0, failures - 1));
}

/**
 * Sends what was saved while the business system could not be reached, with its own retry schedule: deliver at
 * once on start, back off while rounds fail or leave entries behind, and look again now and then when all is sent.
 * A kick (a new submission was queued) starts a round at once. Delivery itself is an actor provided from outside
 * and is idempotent, so a round after a crash never counts twice.
 */
export const outboxMachine = setup({
  types: { context: {} as Ctx, events: {} as OutboxEvent, input: {} as OutboxSchedule },
  actors: {
    deliver: fromPromise<DeliveryRound>(async () => {
      throw new Error('deliver actor not provided');
    }),
  },
  delays: {
    retry: ({ context }) => retryDelayMs(context, context.failures),
    idleCheck: ({ context }) => context.idleCheckMs,
  },
}).createMachine({
  id: 'outbox',
  context: ({ input }) => ({ ...input, failures: 0, lastRound: null }),
  initial: 'delivering',
  states: {
    delivering: {
      invoke: {
        src: 'deliver',
        onDone: [
          { guard: ({ event }) => event.output.remaining === 0, target: 'idle', actions: assign(({ event }) => ({ failures: 0, lastRound: event.output })) },
          { target: 'backingOff', actions: assign(({ context, event }) => ({ failures: context.failures + 1, lastRound: event.output })) },
        ],
        onError: { target: 'backingOff', actions: assign(({ context }) => ({ failures: context.failures + 1 })) },
      },
    },
    idle: {
      after: { idleCheck: 'delivering' },
      on: { 'outbox.kick': 'delivering' },
    },
    backingOff: {
      after: { retry: 'delivering' },
      on: { 'outbox.kick': 'delivering' },
    },
  },
});
