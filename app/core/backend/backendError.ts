import { citizenMessageFor } from './citizenMessages.js';

/**
 * How a call to the business system failed, from the kiosk's point of view:
 * - `timeout`: no answer in time (a write may or may not have happened: retry with the same idempotency key);
 * - `unreachable`: no connection at all;
 * - `rejected`: the system refused the request (signature, validation or a business rule, e.g. card already lost);
 * - `not-found`: the citizen, card or route does not exist;
 * - `server`: the system failed (5xx);
 * - `invalid-response`: the answer was not what the API promises.
 */
export type BackendErrorKind = 'timeout' | 'unreachable' | 'rejected' | 'not-found' | 'server' | 'invalid-response';

export interface BackendErrorDetails {
  kind: BackendErrorKind;
  /** HTTP status, or null when no response arrived. */
  status: number | null;
  /** The system's error code (e.g. CARD_ALREADY_LOST), or one of ours: TIMEOUT, UNREACHABLE, INVALID_RESPONSE. */
  code: string;
  /** For logs and developers. Never contains an ID number. */
  message: string;
  cause?: unknown;
}

export class BackendError extends Error {
  override readonly name = 'BackendError';
  readonly kind: BackendErrorKind;
  readonly status: number | null;
  readonly code: string;
  /** One plain Chinese sentence the robot can say and show: what happened and what to do next. */
  readonly citizenMessage: string;

  constructor(details: BackendErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = details.kind;
    this.status = details.status;
    this.code = details.code;
    this.citizenMessage = citizenMessageFor(details.kind, details.code);
  }

  /** Worth trying again later (with the same idempotency key for writes). */
  get retryable(): boolean {
    return this.kind === 'timeout' || this.kind === 'unreachable' || this.kind === 'server';
  }
}
