import { describe, expect, it } from 'vitest';
import { identityLines } from '../../../../app/core/identity/identityLines.js';
import { faceAuthLines } from '../../../../app/core/services/pensionAuth/faceAuthLines.js';
import { drawChallenges } from '../../../../app/core/services/pensionAuth/pensionAuthMachine.js';
import {
  decision,
  instructionChanges,
  measured,
  oneAttempt,
  passChallenges,
  pensioner,
  settle,
  startAuth,
  toChallenge,
  toPositioning,
  validId,
  validIdMasked,
  verifiedVisit,
  type Harness,
} from './pensionAuthHarness.js';

/** Three failed attempts: the check ends. */
async function failThreeTimes(t: Harness) {
  for (let attempt = 1; attempt <= 3; attempt++) await oneAttempt(t);
  t.clock.increment(10_000);
}

describe('养老认证 machine', () => {
  it('authenticates: identity check (ID → reference → positioning → challenges → vision/) → status → submission → result', async () => {
    const t = startAuth();
    expect(t.state()).toBe('idInput');
    await toChallenge(t);
    expect(t.state()).toBe('challenge');
    const [first, second] = t.identity()!.context.challenges;
    expect(t.identity()!.context.instruction).toBe(faceAuthLines.challenge[first!]);
    expect(t.calls.statusAsked).toEqual([]);
    await passChallenges(t);
    expect(t.calls.startChallenge).toEqual([first, second]);
    expect(t.calls.verify).toBe(1);
    expect(t.verified).toEqual([{ type: 'identity.verified', citizenId: 'QD0001', idNumberMasked: validIdMasked, nameMasked: '王*兰' }]);
    expect(t.calls.statusAsked).toEqual(['QD0001']);
    const snapshot = t.snapshot();
    expect(snapshot.value).toBe('result');
    expect(snapshot.context).toMatchObject({ outcome: 'authenticated', nextDueDate: '2027-11-30', similarity: 0.8, liveness: 0.9, citizenId: 'QD0001' });
    expect(t.calls.submitted).toEqual([{ citizenId: 'QD0001', similarity: 0.8, liveness: 0.9, challenges: [first, second] }]);
    t.clock.increment(10_000);
    expect(t.outputs).toEqual([{ outcome: 'authenticated', line: faceAuthLines.authenticated('2027-11-30'), staffReason: null, reference: 'RZ20261130-0001', nextDueDate: '2027-11-30' }]);
    expect(t.verified).toHaveLength(1);
  });

  it('draws two or three challenges per attempt at random', async () => {
    const counts = new Set<number>();
    for (const r of [0, 0.4, 0.6, 0.99]) {
      const t = startAuth({ input: { challengesPerAttempt: { min: 2, max: 3 }, random: () => r } });
      await toPositioning(t);
      counts.add(t.identity()!.context.challenges.length);
    }
    expect([...counts].sort()).toEqual([2, 3]);
  });

  it('draws different challenges within an attempt', () => {
    expect(new Set(drawChallenges(['blink', 'turnLeft', 'nod'], 3, () => 0)).size).toBe(3);
  });

  it('refuses a bad ID number with guidance and stays on input, without saying anything new or looking it up', () => {
    const t = startAuth();
    t.send({ type: 'auth.idNumber', idNumber: '370203196203150423' });
    expect(t.state()).toBe('idInput');
    expect(t.identity()!.context.guidance).toBe(faceAuthLines.badIdNumber);
    expect(t.said.map((s) => s.line)).toEqual([faceAuthLines.explain]);
    expect(t.calls.admitted).toEqual([]);
  });
});

