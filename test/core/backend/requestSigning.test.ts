import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalRequestString,
  createRequestVerifier,
  RecentNonces,
  SIGNATURE_HEADERS,
  signRequest,
  type ReceivedRequest,
} from '../../../app/core/backend/index.js';

const SECRET = 'kiosk-secret';
const KIOSK = 'kiosk-a';
const T0 = 1_741_917_600_000;

function signed(body = '{"idNumber":"370202195608020350"}', options: { now?: number; nonce?: string; secret?: string } = {}): ReceivedRequest {
  const request = { method: 'POST', path: '/v1/citizens/lookup', body };
  return { ...request, headers: signRequest(request, { kioskId: KIOSK, secret: options.secret ?? SECRET }, { now: options.now ?? T0, nonce: options.nonce }) };
}

function verifier(now = T0, maxRememberedNonces?: number) {
  let clock = now;
  const instance = createRequestVerifier({ secretForKiosk: (id) => (id === KIOSK ? SECRET : undefined), now: () => clock, maxRememberedNonces });
  return { verify: instance.verify, setClock: (value: number) => (clock = value) };
}

describe('request signing', () => {
  it('signs METHOD, path, timestamp, nonce and the body hash, one per line', () => {
    const body = '{"a":1}';
    const canonical = canonicalRequestString({ method: 'post', path: '/v1/x?y=1', body }, '123', 'nonce-123');
    expect(canonical).toBe(`POST\n/v1/x?y=1\n123\nnonce-123\n${createHash('sha256').update(body).digest('hex')}`);
    const headers = signRequest({ method: 'POST', path: '/v1/x?y=1', body }, { kioskId: KIOSK, secret: SECRET }, { now: 123, nonce: 'nonce-123' });
    expect(headers).toEqual({
      'x-kiosk-id': KIOSK,
      'x-timestamp': '123',
      'x-nonce': 'nonce-123',
      'x-signature': createHmac('sha256', SECRET).update(canonical).digest('hex'),
    });
  });

  it('uses a fresh random nonce for every request', () => {
    const a = signRequest({ method: 'GET', path: '/', body: '' }, { kioskId: KIOSK, secret: SECRET });
    const b = signRequest({ method: 'GET', path: '/', body: '' }, { kioskId: KIOSK, secret: SECRET });
    expect(a[SIGNATURE_HEADERS.nonce]).not.toBe(b[SIGNATURE_HEADERS.nonce]);
  });
});

describe('request verification', () => {
  it('accepts a correctly signed request', () => {
    expect(verifier().verify(signed())).toEqual({ ok: true, kioskId: KIOSK });
  });

  it('rejects a wrong secret, a tampered body, path or method', () => {
    const { verify } = verifier();
    expect(verify(signed(undefined, { secret: 'other' }))).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(verify({ ...signed(), body: '{"idNumber":"37021319581120068X"}' })).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(verify({ ...signed(), path: '/v1/citizens/lookup?x=1' })).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(verify({ ...signed(), method: 'GET' })).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('rejects missing or malformed headers and unknown kiosks', () => {
    const { verify } = verifier();
    const request = signed();
    const { [SIGNATURE_HEADERS.signature]: _dropped, ...withoutSignature } = request.headers;
    expect(verify({ ...request, headers: withoutSignature })).toMatchObject({ ok: false, reason: 'missing-signature' });
    expect(verify({ ...request, headers: { ...request.headers, [SIGNATURE_HEADERS.signature]: 'zz' } })).toMatchObject({ ok: false, reason: 'missing-signature' });
    expect(verify({ ...request, headers: { ...request.headers, [SIGNATURE_HEADERS.kioskId]: 'kiosk-b' } })).toMatchObject({ ok: false, reason: 'unknown-kiosk' });
  });

  it('rejects clock skew beyond five minutes either way', () => {
    const { verify } = verifier();
    const fiveMinutes = 5 * 60 * 1000;
    expect(verify(signed(undefined, { now: T0 - fiveMinutes }))).toMatchObject({ ok: true });
    expect(verify(signed(undefined, { now: T0 + fiveMinutes }))).toMatchObject({ ok: true });
    expect(verify(signed(undefined, { now: T0 - fiveMinutes - 1 }))).toMatchObject({ ok: false, reason: 'clock-skew' });
    expect(verify(signed(undefined, { now: T0 + fiveMinutes + 1 }))).toMatchObject({ ok: false, reason: 'clock-skew' });
  });

  it('rejects a replayed nonce, with a Chinese message', () => {
    const { verify } = verifier();
    const request = signed();
    expect(verify(request).ok).toBe(true);
    const replay = verify(request);
    expect(replay).toMatchObject({ ok: false, reason: 'replayed-nonce' });
    expect(replay.ok === false && replay.message).toMatch(/重复/);
  });

  it('does not let a forged request burn a nonce', () => {
    const { verify } = verifier();
    const genuine = signed(undefined, { nonce: 'shared-nonce-1' });
    expect(verify({ ...genuine, body: 'forged' }).ok).toBe(false);
    expect(verify(genuine).ok).toBe(true);
  });

  it('keeps the nonce set bounded', () => {
    const { verify } = verifier(T0, 3);
    const first = signed(undefined, { nonce: 'nonce-0001' });
    expect(verify(first).ok).toBe(true);
    for (const nonce of ['nonce-0002', 'nonce-0003', 'nonce-0004']) expect(verify(signed(undefined, { nonce })).ok).toBe(true);
    // The oldest was evicted by capacity: the bound is on memory, the timestamp window still limits replays.
    expect(verify(first).ok).toBe(true);
  });
});

describe('RecentNonces', () => {
  it('forgets nonces once their window has passed', () => {
    const nonces = new RecentNonces(1000, 100);
    expect(nonces.remember('a', 0)).toBe(true);
    expect(nonces.remember('a', 999)).toBe(false);
    expect(nonces.remember('b', 1500)).toBe(true);
    expect(nonces.size).toBe(1);
    expect(nonces.remember('a', 1500)).toBe(true);
  });

  it('never holds more than its capacity', () => {
    const nonces = new RecentNonces(60_000, 10);
    for (let i = 0; i < 50; i += 1) nonces.remember(`n${i}`, i);
    expect(nonces.size).toBe(10);
    expect(nonces.remember('n49', 50)).toBe(false);
    expect(nonces.remember('n0', 50)).toBe(true);
  });
});
