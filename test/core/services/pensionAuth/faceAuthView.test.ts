import { describe, expect, it } from 'vitest';
import { faceAuthLines } from '../../../../app/core/services/pensionAuth/faceAuthLines.js';
import { faceAuthView } from '../../../../app/core/services/pensionAuth/faceAuthView.js';
import { passChallenges, settle, startAuth, toChallenge, toPositioning, validId } from './pensionAuthHarness.js';

describe('faceAuthView: the 养老认证 screen as a pure function of the machine’s snapshot and the time', () => {
  it('is null without a machine', () => {
    expect(faceAuthView(undefined, 0)).toBeNull();
  });

  it('shows each step, asks for frames only while positioning or in a challenge, and masks the number', async () => {
    const t = startAuth({ decide: () => 'pending' });
    expect(faceAuthView(t.snapshot(), 0)).toMatchObject({ step: 'idInput', instruction: faceAuthLines.explain, wantFrames: false, idNumberMasked: null, result: null });
    t.send({ type: 'auth.idNumber', idNumber: validId });
    expect(faceAuthView(t.snapshot(), 0)).toMatchObject({ step: 'lookingUp', wantFrames: false, idNumberMasked: expect.stringMatching(/^3702\*+/) });
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
    const kind = t.snapshot().context.challenges[0]!;
    expect(faceAuthView(t.snapshot(), started)!.challenge).toEqual({ kind, index: 1, total: 2, secondsLeft: 8 });
    expect(faceAuthView(t.snapshot(), started + 2_500)!.challenge!.secondsLeft).toBe(6);
    expect(faceAuthView(t.snapshot(), started + 20_000)!.challenge!.secondsLeft).toBe(0);
    // The same snapshot and time give the same view (nothing kept between calls).
    expect(faceAuthView(t.snapshot(), started + 2_500)).toEqual(faceAuthView(t.snapshot(), started + 2_500));
  });

  it('shows the result; a lost camera shows as waiting for staff', async () => {
    const t = startAuth();
    await toChallenge(t);
    await passChallenges(t);
    expect(faceAuthView(t.snapshot(), 0)!.result).toEqual({ outcome: 'authenticated', message: faceAuthLines.authenticated('2027-11-30'), nextDueDate: '2027-11-30' });

    const u = startAuth();
    await toPositioning(u);
    let last = u.snapshot();
    u.auth()!.subscribe((s) => (last = s));
    u.send({ type: 'camera.lost', reason: 'ended' });
    expect(last.status).toBe('done');
    expect(faceAuthView(last, 0)).toMatchObject({ step: 'result', wantFrames: false, result: { outcome: 'staff-review', message: faceAuthLines.cameraLost } });
  });
});
