import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackendError, IDEMPOTENCY_KEY_HEADER, signRequest, type FlexibleEmploymentDetails } from '../../../app/core/backend/index.js';
import { FIXED_NOW, KIOSK_ID, SECRET, rejectionOf, startHarness, type Harness } from './simulatorHarness.js';

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.close());

const flexibleDetails: FlexibleEmploymentDetails = {
  employmentType: '新就业形态',
  startMonth: '2025-04',
  insuranceTypes: ['养老', '医疗'],
  contributionLevel: 60,
  residenceStreet: '李村街道',
};

describe('card loss report', () => {
  it('twice with the same key → one effect, the same answer', async () => {
    const client = harness.client();
    const first = await client.reportCardLoss('QD0002', { idempotencyKey: 'card-loss-QD0002-a1' });
    const second = await client.reportCardLoss('QD0002', { idempotencyKey: 'card-loss-QD0002-a1' });
    expect(first).toMatchObject({ reportId: 'GS20250314-0001', citizenId: 'QD0002', status: '挂失', cardNumberMasked: 'QD*****60' });
    expect(second).toEqual(first);
    expect(harness.simulator.inspect.cardLossReportCount('QD0002')).toBe(1);
    expect((await client.getCard('QD0002')).status).toBe('挂失');
  });

  it('a new key on a card already lost → rejected CARD_ALREADY_LOST, no second effect', async () => {
    const client = harness.client();
    await client.reportCardLoss('QD0002', { idempotencyKey: 'card-loss-QD0002-a1' });
    const error = (await rejectionOf(client.reportCardLoss('QD0002', { idempotencyKey: 'card-loss-QD0002-b2' }))) as BackendError;
    expect(error).toMatchObject({ kind: 'rejected', status: 409, code: 'CARD_ALREADY_LOST' });
    expect(error.citizenMessage).toBe('您的社保卡已经挂失了，不用重复办理。');
    expect(harness.simulator.inspect.cardLossReportCount('QD0002')).toBe(1);
  });

  it('a card being replaced cannot be reported lost', async () => {
    const error = (await rejectionOf(harness.client().reportCardLoss('QD0009', { idempotencyKey: 'card-loss-QD0009-a1' }))) as BackendError;
    expect(error).toMatchObject({ kind: 'rejected', code: 'CARD_BEING_REPLACED' });
  });

  it('the same key for a different request → rejected IDEMPOTENCY_KEY_REUSED', async () => {
    const client = harness.client();
    await client.reportCardLoss('QD0002', { idempotencyKey: 'shared-key-0001' });
    const error = (await rejectionOf(client.reportCardLoss('QD0004', { idempotencyKey: 'shared-key-0001' }))) as BackendError;
    expect(error).toMatchObject({ kind: 'rejected', status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(harness.simulator.inspect.cardLossReportCount('QD0004')).toBe(0);
  });

  it('a timed-out write was done; the retry with the same key gets its answer without doing it again', async () => {
    harness.simulator.inject.delayMs(4_000); // the write is done at once, its answer would come later
    const timedOut = (await rejectionOf(harness.client({ timeoutMs: 1_000 }).reportCardLoss('QD0004', { idempotencyKey: 'card-loss-QD0004-t1' }))) as BackendError;
    expect(timedOut.kind).toBe('timeout');
    expect(harness.simulator.inspect.cardLossReportCount('QD0004')).toBe(1);

    harness.simulator.inject.reset();
    const retried = await harness.client().reportCardLoss('QD0004', { idempotencyKey: 'card-loss-QD0004-t1' });
    expect(retried.reportId).toBe('GS20250314-0001');
    expect(harness.simulator.inspect.cardLossReportCount('QD0004')).toBe(1);
  });

  it('a refused write (5xx) did nothing; the retry does it once', async () => {
    harness.simulator.inject.failNext(503);
    const client = harness.client();
    expect(((await rejectionOf(client.reportCardLoss('QD0004', { idempotencyKey: 'card-loss-QD0004-f1' }))) as BackendError).kind).toBe('server');
    expect(harness.simulator.inspect.cardLossReportCount('QD0004')).toBe(0);
    await client.reportCardLoss('QD0004', { idempotencyKey: 'card-loss-QD0004-f1' });
    expect(harness.simulator.inspect.cardLossReportCount('QD0004')).toBe(1);
  });

  it('the simulator refuses a write without a key', async () => {
    const path = '/v1/citizens/QD0004/card/loss-report';
    const response = await fetch(harness.simulator.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signRequest({ method: 'POST', path, body: '{}' }, { kioskId: KIOSK_ID, secret: SECRET }, { now: FIXED_NOW }) },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'MISSING_IDEMPOTENCY_KEY' });
    expect(harness.simulator.inspect.cardLossReportCount('QD0004')).toBe(0);
  });

  it('marks a replayed answer', async () => {
    const path = '/v1/citizens/QD0004/card/loss-report';
    const send = () =>
      fetch(harness.simulator.url + path, {
        method: 'POST',
        headers: { [IDEMPOTENCY_KEY_HEADER]: 'raw-key-00001', ...signRequest({ method: 'POST', path, body: '{}' }, { kioskId: KIOSK_ID, secret: SECRET }, { now: FIXED_NOW }) },
        body: '{}',
      });
    expect((await send()).headers.get('idempotent-replayed')).toBeNull();
    const replay = await send();
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('the client refuses a missing or too-short key before sending anything', async () => {
    const before = harness.simulator.inspect.requests().length;
    await expect(harness.client().reportCardLoss('QD0004', { idempotencyKey: 'short' })).rejects.toBeInstanceOf(TypeError);
    expect(harness.simulator.inspect.requests()).toHaveLength(before);
  });
});

describe('flexible-employment registration', () => {
  it('registers an unemployed citizen once, however often the same key is sent', async () => {
    const client = harness.client();
    const first = await client.registerFlexibleEmployment('QD0007', { ...flexibleDetails, idempotencyKey: 'flex-QD0007-0001' });
    const again = await client.registerFlexibleEmployment('QD0007', { ...flexibleDetails, idempotencyKey: 'flex-QD0007-0001' });
    expect(first).toMatchObject({ registrationId: 'LH20250314-0001', citizenId: 'QD0007', status: '已登记', startMonth: '2025-04', insuranceTypes: ['养老', '医疗'] });
    expect(again).toEqual(first);
    expect(harness.simulator.inspect.flexibleRegistrationCount('QD0007')).toBe(1);

    const certificate = await client.getCertificateData('QD0007');
    expect(certificate.insurances.find((insurance) => insurance.type === '养老')).toMatchObject({ status: '参保缴费', endPeriod: null });
    expect(certificate.insurances.find((insurance) => insurance.type === '失业')).toMatchObject({ status: '暂停缴费' });

    const duplicate = (await rejectionOf(client.registerFlexibleEmployment('QD0007', { ...flexibleDetails, idempotencyKey: 'flex-QD0007-0002' }))) as BackendError;
    expect(duplicate).toMatchObject({ kind: 'rejected', code: 'ALREADY_REGISTERED' });
  });

  it('registers a new graduate with no history, creating the enrolments', async () => {
    const client = harness.client();
    await client.registerFlexibleEmployment('QD0008', { ...flexibleDetails, insuranceTypes: ['医疗'], idempotencyKey: 'flex-QD0008-0001' });
    const certificate = await client.getCertificateData('QD0008');
    expect(certificate.insurances).toEqual([{ type: '医疗', status: '参保缴费', startPeriod: '2025-04', endPeriod: null, contributionMonths: 0, periods: [] }]);
  });

  it('refuses pensioners, the employed and the already registered, doing nothing', async () => {
    const client = harness.client();
    const cases: Array<[string, string, string]> = [
      ['QD0002', 'NOT_ELIGIBLE_PENSIONER', '您已经在领取养老金，不能再登记灵活就业参保。'],
      ['QD0004', 'NOT_ELIGIBLE_EMPLOYED', '您现在有单位为您缴纳社保，不能同时登记灵活就业。'],
      ['QD0006', 'ALREADY_REGISTERED', '您已经登记过灵活就业了，不用重复登记。'],
    ];
    for (const [citizenId, code, citizenMessage] of cases) {
      const before = harness.simulator.inspect.flexibleRegistrationCount(citizenId);
      const error = (await rejectionOf(client.registerFlexibleEmployment(citizenId, { ...flexibleDetails, idempotencyKey: `flex-${citizenId}-0001` }))) as BackendError;
      expect(error).toMatchObject({ kind: 'rejected', status: 409, code, citizenMessage });
      expect(harness.simulator.inspect.flexibleRegistrationCount(citizenId)).toBe(before);
    }
  });

  it('refuses a start month in the past', async () => {
    const error = (await rejectionOf(harness.client().registerFlexibleEmployment('QD0007', { ...flexibleDetails, startMonth: '2024-12', idempotencyKey: 'flex-QD0007-past' }))) as BackendError;
    expect(error).toMatchObject({ kind: 'rejected', status: 400, code: 'INVALID_REQUEST' });
    expect(harness.simulator.inspect.flexibleRegistrationCount('QD0007')).toBe(0);
  });
});

describe('the write side down (failWrites)', () => {
  it('refuses submissions before anything is done, while lookups and queries answer; reset brings writes back', async () => {
    const client = harness.client();
    harness.simulator.inject.failWrites(503, 2);
    expect((await client.lookupCitizen('370202195608020350')).id).toBe('QD0002');
    expect((await client.getCard('QD0002')).status).toBe('正常');
    const refused = (await rejectionOf(client.reportCardLoss('QD0002', { idempotencyKey: 'card-loss-QD0002-w1' }))) as BackendError;
    expect(refused).toMatchObject({ status: 503, code: 'INJECTED_FAULT', retryable: true });
    expect(harness.simulator.inspect.cardLossReportCount('QD0002')).toBe(0);
    // The second of the two injected write failures, then the system is back: the same key is carried out once.
    await rejectionOf(client.reportCardLoss('QD0002', { idempotencyKey: 'card-loss-QD0002-w1' }));
    expect((await client.reportCardLoss('QD0002', { idempotencyKey: 'card-loss-QD0002-w1' })).status).toBe('挂失');
    expect(harness.simulator.inspect.cardLossReportCount('QD0002')).toBe(1);
    harness.simulator.inject.failWrites(503, 5);
    harness.simulator.inject.reset();
    expect((await client.cancelCardLoss('QD0002', { idempotencyKey: 'card-unloss-QD0002-w2' })).status).toBe('正常');
  });
});
