import { z } from 'zod';
import { maxQuestionLength } from './inputLimits.js';
import { refusalMessages } from './refusalMessages.js';
import { serviceIdSchema } from './serviceIdSchema.js';

/**
 * A question as the citizen typed or tapped it: trimmed here, once; empty (or only spaces) is refused, so the
 * core never sees a blank question from the screen. The screen itself asks for text before it sends.
 */
const questionText = z
  .string({ error: refusalMessages.unusable })
  .trim()
  .min(1, { error: refusalMessages.emptyQuestion })
  .max(maxQuestionLength, { error: refusalMessages.questionTooLong });

/** What the citizen did on the screen. */
export const citizenInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('citizen.touch') }),
  z.object({ type: z.literal('citizen.text'), text: questionText }),
  z.object({ type: z.literal('citizen.tapService'), service: serviceIdSchema }),
  /** A suggested question chip was tapped. */
  z.object({ type: z.literal('citizen.tapQuestion'), text: questionText }),
  z.object({ type: z.literal('citizen.end') }),
  /** A query chosen from the 聊天查 menu (the service name, e.g. query_contribution_base); the core checks it. */
  z.object({ type: z.literal('citizen.tapQuery'), service: z.string().regex(/^[a-z_]{3,48}$/, { error: refusalMessages.unusable }) }),
  /** On a record the citizen was shown: print it, or say it looks wrong. */
  z.object({ type: z.literal('citizen.recordAction'), action: z.enum(['print', 'dispute'], { error: refusalMessages.unusable }) }),
  /**
   * In a transaction: the explicit yes, cancel, change one field (by its name) before the yes, choose one of the
   * answers shown for the field being asked (`value`, read as if said), or skip an optional field.
   */
  z.object({
    type: z.literal('citizen.transactionAction'),
    action: z.enum(['confirm', 'cancel', 'change', 'choose', 'skip'], { error: refusalMessages.unusable }),
    field: z.string().regex(/^[a-zA-Z]{1,32}$/, { error: refusalMessages.unusable }).optional(),
    value: z.string().trim().min(1).max(40, { error: refusalMessages.unusable }).optional(),
  }),
  /** 换人: another citizen takes over the screen; the visit's identity is wiped, the visit goes on. */
  z.object({ type: z.literal('citizen.changeCitizen') }),
]);

export type CitizenInput = z.infer<typeof citizenInputSchema>;
