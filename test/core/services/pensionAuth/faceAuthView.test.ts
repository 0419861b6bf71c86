import { describe, expect, it } from 'vitest';
import type { FaceAuthView } from '../../../../app/api/kioskApi.js';
import type { IdentityCheckSnapshot } from '../../../../app/core/identity/identityCheckMachine.js';
import { identityLines } from '../../../../app/core/identity/identityLines.js';
import { faceAuthLines } from '../../../../app/core/services/pensionAuth/faceAuthLines.js';
import { faceAuthView } from '../../../../app/core/services/pensionAuth/faceAuthView.js';
import { startIdentity } from '../../identity/identityCheckHarness.js';
import { decision, oneAttempt, passChallenges, pensioner, settle, startAuth, toChallenge, toPositioning, validId, validIdMasked, verifiedVisit, type Harness } from './pensionAuthHarness.js';

describe('faceAuthView: the 养老认证 screen as a pure function of the machine’s snapshot and the time', () => {
  it('says 养老认证 is asking, in its own steps and in the identity check it embeds', async () => {
    const t = startAuth();
    expect(faceAuthView(t.snapshot(), 0)?.purpose).toBe('pension-auth');
    await toPositioning(t);
    expect(faceAuthView(t.snapshot(), 0)).toMatchObject({ purpose: 'pension-auth', step: 'positioning' });
  });

  it('is null without a machine', () => {
    expect(faceAuthView(undefined, 0)).toBeNull();
  });

  it('shows each step, asks for frames only while positioning or in a challenge, and masks the number', async () => {
    const t = startAuth({ decide: () => 'pending' });
    expect(faceAuthView(t.snapshot(), 0)).toMatchObject({ step: 'idInput', instruction: faceAuthLines.explain, wantFrames: false, idNumberMasked: null, result: null });
    t.send({ type: 'auth.idNumber', idNumber: validId });
    expect(faceAuthView(t.snapshot(), 0)).toMatchObject({ step: 'lookingUp', wantFrames: false, idNumberMasked: validIdMasked });
    expect(faceAuthView(t.snapshot(), 0)!.idNumberMasked).not.toContain(validId.slice(6, 14));
    await settle();
    expect(faceAuthView(t.snapshot(), 0)).toMatchObject({ step: 'positioning', wantFrames: true, attempt: 1, maxAttempts: 3, challenge: null });
    await toChallenge(t);
    expect(faceAuthView(t.snapshot(), t.clock.now())).toMatchObject({ step: 'challenge', wantFrames: true });
    await passChallenges(t);
    expect(faceAuthView(t.snapshot(), t.clock.now())).toMatchObject({ step: 'verifying', wantFrames: false, challenge: null });
  });

  it('counts a challenge down from when it was prompted, on the clock it is given', async () => {
    const t = startAuth();
    await toChallenge(t);
    const started = t.clock.now();
    const kind = t.identity()!.context.challenges[0]!;
    expect(faceAuthView(t.snapshot(), started)!.challenge).toEqual({ kind, index: 1, total: 2, secondsLeft: 8 });
    expect(faceAuthView(t.snapshot(), started + 2_500)!.challenge!.secondsLeft).toBe(6);
    expect(faceAuthView(t.snapshot(), started + 20_000)!.challenge!.secondsLeft).toBe(0);
    // The same snapshot and time give the same view (nothing kept between calls).
    expect(faceAuthView(t.snapshot(), started + 2_500)).toEqual(faceAuthView(t.snapshot(), started + 2_500));
  });

  it('after the face: looking up the status (no camera), then the result', async () => {
    const t = startAuth({ status: 'pending' });
    await oneAttempt(t);
    expect(faceAuthView(t.snapshot(), 0)).toMatchObject({ step: 'lookingUp', wantFrames: false, instruction: faceAuthLines.lookingUp, idNumberMasked: validIdMasked, result: null });
    const u = startAuth();
    await oneAttempt(u);
    expect(faceAuthView(u.snapshot(), 0)!.result).toEqual({ outcome: 'authenticated', message: faceAuthLines.authenticated('2027-11-30'), nextDueDate: '2027-11-30' });
  });

  it('never shows the identity check’s own end as a result inside 养老认证 (it goes on at once)', async () => {
    const t = startAuth({ status: 'pending' });
    const views: FaceAuthView[] = [];
    await toPositioning(t);
    // The check's last snapshot, as the runtime's inspection renders it, before 养老认证 has moved on.
    t.snapshot().children.identityCheck!.subscribe((s) => {
      if ((s as IdentityCheckSnapshot).status === 'done') views.push(faceAuthView(t.snapshot(), 0)!);
    });
    await oneAttempt(t);
    expect(views.length).toBeGreaterThan(0);
    for (const view of views) expect(view.result).toBeNull();
  });

  it('shows the result; a lost camera shows as waiting for staff; a reached limit as failed', async () => {
    const u = startAuth();
    await toPositioning(u);
    u.send({ type: 'camera.lost', reason: 'ended' });
    expect(u.snapshot().status).toBe('done');
    expect(faceAuthView(u.snapshot(), 0)).toMatchObject({ step: 'result', wantFrames: false, result: { outcome: 'staff-review', message: faceAuthLines.cameraLost } });

    const v = startAuth({ admit: () => ({ admitted: false, limit: 'visit' }) });
    await toPositioning(v);
    expect(faceAuthView(v.snapshot(), 0)).toMatchObject({ step: 'result', result: { outcome: 'failed', message: identityLines.limitReached } });
  });

  it('a visit’s verified citizen: the masked number from the visit, no keypad', async () => {
    const t = startAuth({ input: { identity: verifiedVisit }, status: 'pending' });
    expect(faceAuthView(t.snapshot(), 0)).toMatchObject({ step: 'lookingUp', idNumberMasked: '3702**********0422', instruction: faceAuthLines.lookingUpKnown });
  });

  it('is the same, step by step, whatever the business system knows of the number, until the face matched', async () => {
    const viewsOf = async (t: Harness) => {
      const seen: string[] = [];
      const look = () => seen.push(JSON.stringify(faceAuthView(t.snapshot(), t.clock.now())));
      look();
      t.send({ type: 'auth.idNumber', idNumber: validId });
      look();
      await settle();
      look();
      for (let i = 0; i < 3; i++) {
        await oneAttempt(t);
        look();
      }
      return seen;
    };
    const known = await viewsOf(startAuth({ decide: () => decision('no-match') }));
    expect(await viewsOf(startAuth({ citizenId: null }))).toEqual(known);
    expect(await viewsOf(startAuth({ reference: false }))).toEqual(known);
    expect(await viewsOf(startAuth({ status: { ...pensioner, isPensioner: false }, decide: () => decision('no-match') }))).toEqual(known);
  });
});

describe('faceAuthView of an identity check on its own', () => {
  it('shows the same screen for a check a service runs by itself, and its end as a result', async () => {
    const t = startIdentity();
    expect(faceAuthView(t.snapshot(), 0)).toMatchObject({ purpose: 'identity', step: 'idInput', instruction: identityLines.askNumber, wantFrames: false });
    await oneAttempt(t);
    expect(faceAuthView(t.snapshot(), 0)).toMatchObject({ step: 'result', wantFrames: false, idNumberMasked: validIdMasked, result: { outcome: 'authenticated' } });
    const u = startIdentity({ citizenId: null });
    await toPositioning(u);
    expect(faceAuthView(u.snapshot(), 0)).toMatchObject({ step: 'positioning', wantFrames: true, attempt: 1 });
  });
});
