import { describe, expect, it } from 'vitest';
import type { IdentityCheckContext } from '../../../app/core/identity/identityCheckMachine.js';
import { identityLines } from '../../../app/core/identity/identityLines.js';
import { noIdentity } from '../../../app/core/identity/visitIdentity.js';
import type { FrameMeasurement } from '../../../app/core/services/pensionAuth/faceAuthTypes.js';
import { faceAuthLines } from '../../../app/core/services/pensionAuth/faceAuthLines.js';
import { flush, phase, startSession } from '../session/sessionHarness.js';
import { fakePensionAuth, newCalls, pensioner, type HarnessOptions } from '../services/pensionAuth/pensionAuthHarness.js';
import { challengePassed, decision, measured, settle, validId } from './identityCheckHarness.js';

// The real session machine with the real 养老认证 machine and its real identity check inside (fakes only at their
// edges): the parent contract — the visit's identity goes into the child, identity.verified comes back up through
// 养老认证 to the visit, and a failed check leaves the visit with nobody.

function startVisit(options: HarnessOptions = {}) {
  const calls = newCalls();
  let answer: (context: IdentityCheckContext) => FrameMeasurement = () => measured();
  const session = startSession({ pensionAuth: fakePensionAuth(options, calls, () => answer) });
  let seq = 0;
  const frame = () => session.actor.send({ type: 'auth.frame', frame: { jpegBase64: '/9j/', width: 640, height: 480, capturedAt: session.clock.now(), seq: seq++ } });
  /** One attempt through the session: positioned (3 usable frames), then each challenge passed. */
  const attempt = async () => {
    answer = () => measured();
    for (let i = 0; i < 3; i++) frame();
    answer = challengePassed;
    for (let i = 0; i < 4; i++) frame();
    await settle();
  };
  return { ...session, calls, attempt };
}

describe('identity across the visit (session ⇄ 养老认证 ⇄ identity check)', () => {
  it('a verified face reaches the visit as its identity (masked number only); the number is never in the visit', async () => {
    const t = startVisit();
    t.actor.send({ type: 'citizen.tapService', service: 'pension-auth' });
    expect(phase(t.actor.getSnapshot())).toBe('pensionAuth');
    // The child's first line, passed up two levels, is asked with number patience.
    expect(t.said.at(-1)).toEqual({ line: faceAuthLines.explain, listen: 'number' });
    t.actor.send({ type: 'auth.idNumber', idNumber: validId });
    await settle();
    const sessionId = t.actor.getSnapshot().context.sessionId;
    expect(t.calls.admitted).toEqual([{ subject: { idNumber: validId }, visitId: sessionId }]);
    expect(t.actor.getSnapshot().context.identity).toEqual(noIdentity);
    t.clock.increment(1_000);
    await t.attempt();
    expect(t.actor.getSnapshot().context.identity).toEqual({ level: 'verified', citizenId: 'QD0001', idNumberMasked: '3702**********0422', nameMasked: '王*兰', verifiedAt: 1_000 });
    expect(JSON.stringify(t.actor.getSnapshot().context)).not.toContain(validId);
    expect(t.calls.statusAsked).toEqual(['QD0001']);
    expect(t.lines()).toContain(faceAuthLines.authenticated('2027-11-30'));
  });

  it('a second 养老认证 in the same visit does not ask the number again: status, then a fresh live check', async () => {
    const t = startVisit();
    t.actor.send({ type: 'citizen.tapService', service: 'pension-auth' });
    t.actor.send({ type: 'auth.idNumber', idNumber: validId });
    await settle();
    await t.attempt();
    t.clock.increment(10_000);
    await flush();
    expect(phase(t.actor.getSnapshot())).toBe('followUp');
    const before = t.said.length;
    t.actor.send({ type: 'citizen.tapService', service: 'pension-auth' });
    await settle();
    const again = t.said.slice(before);
    expect(again.map((s) => s.line)).toEqual([faceAuthLines.lookingUpKnown, faceAuthLines.explainLiveCheck, faceAuthLines.positioning]);
    expect(again.some((s) => s.listen === 'number')).toBe(false);
    expect(t.calls.admitted.at(-1)).toEqual({ subject: { citizenId: 'QD0001' }, visitId: t.actor.getSnapshot().context.sessionId });
    await t.attempt();
    expect(t.calls.verify).toBe(2);
    expect(t.calls.submitted).toHaveLength(2);
  });

  it('a failed check leaves the visit with nobody, calls staff, and tells nothing that depends on the number', async () => {
    const t = startVisit({ decide: () => decision('no-match'), status: { ...pensioner, isPensioner: false } });
    t.actor.send({ type: 'citizen.tapService', service: 'pension-auth' });
    t.actor.send({ type: 'auth.idNumber', idNumber: validId });
    await settle();
    for (let i = 0; i < 3; i++) await t.attempt();
    // The result stays on screen (resultShowMs), then the visit calls staff.
    t.clock.increment(10_000);
    await flush();
    expect(t.actor.getSnapshot().context.identity).toEqual(noIdentity);
    expect(t.staffCalls).toEqual(['pension-auth-review']);
    expect(t.lines()).toContain(identityLines.notVerified);
    expect(t.lines()).not.toContain(faceAuthLines.notPensioner);
    expect(t.calls.statusAsked).toEqual([]);
  });
});
