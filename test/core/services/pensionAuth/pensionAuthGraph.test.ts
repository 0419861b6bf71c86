import { describe, expect, it } from 'vitest';
import { SimulatedClock, type AnyEventObject } from 'xstate';
import { getAdjacencyMap, getShortestPaths, getStateNodes, type AdjacencyMap, type AdjacencyValue } from 'xstate/graph';
import type { LivenessChallengeKind } from '../../../../app/api/kioskApi.js';
import { faceAuthLines } from '../../../../app/core/services/pensionAuth/faceAuthLines.js';
import { pensionAuthMachine, type PensionAuthSnapshot } from '../../../../app/core/services/pensionAuth/pensionAuthMachine.js';
import { authInput, decision, instructionChanges, measured, pensioner, startAuth, validId } from './pensionAuthHarness.js';

// Model-based checks over the 养老认证 child machine with xstate/graph: every event the machine can receive
// (answers of its actors included), walked from the start on a fixed clock and a fixed random draw.

const machine = pensionAuthMachine.provide({ actions: { newAttempt: () => {}, startChallenge: () => {} } });
const clock = new SimulatedClock();
const input = authInput(clock, {
  timing: { challengeMs: 8_000, positioningMs: 15_000, positionedFrames: 1, resultShowMs: 10_000 },
  challengesPerAttempt: { min: 2, max: 2 },
  random: () => 0.3,
});
const kinds: LivenessChallengeKind[] = ['blink', 'turnLeft', 'turnRight', 'openMouth', 'nod'];

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
  { type: 'xstate.done.actor.lookUpCitizen', output: pensioner },
  { type: 'xstate.done.actor.lookUpCitizen', output: null },
  { type: 'xstate.done.actor.lookUpCitizen', output: { ...pensioner, isPensioner: false, standing: '不适用' } },
  { type: 'xstate.done.actor.lookUpCitizen', output: { ...pensioner, standing: '有效' } },
  { type: 'xstate.error.actor.lookUpCitizen', error: new Error('down') },
  { type: 'xstate.done.actor.prepareReference', output: true },
  { type: 'xstate.done.actor.prepareReference', output: false },
  { type: 'xstate.error.actor.prepareReference', error: new Error('down') },
  ...(['match', 'no-match', 'spoof', 'identity-changed', 'no-frames'] as const).map((o) => ({ type: 'xstate.done.actor.verifyAttempt', output: decision(o) })),
  { type: 'xstate.error.actor.verifyAttempt', error: new Error('onnx') },
  { type: 'xstate.done.actor.submitResult', output: { state: 'accepted', nextDueDate: '2027-11-30' } },
  { type: 'xstate.done.actor.submitResult', output: { state: 'queued', nextDueDate: null } },
  { type: 'xstate.error.actor.submitResult', error: new Error('down') },
  // The machine's delays, as the clock would deliver them.
  { type: 'xstate.after.positioningTime.pensionAuth.attempt.positioning' },
  { type: 'xstate.after.challengeTime.pensionAuth.attempt.challenge' },
  { type: 'xstate.after.resultShow.pensionAuth.result' },
];
/** In each snapshot, the events it reacts to (an actor's answer only comes while the actor runs; an ended machine takes none). */
const events = (s: PensionAuthSnapshot) => (s.status === 'active' ? allEvents.filter((e) => s.can(e as never)) : []);

// What distinguishes two snapshots for the walk (the actor refs and functions in a snapshot are not data).
const serializeState = (s: PensionAuthSnapshot) => {
  const c = s.context;
  return JSON.stringify([s.status, s.value, c.instruction, c.guidance, c.attempt, c.challengeIndex, c.cameraFault, c.outcome, c.staffReason, c.citizen?.isPensioner ?? null]);
};
const options = { events, input, serializeState } as const;
const adjacency: AdjacencyMap<PensionAuthSnapshot, AnyEventObject> = getAdjacencyMap(machine, options as never);
const snapshots = Object.values(adjacency).map((a) => a.state);
const leafOf = (s: PensionAuthSnapshot) => (typeof s.value === 'string' ? s.value : Object.values(s.value)[0]!);

describe('养老认证 machine, walked with xstate/graph', () => {
  it('reaches every state that can be at rest (transient states only pass through)', () => {
    const atRest = getStateNodes(machine.root)
      .filter((n) => (n.type === 'atomic' || n.type === 'final') && !n.always)
      .map((n) => n.key);
    expect(atRest.sort()).toEqual(['challenge', 'done', 'idInput', 'lookingUp', 'positioning', 'preparingReference', 'result', 'submitting', 'verifying']);
    expect(new Set(snapshots.map(leafOf))).toEqual(new Set(atRest));
    expect(snapshots.every((s) => s.status === 'active' || s.status === 'done')).toBe(true);
    expect(snapshots.length).toBeGreaterThan(50);
  });

  it('has no dead ends: from every reachable snapshot the final state can be reached', () => {
    const key = (s: PensionAuthSnapshot) => serializeState(s);
    const canFinish = new Set(snapshots.filter((s) => s.status === 'done').map(key));
    for (let grew = true; grew; ) {
      grew = false;
      for (const [from, value] of Object.entries(adjacency) as [string, AdjacencyValue<PensionAuthSnapshot, AnyEventObject>][]) {
        if (canFinish.has(from)) continue;
        if (Object.values(value.transitions).some((t) => canFinish.has(key(t.state)))) {
          canFinish.add(from);
          grew = true;
        }
      }
    }
    const stuck = Object.keys(adjacency).filter((k) => !canFinish.has(k));
    expect(stuck).toEqual([]);
  });

  it('every way to the end has an outcome and a line for the citizen; staff are asked for exactly when needed', () => {
    const ends = snapshots.filter((s) => s.status === 'done');
    expect(new Set(ends.map((s) => s.output!.outcome))).toEqual(
      new Set(['authenticated', 'queued', 'failed', 'already-authenticated', 'not-pensioner', 'staff-review', 'camera-lost', 'cancelled']),
    );
    for (const end of ends) {
      const { outcome, line, staffReason } = end.output!;
      expect(line.length, outcome).toBeGreaterThan(0);
      expect(staffReason).toBe(outcome === 'staff-review' ? 'pension-auth-review' : outcome === 'camera-lost' ? 'camera-lost' : null);
      if (outcome === 'camera-lost') expect(line).toBe(faceAuthLines.cameraLost);
    }
  });

  it('on every shortest path, replayed on the running machine, each new line is said to the parent exactly once', async () => {
    const paths = getShortestPaths(machine, options as never);
    expect(paths.length).toBe(snapshots.length);
    for (const path of paths) {
      const t = startAuth({ manual: true, input: { ...input, now: () => t.clock.now() } });
      const changes = instructionChanges(t.auth()!);
      for (const step of path.steps) {
        if ((step.event.type as string) === 'xstate.init') continue;
        t.sendToChild(step.event);
      }
      const label = path.steps.map((s) => s.event.type).join(' → ');
      expect(t.said.map((s) => s.line), label).toEqual(changes);
      expect(t.said.every((s) => s.listen === (s.line === faceAuthLines.explain ? 'number' : 'default')), label).toBe(true);
      if (path.state.status === 'done') {
        expect(t.outputs, label).toEqual([path.state.output]);
        expect(t.said.at(-1)!.line, label).toBe(path.state.output!.line);
      }
    }
  });
});
