import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../app/core/llm/circuitBreaker.js';

function breakerWithClock(failureThreshold = 3, coolDownMs = 1000) {
  const clock = { now: 10_000 };
  const breaker = new CircuitBreaker({ failureThreshold, coolDownMs, now: () => clock.now });
  return { breaker, clock };
}

function fail(breaker: CircuitBreaker, times: number): void {
  for (let i = 0; i < times; i++) breaker.acquire()?.failure();
}

describe('CircuitBreaker', () => {
  it('stays closed below the threshold and opens at it', () => {
    const { breaker } = breakerWithClock(3);
    fail(breaker, 2);
    expect(breaker.state).toBe('closed');
    fail(breaker, 1);
    expect(breaker.state).toBe('open');
    expect(breaker.acquire()).toBeUndefined();
  });

  it('counts consecutive failures only: a success resets the count', () => {
    const { breaker } = breakerWithClock(3);
    fail(breaker, 2);
    breaker.acquire()?.success();
    fail(breaker, 2);
    expect(breaker.state).toBe('closed');
    expect(breaker.snapshot().consecutiveFailures).toBe(2);
  });

  it('half-opens after the cool-down and lets exactly one trial through', () => {
    const { breaker, clock } = breakerWithClock(1, 1000);
    fail(breaker, 1);
    clock.now += 999;
    expect(breaker.state).toBe('open');
    expect(breaker.snapshot().retryAt).toBe(11_000);
    clock.now += 1;
    expect(breaker.state).toBe('half-open');
    const trial = breaker.acquire();
    expect(trial).toBeDefined();
    expect(breaker.acquire()).toBeUndefined();
    expect(breaker.snapshot().trialInFlight).toBe(true);
    trial?.success();
    expect(breaker.state).toBe('closed');
    expect(breaker.acquire()).toBeDefined();
  });

  it('re-opens for a fresh cool-down when the trial fails', () => {
    const { breaker, clock } = breakerWithClock(2, 1000);
    fail(breaker, 2);
    clock.now += 1000;
    breaker.acquire()?.failure();
    expect(breaker.state).toBe('open');
    clock.now += 999;
    expect(breaker.state).toBe('open');
    clock.now += 1;
    expect(breaker.state).toBe('half-open');
  });

  it('frees the trial slot when the trial is released (the caller cancelled)', () => {
    const { breaker, clock } = breakerWithClock(1, 10);
    fail(breaker, 1);
    clock.now += 10;
    breaker.acquire()?.release();
    expect(breaker.state).toBe('half-open');
    expect(breaker.acquire()).toBeDefined();
  });

  it('ignores a permit settled twice', () => {
    const { breaker } = breakerWithClock(2);
    const permit = breaker.acquire();
    permit?.failure();
    permit?.failure();
    expect(breaker.snapshot().consecutiveFailures).toBe(1);
    expect(breaker.state).toBe('closed');
  });
});
