import type { LlmError } from './llmError.js';

export interface RetryOptions {
  /** Retries after the first attempt (0 = try once). */
  max: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Whether a failed attempt may be tried again. Only failures that happened before any byte of the
 * reply arrived reach this question: a half-delivered answer is never replayed.
 * Timeouts are not retried either — a stalled model is overloaded, and the citizen is waiting.
 */
export function isRetryable(error: LlmError): boolean {
  if (error.kind === 'network') return true;
  if (error.kind === 'http' && error.status !== undefined) return error.status === 429 || error.status >= 500;
  return false;
}

/** Exponential backoff with full jitter (a random wait in [0, min(max, base·2^attempt))), so kiosks do not retry in step. */
export function backoffDelayMs(retryNumber: number, options: RetryOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retryNumber);
  return Math.floor(random() * ceiling);
}

/**
 * The server's requested wait, in ms: OpenAI's `retry-after-ms`, else standard `Retry-After`
 * (seconds or an HTTP date). Undefined when absent or unreadable.
 */
export function parseRetryAfterMs(headers: Headers, nowMs: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
