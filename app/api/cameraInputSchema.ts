import { z } from 'zod';
import { refusalMessages } from './refusalMessages.js';

/**
 * Why the screen has no camera picture: `no-camera` (none found, unsupported, busy or silent), `denied` (no
 * permission), `ended` (it was working and stopped, e.g. unplugged).
 */
export const cameraLostReasonSchema = z.enum(['no-camera', 'denied', 'ended'], { error: refusalMessages.unusable });

export type CameraLostReason = z.infer<typeof cameraLostReasonSchema>;

/** The screen's camera went away or came back (the session decides what that means, e.g. during 养老认证). */
export const cameraInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('camera.lost'), reason: cameraLostReasonSchema }),
  z.object({ type: z.literal('camera.restored') }),
]);

export type CameraInput = z.infer<typeof cameraInputSchema>;
