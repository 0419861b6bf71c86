import { describe, expect, it } from 'vitest';
import { identityLines } from '../../../app/core/identity/identityLines.js';
import { faceAuthLines } from '../../../app/core/services/pensionAuth/faceAuthLines.js';
import { decision, oneAttempt, otherIds, settle, startIdentity, toChallenge, toPositioning, validId, validIdMasked, type IdentityHarness } from './identityCheckHarness.js';

const known = { citizenId: 'QD0001', idNumberMasked: validIdMasked, nameMasked: '王*兰' };

/** Three whole attempts (or fewer when the check ends before). */
async function threeAttempts(t: IdentityHarness) {
  for (let i = 0; i < 3 && t.outputs.length === 0; i++) await oneAttempt(t);
}

describe('identity check: verified', () => {
  it('tells the parent identity.verified once, with the hall’s masked number, and ends with who it is and the scores', async () => {
    const t = startIdentity();
    await toChallenge(t);
    const challenges = t.snapshot().context.challenges;
    await oneAttempt(t);
    expect(t.verified).toEqual([{ type: 'identity.verified', citizenId: 'QD0001', idNumberMasked: '3702**********0422', nameMasked: '王*兰' }]);
    expect(t.outputs).toEqual([{ outcome: 'verified', citizenId: 'QD0001', idNumberMasked: '3702**********0422', nameMasked: '王*兰', attempts: 1, similarity: 0.8, liveness: 0.9, challenges }]);
    // The parent says what comes next: the check's last line was the wait for vision/.
    expect(t.said.at(-1)!.line).toBe(faceAuthLines.verifying);
    expect(JSON.stringify(t.outputs)).not.toContain(validId);
    expect(t.calls.failedChecks).toEqual([]);
  });

  it('verifies after a failed attempt too, still telling the parent only once', async () => {
    const t = startIdentity({ decide: (attempt) => decision(attempt === 1 ? 'spoof' : 'match') });
    await threeAttempts(t);
    expect(t.outputs[0]!.outcome).toBe('verified');
    expect(t.verified).toHaveLength(1);
    expect(t.calls.failedChecks).toEqual([{ idNumber: validId }]);
  });

  it('does not verify a “match” when the business system gave no reference for the number', async () => {
    for (const options of [{ citizenId: null }, { reference: false }] as const) {
      const t = startIdentity({ ...options, decide: () => decision('match') });
      await threeAttempts(t);
      expect(t.verified).toEqual([]);
      expect(t.outputs[0]!.outcome).toBe('not-verified');
    }
  });
});

describe('identity check: the same neutral reply whatever is wrong, until the face matched', () => {
  const cases: [string, Parameters<typeof startIdentity>[0]][] = [
    ['unknown number', { citizenId: null }],
    ['no photo on file', { reference: false }],
    ['wrong face', { decide: () => decision('no-match') }],
  ];

  it('says the same lines, shows the same screen, ends the same way; never identity.verified', async () => {
    const runs = [];
    for (const [name, options] of cases) {
      const t = startIdentity(options);
      await threeAttempts(t);
      const output = t.outputs[0]!;
      expect(output.outcome, name).toBe('not-verified');
      expect(t.verified, name).toEqual([]);
      // Each refused comparison counts against the number, whatever it is.
      expect(t.calls.failedChecks, name).toEqual([{ idNumber: validId }, { idNumber: validId }, { idNumber: validId }]);
      runs.push({ said: t.said.map((s) => s.line), line: 'line' in output ? output.line : null, staffReason: 'staffReason' in output ? output.staffReason : null, attempts: output.attempts });
    }
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
    expect(runs[0]!.line).toBe(identityLines.notVerified);
    expect(runs[0]!.staffReason).toBe('identity-review');
    expect(runs[0]!.said.filter((line) => line.startsWith(faceAuthLines.decision['no-match']))).toEqual([
      faceAuthLines.retry(faceAuthLines.decision['no-match'], 2),
      faceAuthLines.retry(faceAuthLines.decision['no-match'], 1),
    ]);
    // What to do: try again, or a window with the ID card.
    expect(identityLines.notVerified).toMatch(/没能核实您的身份.*再试.*身份证.*窗口/);
  });

  it('a business system that is down is the same for every number (no lookup answer leaks)', async () => {
    const t = startIdentity({ lookupFails: true });
    await toPositioning(t);
    expect(t.outputs).toEqual([{ outcome: 'unavailable', line: identityLines.unavailable, staffReason: null, attempts: 0, similarity: null, liveness: null, challenges: [] }]);
  });
});

