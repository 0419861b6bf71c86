/** Why a call to the government LLM failed; the session machine picks its fallback from this. */
export type LlmErrorKind =
  | 'unconfigured'
  | 'timeout'
  | 'http'
  | 'network'
  | 'malformed'
  | 'circuit-open'
  | 'aborted';

/** Which deadline ran out, for diagnostics ("the model answered too slowly" vs "the link froze"). */
export type LlmTimeoutPhase = 'connect' | 'first-token' | 'idle' | 'total';

export interface LlmErrorDetails {
  /** HTTP status, for kind 'http'. */
  status?: number;
  /** Server-requested wait before retrying (Retry-After), for kind 'http'. */
  retryAfterMs?: number;
  /** For kind 'timeout'. */
  timeoutPhase?: LlmTimeoutPhase;
  cause?: unknown;
}

export class LlmError extends Error {
  override readonly name = 'LlmError';
  readonly kind: LlmErrorKind;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly timeoutPhase: LlmTimeoutPhase | undefined;

  constructor(kind: LlmErrorKind, message: string, details: LlmErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
    this.timeoutPhase = details.timeoutPhase;
  }
}
