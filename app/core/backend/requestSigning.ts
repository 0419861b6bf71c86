/**
 * HMAC-SHA256 request signing between a kiosk and the business system.
 *
 * canonical = METHOD \n path \n timestamp \n nonce \n hex(sha256(body))
 * where `path` is the URL path with its query string exactly as sent, `timestamp` is Unix milliseconds
 * and the body is the exact bytes sent ('' when there is none). The signature is hex(HMAC(secret, canonical)).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { RecentNonces } from './recentNonces.js';

export const SIGNATURE_HEADERS = {
  kioskId: 'x-kiosk-id',
  timestamp: 'x-timestamp',
  nonce: 'x-nonce',
  signature: 'x-signature',
} as const;

export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
const DEFAULT_REMEMBERED_NONCES = 10_000;

export interface RequestToSign {
  method: string;
  /** Path plus query string, e.g. /v1/citizens/QD0001/contributions?from=2024-01&to=2024-06. */
  path: string;
  body: string;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function canonicalRequestString(request: RequestToSign, timestamp: string, nonce: string): string {
  return [request.method.toUpperCase(), request.path, timestamp, nonce, sha256Hex(request.body)].join('\n');
}

export function computeSignature(secret: string, canonical: string): string {
  return createHmac('sha256', secret).update(canonical, 'utf8').digest('hex');
}

export interface SigningCredentials {
  kioskId: string;
  secret: string;
}

/** The four signature headers for one request. A fresh random nonce unless one is given (tests). */
export function signRequest(
  request: RequestToSign,
  credentials: SigningCredentials,
  options: { now?: number; nonce?: string } = {},
): Record<string, string> {
  const timestamp = String(options.now ?? Date.now());
  const nonce = options.nonce ?? randomBytes(16).toString('hex');
  return {
    [SIGNATURE_HEADERS.kioskId]: credentials.kioskId,
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: computeSignature(credentials.secret, canonicalRequestString(request, timestamp, nonce)),
  };
}

export type SignatureFailure = 'missing-signature' | 'unknown-kiosk' | 'bad-signature' | 'clock-skew' | 'replayed-nonce';

export type SignatureVerdict =
  | { ok: true; kioskId: string }
  | { ok: false; reason: SignatureFailure; message: string };

export interface ReceivedRequest extends RequestToSign {
  headers: Record<string, string | string[] | undefined>;
}

export interface RequestVerifierOptions {
  /** The shared secret of a kiosk, or undefined for a kiosk the server does not know. */
  secretForKiosk: (kioskId: string) => string | undefined;
  maxClockSkewMs?: number;
  /** Upper bound on remembered nonces (memory bound). */
  maxRememberedNonces?: number;
  now?: () => number;
}

export interface RequestVerifier {
  verify(request: ReceivedRequest): SignatureVerdict;
}

/** Chinese, because the simulator puts it in the error body; it names no secret material. */
const FAILURE_MESSAGES: Record<SignatureFailure, string> = {
  'missing-signature': '请求缺少签名信息，已拒绝',
  'unknown-kiosk': '未登记的终端，已拒绝',
  'bad-signature': '请求签名不正确，已拒绝',
  'clock-skew': '终端时间与业务系统相差超过5分钟，已拒绝',
  'replayed-nonce': '重复的请求，已拒绝',
};

function singleHeader(headers: ReceivedRequest['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? undefined : value;
}

function fail(reason: SignatureFailure): SignatureVerdict {
  return { ok: false, reason, message: FAILURE_MESSAGES[reason] };
}

/**
 * Server-side check, in this order: headers present and well-formed, kiosk known, signature right
 * (constant-time compare), timestamp within the skew window, nonce not seen before. The nonce is only
 * remembered once everything else has passed, so forged requests cannot fill the nonce set.
 */
export function createRequestVerifier(options: RequestVerifierOptions): RequestVerifier {
  const maxSkew = options.maxClockSkewMs ?? MAX_CLOCK_SKEW_MS;
  const now = options.now ?? Date.now;
  // Remember a nonce for the whole window it could still pass the timestamp check in: skew either way.
  const nonces = new RecentNonces(2 * maxSkew, options.maxRememberedNonces ?? DEFAULT_REMEMBERED_NONCES);

  return {
    verify(request) {
      const kioskId = singleHeader(request.headers, SIGNATURE_HEADERS.kioskId);
      const timestamp = singleHeader(request.headers, SIGNATURE_HEADERS.timestamp);
      const nonce = singleHeader(request.headers, SIGNATURE_HEADERS.nonce);
      const signature = singleHeader(request.headers, SIGNATURE_HEADERS.signature);
      if (!kioskId || !timestamp || !nonce || !signature) return fail('missing-signature');
      if (!/^\d{1,16}$/.test(timestamp) || !/^[A-Za-z0-9_-]{8,128}$/.test(nonce) || !/^[0-9a-f]{64}$/i.test(signature)) {
        return fail('missing-signature');
      }

      const secret = options.secretForKiosk(kioskId);
      if (secret === undefined) return fail('unknown-kiosk');

      const expected = Buffer.from(computeSignature(secret, canonicalRequestString(request, timestamp, nonce)), 'hex');
      const received = Buffer.from(signature, 'hex');
      if (received.length !== expected.length || !timingSafeEqual(received, expected)) return fail('bad-signature');

      const at = now();
      if (Math.abs(at - Number(timestamp)) > maxSkew) return fail('clock-skew');
      if (!nonces.remember(`${kioskId}\n${nonce}`, at)) return fail('replayed-nonce');
      return { ok: true, kioskId };
    },
  };
}
