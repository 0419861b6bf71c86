import { fromPromise } from 'xstate';
import type { DeliveryRound } from './outboxMachine.js';

/** The outbox machine's `deliver` actor from a delivery function and a count of what is still waiting. */
export function deliveryRound(deliver: () => Promise<number>, remaining: () => number) {
  return fromPromise<DeliveryRound>(async () => {
    const sent = await deliver();
    return { sent, remaining: remaining() };
  });
}
