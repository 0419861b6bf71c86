/**
 * Faults a test can switch on in the simulator, each imitating a real failure:
 * - `delayMs(n)`: a slow system: the request is carried out, the answer leaves n ms later
 *   (so a client timeout on a write leaves the write done: the case idempotency keys exist for);
 * - `failNext(status, times)`: the next requests are refused with that HTTP status before anything is done;
 * - `failWrites(status, times)`: the same for writes only (submissions), while lookups and queries answer: the
 *   business system's write side down for maintenance, the case where a kiosk must save and send later;
 * - `hang()`: requests are accepted and never answered, until `reset()`.
 */
export interface FaultControls {
  delayMs(ms: number): void;
  failNext(status: number, times?: number): void;
  failWrites(status: number, times?: number): void;
  hang(): void;
  reset(): void;
}

export class FaultInjector implements FaultControls {
  private responseDelayMs = 0;
  private failureStatus = 0;
  private failuresLeft = 0;
  private writeFailureStatus = 0;
  private writeFailuresLeft = 0;
  private hanging = false;
  private readonly resetListeners: Array<() => void> = [];

  delayMs(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('delay must be a non-negative number of milliseconds');
    this.responseDelayMs = ms;
  }

  failNext(status: number, times = 1): void {
    if (!Number.isInteger(status) || status < 400 || status > 599) throw new RangeError('status must be an HTTP error status (400–599)');
    this.failureStatus = status;
    this.failuresLeft = times;
  }

  failWrites(status: number, times = 1): void {
    if (!Number.isInteger(status) || status < 400 || status > 599) throw new RangeError('status must be an HTTP error status (400–599)');
    this.writeFailureStatus = status;
    this.writeFailuresLeft = times;
  }

  hang(): void {
    this.hanging = true;
  }

  reset(): void {
    this.responseDelayMs = 0;
    this.failuresLeft = 0;
    this.writeFailuresLeft = 0;
    this.hanging = false;
    for (const listener of this.resetListeners) listener();
  }

  /** The server lets go of hanging requests when faults are reset. */
  onReset(listener: () => void): void {
    this.resetListeners.push(listener);
  }

  get isHanging(): boolean {
    return this.hanging;
  }

  get delay(): number {
    return this.responseDelayMs;
  }

  /** The status to fail this write with, or null; counts the failure down. */
  takeWriteFailure(): number | null {
    if (this.writeFailuresLeft <= 0) return null;
    this.writeFailuresLeft -= 1;
    return this.writeFailureStatus;
  }

  /** The status to fail this request with, or null; counts the failure down. */
  takeFailure(): number | null {
    if (this.failuresLeft <= 0) return null;
    this.failuresLeft -= 1;
    return this.failureStatus;
  }
}
