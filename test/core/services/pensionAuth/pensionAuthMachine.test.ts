import { describe, expect, it } from 'vitest';
import { faceAuthLines } from '../../../../app/core/services/pensionAuth/faceAuthLines.js';
import { drawChallenges } from '../../../../app/core/services/pensionAuth/pensionAuthMachine.js';
import { decision, instructionChanges, measured, passChallenges, pensioner, settle, startAuth, toChallenge, toPositioning, validId } from './pensionAuthHarness.js';

describe('养老认证 machine', () => {
  it('authenticates: ID → reference → positioning → challenges → vision/ decides → submission → result', async () => {
    const t = startAuth();
    expect(t.state()).toBe('idInput');
    await toChallenge(t);
    expect(t.state()).toBe('challenge');
    const [first, second] = t.snapshot().context.challenges;
    expect(t.snapshot().context.instruction).toBe(faceAuthLines.challenge[first!]);
    await passChallenges(t);
    expect(t.calls.startChallenge).toEqual([first, second]);
    expect(t.calls.verify).toBe(1);
    const snapshot = t.snapshot();
    expect(snapshot.value).toBe('result');
    expect(snapshot.context).toMatchObject({ outcome: 'authenticated', nextDueDate: '2027-11-30', similarity: 0.8, liveness: 0.9 });
    expect(t.calls.submitted).toEqual([{ citizenId: 'QD0001', similarity: 0.8, liveness: 0.9, challenges: [first, second] }]);
    t.clock.increment(10_000);
    expect(t.outputs).toEqual([{ outcome: 'authenticated', line: faceAuthLines.authenticated('2027-11-30'), staffReason: null }]);
  });

  it('draws two or three challenges per attempt at random', async () => {
    const counts = new Set<number>();
    for (const r of [0, 0.4, 0.6, 0.99]) {
      const t = startAuth({ input: { challengesPerAttempt: { min: 2, max: 3 }, random: () => r } });
      await toPositioning(t);
      counts.add(t.snapshot().context.challenges.length);
    }
    expect([...counts].sort()).toEqual([2, 3]);
  });

  it('draws different challenges within an attempt', () => {
    expect(new Set(drawChallenges(['blink', 'turnLeft', 'nod'], 3, () => 0)).size).toBe(3);
  });

  it('refuses a bad ID number with guidance and stays on input, without saying anything new', () => {
    const t = startAuth();
    t.send({ type: 'auth.idNumber', idNumber: '370203196203150423' });
    expect(t.state()).toBe('idInput');
    expect(t.snapshot().context.guidance).toBe(faceAuthLines.badIdNumber);
    expect(t.said.map((s) => s.line)).toEqual([faceAuthLines.explain]);
  });

  it('asks again for the number when the business system does not know it', async () => {
    const t = startAuth({ citizen: null });
    await toPositioning(t);
    expect(t.state()).toBe('idInput');
    expect(t.snapshot().context.guidance).toBe(faceAuthLines.notFound);
    expect(t.said.map((s) => [s.line, s.listen])).toEqual([
      [faceAuthLines.explain, 'number'],
      [faceAuthLines.lookingUp, 'default'],
      [faceAuthLines.explain, 'number'],
    ]);
  });

  it('tells a non-pensioner and an already authenticated pensioner without running the camera', async () => {
    const a = startAuth({ citizen: { ...pensioner, isPensioner: false, standing: '不适用' } });
    await toPositioning(a);
    expect(a.snapshot().context.outcome).toBe('not-pensioner');
    const b = startAuth({ citizen: { ...pensioner, standing: '有效', nextDueDate: '2027-05-01' } });
    await toPositioning(b);
    expect(b.snapshot().context.outcome).toBe('already-authenticated');
    expect(b.said.at(-1)!.line).toContain('2027年5月1日');
    expect(a.calls.newAttempt + b.calls.newAttempt).toBe(0);
  });

  it('fails an attempt on each of vision/’s refusals with its reason, and never submits', async () => {
    const refusals = ['spoof', 'identity-changed', 'no-match', 'no-frames'] as const;
    for (const outcome of refusals) {
      const t = startAuth({ decide: () => decision(outcome) });
      await toChallenge(t);
      await passChallenges(t);
      expect(t.state()).toBe('positioning');
      expect(t.snapshot().context.attempt).toBe(2);
      expect(t.snapshot().context.instruction).toBe(faceAuthLines.retry(faceAuthLines.decision[outcome], 2));
      expect(t.calls.submitted).toEqual([]);
    }
  });

  it('fails on the wrong person three times, then staff review: the parent must call staff', async () => {
    const t = startAuth({ decide: () => decision('no-match') });
    for (let attempt = 1; attempt <= 3; attempt++) {
      await toChallenge(t);
      await passChallenges(t);
    }
    expect(t.calls.verify).toBe(3);
    expect(t.calls.newAttempt).toBe(3);
    expect(t.calls.submitted).toEqual([]);
    expect(t.snapshot().context.outcome).toBe('staff-review');
    t.clock.increment(10_000);
    expect(t.outputs).toEqual([{ outcome: 'staff-review', line: faceAuthLines.staffReview, staffReason: 'pension-auth-review' }]);
  });

  it('times out a challenge nobody does, and notices a change of person from vision/’s continuity', async () => {
    const t = startAuth();
    await toChallenge(t);
    t.clock.increment(8_000);
    expect(t.state()).toBe('positioning');
    expect(t.snapshot().context.attempt).toBe(2);
    expect(t.snapshot().context.instruction).toBe(faceAuthLines.retry(faceAuthLines.timeout, 2));
    await toChallenge(t);
    t.measure(() => measured({ sameFace: false, continuityBreak: 'face-changed', usable: false }));
    t.frame();
    expect(t.snapshot().context.instruction).toContain(faceAuthLines.personChanged);
    expect(t.calls.verify).toBe(0);
  });

  it('only counts a passed challenge that is the one asked for', async () => {
    const t = startAuth();
    await toChallenge(t);
    const [first, second] = t.snapshot().context.challenges;
    t.measure(() => measured({ challenge: { kind: second!, state: 'passed', miss: null } }));
    t.frame();
    expect(t.snapshot().context.challengeIndex).toBe(0);
    t.measure(() => measured({ challenge: { kind: first!, state: 'pending', miss: 'no-action' }, usable: false, failures: ['blurred'] }));
    t.frame();
    expect(t.state()).toBe('challenge');
    expect(t.snapshot().context.guidance).toBe(faceAuthLines.qualityGuidance.blurred);
  });

  it('says honestly when the result is saved for later because the business system is down', async () => {
    const t = startAuth({ submit: async () => ({ state: 'queued', nextDueDate: null }) });
    await toChallenge(t);
    await passChallenges(t);
    expect(t.snapshot().context.outcome).toBe('queued');
    expect(t.snapshot().context.instruction).toContain('自动提交');
  });

  it('gives guidance while positioning and fails when nobody gets into place', async () => {
    const t = startAuth();
    await toPositioning(t);
    t.measure(() => measured({ usable: false, failures: ['too-far'] }));
    t.frame();
    expect(t.snapshot().context.guidance).toBe('请靠近一点');
    // Several failures: the first (vision/ lists what to fix first first) is the one shown.
    t.measure(() => measured({ usable: false, failures: ['several-faces', 'too-far', 'blurred'] }));
    t.frame();
    expect(t.snapshot().context.guidance).toBe('请只留一人在镜头前');
    // Refused for continuity alone (no quality failure): nothing to tell about quality.
    t.measure(() => measured({ usable: false, failures: [], sameFace: false, continuityBreak: 'face-jumped' }));
    t.frame();
    expect(t.snapshot().context.guidance).toBeNull();
    t.measure(() => measured({ usable: false, failures: ['not-frontal'] }));
    t.frame();
    expect(t.snapshot().context.guidance).toBe('请正对屏幕');
    t.measure(() => measured());
    t.frame();
    expect(t.snapshot().context.guidance).toBeNull();
    t.clock.increment(15_000);
    expect(t.snapshot().context.attempt).toBe(2);
  });

  it('keeps the result when the citizen cancels while it is shown', async () => {
    const t = startAuth();
    await toChallenge(t);
    await passChallenges(t);
    t.send({ type: 'auth.cancel' });
    expect(t.outputs).toEqual([{ outcome: 'authenticated', line: faceAuthLines.authenticated('2027-11-30'), staffReason: null }]);
  });

  it('counts down the challenge on the machine’s clock (context, not a variable of the service)', async () => {
    const t = startAuth();
    await toChallenge(t);
    t.clock.increment(2_500);
    expect(t.snapshot().context.challengeStartedAt).toBe(t.clock.now() - 2_500);
  });
});