describe('nothing that depends on the number before the face matched', () => {
  // Each case: what the business system knows, and what vision/ sees. All end the same way, line for line.
  const cases: [string, Parameters<typeof startAuth>[0]][] = [
    ['an unknown number', { citizenId: null }],
    ['a number without a photo on file', { reference: false }],
    ['a non-pensioner’s number with someone else’s face', { status: { ...pensioner, isPensioner: false, standing: '不适用' }, decide: () => decision('no-match') }],
    ['an already authenticated pensioner’s number with someone else’s face', { status: { ...pensioner, standing: '有效', nextDueDate: '2027-05-01' }, decide: () => decision('no-match') }],
    ['a due pensioner’s number with someone else’s face', { decide: () => decision('no-match') }],
  ];

  it('says the same lines in the same order, ends the same way, and never asks the status', async () => {
    const runs: { said: string[]; output: unknown }[] = [];
    for (const [, options] of cases) {
      const t = startAuth(options);
      await failThreeTimes(t);
      runs.push({ said: t.said.map((s) => s.line), output: t.outputs[0] });
      expect(t.calls.statusAsked).toEqual([]);
      expect(t.verified).toEqual([]);
      expect(t.calls.submitted).toEqual([]);
    }
    for (const [i, run] of runs.entries()) expect(run, cases[i]![0]).toEqual(runs[0]);
    expect(runs[0]!.said).toEqual([
      faceAuthLines.explain,
      identityLines.preparing,
      faceAuthLines.positioning,
      ...sequenceOfAttempt(),
      faceAuthLines.retry(faceAuthLines.decision['no-match'], 2),
      ...sequenceOfAttempt(),
      faceAuthLines.retry(faceAuthLines.decision['no-match'], 1),
      ...sequenceOfAttempt(),
      identityLines.notVerified,
    ]);
    expect(runs[0]!.output).toEqual({ outcome: 'staff-review', line: identityLines.notVerified, staffReason: 'pension-auth-review', reference: null, nextDueDate: null });
    // Nothing said or shown names the insurance, the pension or a photo on file.
    expect(runs[0]!.said.join('')).not.toMatch(/参保|养老金|认证过|参考照片|没有查到/);
  });

  /** What one attempt says: its two challenges (random () => 0.3 draws the same each time) and the wait for vision/. */
  function sequenceOfAttempt(): string[] {
    const [first, second] = drawChallenges(['blink', 'turnLeft', 'turnRight', 'openMouth', 'nod'], 2, () => 0.3);
    return [faceAuthLines.challenge[first!], faceAuthLines.challenge[second!], faceAuthLines.verifying];
  }

  it('tells a non-pensioner and an already authenticated pensioner only once their face matched', async () => {
    const a = startAuth({ status: { ...pensioner, isPensioner: false, standing: '不适用' } });
    await toPositioning(a);
    expect(a.state()).toBe('positioning');
    expect(a.calls.statusAsked).toEqual([]);
    await oneAttempt(a);
    expect(a.calls.statusAsked).toEqual(['QD0001']);
    expect(a.snapshot().context.outcome).toBe('not-pensioner');
    expect(a.said.at(-1)!.line).toBe(faceAuthLines.notPensioner);
    const b = startAuth({ status: { ...pensioner, standing: '有效', nextDueDate: '2027-05-01' } });
    await oneAttempt(b);
    expect(b.snapshot().context.outcome).toBe('already-authenticated');
    expect(b.said.at(-1)!.line).toContain('2027年5月1日');
    // The status came after the face: each line of it follows the check's last line (the wait for vision/).
    for (const t of [a, b]) {
      const lines = t.said.map((s) => s.line);
      expect(lines.indexOf(faceAuthLines.lookingUp)).toBeGreaterThan(lines.indexOf(faceAuthLines.verifying));
      expect(t.calls.submitted).toEqual([]);
      expect(t.verified).toHaveLength(1);
    }
  });

  it('says plainly when the business system is down after the face matched', async () => {
    const t = startAuth({ status: 'fails' });
    await oneAttempt(t);
    expect(t.snapshot().context.outcome).toBe('failed');
    expect(t.said.at(-1)!.line).toBe(faceAuthLines.backendDown);
    expect(t.calls.submitted).toEqual([]);
  });

  it('says the same neutral line for a reached limit, and sends the citizen to a window without calling staff', async () => {
    const t = startAuth({ admit: () => ({ admitted: false, limit: 'number' }) });
    await toPositioning(t);
    t.clock.increment(10_000);
    expect(t.outputs).toEqual([{ outcome: 'not-verified', line: identityLines.limitReached, staffReason: null, reference: null, nextDueDate: null }]);
    expect(t.calls.prepared).toEqual([]);
    expect(t.calls.newAttempt).toBe(0);
  });
});

