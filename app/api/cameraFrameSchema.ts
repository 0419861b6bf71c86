import { z } from 'zod';
import { maxFrameBase64Length, maxFrameSide } from './inputLimits.js';
import { refusalMessages } from './refusalMessages.js';

const error = refusalMessages.badFrame;
const side = z.int({ error }).positive({ error }).max(maxFrameSide, { error });

/**
 * A camera frame the screen sends during 养老认证 (and staff enrolment) only; never stored. Only the shape is
 * checked here: padded base64 that starts like a JPEG (FF D8 FF), bounded in size and sides; decoding is for
 * the face pipeline.
 */
export const cameraFrameSchema = z.object(
  {
    /** JPEG, base64 (no data: prefix). */
    jpegBase64: z.base64({ error }).min(1, { error }).max(maxFrameBase64Length, { error }).startsWith('/9j/', { error }),
    width: side,
    height: side,
    /** Milliseconds (the screen's clock) when it was captured. */
    capturedAt: z.number({ error }).nonnegative({ error }),
    /** Monotonic per authentication attempt, so the core can tell dropped frames from a switched camera. */
    seq: z.int({ error }).nonnegative({ error }),
  },
  { error },
);

export type CameraFrame = z.infer<typeof cameraFrameSchema>;
