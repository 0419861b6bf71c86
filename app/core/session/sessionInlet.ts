import type { SessionEvent } from './sessionEvents.js';

/**
 * Where devices send their events. Devices start before the session actor (the voice reports whether it can hear
 * while it starts), so events that arrive first wait here, in order, until the actor is connected.
 */
export function createSessionInlet() {
  let target: { send(event: SessionEvent): void } | null = null;
  const early: SessionEvent[] = [];
  return {
    send(event: SessionEvent): void {
      if (target) target.send(event);
      else early.push(event);
    },
    connect(actor: { send(event: SessionEvent): void }): void {
      target = actor;
      for (const event of early.splice(0)) actor.send(event);
    },
  };
}
