/** Every personal query fails the way the others do: injected 5xx and 4xx, a slow or hanging system, nobody there, a broken answer. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BackendError, createBackendClient, type BackendClient } from '../../../app/core/backend/index.js';
import { KIOSK_ID, SECRET, rejectionOf, startHarness, type Harness } from './simulatorHarness.js';
import { TEST_DEADLINE_MS } from '../../testDeadline.js';

/** Each query with a demo citizen (or certificate) that has a record for it. */
const queries: Array<[string, (client: BackendClient) => Promise<unknown>]> = [
  ['getInsuranceOverview', (client) => client.getInsuranceOverview('QD0011')],
  ['getContributionMonths', (client) => client.getContributionMonths('QD0011')],
  ['getPensionAccounts', (client) => client.getPensionAccounts('QD0004')],
  ['getUnemploymentBenefit', (client) => client.getUnemploymentBenefit('QD0007')],
  ['getWorkInjuryBenefits', (client) => client.getWorkInjuryBenefits('QD0013')],
  ['getResidentPension', (client) => client.getResidentPension('QD0014')],
  ['getFlexibleEmployment', (client) => client.getFlexibleEmployment('QD0006')],
  ['getCard', (client) => client.getCard('QD0011')],
  ['getCardApplications', (client) => client.getCardApplications('QD0012')],
  ['getTransfers', (client) => client.getTransfers('QD0012')],
  ['getEmploymentRegistration', (client) => client.getEmploymentRegistration('QD0007')],
  ['getEmploymentCertificate', (client) => client.getEmploymentCertificate('QD0007')],
  ['getApplications', (client) => client.getApplications('QD0012')],
  ['getRetirementProfile', (client) => client.getRetirementProfile('QD0010')],
  ['getPensionEstimateInputs', (client) => client.getPensionEstimateInputs('QD0006')],
  ['lookupSkillCertificate', (client) => client.lookupSkillCertificate('S000037021002193000284')],
];

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

describe.each(queries)('%s', (_name, query) => {
  it('5xx → server (retryable), for as many requests as injected, then the answer', async () => {
    harness.simulator.inject.failNext(503);
    const error = await backendErrorOf(query(harness.client()));
    expect(error).toMatchObject({ kind: 'server', status: 503, code: 'INJECTED_FAULT', retryable: true });
    expect(error.citizenMessage).toBe('业务系统出了点问题，请稍后再试，或找工作人员帮忙。');
    await expect(query(harness.client())).resolves.toBeTruthy();
  });

  it('an injected 4xx → rejected, not retryable', async () => {
    harness.simulator.inject.failNext(429);
    expect(await backendErrorOf(query(harness.client()))).toMatchObject({ kind: 'rejected', status: 429, retryable: false });
  });

  it('a slow system → timeout at the client’s deadline', async () => {
    harness.simulator.inject.delayMs(1500);
    const error = await backendErrorOf(query(harness.client({ timeoutMs: 200 })));
    expect(error).toMatchObject({ kind: 'timeout', status: null, code: 'TIMEOUT', retryable: true });
    expect(error.citizenMessage).toBe('业务系统这会儿没有及时回复，请稍后再试，或找工作人员帮忙。');
  });

  it('a hanging system → timeout', async () => {
    harness.simulator.inject.hang();
    expect((await backendErrorOf(query(harness.client({ timeoutMs: 150 })))).kind).toBe('timeout');
  });
});

describe('nobody listening', () => {
  let url: string;
  beforeAll(async () => {
    const closed = await startHarness();
    url = closed.simulator.url;
    await closed.close();
  });

  it.each(queries)('%s → unreachable', async (_name, query) => {
    const client = createBackendClient({ baseUrl: url, kioskId: KIOSK_ID, secret: SECRET, timeoutMs: TEST_DEADLINE_MS });
    expect(await backendErrorOf(query(client))).toMatchObject({ kind: 'unreachable', status: null, code: 'UNREACHABLE', retryable: true });
  });
});

describe('an answer that breaks the contract', () => {
  let rogue: Server;
  let rogueUrl: string;
  beforeAll(async () => {
    // A system after a bad upgrade: 200 with a body that has one field of each answer, holding a personal-looking value.
    rogue = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ citizenId: 'QD0011', holderNameMasked: 7, status: '冻结' }));
    });
    await new Promise<void>((resolve) => rogue.listen(0, '127.0.0.1', resolve));
    rogueUrl = `http://127.0.0.1:${(rogue.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => rogue.close(() => resolve())));

  it.each(queries)('%s → invalid-response naming fields, never values', async (_name, query) => {
    const client = createBackendClient({ baseUrl: rogueUrl, kioskId: KIOSK_ID, secret: SECRET, timeoutMs: TEST_DEADLINE_MS });
    const error = await backendErrorOf(query(client));
    expect(error).toMatchObject({ kind: 'invalid-response', status: 200, code: 'INVALID_RESPONSE' });
    expect(error.message).not.toContain('冻结');
    expect(error.message).not.toContain('QD0011');
  });
});
