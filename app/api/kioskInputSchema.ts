import { z } from 'zod';
import { cameraInputSchema } from './cameraInputSchema.js';
import { citizenInputSchema } from './citizenInputSchema.js';
import { faceAuthInputSchema } from './faceAuthInputSchema.js';
import { presenceInputSchema } from './presenceInputSchema.js';
import { refusalMessages } from './refusalMessages.js';
import { staffInputSchema } from './staffInputSchema.js';

/** Everything the screen can send, told apart by `type`. */
export const kioskInputSchema = z.discriminatedUnion(
  'type',
  [citizenInputSchema, staffInputSchema, presenceInputSchema, faceAuthInputSchema, cameraInputSchema],
  { error: refusalMessages.unusable },
);

export type KioskInput = z.infer<typeof kioskInputSchema>;

/** Inputs that carry a camera frame, the only ones that may be large. */
export const frameInputTypes: ReadonlySet<KioskInput['type']> = new Set<KioskInput['type']>(['auth.frame', 'staff.enrollPhoto']);
