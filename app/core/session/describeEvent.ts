import type { SessionEvent } from './sessionEvents.js';

/** An event as the diagnostics log keeps it: its type and shape, never what the citizen typed. */
export function describeEvent(event: SessionEvent): { type: string; detail: Record<string, unknown> } {
  switch (event.type) {
    case 'citizen.text':
    case 'citizen.tapQuestion':
    case 'voice.final':
    case 'voice.partial':
      return { type: event.type, detail: { chars: [...event.text.trim()].length } };
    case 'voice.command':
      return { type: event.type, detail: { command: event.command } };
    case 'citizen.tapService':
      return { type: event.type, detail: { service: event.service } };
    default:
      return { type: event.type, detail: {} };
  }
}
