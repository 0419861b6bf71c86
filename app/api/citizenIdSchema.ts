import { z } from 'zod';
import { refusalMessages } from './refusalMessages.js';

/** A business-system citizen id (QD0001, demo-001): letters, digits, _ and -, at most 40, never a path. */
export const citizenIdSchema = z.string({ error: refusalMessages.unusable }).regex(/^[A-Za-z0-9_-]{1,40}$/, { error: refusalMessages.unusable });
