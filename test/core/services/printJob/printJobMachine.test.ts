import { describe, expect, it } from 'vitest';
import { getAdjacencyMap } from 'xstate/graph';
import { printJobMachine } from '../../../../app/core/services/printJob/printJobMachine.js';
import type { PrinterSessionEvent } from '../../../../app/core/devices/deviceSessionEvents.js';

const input = { jobId: 'job-1', stillPausedAfterMs: 60_000 };
const events = [
  { type: 'printer.paused', jobId: 'job-1', reason: 'paper-out' },
  { type: 'printer.paused', jobId: 'job-2', reason: 'cover-open' },
  { type: 'printer.resumed', jobId: 'job-1' },
  { type: 'printer.jobDone', jobId: 'job-1' },
  { type: 'printer.jobFailed', jobId: 'job-1', kind: 'unrecoverable' },
  { type: 'printer.jobUnconfirmed', jobId: 'job-1' },
  { type: 'xstate.after.stillPaused.printJob.paused' },
] as PrinterSessionEvent[];

// What the child tells its parent is tested through the session machine (test/core/session/deviceEvents.test.ts);
// walking the child alone, there is no parent to tell.
const alone = printJobMachine.provide({ actions: { tell: () => undefined, fetchStaff: () => undefined } });

describe('print job child machine, model-based (xstate/graph)', () => {
  const adjacency = getAdjacencyMap(alone, { input, events });

  it('reaches every state and every state can reach the end', () => {
    const values = new Set(Object.values(adjacency).map((v) => JSON.stringify(v.state.value)));
    expect([...values].sort()).toEqual(['"done"', '"paused"', '"printing"', '"waitingLonger"']);
    for (const vertex of Object.values(adjacency)) {
      if (vertex.state.status === 'done') continue;
      const ends = (Object.values(vertex.transitions) as { event: PrinterSessionEvent; state: (typeof vertex)['state'] }[]).some((edge) => edge.state.status === 'done');
      expect(ends, JSON.stringify(vertex.state.value)).toBe(true);
    }
  });

  it('ends with a line for the citizen and, unless on paper, a reason to fetch staff; other jobs change nothing', () => {
    for (const vertex of Object.values(adjacency)) {
      for (const edge of (Object.values(vertex.transitions) as { event: PrinterSessionEvent; state: (typeof vertex)['state'] }[])) {
        if ('jobId' in edge.event && edge.event.jobId !== 'job-1') expect(edge.state.value).toEqual(vertex.state.value);
        if (edge.state.status !== 'done') continue;
        const output = edge.state.output!;
        expect(output.line.length).toBeGreaterThan(0);
        expect(output.staffReason === null).toBe(output.outcome === 'done');
      }
    }
  });
});
