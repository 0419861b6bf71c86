import { describe, expect, it } from 'vitest';
import { SimulatedClock, type AnyEventObject } from 'xstate';
import { getAdjacencyMap, getShortestPaths, getStateNodes, type AdjacencyMap, type AdjacencyValue, type StatePath } from 'xstate/graph';
import type { LivenessChallengeKind } from '../../../app/api/kioskApi.js';
import { identityCheckMachine, type IdentityCheckInput, type IdentityCheckOutput, type IdentityCheckSnapshot } from '../../../app/core/identity/identityCheckMachine.js';
import { identityLines } from '../../../app/core/identity/identityLines.js';
import { faceAuthLines } from '../../../app/core/services/pensionAuth/faceAuthLines.js';
import { decision, identityInput, instructionChanges, leafOf, measured, startIdentity, validId } from './identityCheckHarness.js';

// Model-based checks over the identity check with xstate/graph: every event the machine can receive (its actors'
// answers included), walked from the start on a fixed clock and a fixed random draw — once asking the number, once
// for a citizen the visit already verified.

const machine = identityCheckMachine.provide({ actions: { newAttempt: () => {}, startChallenge: () => {}, recordFailedCheck: () => {} } });
const clock = new SimulatedClock();
const base: IdentityCheckInput = identityInput(clock, {
  timing: { challengeMs: 8_000, positioningMs: 15_000, positionedFrames: 1 },
  challengesPerAttempt: { min: 2, max: 2 },
  random: () => 0.3,
});
const inputs: [string, IdentityCheckInput][] = [
  ['asking the number', base],
  ['a citizen the visit verified', { ...base, known: { citizenId: 'QD0001', idNumberMasked: '3702**********0422', nameMasked: '王*兰' }, visitId: 'v1' }],
];
const kinds: LivenessChallengeKind[] = ['blink', 'turnLeft', 'turnRight', 'openMouth', 'nod'];

/** What the business system may say of a number (none of it may reach the citizen before a match). */
const prepared = [
  { citizenId: 'QD0001', nameMasked: '王*兰', reference: true },
  { citizenId: 'QD0001', nameMasked: '王*兰', reference: false },
  { citizenId: null, nameMasked: null, reference: false },
];
const allEvents: AnyEventObject[] = [
  { type: 'auth.idNumber', idNumber: validId },
  { type: 'auth.idNumber', idNumber: '370203196203150423' },
  { type: 'auth.cancel' },
  { type: 'camera.lost', reason: 'ended' },
  { type: 'camera.restored' },
  { type: 'frame.analyzed', frame: measured() },
  { type: 'frame.analyzed', frame: measured({ usable: false, failures: ['too-far'] }) },
  { type: 'frame.analyzed', frame: measured({ sameFace: false, usable: false, continuityBreak: 'face-changed' }) },
  ...kinds.map((kind) => ({ type: 'frame.analyzed', frame: measured({ challenge: { kind, state: 'passed' as const, miss: null } }) })),
  { type: 'xstate.done.actor.admitSubject', output: { admitted: true, checksLeft: 5 } },
  { type: 'xstate.done.actor.admitSubject', output: { admitted: true, checksLeft: 1 } },
  { type: 'xstate.done.actor.admitSubject', output: { admitted: false, limit: 'visit' } },
  { type: 'xstate.done.actor.admitSubject', output: { admitted: false, limit: 'number' } },
  { type: 'xstate.error.actor.admitSubject', error: new Error('disk') },
  ...prepared.map((output) => ({ type: 'xstate.done.actor.prepareIdentity', output })),
  { type: 'xstate.error.actor.prepareIdentity', error: new Error('down') },
  ...(['match', 'no-match', 'spoof', 'identity-changed', 'no-frames'] as const).map((o) => ({ type: 'xstate.done.actor.verifyAttempt', output: decision(o) })),
  { type: 'xstate.error.actor.verifyAttempt', error: new Error('onnx') },
  // The machine's delays, as the clock would deliver them.
  { type: 'xstate.after.positioningTime.identityCheck.attempt.positioning' },
  { type: 'xstate.after.challengeTime.identityCheck.attempt.challenge' },
];
/** In each snapshot, the events it reacts to (an actor's answer only comes while the actor runs; an ended machine takes none). */
const events = (s: IdentityCheckSnapshot) => (s.status === 'active' ? allEvents.filter((e) => s.can(e as never)) : []);

// What distinguishes two snapshots for the walk (the actor refs and functions in a snapshot are not data).
const serializeState = (s: IdentityCheckSnapshot) => {
  const c = s.context;
  return JSON.stringify([s.status, s.value, c.instruction, c.guidance, c.attempt, c.challengeIndex, c.checksLeft, c.cameraFault, c.outcome, c.staffReason, c.citizenId, c.reference]);
};

