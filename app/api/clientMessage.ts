import { z } from 'zod';
import { maxFrameMessageBytes, maxTextMessageBytes } from './inputLimits.js';
import { frameInputTypes, kioskInputSchema } from './kioskInputSchema.js';
import { parseKioskInput, type InputRefusal } from './parseKioskInput.js';
import { refusalMessages } from './refusalMessages.js';

/** What the screen sends on the web kiosk's WebSocket (JSON text frames). */
export const clientMessageSchema = z.object({ type: z.literal('input'), input: kioskInputSchema });

export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** The envelope alone; what it carries is checked by parseKioskInput. */
const envelopeSchema = clientMessageSchema.extend({ input: z.unknown() });

export type ParsedClientMessage = { ok: true; message: ClientMessage } | { ok: false; error: InputRefusal };

/**
 * Parses one WebSocket text frame. Only messages that carry a camera frame may be longer than
 * `maxTextMessageBytes`; nothing longer than `maxFrameMessageBytes` is parsed at all.
 */
export function parseClientMessage(text: string): ParsedClientMessage {
  if (text.length > maxFrameMessageBytes) return refuse(refusalMessages.tooLarge, `message of ${text.length} characters`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return refuse(refusalMessages.malformed, 'not JSON');
  }
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return refuse(refusalMessages.unusable, 'not an input message');
  const { input } = envelope.data;
  if (text.length > maxTextMessageBytes && !carriesFrame(input)) {
    return refuse(refusalMessages.tooLarge, `message of ${text.length} characters without a camera frame`);
  }
  const parsed = parseKioskInput(input);
  return parsed.ok ? { ok: true, message: { type: 'input', input: parsed.input } } : parsed;
}

function carriesFrame(input: unknown): boolean {
  const type: unknown = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  return typeof type === 'string' && (frameInputTypes as ReadonlySet<string>).has(type);
}

function refuse(message: string, reason: string): ParsedClientMessage {
  return { ok: false, error: { message, reason } };
}
