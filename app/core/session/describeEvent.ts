import type { SessionEvent } from './sessionEvents.js';

/** An event as the diagnostics log keeps it: its type and shape, never what the citizen typed. */
export function describeEvent(event: SessionEvent): { type: string; detail: Record<string, unknown> } {
  switch (event.type) {
    case 'citizen.text':
    case 'citizen.tapQuestion':
      return { type: event.type, detail: { chars: [...event.text.trim()].length } };
    case 'citizen.tapService':
      return { type: event.type, detail: { service: event.service } };
    default:
      return { type: event.type, detail: {} };
  }
}