describe('robot.say: the child tells its parent each new line, once, with how to listen', () => {
  it('every change of the instruction is said exactly once, in order; the ID prompt listens for a number', async () => {
    const t = startAuth({ decide: (attempt) => decision(attempt === 1 ? 'spoof' : 'match') });
    const changes = instructionChanges(t.auth()!);
    await toChallenge(t);
    await passChallenges(t);
    await toChallenge(t);
    await passChallenges(t);
    t.clock.increment(10_000);
    expect(t.said.map((s) => s.line)).toEqual(changes);
    expect(changes.length).toBeGreaterThan(8);
    expect(t.said.filter((s) => s.listen === 'number').map((s) => s.line)).toEqual([faceAuthLines.explain]);
    expect(t.said.at(-1)!.line).toBe(t.outputs[0]!.line);
  });
});

describe('side effects are the machine’s: a new attempt on entering one, audit and wiping once at the end', () => {
  it('asks vision/ for a new attempt on entering each attempt, before its first challenge', async () => {
    const t = startAuth({ decide: () => decision('no-match') });
    await toPositioning(t);
    expect(t.calls.newAttempt).toBe(1);
    await toChallenge(t);
    await passChallenges(t);
    expect(t.calls.newAttempt).toBe(2);
    expect(t.calls.startChallenge).toHaveLength(2);
  });

  const endings: [string, (t: ReturnType<typeof startAuth>) => Promise<void>, string][] = [
    ['authenticated', async (t) => (await toChallenge(t), await passChallenges(t), t.clock.increment(10_000)), 'authenticated'],
    ['staff review', async (t) => {
      for (let i = 0; i < 3; i++) t.clock.increment(15_000);
      t.clock.increment(10_000);
    }, 'staff-review'],
    ['not a pensioner', async (t) => t.clock.increment(10_000), 'not-pensioner'],
    ['cancel on the keypad', async (t) => t.send({ type: 'auth.cancel' }), 'cancelled'],
    ['cancel during a challenge', async (t) => (await toChallenge(t), t.send({ type: 'auth.cancel' })), 'cancelled'],
    ['the visit ends (stopped from outside) while positioning', async (t) => t.send({ type: 'leave' }), 'cancelled'],
    ['camera lost while positioning', async (t) => t.send({ type: 'camera.lost', reason: 'ended' }), 'camera-lost'],
  ];
  for (const [name, drive, outcome] of endings) {
    it(`audits once and wipes the faces once: ${name}`, async () => {
      const t = startAuth(outcome === 'not-pensioner' ? { citizen: { ...pensioner, isPensioner: false } } : {});
      if (name !== 'cancel on the keypad') await toPositioning(t);
      await drive(t);
      await settle();
      expect(t.calls.audit).toHaveLength(1);
      expect(t.calls.clear).toBe(1);
      expect(t.calls.audit[0]).toMatchObject({ outcome });
      t.send({ type: 'leave' });
      t.actor.stop();
      expect(t.calls.audit).toHaveLength(1);
    });
  }
});

describe('camera faults', () => {
  const expectCameraLostEnd = (t: ReturnType<typeof startAuth>) => {
    expect(t.outputs).toEqual([{ outcome: 'camera-lost', line: faceAuthLines.cameraLost, staffReason: 'camera-lost' }]);
    expect(t.said.at(-1)!.line).toBe(faceAuthLines.cameraLost);
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
    await toChallenge(t);
    await passChallenges(t);
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
});

describe('frames', () => {
  it('are analysed only while positioning or in a challenge; everywhere else they are ignored', async () => {
    const t = startAuth({ reference: 'pending', decide: () => 'pending' });
    t.frame();
    t.send({ type: 'auth.idNumber', idNumber: validId });
    t.frame();
    await settle();
    expect(t.state()).toBe('preparingReference');
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
  });

  it('a measurement that arrives outside those states changes nothing', async () => {
    const t = startAuth();
    const before = t.snapshot();
    t.actor.getSnapshot().children.auth!.send({ type: 'frame.analyzed', frame: measured({ usable: false, failures: ['too-far'] }) });
    expect(t.snapshot().value).toEqual(before.value);
    expect(t.snapshot().context.guidance).toBeNull();
  });
});
