import { describe, expect, it } from 'vitest';
import { SimulatedClock, type AnyEventObject } from 'xstate';
import { getAdjacencyMap, getShortestPaths, getStateNodes, type AdjacencyMap, type AdjacencyValue } from 'xstate/graph';
import { identityLines } from '../../../../app/core/identity/identityLines.js';
import { faceAuthLines } from '../../../../app/core/services/pensionAuth/faceAuthLines.js';
import { pensionAuthMachine, type PensionAuthInput, type PensionAuthSnapshot } from '../../../../app/core/services/pensionAuth/pensionAuthMachine.js';
import { authInput, instructionChanges, pensioner, startAuth, validId, verifiedVisit } from './pensionAuthHarness.js';

// Model-based checks over the 养老认证 machine with xstate/graph: every event it can receive (its identity check's
// endings, lines and identity, and its actors' answers), walked from the start — asking the number, and for a
// citizen the visit already verified. The identity check itself has its own walk (test/core/identity).

const clock = new SimulatedClock();
const base = authInput(clock);
const inputs: [string, PensionAuthInput][] = [
  ['asking the number', base],
  ['a citizen the visit verified', { ...base, identity: verifiedVisit, visitId: 'v1' }],
];
const evidence = { attempts: 1, similarity: 0.8, liveness: 0.9, challenges: ['blink', 'nod'] };
const failed = { attempts: 3, similarity: 0.2, liveness: 0.9, challenges: ['blink', 'nod'] };
const allEvents: AnyEventObject[] = [
  { type: 'auth.idNumber', idNumber: validId },
  { type: 'auth.cancel' },
  { type: 'camera.lost', reason: 'ended' },
  { type: 'camera.restored' },
  { type: 'robot.say', line: faceAuthLines.positioning, listen: 'default' },
  { type: 'identity.verified', citizenId: 'QD0001', idNumberMasked: '3702**********0422', nameMasked: '王*兰' },
  { type: 'xstate.done.actor.identityCheck', output: { outcome: 'verified', citizenId: 'QD0001', idNumberMasked: '3702**********0422', nameMasked: '王*兰', ...evidence } },
  { type: 'xstate.done.actor.identityCheck', output: { outcome: 'not-verified', line: identityLines.notVerified, staffReason: 'identity-review', ...failed } },
  { type: 'xstate.done.actor.identityCheck', output: { outcome: 'not-verified', line: identityLines.limitReached, staffReason: null, ...failed } },
  { type: 'xstate.done.actor.identityCheck', output: { outcome: 'camera-lost', line: faceAuthLines.cameraLost, staffReason: 'camera-lost', ...failed } },
  { type: 'xstate.done.actor.identityCheck', output: { outcome: 'unavailable', line: identityLines.unavailable, staffReason: null, ...failed } },
  { type: 'xstate.done.actor.checkStatus', output: pensioner },
  { type: 'xstate.done.actor.checkStatus', output: { ...pensioner, isPensioner: false, standing: '不适用' } },
  { type: 'xstate.done.actor.checkStatus', output: { ...pensioner, standing: '有效' } },
  { type: 'xstate.error.actor.checkStatus', error: new Error('down') },
  { type: 'xstate.done.actor.submitResult', output: { state: 'accepted', nextDueDate: '2027-11-30' } },
  { type: 'xstate.done.actor.submitResult', output: { state: 'queued', nextDueDate: null } },
  { type: 'xstate.error.actor.submitResult', error: new Error('down') },
  { type: 'xstate.after.resultShow.pensionAuth.result' },
];
/** In each snapshot, the events it reacts to (an actor's answer only comes while the actor runs; an ended machine takes none). */
const events = (s: PensionAuthSnapshot) => (s.status === 'active' ? allEvents.filter((e) => s.can(e as never)) : []);

// What distinguishes two snapshots for the walk (the actor refs and functions in a snapshot are not data).
const serializeState = (s: PensionAuthSnapshot) => {
  const c = s.context;
  return JSON.stringify([s.status, s.value, c.instruction, c.outcome, c.staffReason, c.cameraFault, c.citizenId, c.liveChecked, c.status?.standing ?? null, c.status?.isPensioner ?? null]);
};

