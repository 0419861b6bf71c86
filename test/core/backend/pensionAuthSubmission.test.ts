/** Recording a passed 养老认证 (today 2025-03-14 in the harness): the real client against the real simulator. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackendError, type PensionAuthSubmission } from '../../../app/core/backend/index.js';
import { KIOSK_ID, rejectionOf, startHarness, type Harness } from './simulatorHarness.js';

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.close());

const passed: PensionAuthSubmission = {
  authenticatedAt: '2025-03-14T09:58:30+08:00',
  method: 'face-kiosk',
  kioskId: KIOSK_ID,
  scores: { similarity: 0.83, liveness: 0.97 },
  challenges: ['blink', 'turnLeft'],
};

async function backendErrorOf(action: Promise<unknown>): Promise<BackendError> {
  const error = await rejectionOf(action);
  expect(error).toBeInstanceOf(BackendError);
  return error as BackendError;
}

describe('pension authentication submission', () => {
  it('moves the due date 12 months on from the day of authentication and pays the pension withheld while overdue', async () => {
    const client = harness.client();
    expect(await client.getPensionAuthStatus('QD0003')).toMatchObject({ nextDueDate: '2025-02-23', standing: '已到期' });
    const before = (await client.getPensionPayments('QD0003')).payments;
    expect(before.at(-1)).toMatchObject({ month: '2025-02', paidDate: '2025-02-10' });

    const receipt = await client.submitPensionAuth('QD0003', { ...passed, idempotencyKey: 'auth-QD0003-0001' });
    expect(receipt).toEqual({
      accepted: true, submissionId: 'RZ20250314-0001', citizenId: 'QD0003',
      lastAuthenticatedAt: '2025-03-14', nextDueDate: '2026-03-14', standing: '有效',
    });
    expect(await client.getPensionAuthStatus('QD0003')).toEqual({
      citizenId: 'QD0003', isPensioner: true, lastAuthenticatedAt: '2025-03-14', nextDueDate: '2026-03-14', standing: '有效',
    });
    expect(harness.simulator.inspect.pensionAuthSubmissionCount('QD0003')).toBe(1);

    // March was withheld (its pay day, the 10th, fell after the due date): paid today, at February's amount.
    const after = (await client.getPensionPayments('QD0003')).payments;
    expect(after.slice(0, -1)).toEqual(before);
    expect(after.at(-1)).toEqual({ month: '2025-03', amount: before.at(-1)!.amount, paidDate: '2025-03-14' });
  });

  it('counts the China calendar day of authenticatedAt, whatever offset it is written with', async () => {
    // 16:30 UTC on the 13th is 00:30 on the 14th in China.
    const receipt = await harness.client().submitPensionAuth('QD0001', { ...passed, authenticatedAt: '2025-03-13T16:30:00Z', idempotencyKey: 'auth-QD0001-utc' });
    expect(receipt).toMatchObject({ lastAuthenticatedAt: '2025-03-14', nextDueDate: '2026-03-14', standing: '有效' });
  });

  it('pays nothing extra to a pensioner who authenticates in time', async () => {
    const client = harness.client();
    const before = await client.getPensionPayments('QD0001');
    const receipt = await client.submitPensionAuth('QD0001', { ...passed, idempotencyKey: 'auth-QD0001-0001' });
    expect(receipt).toMatchObject({ lastAuthenticatedAt: '2025-03-14', nextDueDate: '2026-03-14' });
    expect(await client.getPensionPayments('QD0001')).toEqual(before);
  });

  it('is idempotent: the same key twice → one submission, the same answer', async () => {
    const client = harness.client();
    const first = await client.submitPensionAuth('QD0001', { ...passed, idempotencyKey: 'auth-QD0001-0001' });
    const second = await client.submitPensionAuth('QD0001', { ...passed, idempotencyKey: 'auth-QD0001-0001' });
    expect(second).toEqual(first);
    expect(harness.simulator.inspect.pensionAuthSubmissionCount('QD0001')).toBe(1);

    const reused = await backendErrorOf(client.submitPensionAuth('QD0001', { ...passed, scores: { similarity: 0.9, liveness: 0.9 }, idempotencyKey: 'auth-QD0001-0001' }));
    expect(reused).toMatchObject({ kind: 'rejected', status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(harness.simulator.inspect.pensionAuthSubmissionCount('QD0001')).toBe(1);
  });

  it('refuses a citizen who draws no pension (422 NOT_PENSIONER), recording nothing', async () => {
    const client = harness.client();
    const error = await backendErrorOf(client.submitPensionAuth('QD0004', { ...passed, idempotencyKey: 'auth-QD0004-0001' }));
    expect(error).toMatchObject({ kind: 'rejected', status: 422, code: 'NOT_PENSIONER', retryable: false });
    expect(error.citizenMessage).toBe('您目前没有领取养老金，不需要做养老认证。');
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(harness.simulator.inspect.pensionAuthSubmissionCount('QD0004')).toBe(0);
    expect((await client.getPensionAuthStatus('QD0004')).standing).toBe('不适用');
  });

  it('a timed-out submission was recorded; the retry with the same key gets the stored answer, no second record', async () => {
    harness.simulator.inject.delayMs(4_000); // the write is done at once, its answer would come later
    const timedOut = await backendErrorOf(harness.client({ timeoutMs: 1_000 }).submitPensionAuth('QD0003', { ...passed, idempotencyKey: 'auth-QD0003-t1' }));
    expect(timedOut).toMatchObject({ kind: 'timeout', retryable: true });
    expect(harness.simulator.inspect.pensionAuthSubmissionCount('QD0003')).toBe(1);

    harness.simulator.inject.reset();
    const client = harness.client();
    expect((await client.getPensionAuthStatus('QD0003')).nextDueDate).toBe('2026-03-14');
    const retried = await client.submitPensionAuth('QD0003', { ...passed, idempotencyKey: 'auth-QD0003-t1' });
    expect(retried).toEqual({
      accepted: true, submissionId: 'RZ20250314-0001', citizenId: 'QD0003',
      lastAuthenticatedAt: '2025-03-14', nextDueDate: '2026-03-14', standing: '有效',
    });
    expect(harness.simulator.inspect.pensionAuthSubmissionCount('QD0003')).toBe(1);
    expect((await client.getPensionPayments('QD0003')).payments.filter((payment) => payment.month === '2025-03')).toHaveLength(1);
  });

  it('a late submission older than the last authentication is recorded but does not move the cycle back', async () => {
    const client = harness.client();
    expect((await client.getPensionAuthStatus('QD0002')).lastAuthenticatedAt).toBe('2024-12-14');
    const receipt = await client.submitPensionAuth('QD0002', { ...passed, authenticatedAt: '2024-11-02T15:00:00+08:00', idempotencyKey: 'auth-QD0002-late' });
    expect(receipt).toMatchObject({ lastAuthenticatedAt: '2024-12-14', nextDueDate: '2025-12-14', standing: '有效' });
    expect(harness.simulator.inspect.pensionAuthSubmissionCount('QD0002')).toBe(1);
  });

  it('refuses a malformed submission, one from another kiosk, or one dated in the future', async () => {
    const client = harness.client();
    const cases: Array<[string, PensionAuthSubmission]> = [
      ['other-kiosk', { ...passed, kioskId: 'kiosk-elsewhere' }],
      ['future', { ...passed, authenticatedAt: '2025-03-14T10:10:00+08:00' }],
      ['score', { ...passed, scores: { similarity: 1.2, liveness: 0.9 } }],
      ['no-offset', { ...passed, authenticatedAt: '2025-03-14T09:58:30' }],
    ];
    for (const [name, submission] of cases) {
      const error = await backendErrorOf(client.submitPensionAuth('QD0001', { ...submission, idempotencyKey: `auth-QD0001-${name}` }));
      expect(error, name).toMatchObject({ kind: 'rejected', status: 400, code: 'INVALID_REQUEST' });
    }
    expect(harness.simulator.inspect.pensionAuthSubmissionCount('QD0001')).toBe(0);
  });

  it('an unknown citizen → not-found', async () => {
    const error = await backendErrorOf(harness.client().submitPensionAuth('QD9999', { ...passed, idempotencyKey: 'auth-QD9999-0001' }));
    expect(error).toMatchObject({ kind: 'not-found', code: 'CITIZEN_NOT_FOUND' });
  });
});
