import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, SimulatedClock } from 'xstate';
import { outboxMachine, retryDelayMs, type DeliveryRound } from '../../../app/core/outbox/outboxMachine.js';

const schedule = { firstRetryMs: 5_000, maxRetryMs: 60_000, idleCheckMs: 30_000 };
const settle = () => new Promise((r) => setTimeout(r, 0));

/** An outbox whose business system answers as `rounds` says, one answer per delivery round. */
function start(rounds: (DeliveryRound | 'down')[]) {
  const clock = new SimulatedClock();
  const at: number[] = [];
  const actor = createActor(
    outboxMachine.provide({
      actors: {
        deliver: fromPromise<DeliveryRound>(async () => {
          at.push(clock.now());
          const round = rounds.shift() ?? { sent: 0, remaining: 0 };
          if (round === 'down') throw new Error('unreachable');
          return round;
        }),
      },
    }),
    { clock, input: schedule },
  );
  actor.start();
  return { actor, clock, at };
}

describe('the outbox retry schedule', () => {
  it('doubles the wait after each failed round up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(schedule, n))).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
  });

  it('delivers at start, backs off while the system is down, and settles to idle checks once all is sent', async () => {
    const { actor, clock, at } = start(['down', 'down', { sent: 1, remaining: 2 }, { sent: 2, remaining: 0 }]);
    await settle();
    expect(at).toEqual([0]);
    expect(actor.getSnapshot().value).toBe('backingOff');
    clock.increment(5_000);
    await settle();
    clock.increment(10_000);
    await settle();
    clock.increment(20_000);
    await settle();
    expect(at).toEqual([0, 5_000, 15_000, 35_000]);
    expect(actor.getSnapshot().value).toBe('idle');
    expect(actor.getSnapshot().context.failures).toBe(0);
    clock.increment(29_999);
    await settle();
    expect(at).toHaveLength(4);
    clock.increment(1);
    await settle();
    expect(at).toEqual([0, 5_000, 15_000, 35_000, 65_000]);
  });

  it('a kick starts a round at once, also while backing off', async () => {
    const { actor, clock, at } = start(['down', { sent: 1, remaining: 0 }]);
    await settle();
    clock.increment(1_000);
    actor.send({ type: 'outbox.kick' });
    await settle();
    expect(at).toEqual([0, 1_000]);
    expect(actor.getSnapshot().value).toBe('idle');
  });
});
