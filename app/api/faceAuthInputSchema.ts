import { z } from 'zod';
import { cameraFrameSchema } from './cameraFrameSchema.js';
import { refusalMessages } from './refusalMessages.js';

/**
 * The ID number from the keypad, in its shape only: 17 digits and a digit or X (a typed x becomes X). The core
 * checks the check character and the date of birth.
 */
const idNumberSchema = z
  .string({ error: refusalMessages.badIdNumber })
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/, { error: refusalMessages.badIdNumber });

/** Input during 养老认证: the ID number from the keypad, camera frames, cancel. */
export const faceAuthInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('auth.idNumber'), idNumber: idNumberSchema }),
  z.object({ type: z.literal('auth.frame'), frame: cameraFrameSchema }),
  z.object({ type: z.literal('auth.cancel') }),
]);

export type FaceAuthInput = z.infer<typeof faceAuthInputSchema>;
