import { assign, sendParent, setup } from 'xstate';
import type { PrinterPause, PrinterSessionEvent } from '../../devices/deviceSessionEvents.js';
import { robotLines } from '../../session/robotLines.js';

export interface PrintJobInput {
  jobId: string;
  /** A pause (paper, cover, offline) longer than this gets a word of reassurance to the waiting citizen. */
  stillPausedAfterMs: number;
}

export type PrintJobOutcome = 'done' | 'failed' | 'unconfirmed';

export interface PrintJobOutput {
  outcome: PrintJobOutcome;
  line: string;
  /** Non-null: a person is needed (the job failed or may be on paper already); the session calls staff. */
  staffReason: string | null;
}

interface Ctx extends PrintJobInput {
  pause: PrinterPause | null;
  outcome: PrintJobOutcome | null;
}

/**
 * Follows one of the citizen's print jobs from the spooler to paper, telling the citizen what the printer does:
 * a pause says why and that staff are fetched, a resume says so, the end says where to take it. It never prints
 * anything itself, so it can never print twice; an unconfirmed job goes to staff, never back into the spooler.
 */
export const printJobMachine = setup({
  types: { context: {} as Ctx, events: {} as PrinterSessionEvent, input: {} as PrintJobInput, output: {} as PrintJobOutput },
  delays: { stillPaused: ({ context }) => context.stillPausedAfterMs },
  guards: {
    ours: ({ context, event }) => event.jobId === context.jobId,
  },
  actions: {
    tell: sendParent((_, params: { line: string }) => ({ type: 'robot.say' as const, line: params.line })),
    fetchStaff: sendParent((_, params: { reason: string }) => ({ type: 'staff.alert' as const, reason: params.reason })),
  },
}).createMachine({
  id: 'printJob',
  context: ({ input }) => ({ ...input, pause: null, outcome: null }),
  initial: 'printing',
  on: {
    'printer.jobDone': { guard: 'ours', target: '.done', actions: assign({ outcome: 'done' as const }) },
    'printer.jobFailed': { guard: 'ours', target: '.done', actions: assign({ outcome: 'failed' as const }) },
    'printer.jobUnconfirmed': { guard: 'ours', target: '.done', actions: assign({ outcome: 'unconfirmed' as const }) },
  },
  states: {
    printing: {
      on: {
        'printer.paused': {
          guard: 'ours',
          target: 'paused',
          actions: [
            assign(({ event }) => ({ pause: event.reason })),
            { type: 'tell', params: ({ event }) => ({ line: robotLines.printPaused(event.reason) }) },
            { type: 'fetchStaff', params: ({ event }) => ({ reason: `printer-${event.reason}` }) },
          ],
        },
      },
    },
    paused: {
      after: { stillPaused: { target: 'waitingLonger', actions: { type: 'tell', params: { line: robotLines.printStillPaused } } } },
      on: {
        'printer.resumed': { guard: 'ours', target: 'printing', actions: [assign({ pause: null }), { type: 'tell', params: { line: robotLines.printResumed } }] },
      },
    },
    // Said once: repeating the reassurance every minute would only nag.
    waitingLonger: {
      on: {
        'printer.resumed': { guard: 'ours', target: 'printing', actions: [assign({ pause: null }), { type: 'tell', params: { line: robotLines.printResumed } }] },
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => outputFor(context.outcome ?? 'unconfirmed'),
});

function outputFor(outcome: PrintJobOutcome): PrintJobOutput {
  switch (outcome) {
    case 'done':
      return { outcome, line: robotLines.printDone, staffReason: null };
    case 'failed':
      return { outcome, line: robotLines.printFailed, staffReason: 'print-failed' };
    case 'unconfirmed':
      return { outcome, line: robotLines.printUnconfirmed, staffReason: 'print-unconfirmed' };
  }
}