describe('attempts', () => {
  it('fails an attempt on each of vision/’s refusals with its reason, and never submits', async () => {
    const refusals = ['spoof', 'identity-changed', 'no-match', 'no-frames'] as const;
    for (const outcome of refusals) {
      const t = startAuth({ decide: () => decision(outcome) });
      await oneAttempt(t);
      expect(t.state()).toBe('positioning');
      expect(t.identity()!.context.attempt).toBe(2);
      expect(t.identity()!.context.instruction).toBe(faceAuthLines.retry(faceAuthLines.decision[outcome], 2));
      expect(t.calls.submitted).toEqual([]);
      expect(t.verified).toEqual([]);
    }
  });

  it('fails on the wrong person three times, then staff review: the parent must call staff', async () => {
    const t = startAuth({ decide: () => decision('no-match') });
    await failThreeTimes(t);
    expect(t.calls.verify).toBe(3);
    expect(t.calls.newAttempt).toBe(3);
    expect(t.calls.submitted).toEqual([]);
    expect(t.outputs).toEqual([{ outcome: 'staff-review', line: identityLines.notVerified, staffReason: 'pension-auth-review', reference: null, nextDueDate: null }]);
  });

  it('times out a challenge nobody does, and notices a change of person from vision/’s continuity', async () => {
    const t = startAuth();
    await toChallenge(t);
    t.clock.increment(8_000);
    expect(t.state()).toBe('positioning');
    expect(t.identity()!.context.attempt).toBe(2);
    expect(t.identity()!.context.instruction).toBe(faceAuthLines.retry(faceAuthLines.timeout, 2));
    await toChallenge(t);
    t.measure(() => measured({ sameFace: false, continuityBreak: 'face-changed', usable: false }));
    t.frame();
    expect(t.identity()!.context.instruction).toContain(faceAuthLines.personChanged);
    expect(t.calls.verify).toBe(0);
  });

  it('only counts a passed challenge that is the one asked for', async () => {
    const t = startAuth();
    await toChallenge(t);
    const [first, second] = t.identity()!.context.challenges;
    t.measure(() => measured({ challenge: { kind: second!, state: 'passed', miss: null } }));
    t.frame();
    expect(t.identity()!.context.challengeIndex).toBe(0);
    t.measure(() => measured({ challenge: { kind: first!, state: 'pending', miss: 'no-action' }, usable: false, failures: ['blurred'] }));
    t.frame();
    expect(t.state()).toBe('challenge');
    expect(t.identity()!.context.guidance).toBe(faceAuthLines.qualityGuidance.blurred);
  });

  it('says honestly when the result is saved for later because the business system is down', async () => {
    const t = startAuth({ submit: async () => ({ state: 'queued', nextDueDate: null }) });
    await oneAttempt(t);
    expect(t.snapshot().context.outcome).toBe('queued');
    expect(t.snapshot().context.instruction).toContain('自动提交');
  });

  it('says truthfully when the business system refused the result, and asks for staff (never "saved, will be sent")', async () => {
    const t = startAuth({ submit: async () => ({ state: 'rejected', reason: 'NOT_PENSIONER', nextDueDate: null }) });
    await oneAttempt(t);
    expect(t.snapshot().context.outcome).toBe('staff-review');
    expect(t.snapshot().context.staffReason).toBe('pension-auth-review');
    expect(t.snapshot().context.instruction).toBe(faceAuthLines.submissionRejected);
    expect(t.snapshot().context.instruction).not.toContain('保存');
  });

  it('gives guidance while positioning and fails when nobody gets into place', async () => {
    const t = startAuth();
    await toPositioning(t);
    t.measure(() => measured({ usable: false, failures: ['too-far'] }));
    t.frame();
    expect(t.identity()!.context.guidance).toBe('请靠近一点');
    // Several failures: the first (vision/ lists what to fix first first) is the one shown.
    t.measure(() => measured({ usable: false, failures: ['several-faces', 'too-far', 'blurred'] }));
    t.frame();
    expect(t.identity()!.context.guidance).toBe('请只留一人在镜头前');
    // Refused for continuity alone (no quality failure): nothing to tell about quality.
    t.measure(() => measured({ usable: false, failures: [], sameFace: false, continuityBreak: 'face-jumped' }));
    t.frame();
    expect(t.identity()!.context.guidance).toBeNull();
    t.measure(() => measured({ usable: false, failures: ['not-frontal'] }));
    t.frame();
    expect(t.identity()!.context.guidance).toBe('请正对屏幕');
    t.measure(() => measured());
    t.frame();
    expect(t.identity()!.context.guidance).toBeNull();
    t.clock.increment(15_000);
    expect(t.identity()!.context.attempt).toBe(2);
  });

  it('keeps the result when the citizen cancels while it is shown', async () => {
    const t = startAuth();
    await oneAttempt(t);
    t.send({ type: 'auth.cancel' });
    expect(t.outputs).toEqual([{ outcome: 'authenticated', line: faceAuthLines.authenticated('2027-11-30'), staffReason: null, reference: 'RZ20261130-0001', nextDueDate: '2027-11-30' }]);
  });

  it('counts down the challenge on the machine’s clock (context, not a variable of the service)', async () => {
    const t = startAuth();
    await toChallenge(t);
    t.clock.increment(2_500);
    expect(t.identity()!.context.challengeStartedAt).toBe(t.clock.now() - 2_500);
  });
});

