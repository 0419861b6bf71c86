/** The real client against the real simulator over loopback. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BackendError, createBackendClient, SIGNATURE_HEADERS, signRequest } from '../../../app/core/backend/index.js';
import { FIXED_NOW, KIOSK_ID, SECRET, rejectionOf, startHarness, type Harness } from './simulatorHarness.js';
import { TEST_DEADLINE_MS } from '../../testDeadline.js';

const ZHANG_JIANGUO = '370202195608020350';

async function backendErrorOf(action: Promise<unknown>): Promise<BackendError> {
  const error = await rejectionOf(action);
  expect(error).toBeInstanceOf(BackendError);
  return error as BackendError;
}

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());
afterEach(() => harness.simulator.inject.reset());

describe('signed requests', () => {
  it('answers health and looks a citizen up by ID number', async () => {
    const client = harness.client();
    expect(await client.health()).toMatchObject({ status: 'ok', time: '2025-03-14T10:00:00+08:00' });
    expect(await client.lookupCitizen(ZHANG_JIANGUO)).toEqual({
      id: 'QD0002', name: '张建国', idNumber: ZHANG_JIANGUO, gender: '男', birthDate: '1956-08-02', phoneMasked: '139****2202',
    });
  });

  it('accepts a lower-case x the way a citizen types it', async () => {
    expect((await harness.client().lookupCitizen('37021319581120068x')).id).toBe('QD0003');
  });

  it('works under a base URL with a trailing slash', async () => {
    const client = harness.client({ baseUrl: `${harness.simulator.url}/` });
    expect((await client.getCard('QD0002')).status).toBe('正常');
  });

  it('sends ID numbers only in POST bodies, never in a URL', async () => {
    const seenUrls: string[] = [];
    const client = harness.client({
      fetch: (input, init) => {
        seenUrls.push(String(input));
        return fetch(input, init);
      },
    });
    const profile = await client.lookupCitizen(ZHANG_JIANGUO);
    await client.getContributions(profile.id, { from: '2016-01', to: '2016-03' });
    await client.getCertificateData(profile.id);
    await expect(client.lookupCitizen('370285196805090150')).resolves.toMatchObject({ id: 'QD0010' });
    expect(seenUrls).toHaveLength(4);
    const serverPaths = harness.simulator.inspect.requests().map((entry) => entry.path);
    for (const url of [...seenUrls, ...serverPaths]) {
      expect(url).not.toContain(ZHANG_JIANGUO);
      expect(url).not.toContain('370285196805090150');
    }
    expect(harness.simulator.inspect.requests().filter((entry) => entry.path === '/v1/citizens/lookup').every((entry) => entry.method === 'POST')).toBe(true);
  });
});

describe('refusals', () => {
  it('a wrong secret → rejected (401), told to the citizen as a kiosk problem', async () => {
    const error = await backendErrorOf(harness.client({ secret: 'not-the-secret' }).getCard('QD0002'));
    expect(error).toMatchObject({ kind: 'rejected', status: 401, code: 'BAD_SIGNATURE', retryable: false });
    expect(error.citizenMessage).toBe('这台机器暂时不能办理这项业务，请找工作人员帮忙。');
  });

  it('an unknown kiosk → rejected', async () => {
    const error = await backendErrorOf(harness.client({ kioskId: 'kiosk-elsewhere' }).health());
    expect(error).toMatchObject({ kind: 'rejected', status: 401, code: 'UNKNOWN_KIOSK' });
  });

  it('a kiosk clock more than five minutes off → rejected', async () => {
    await expect(harness.client({ now: () => FIXED_NOW + 4 * 60_000 }).health()).resolves.toMatchObject({ status: 'ok' });
    const error = await backendErrorOf(harness.client({ now: () => FIXED_NOW + 6 * 60_000 }).health());
    expect(error).toMatchObject({ kind: 'rejected', code: 'CLOCK_SKEW' });
  });

  it('a replayed request → 401 REPLAYED_NONCE with a Chinese message', async () => {
    const path = '/v1/citizens/QD0002/card';
    const headers = signRequest({ method: 'GET', path, body: '' }, { kioskId: KIOSK_ID, secret: SECRET }, { now: FIXED_NOW });
    const first = await fetch(harness.simulator.url + path, { headers });
    expect(first.status).toBe(200);
    const replay = await fetch(harness.simulator.url + path, { headers });
    expect(replay.status).toBe(401);
    const body = (await replay.json()) as { code: string; message: string };
    expect(body.code).toBe('REPLAYED_NONCE');
    expect(body.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a replayed request through the client → BackendError rejected', async () => {
    let captured: { url: string; init: RequestInit } | null = null;
    // A "man in the middle" that sends the first request it saw again.
    const client = harness.client({
      fetch: (input, init) => {
        captured ??= { url: String(input), init: init ?? {} };
        return fetch(captured.url, { ...captured.init, signal: init?.signal ?? null });
      },
    });
    await client.getCard('QD0002');
    const error = await backendErrorOf(client.getCard('QD0002'));
    expect(error).toMatchObject({ kind: 'rejected', code: 'REPLAYED_NONCE' });
    expect(captured!.init.headers).toHaveProperty(SIGNATURE_HEADERS.nonce);
  });

  it('an unknown citizen → not-found with a plain Chinese sentence, and no ID number in the error', async () => {
    const unknown = '370202199001011237';
    const error = await backendErrorOf(harness.client().lookupCitizen(unknown));
    expect(error).toMatchObject({ kind: 'not-found', status: 404, code: 'CITIZEN_NOT_FOUND' });
    expect(error.citizenMessage).toBe('没有查到这个身份证号码的参保信息，请核对号码，或找工作人员帮忙。');
    expect(error.message).not.toContain(unknown);
  });

  it('a wrong check digit → rejected INVALID_ID_NUMBER', async () => {
    const error = await backendErrorOf(harness.client().lookupCitizen('370202195608020351'));
    expect(error).toMatchObject({ kind: 'rejected', status: 400, code: 'INVALID_ID_NUMBER' });
    expect(error.citizenMessage).toBe('身份证号码好像不对，请核对后再输入一次。');
  });

  it('an unknown citizen id on a citizen route → not-found', async () => {
    const error = await backendErrorOf(harness.client().getCard('QD9999'));
    expect(error).toMatchObject({ kind: 'not-found', code: 'CITIZEN_NOT_FOUND' });
  });
});

describe('failures of the far side', () => {
  it('a slow system → timeout at the client timeout, not the late answer, with a Chinese citizen message', async () => {
    harness.simulator.inject.delayMs(1500); // the answer would come; the client's deadline comes first
    const error = await backendErrorOf(harness.client({ timeoutMs: 200 }).getCard('QD0002'));
    expect(error).toMatchObject({ kind: 'timeout', status: null, code: 'TIMEOUT', retryable: true });
    expect(error.citizenMessage).toBe('业务系统这会儿没有及时回复，请稍后再试，或找工作人员帮忙。');
  });

  it('a hanging system → timeout', async () => {
    harness.simulator.inject.hang();
    const error = await backendErrorOf(harness.client({ timeoutMs: 150 }).health());
    expect(error.kind).toBe('timeout');
  });

  it('a delay shorter than the timeout still succeeds', async () => {
    harness.simulator.inject.delayMs(50);
    await expect(harness.client({ timeoutMs: TEST_DEADLINE_MS }).health()).resolves.toMatchObject({ status: 'ok' });
  });

  it('HTTP 5xx → server, for exactly as many requests as injected', async () => {
    harness.simulator.inject.failNext(503, 2);
    const client = harness.client();
    for (let i = 0; i < 2; i += 1) {
      const error = await backendErrorOf(client.getCard('QD0002'));
      expect(error).toMatchObject({ kind: 'server', status: 503, code: 'INJECTED_FAULT', retryable: true });
      expect(error.citizenMessage).toBe('业务系统出了点问题，请稍后再试，或找工作人员帮忙。');
    }
    await expect(client.getCard('QD0002')).resolves.toMatchObject({ citizenId: 'QD0002' });
  });

  it('an injected 4xx → rejected', async () => {
    harness.simulator.inject.failNext(429);
    const error = await backendErrorOf(harness.client().health());
    expect(error).toMatchObject({ kind: 'rejected', status: 429 });
  });

  it('nobody listening → unreachable', async () => {
    const closed = await startHarness();
    const url = closed.simulator.url;
    await closed.close();
    const client = createBackendClient({ baseUrl: url, kioskId: KIOSK_ID, secret: SECRET, timeoutMs: TEST_DEADLINE_MS });
    const error = await backendErrorOf(client.health());
    expect(error).toMatchObject({ kind: 'unreachable', status: null, code: 'UNREACHABLE', retryable: true });
    expect(error.citizenMessage).toBe('业务系统暂时连不上，请稍后再试，或找工作人员帮忙。');
  });
});

describe('answers that break the contract', () => {
  let rogue: Server;
  let rogueUrl: string;
  let reply: { status: number; body: string } = { status: 200, body: '{}' };
  beforeAll(async () => {
    // A real server that answers whatever the test sets: the "business system" after a bad upgrade, or a proxy.
    rogue = createServer((_request, response) => {
      response.writeHead(reply.status, { 'content-type': 'text/plain' });
      response.end(reply.body);
    });
    await new Promise<void>((resolve) => rogue.listen(0, '127.0.0.1', resolve));
    rogueUrl = `http://127.0.0.1:${(rogue.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => rogue.close(() => resolve())));

  const rogueClient = () => createBackendClient({ baseUrl: rogueUrl, kioskId: KIOSK_ID, secret: SECRET, timeoutMs: TEST_DEADLINE_MS });

  it('a body that misses the schema → invalid-response naming the field, not its value', async () => {
    reply = { status: 200, body: JSON.stringify({ citizenId: 'QD0002', cardNumberMasked: 'QD*****60', status: '冻结', bank: '青岛银行', issuedDate: '2015-09-03' }) };
    const error = await backendErrorOf(rogueClient().getCard('QD0002'));
    expect(error).toMatchObject({ kind: 'invalid-response', status: 200, code: 'INVALID_RESPONSE' });
    expect(error.message).toContain('status');
    expect(error.message).not.toContain('冻结');
  });

  it('a body that is not JSON → invalid-response', async () => {
    reply = { status: 200, body: '<html>ok</html>' };
    expect((await backendErrorOf(rogueClient().health())).kind).toBe('invalid-response');
  });

  it('a proxy error page → server, by status alone', async () => {
    reply = { status: 502, body: '<html>Bad Gateway</html>' };
    expect(await backendErrorOf(rogueClient().health())).toMatchObject({ kind: 'server', status: 502, code: 'HTTP_502' });
  });
});
