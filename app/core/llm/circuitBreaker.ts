export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one trial call is let through. */
  coolDownMs: number;
  /** Injectable clock (ms) so tests need not wait out the cool-down. */
  now?: () => number;
}

/** What diagnostics shows about the LLM link. */
export interface CircuitSnapshot {
  state: CircuitState;
  consecutiveFailures: number;
  /** When the circuit last opened (clock ms), or null while it has not. */
  openedAt: number | null;
  /** When an open circuit will let a trial through, or null when not open. */
  retryAt: number | null;
  trialInFlight: boolean;
}

/**
 * Permission for one call. Settle it exactly once: `success`, `failure`, or `release` when the call
 * ended for a reason that says nothing about the server (the citizen walked away and we aborted).
 * Later settlements are ignored, so callers can settle defensively in `finally`.
 */
export interface CircuitPermit {
  success(): void;
  failure(): void;
  release(): void;
}

/**
 * Closed → (threshold consecutive failures) → open → (cool-down) → half-open: exactly one trial call;
 * its success closes the circuit, its failure re-opens it for another cool-down.
 * Stops a dead or overloaded government LLM from making every citizen wait out a timeout.
 */
export class CircuitBreaker {
  private readonly failureThreshold: number;
  private readonly coolDownMs: number;
  private readonly now: () => number;
  private current: CircuitState = 'closed';
  private consecutiveFailures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;

  constructor(options: CircuitBreakerOptions) {
    if (!(options.failureThreshold >= 1)) throw new RangeError('failureThreshold must be at least 1');
    if (!(options.coolDownMs >= 0)) throw new RangeError('coolDownMs must not be negative');
    this.failureThreshold = options.failureThreshold;
    this.coolDownMs = options.coolDownMs;
    this.now = options.now ?? Date.now;
  }

  /** The state now; an open circuit becomes half-open once its cool-down has passed. */
  get state(): CircuitState {
    if (this.current === 'open' && this.openedAt !== null && this.now() - this.openedAt >= this.coolDownMs) {
      this.current = 'half-open';
    }
    return this.current;
  }

  snapshot(): CircuitSnapshot {
    const state = this.state;
    return {
      state,
      consecutiveFailures: this.consecutiveFailures,
      openedAt: this.openedAt,
      retryAt: state === 'open' && this.openedAt !== null ? this.openedAt + this.coolDownMs : null,
      trialInFlight: this.trialInFlight,
    };
  }

  /** A permit when a call may go out now, undefined when the circuit short-circuits it. */
  acquire(): CircuitPermit | undefined {
    const state = this.state;
    if (state === 'open') return undefined;
    if (state === 'half-open') {
      if (this.trialInFlight) return undefined;
      this.trialInFlight = true;
      return this.permit(true);
    }
    return this.permit(false);
  }

  private permit(isTrial: boolean): CircuitPermit {
    let settled = false;
    const settle = (apply: () => void) => {
      if (settled) return;
      settled = true;
      if (isTrial) this.trialInFlight = false;
      apply();
    };
    return {
      success: () => settle(() => this.onSuccess()),
      failure: () => settle(() => this.onFailure(isTrial)),
      release: () => settle(() => undefined),
    };
  }

  private onSuccess(): void {
    this.consecutiveFailures = 0;
    this.current = 'closed';
    this.openedAt = null;
  }

  private onFailure(isTrial: boolean): void {
    this.consecutiveFailures += 1;
    // Only the trial's failure re-opens a half-open circuit. A straggler that started before the
    // circuit opened must neither extend the cool-down nor pre-empt the trial.
    if (isTrial || (this.current === 'closed' && this.consecutiveFailures >= this.failureThreshold)) {
      this.current = 'open';
      this.openedAt = this.now();
    }
  }
}