describe('identity check: attempt limits', () => {
  it('asks the limits with the number and the visit before anything is looked up', async () => {
    const t = startIdentity({ input: { visitId: 'v7' } });
    await toPositioning(t);
    expect(t.calls.admitted).toEqual([{ subject: { idNumber: validId }, visitId: 'v7' }]);
    expect(t.calls.prepared).toEqual([{ idNumber: validId }]);
  });

  for (const limit of ['visit', 'number'] as const) {
    it(`a reached ${limit} limit: the neutral line, a window, no staff, nothing looked up, no camera`, async () => {
      const t = startIdentity({ admit: () => ({ admitted: false, limit }) });
      await toPositioning(t);
      expect(t.outputs).toEqual([{ outcome: 'not-verified', line: identityLines.limitReached, staffReason: null, attempts: 0, similarity: null, liveness: null, challenges: [] }]);
      expect(t.said.at(-1)!.line).toBe(identityLines.limitReached);
      expect(t.calls.prepared).toEqual([]);
      expect(t.calls.newAttempt).toBe(0);
    });
  }

  it('stops retrying when the number has no failed checks left today, with the same line', async () => {
    const t = startIdentity({ admit: () => ({ admitted: true, checksLeft: 1 }), decide: () => decision('no-match') });
    await threeAttempts(t);
    expect(t.calls.verify).toBe(1);
    expect(t.outputs[0]).toMatchObject({ outcome: 'not-verified', line: identityLines.limitReached, staffReason: null, attempts: 1 });
  });

  it('counts only vision/’s refusals against the number, not a timeout or a change of person before it decided', async () => {
    const t = startIdentity({ admit: () => ({ admitted: true, checksLeft: 1 }) });
    await toChallenge(t);
    t.clock.increment(8_000);
    expect(t.state()).toBe('positioning');
    expect(t.snapshot().context.checksLeft).toBe(1);
    expect(t.calls.failedChecks).toEqual([]);
    await oneAttempt(t);
    expect(t.outputs[0]!.outcome).toBe('verified');
  });

  it('a different number is a different check: the per-visit count is the ledger’s, by visit', async () => {
    const t = startIdentity({ input: { visitId: 'v1' } });
    await toPositioning(t, otherIds[0]);
    expect(t.calls.admitted).toEqual([{ subject: { idNumber: otherIds[0] }, visitId: 'v1' }]);
  });
});

describe('identity check: a citizen the visit already verified', () => {
  it('asks no number: a fresh live check against their photo, counted under the citizen', async () => {
    const t = startIdentity({ input: { known, visitId: 'v2' }, decide: () => decision('no-match') });
    await settle();
    expect(t.said.map((s) => [s.line, s.listen])).toEqual([
      [identityLines.liveCheck, 'default'],
      [faceAuthLines.positioning, 'default'],
    ]);
    expect(t.calls.admitted).toEqual([{ subject: { citizenId: 'QD0001' }, visitId: 'v2' }]);
    expect(t.calls.prepared).toEqual([{ citizenId: 'QD0001' }]);
    await oneAttempt(t);
    expect(t.calls.failedChecks).toEqual([{ citizenId: 'QD0001' }]);
  });

  it('verified again: the same masked number, told once', async () => {
    const t = startIdentity({ input: { known } });
    await settle();
    await oneAttempt(t);
    expect(t.verified).toEqual([{ type: 'identity.verified', citizenId: 'QD0001', idNumberMasked: validIdMasked, nameMasked: '王*兰' }]);
  });
});

describe('identity check: its end', () => {
  const endings: [string, Parameters<typeof startIdentity>[0], (t: IdentityHarness) => Promise<void>, string][] = [
    ['verified', {}, async (t) => oneAttempt(t), 'verified'],
    ['not verified', { decide: () => decision('no-match') }, threeAttempts, 'not-verified'],
    ['cancelled', {}, async (t) => t.send({ type: 'auth.cancel' }), 'cancelled'],
    ['stopped from outside', {}, async (t) => t.send({ type: 'leave' }), 'cancelled'],
    ['camera lost', {}, async (t) => t.send({ type: 'camera.lost', reason: 'ended' }), 'camera-lost'],
    ['vision/ failed', { decide: () => 'fails' }, async (t) => oneAttempt(t), 'unavailable'],
  ];
  for (const [name, options, drive, outcome] of endings) {
    it(`audits once and wipes the faces once: ${name}`, async () => {
      const t = startIdentity(options);
      await toPositioning(t);
      await drive(t);
      await settle();
      expect(t.calls.audit).toEqual([expect.objectContaining({ outcome })]);
      expect(t.calls.clear).toBe(1);
      t.actor.stop();
      expect(t.calls.audit).toHaveLength(1);
      expect(t.calls.clear).toBe(1);
      if (outcome !== 'verified') expect(t.verified).toEqual([]);
      if (outcome === 'unavailable') expect(t.outputs[0]).toMatchObject({ line: identityLines.checkFailed, staffReason: null });
    });
  }

  it('the audit keeps the citizen the number belonged to (staff review), never the number', async () => {
    const t = startIdentity({ decide: () => decision('no-match') });
    await threeAttempts(t);
    expect(t.calls.audit).toEqual([{ citizenId: 'QD0001', outcome: 'not-verified', reference: 'on-file', attempts: 3, similarity: 0.2, liveness: 0.9, challenges: expect.any(Array) }]);
    expect(JSON.stringify(t.calls.audit)).not.toContain(validId);
  });
});
