import { z } from 'zod';

/** Face presence from the screen's camera tracking (MediaPipe): someone stands and faces the robot, or left. */
export const presenceInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('presence.arrived') }),
  z.object({ type: z.literal('presence.left') }),
  /** The face was gone for a moment and someone faces the robot again: perhaps another person. */
  z.object({ type: z.literal('presence.changed') }),
]);

export type PresenceInput = z.infer<typeof presenceInputSchema>;