describe('a visit that already verified the citizen', () => {
  it('does not ask the number: the status first, then a fresh live check, then the submission', async () => {
    const t = startAuth({ input: { identity: verifiedVisit, visitId: 'v1' } });
    await settle();
    expect(t.said.map((s) => [s.line, s.listen])).toEqual([
      [faceAuthLines.lookingUpKnown, 'default'],
      [faceAuthLines.explainLiveCheck, 'default'],
      [faceAuthLines.positioning, 'default'],
    ]);
    expect(t.calls.statusAsked).toEqual(['QD0001']);
    expect(t.state()).toBe('positioning');
    expect(t.calls.prepared).toEqual([{ citizenId: 'QD0001' }]);
    expect(t.calls.admitted).toEqual([{ subject: { citizenId: 'QD0001' }, visitId: 'v1' }]);
    await toChallenge(t);
    await passChallenges(t);
    expect(t.calls.verify).toBe(1);
    expect(t.calls.statusAsked).toEqual(['QD0001']);
    expect(t.calls.submitted).toHaveLength(1);
    expect(t.snapshot().context.outcome).toBe('authenticated');
    expect(t.verified).toEqual([{ type: 'identity.verified', citizenId: 'QD0001', idNumberMasked: '3702**********0422', nameMasked: '王*兰' }]);
    expect(t.said.some((s) => s.listen === 'number')).toBe(false);
  });

  it('tells an already authenticated citizen at once, without the camera', async () => {
    const t = startAuth({ input: { identity: verifiedVisit }, status: { ...pensioner, standing: '有效', nextDueDate: '2027-05-01' } });
    await settle();
    expect(t.snapshot().context.outcome).toBe('already-authenticated');
    expect(t.calls.newAttempt).toBe(0);
    expect(t.calls.prepared).toEqual([]);
  });

  it('still fails a live check of the wrong face, and submits nothing', async () => {
    const t = startAuth({ input: { identity: verifiedVisit }, decide: () => decision('no-match') });
    await settle();
    await failThreeTimes(t);
    expect(t.outputs).toEqual([{ outcome: 'staff-review', line: identityLines.notVerified, staffReason: 'pension-auth-review', reference: null, nextDueDate: null }]);
    expect(t.calls.failedChecks).toEqual([{ citizenId: 'QD0001' }, { citizenId: 'QD0001' }, { citizenId: 'QD0001' }]);
    expect(t.calls.submitted).toEqual([]);
    expect(t.verified).toEqual([]);
  });
});

