import { z } from 'zod';
import { refusalMessages } from './refusalMessages.js';

/** Services the screen may offer as tiles. Only services that really work are listed by the core. */
export const serviceIdSchema = z.enum(
  ['policy-qa', 'rights-query', 'certificate-print', 'card-loss', 'flexible-employment', 'pension-auth', 'guide-to-window', 'call-staff'],
  { error: refusalMessages.unknownService },
);

export type ServiceId = z.infer<typeof serviceIdSchema>;
