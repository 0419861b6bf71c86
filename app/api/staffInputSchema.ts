import { z } from 'zod';
import { cameraFrameSchema } from './cameraFrameSchema.js';
import { citizenIdSchema } from './citizenIdSchema.js';
import { refusalMessages } from './refusalMessages.js';

/**
 * What a member of staff did on the staff panel (opened by a long press on the logo, unlocked by PIN).
 * PINs are digits and ids are bounded; the core checks the PIN and whether the panel is unlocked.
 */
export const staffInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('staff.unlock'), pin: z.string({ error: refusalMessages.badPin }).regex(/^\d{4,12}$/, { error: refusalMessages.badPin }) }),
  z.object({ type: z.literal('staff.lock') }),
  z.object({ type: z.literal('staff.printSample'), citizenId: citizenIdSchema }),
  z.object({ type: z.literal('staff.closeRequest'), id: z.int({ error: refusalMessages.unusable }).positive({ error: refusalMessages.unusable }) }),
  /** Enrol a demo pensioner's reference photo from the camera (the built-in demo has no photos to ship). */
  z.object({ type: z.literal('staff.enrollPhoto'), citizenId: citizenIdSchema, frame: cameraFrameSchema }),
]);

export type StaffInput = z.infer<typeof staffInputSchema>;