describe('robot.say: the child tells its parent each new line, once, with how to listen', () => {
  it('every change of the instruction is said exactly once, in order; the ID prompt listens for a number', async () => {
    const t = startAuth({ decide: (attempt) => decision(attempt === 1 ? 'spoof' : 'match') });
    const changes = instructionChanges(t.auth()!);
    await oneAttempt(t);
    await oneAttempt(t);
    t.clock.increment(10_000);
    expect(t.said.map((s) => s.line)).toEqual(changes);
    expect(changes.length).toBeGreaterThan(8);
    expect(t.said.filter((s) => s.listen === 'number').map((s) => s.line)).toEqual([faceAuthLines.explain]);
    expect(t.said.at(-1)!.line).toBe(t.outputs[0]!.line);
  });
});

describe('side effects: a new attempt on entering one; the faces wiped once and each audit written once at the end', () => {
  it('asks vision/ for a new attempt on entering each attempt, before its first challenge', async () => {
    const t = startAuth({ decide: () => decision('no-match') });
    await toPositioning(t);
    expect(t.calls.newAttempt).toBe(1);
    await oneAttempt(t);
    expect(t.calls.newAttempt).toBe(2);
    expect(t.calls.startChallenge).toHaveLength(2);
  });

  const endings: [string, (t: Harness) => Promise<void>, string, string][] = [
    ['authenticated', async (t) => (await oneAttempt(t), t.clock.increment(10_000)), 'authenticated', 'verified'],
    ['staff review', async (t) => {
      for (let i = 0; i < 3; i++) t.clock.increment(15_000);
      t.clock.increment(10_000);
    }, 'staff-review', 'not-verified'],
    ['not a pensioner', async (t) => (await oneAttempt(t), t.clock.increment(10_000)), 'not-pensioner', 'verified'],
    ['cancel on the keypad', async (t) => t.send({ type: 'auth.cancel' }), 'cancelled', 'cancelled'],
    ['cancel during a challenge', async (t) => (await toChallenge(t), t.send({ type: 'auth.cancel' })), 'cancelled', 'cancelled'],
    ['the visit ends (stopped from outside) while positioning', async (t) => t.send({ type: 'leave' }), 'cancelled', 'cancelled'],
    ['camera lost while positioning', async (t) => t.send({ type: 'camera.lost', reason: 'ended' }), 'camera-lost', 'camera-lost'],
  ];
  for (const [name, drive, outcome, identityOutcome] of endings) {
    it(`wipes the faces once and audits once: ${name}`, async () => {
      const t = startAuth(outcome === 'not-pensioner' ? { status: { ...pensioner, isPensioner: false } } : {});
      if (name !== 'cancel on the keypad') await toPositioning(t);
      await drive(t);
      await settle();
      expect(t.calls.clear).toBe(1);
      expect(t.calls.audit).toHaveLength(1);
      expect(t.calls.audit[0]).toMatchObject({ outcome: identityOutcome });
      expect(t.calls.pensionAudit).toHaveLength(1);
      expect(t.calls.pensionAudit[0]).toMatchObject({ outcome, citizenId: identityOutcome === 'verified' ? 'QD0001' : null });
      t.send({ type: 'leave' });
      t.actor.stop();
      expect(t.calls.audit).toHaveLength(1);
      expect(t.calls.pensionAudit).toHaveLength(1);
      expect(t.calls.clear).toBe(1);
    });
  }

  it('wipes the faces before the status is asked (the face check is over)', async () => {
    const t = startAuth({ status: 'pending' });
    await oneAttempt(t);
    expect(t.snapshot().value).toBe('checkingStatus');
    expect(t.calls.clear).toBe(1);
  });
});