for (const [name, input] of inputs) {
  const options = { events, input, serializeState } as const;
  const adjacency: AdjacencyMap<IdentityCheckSnapshot, AnyEventObject> = getAdjacencyMap(machine, options as never);
  const snapshots = Object.values(adjacency).map((a) => a.state);
  const paths = getShortestPaths(machine, options as never) as StatePath<IdentityCheckSnapshot, AnyEventObject>[];

  describe(`identity check, walked with xstate/graph: ${name}`, () => {
    it('reaches every state that can be at rest (transient states only pass through)', () => {
      const atRest = getStateNodes(machine.root)
        .filter((n) => (n.type === 'atomic' || n.type === 'final') && !n.always)
        .map((n) => n.key)
        .filter((key) => !(input.known && key === 'idInput'));
      expect(atRest.sort()).toEqual(['admitting', 'challenge', 'done', 'idInput', 'lookingUp', 'positioning', 'verifying'].filter((k) => !(input.known && k === 'idInput')));
      expect(new Set(snapshots.map((s) => leafOf(s.value)))).toEqual(new Set(atRest));
      expect(snapshots.every((s) => s.status === 'active' || s.status === 'done')).toBe(true);
      expect(snapshots.length).toBeGreaterThan(50);
      // A known citizen is never asked the number.
      if (input.known) expect(snapshots.some((s) => s.context.instruction === identityLines.askNumber)).toBe(false);
    });

    it('has no dead ends: from every reachable snapshot the final state can be reached', () => {
      const canFinish = new Set(snapshots.filter((s) => s.status === 'done').map(serializeState));
      for (let grew = true; grew; ) {
        grew = false;
        for (const [from, value] of Object.entries(adjacency) as [string, AdjacencyValue<IdentityCheckSnapshot, AnyEventObject>][]) {
          if (canFinish.has(from)) continue;
          if (Object.values(value.transitions).some((t) => canFinish.has(serializeState(t.state)))) {
            canFinish.add(from);
            grew = true;
          }
        }
      }
      expect(Object.keys(adjacency).filter((k) => !canFinish.has(k))).toEqual([]);
    });

    it('every ending tells an outcome: verified says who (masked), every other one has its line; staff exactly when needed', () => {
      const ends = snapshots.filter((s) => s.status === 'done');
      expect(new Set(ends.map((s) => s.output!.outcome))).toEqual(new Set(['verified', 'not-verified', 'cancelled', 'camera-lost', 'unavailable']));
      for (const end of ends) {
        const output = end.output!;
        if (output.outcome === 'verified') {
          expect(output.citizenId).toBe('QD0001');
          expect(output.idNumberMasked).toBe('3702**********0422');
          // Only a match against a reference on file verifies.
          expect(end.context.reference).toBe(true);
          continue;
        }
        expect(output.line.length, output.outcome).toBeGreaterThan(0);
        expect(output).not.toHaveProperty('citizenId');
        const staff = output.outcome === 'camera-lost' ? 'camera-lost' : output.outcome === 'not-verified' && output.line === identityLines.notVerified ? 'identity-review' : null;
        expect(output.staffReason, output.line).toBe(staff);
        if (output.outcome === 'camera-lost') expect(output.line).toBe(faceAuthLines.cameraLost);
        if (output.outcome === 'not-verified') expect([identityLines.notVerified, identityLines.limitReached]).toContain(output.line);
      }
    });

    it('nothing said depends on what the business system knows of the number until the face matched', async () => {
      // Metamorphic: every shortest path that gives the business system's answer and has no match after it is
      // replayed with each possible answer; the lines said and the ending are the same.
      let compared = 0;
      for (const path of paths) {
        const steps = path.steps.map((s) => s.event).filter((e) => e.type !== 'xstate.init');
        const at = steps.findIndex((e) => e.type === 'xstate.done.actor.prepareIdentity');
        if (at < 0 || steps.slice(at).some((e) => e.type === 'xstate.done.actor.verifyAttempt' && (e as unknown as { output: { outcome: string } }).output.outcome === 'match')) continue;
        const runs = prepared.map((output) => replay(input, steps.map((e, i) => (i === at ? { ...e, output } : e))));
        for (const run of runs) expect(run, steps.map((e) => e.type).join(' → ')).toEqual(runs[0]);
        compared++;
      }
      expect(compared).toBeGreaterThan(20);
    });

    it('on every shortest path, replayed on the running machine, each new line is said once; identity.verified once, only when verified', async () => {
      expect(paths.length).toBe(snapshots.length);
      for (const path of paths) {
        const t = startIdentity({ manual: true, input: { ...input, now: () => t.clock.now() } });
        const changes = instructionChanges(t.check()!);
        for (const step of path.steps) {
          if ((step.event.type as string) === 'xstate.init') continue;
          t.sendToChild(step.event);
        }
        const label = path.steps.map((s) => s.event.type).join(' → ');
        expect(t.said.map((s) => s.line), label).toEqual(changes);
        expect(t.said.every((s) => s.listen === (s.line === identityLines.askNumber ? 'number' : 'default')), label).toBe(true);
        expect(t.verified, label).toEqual(path.state.output?.outcome === 'verified' ? [{ type: 'identity.verified', citizenId: 'QD0001', idNumberMasked: '3702**********0422', nameMasked: '王*兰' }] : []);
        if (path.state.status === 'done') {
          // The ending (the scores of the last decision are not part of the walk's states: paths may differ there).
          expect(t.outputs.map(ending), label).toEqual([ending(path.state.output!)]);
          if (path.state.output!.outcome !== 'verified') expect(t.said.at(-1)!.line, label).toBe(path.state.output!.line);
        }
      }
    });
  });
}

/** How a check ended, without the last decision's scores. */
function ending(output: IdentityCheckOutput) {
  const { attempts: _a, similarity: _s, liveness: _l, challenges: _c, ...rest } = output;
  return rest;
}

/** The lines said, whether identity.verified was sent, and the output, for one sequence of events. */
function replay(input: IdentityCheckInput, steps: AnyEventObject[]) {
  const t = startIdentity({ manual: true, input: { ...input, now: () => t.clock.now() } });
  for (const event of steps) t.sendToChild(event);
  const output = t.outputs[0];
  return { said: t.said.map((s) => s.line), verified: t.verified.length, output, state: leafOf(t.snapshot().value) };
}
