import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, SimulatedClock } from 'xstate';
import type { LivenessChallengeKind } from '../../../../app/api/kioskApi.js';
import { faceAuthLines } from '../../../../app/core/services/pensionAuth/faceAuthLines.js';
import type { CitizenForAuth, FrameMeasurement, SubmissionOutcome, VerificationResult } from '../../../../app/core/services/pensionAuth/faceAuthTypes.js';
import { drawChallenges, pensionAuthMachine, type PensionAuthInput } from '../../../../app/core/services/pensionAuth/pensionAuthMachine.js';

// The real 养老认证 machine with a simulated clock; the actors at its edges (business system, face pipeline) are
// provided here, and frames arrive as the measurements the main process would make.
const pensioner: CitizenForAuth = { citizenId: 'QD0001', isPensioner: true, standing: '即将到期', nextDueDate: '2026-12-10' };
const validId = '370203196203150422';

/** The machine's settings as the kiosk gives them, with what a test changes. */
function authInput(over: Partial<PensionAuthInput> = {}): PensionAuthInput {
  return {
    timing: { challengeMs: 8_000, positioningMs: 15_000, positionedFrames: 3, resultShowMs: 10_000 },
    challengePool: ['blink', 'turnLeft', 'turnRight', 'openMouth', 'nod'],
    challengesPerAttempt: { min: 2, max: 2 },
    maxAttempts: 3,
    livenessThreshold: 0.5,
    // Test detector: a challenge is done when a frame says so through its mouth value (a stand-in signal).
    detectChallenge: (_kind: LivenessChallengeKind, frames: readonly FrameMeasurement[]) => frames.some((f) => (f.mouthOpenness ?? 0) > 0.9),
    random: () => 0.3,
    ...over,
  };
}

interface Options {
  citizen?: CitizenForAuth | null;
  reference?: boolean;
  match?: boolean;
  submit?: () => Promise<SubmissionOutcome>;
}