describe('camera faults', () => {
  const expectCameraLostEnd = (t: Harness) => {
    expect(t.outputs).toEqual([{ outcome: 'camera-lost', line: faceAuthLines.cameraLost, staffReason: 'camera-lost', reference: null, nextDueDate: null }]);
    expect(t.said.at(-1)!.line).toBe(faceAuthLines.cameraLost);
    expect(t.said.filter((s) => s.line === faceAuthLines.cameraLost)).toHaveLength(1);
    expect(t.calls.submitted).toEqual([]);
  };

  it('ends the check, says what happens next and asks for staff: lost while positioning', async () => {
    const t = startAuth();
    await toPositioning(t);
    t.send({ type: 'camera.lost', reason: 'denied' });
    expectCameraLostEnd(t);
  });

  it('… lost during a challenge', async () => {
    const t = startAuth();
    await toChallenge(t);
    t.send({ type: 'camera.lost', reason: 'ended' });
    expectCameraLostEnd(t);
    expect(t.calls.verify).toBe(0);
  });

  it('… lost while vision/ is deciding: its answer no longer matters', async () => {
    const t = startAuth({ decide: () => 'pending' });
    await oneAttempt(t);
    expect(t.state()).toBe('verifying');
    t.send({ type: 'camera.lost', reason: 'no-camera' });
    expectCameraLostEnd(t);
  });

  it('is harmless on the keypad when it comes back; still lost when the face check would start ends the check', async () => {
    const t = startAuth();
    t.send({ type: 'camera.lost', reason: 'ended' });
    t.send({ type: 'camera.restored' });
    await toPositioning(t);
    expect(t.state()).toBe('positioning');

    const u = startAuth();
    u.send({ type: 'camera.lost', reason: 'no-camera' });
    await toPositioning(u);
    expectCameraLostEnd(u);
    expect(u.calls.newAttempt).toBe(0);
  });

  it('lost while a known citizen’s status is asked: the live check that follows ends at once', async () => {
    const t = startAuth({ input: { identity: verifiedVisit }, status: 'pending' });
    t.send({ type: 'camera.lost', reason: 'ended' });
    expect(t.snapshot().context.cameraFault).toBe('ended');
    const u = startAuth({ input: { identity: verifiedVisit } });
    u.send({ type: 'camera.lost', reason: 'ended' });
    await settle();
    expectCameraLostEnd(u);
    expect(u.calls.newAttempt).toBe(0);
  });
});

describe('frames', () => {
  it('are analysed only while positioning or in a challenge; everywhere else they are ignored', async () => {
    const t = startAuth({ reference: 'pending', decide: () => 'pending' });
    t.frame();
    t.send({ type: 'auth.idNumber', idNumber: validId });
    t.frame();
    await settle();
    expect(t.state()).toBe('lookingUp');
    t.frame();
    expect(t.calls.framesReceived).toBe(0);

    const u = startAuth({ decide: () => 'pending' });
    await toChallenge(u);
    expect(u.calls.framesReceived).toBe(3);
    await passChallenges(u);
    const before = u.calls.framesReceived;
    expect(u.state()).toBe('verifying');
    u.frame();
    u.frame();
    expect(u.calls.framesReceived).toBe(before);
    expect(u.state()).toBe('verifying');

    // After the face matched (status, submission, result) frames go nowhere.
    const v = startAuth({ status: 'pending' });
    await oneAttempt(v);
    const seen = v.calls.framesReceived;
    v.frame();
    expect(v.snapshot().value).toBe('checkingStatus');
    expect(v.calls.framesReceived).toBe(seen);
  });

  it('a measurement that arrives outside those states changes nothing', async () => {
    const t = startAuth();
    const before = t.identity()!;
    t.snapshot().children.identityCheck!.send({ type: 'frame.analyzed', frame: measured({ usable: false, failures: ['too-far'] }) } as never);
    expect(t.identity()!.value).toEqual(before.value);
    expect(t.identity()!.context.guidance).toBeNull();
  });
});