for (const [name, input] of inputs) {
  const options = { events, input, serializeState } as const;
  const adjacency: AdjacencyMap<PensionAuthSnapshot, AnyEventObject> = getAdjacencyMap(pensionAuthMachine, options as never);
  const snapshots = Object.values(adjacency).map((a) => a.state);

  describe(`养老认证 machine, walked with xstate/graph: ${name}`, () => {
    it('reaches every state that can be at rest (transient states only pass through)', () => {
      const atRest = getStateNodes(pensionAuthMachine.root)
        .filter((n) => (n.type === 'atomic' || n.type === 'final') && !n.always)
        .map((n) => n.key);
      expect(atRest.sort()).toEqual(['checkingStatus', 'done', 'identifying', 'result', 'submitting']);
      expect(new Set(snapshots.map((s) => s.value))).toEqual(new Set(atRest));
      expect(snapshots.every((s) => s.status === 'active' || s.status === 'done')).toBe(true);
      expect(snapshots.length).toBeGreaterThan(20);
    });

    it('has no dead ends: from every reachable snapshot the final state can be reached', () => {
      const canFinish = new Set(snapshots.filter((s) => s.status === 'done').map(serializeState));
      for (let grew = true; grew; ) {
        grew = false;
        for (const [from, value] of Object.entries(adjacency) as [string, AdjacencyValue<PensionAuthSnapshot, AnyEventObject>][]) {
          if (canFinish.has(from)) continue;
          if (Object.values(value.transitions).some((t) => canFinish.has(serializeState(t.state)))) {
            canFinish.add(from);
            grew = true;
          }
        }
      }
      expect(Object.keys(adjacency).filter((k) => !canFinish.has(k))).toEqual([]);
    });

    it('every way to the end has an outcome and a line for the citizen; staff are asked for exactly when needed', () => {
      const ends = snapshots.filter((s) => s.status === 'done');
      expect(new Set(ends.map((s) => s.output!.outcome))).toEqual(
        new Set(['authenticated', 'queued', 'failed', 'already-authenticated', 'not-pensioner', 'staff-review', 'not-verified', 'camera-lost', 'cancelled']),
      );
      for (const end of ends) {
        const { outcome, line, staffReason } = end.output!;
        expect(line.length, outcome).toBeGreaterThan(0);
        expect(staffReason).toBe(outcome === 'staff-review' ? 'pension-auth-review' : outcome === 'camera-lost' ? 'camera-lost' : null);
        if (outcome === 'camera-lost') expect(line).toBe(faceAuthLines.cameraLost);
      }
    });

    it('asks and tells the status only of a verified citizen, and submits only after a live check of this authentication', () => {
      for (const s of snapshots) {
        if (s.value === 'checkingStatus' || s.context.status !== null) expect(s.context.citizenId, serializeState(s)).toBe('QD0001');
        if (s.value === 'checkingStatus' && !input.identity) expect(s.context.liveChecked).toBe(true);
        if (s.value === 'submitting' || ['authenticated', 'queued'].includes(s.context.outcome ?? '')) expect(s.context.liveChecked, serializeState(s)).toBe(true);
        if (s.context.outcome === 'not-pensioner' || s.context.outcome === 'already-authenticated') expect(s.context.status).not.toBeNull();
      }
      // Asking the number: nothing of the status before the check said verified.
      if (!input.identity) expect(snapshots.filter((s) => s.value === 'identifying').every((s) => s.context.status === null && s.context.citizenId === null)).toBe(true);
    });

    it('on every shortest path, replayed on the running machine, each new line is said to the parent exactly once', async () => {
      const paths = getShortestPaths(pensionAuthMachine, options as never);
      expect(paths.length).toBe(snapshots.length);
      for (const path of paths) {
        const t = startAuth({ manual: true, input: { ...input, now: () => t.clock.now() } });
        const changes = instructionChanges(t.auth()!);
        for (const step of path.steps) {
          if ((step.event.type as string) === 'xstate.init') continue;
          t.sendToChild(step.event);
        }
        const label = path.steps.map((s) => s.event.type).join(' → ');
        // Every change (the identity check's lines, passed on, and this machine's own) is said once, in order.
        expect(t.said.map((s) => s.line), label).toEqual(changes.filter((line) => line !== ''));
        if (path.state.status === 'done') {
          expect(t.outputs, label).toEqual([path.state.output]);
          expect(t.said.at(-1)!.line, label).toBe(path.state.output!.line);
        }
      }
    });
  });
}