function start(options: Options = {}) {
  const clock = new SimulatedClock();
  const submitted: unknown[] = [];
  const verified: string[] = [];
  const machine = pensionAuthMachine.provide({
    actors: {
      lookUpCitizen: fromPromise<CitizenForAuth | null, { idNumber: string }>(async () => (options.citizen === undefined ? pensioner : options.citizen)),
      prepareReference: fromPromise<boolean, { citizenId: string }>(async () => options.reference ?? true),
      verifyIdentity: fromPromise<VerificationResult, { citizenId: string }>(async ({ input }) => {
        verified.push(input.citizenId);
        return { similarity: options.match === false ? 0.2 : 0.8, match: options.match !== false };
      }),
      submitResult: fromPromise(async ({ input }) => {
        submitted.push(input);
        return options.submit ? options.submit() : { state: 'accepted' as const, nextDueDate: '2027-11-30' };
      }),
    },
  });
  const actor = createActor(machine, { clock, input: authInput() });
  actor.start();
  return { actor, clock, submitted, verified };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const frame = (over: Partial<FrameMeasurement> = {}): FrameMeasurement => ({
  at: 0, usable: true, guidance: null, faces: 1, yaw: 0, pitch: 0, eyeOpenness: 0.3, mouthOpenness: 0.1, liveness: 0.9, sameFace: true, ...over,
});
const send = (actor: ReturnType<typeof start>['actor'], f: FrameMeasurement) => actor.send({ type: 'frame.analyzed', frame: f });

async function toChallenge(t: ReturnType<typeof start>) {
  t.actor.send({ type: 'auth.idNumber', idNumber: validId });
  await flush();
  await flush();
  for (let i = 0; i < 3; i++) send(t.actor, frame());
}

describe('养老认证 machine', () => {
  it('authenticates: ID → reference → positioning → two challenges with liveness → verification → submission', async () => {
    const t = start();
    expect(t.actor.getSnapshot().value).toBe('idInput');
    await toChallenge(t);
    expect(t.actor.getSnapshot().value).toBe('challenge');
    const first = t.actor.getSnapshot().context.challenges[0]!;
    expect(t.actor.getSnapshot().context.instruction).toBe(faceAuthLines.challenge[first]);
    send(t.actor, frame({ mouthOpenness: 1 }));
    send(t.actor, frame({ mouthOpenness: 1 }));
    await flush();
    await flush();
    const snapshot = t.actor.getSnapshot();
    expect(snapshot.value).toBe('result');
    expect(snapshot.context.outcome).toBe('authenticated');
    expect(snapshot.context.nextDueDate).toBe('2027-11-30');
    expect(t.submitted).toHaveLength(1);
    t.clock.increment(10_000);
    expect(t.actor.getSnapshot().status).toBe('done');
  });

  it('draws two or three challenges per attempt at random', async () => {
    const counts = new Set<number>();
    for (const r of [0, 0.4, 0.6, 0.99]) {
      const machine = pensionAuthMachine.provide({
        actors: {
          lookUpCitizen: fromPromise<CitizenForAuth | null, { idNumber: string }>(async () => pensioner),
          prepareReference: fromPromise<boolean, { citizenId: string }>(async () => true),
        },
      });
      const actor = createActor(machine, { input: authInput({ challengesPerAttempt: { min: 2, max: 3 }, detectChallenge: () => false, random: () => r }) });
      actor.start();
      actor.send({ type: 'auth.idNumber', idNumber: validId });
      await flush();
      await flush();
      counts.add(actor.getSnapshot().context.challenges.length);
      actor.stop();
    }
    expect([...counts].sort()).toEqual([2, 3]);
  });

  it('draws different challenges within an attempt', () => {
    const drawn = drawChallenges(['blink', 'turnLeft', 'nod'], 3, () => 0);
    expect(new Set(drawn).size).toBe(3);
  });

  it('refuses a bad ID number with guidance and stays on input', () => {
    const t = start();
    t.actor.send({ type: 'auth.idNumber', idNumber: '370203196203150423' });
    expect(t.actor.getSnapshot().value).toBe('idInput');
    expect(t.actor.getSnapshot().context.guidance).toBe(faceAuthLines.badIdNumber);
  });

  it('tells a non-pensioner and an already authenticated pensioner without running the camera', async () => {
    const a = start({ citizen: { ...pensioner, isPensioner: false, standing: '不适用' } });
    a.actor.send({ type: 'auth.idNumber', idNumber: validId });
    await flush();
    expect(a.actor.getSnapshot().context.outcome).toBe('not-pensioner');
    const b = start({ citizen: { ...pensioner, standing: '有效', nextDueDate: '2027-05-01' } });
    b.actor.send({ type: 'auth.idNumber', idNumber: validId });
    await flush();
    expect(b.actor.getSnapshot().context.outcome).toBe('already-authenticated');
    expect(b.actor.getSnapshot().context.instruction).toContain('2027年5月1日');
  });

  it('fails a spoof on liveness and never compares it with the reference', async () => {
    const t = start();
    await toChallenge(t);
    send(t.actor, frame({ liveness: 0.1, mouthOpenness: 1 }));
    send(t.actor, frame({ liveness: 0.1, mouthOpenness: 1 }));
    await flush();
    expect(t.verified).toEqual([]);
    expect(t.actor.getSnapshot().value).toBe('positioning');
    expect(t.actor.getSnapshot().context.instruction).toContain(faceAuthLines.spoof);
  });

  it('fails on the wrong person, retries, and after three attempts offers staff review', async () => {
    const t = start({ match: false });
    for (let attempt = 1; attempt <= 3; attempt++) {
      if (attempt === 1) await toChallenge(t);
      else for (let i = 0; i < 3; i++) send(t.actor, frame());
      send(t.actor, frame({ mouthOpenness: 1 }));
      send(t.actor, frame({ mouthOpenness: 1 }));
      await flush();
      await flush();
    }
    expect(t.verified).toHaveLength(3);
    expect(t.actor.getSnapshot().context.outcome).toBe('staff-review');
    expect(t.submitted).toEqual([]);
  });

  it('times out a challenge nobody does, and notices a change of person', async () => {
    const t = start();
    await toChallenge(t);
    t.clock.increment(8_000);
    expect(t.actor.getSnapshot().value).toBe('positioning');
    expect(t.actor.getSnapshot().context.attempt).toBe(2);
    for (let i = 0; i < 3; i++) send(t.actor, frame());
    send(t.actor, frame({ sameFace: false }));
    expect(t.actor.getSnapshot().context.instruction).toContain(faceAuthLines.personChanged);
  });

  it('says honestly when the result is saved for later because the business system is down', async () => {
    const t = start({ submit: async () => ({ state: 'queued', nextDueDate: null }) });
    await toChallenge(t);
    send(t.actor, frame({ mouthOpenness: 1 }));
    send(t.actor, frame({ mouthOpenness: 1 }));
    await flush();
    await flush();
    expect(t.actor.getSnapshot().context.outcome).toBe('queued');
    expect(t.actor.getSnapshot().context.instruction).toContain('自动提交');
  });

  it('gives guidance while positioning and fails when nobody gets into place', () => {
    const t = start();
    t.actor.send({ type: 'auth.idNumber', idNumber: validId });
    return flush().then(flush).then(() => {
      send(t.actor, frame({ usable: false, guidance: '请靠近一点' }));
      expect(t.actor.getSnapshot().context.guidance).toBe('请靠近一点');
      t.clock.increment(15_000);
      expect(t.actor.getSnapshot().context.attempt).toBe(2);
    });
  });
});
