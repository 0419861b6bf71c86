import type { z } from 'zod';
import { kioskInputSchema, type KioskInput } from './kioskInputSchema.js';
import { refusalMessages } from './refusalMessages.js';

/** Why an input was refused. */
export interface InputRefusal {
  /** Plain Chinese, for the screen that sent it. */
  message: string;
  /** For the log: the input type (when it is a known one), the check that failed and where. Never the content. */
  reason: string;
}

export type ParsedKioskInput = { ok: true; input: KioskInput } | { ok: false; error: InputRefusal };

/**
 * The one check of what a screen sends (web kiosk WebSocket or Electron IPC) before the core sees it: the
 * screen is not trusted. Text is trimmed and blank questions refused here, fields the contract does not have
 * are dropped, and every refusal carries a Chinese message for the screen.
 */
export function parseKioskInput(raw: unknown): ParsedKioskInput {
  const parsed = kioskInputSchema.safeParse(raw, { error: () => refusalMessages.unusable });
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, error: refusalOf(parsed.error, raw) };
}

/** The first issue's message for the screen, and a log line made only of the schema's own names. */
function refusalOf(error: z.ZodError, input: unknown): InputRefusal {
  const issue = error.issues[0];
  if (!issue) return { message: refusalMessages.unusable, reason: 'refused' };
  const { path } = issue;
  // A failed discriminator means the type itself is unknown: then it is the sender's text, not ours to log.
  const typeKnown = path.length > 0 && !(path.length === 1 && path[0] === 'type');
  const type = typeKnown && isRecord(input) && typeof input.type === 'string' ? input.type : 'unknown type';
  const where = path.length > 0 ? path.map(String).join('.') : '(root)';
  return { message: issue.message, reason: `${type}: ${issue.code} at ${where}` };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
