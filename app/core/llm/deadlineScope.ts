import { LlmError, type LlmTimeoutPhase } from './llmError.js';

/**
 * An AbortController that follows a parent signal and aborts itself when a re-armable deadline
 * passes. The client keeps one per call (total deadline, caller's cancel) and one per attempt
 * (connect / first-token / idle deadlines), so whatever fires, the request is torn down.
 */
export class DeadlineScope {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly unlinkParent: () => void;

  constructor(parent?: AbortSignal) {
    if (!parent) {
      this.unlinkParent = () => undefined;
    } else if (parent.aborted) {
      this.controller.abort(parent.reason);
      this.unlinkParent = () => undefined;
    } else {
      const follow = () => this.controller.abort(parent.reason);
      parent.addEventListener('abort', follow, { once: true });
      this.unlinkParent = () => parent.removeEventListener('abort', follow);
    }
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** (Re)starts the deadline: after `ms` the scope aborts with a timeout error for `phase`. */
  arm(ms: number, phase: LlmTimeoutPhase): void {
    this.disarm();
    const limit = Math.max(0, ms);
    this.timer = setTimeout(() => {
      this.controller.abort(new LlmError('timeout', `LLM ${phase} deadline passed (${Math.round(limit)} ms)`, { timeoutPhase: phase }));
    }, limit);
  }

  disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.disarm();
    this.unlinkParent();
  }

  /**
   * Names what went wrong. Once the scope has aborted, its reason wins over whatever the aborted
   * fetch or read threw (an AbortError says nothing about *why*); a foreign reason means the
   * caller cancelled. Any other non-LlmError is a transport failure.
   */
  explain(thrown: unknown): LlmError {
    if (this.signal.aborted) {
      const reason: unknown = this.signal.reason;
      return reason instanceof LlmError ? reason : new LlmError('aborted', 'the LLM request was cancelled', { cause: reason });
    }
    if (thrown instanceof LlmError) return thrown;
    return new LlmError('network', `LLM transport failed: ${describeTransportError(thrown)}`, { cause: thrown });
  }
}

/** undici hides the useful part (ECONNREFUSED, "other side closed") in `cause`. */
function describeTransportError(thrown: unknown): string {
  if (!(thrown instanceof Error)) return String(thrown);
  const cause = thrown.cause;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code;
    return `${thrown.message} (${typeof code === 'string' ? `${code}: ` : ''}${cause.message})`;
  }
  return thrown.message;
}
