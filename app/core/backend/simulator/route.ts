/** What a simulator route is: an HTTP method, a path pattern with `:params`, and a synchronous handler. */
import type { IssuingHall } from '../backendTypes.js';
import type { SimulatorDatabase } from './simulatorDatabase.js';

export interface RouteContext {
  db: SimulatorDatabase;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body of a POST; undefined for GET. */
  body: unknown;
  /** The verified kiosk that sent the request. */
  kioskId: string;
  /** The simulator clock at the request, epoch ms. */
  now: number;
  hall: IssuingHall;
  /** Where the photos on file live (citizens.reference_photo is relative to it). */
  sharedDataDir: string;
}

export interface RouteResult {
  status: number;
  body: unknown;
}

/** Synchronous on purpose: better-sqlite3 is synchronous, so a write and its idempotency record share one transaction. */
export type RouteHandler = (context: RouteContext) => RouteResult;

export interface Route {
  method: 'GET' | 'POST';
  pattern: string;
  handler: RouteHandler;
  /** Writes: require an idempotency-key and answer retries from the stored response. */
  idempotent: boolean;
  /** Request body limit when this route needs more than the default 64 KiB (photo upload). */
  maxBodyBytes?: number;
}

export function ok(body: unknown): RouteResult {
  return { status: 200, body };
}

export function created(body: unknown): RouteResult {
  return { status: 201, body };
}

/** Path parameters when `path` fits `pattern` (/v1/citizens/:citizenId/card), else null. */
export function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const patternParts = pattern.split('/');
  const pathParts = path.split('/');
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < patternParts.length; i += 1) {
    const expected = patternParts[i]!;
    const actual = pathParts[i]!;
    if (expected.startsWith(':')) {
      if (actual === '') return null;
      try {
        params[expected.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (expected !== actual) {
      return null;
    }
  }
  return params;
}
