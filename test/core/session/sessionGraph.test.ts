import { describe, expect, it } from 'vitest';
import { createMachine, SimulatedClock, type ActorLogic, type SnapshotFrom } from 'xstate';
import { getAdjacencyMap, getShortestPaths, type AdjacencyValue } from 'xstate/graph';
import { sessionMachine } from '../../../app/core/session/sessionMachine.js';
import { robotLines } from '../../../app/core/session/robotLines.js';
import { routeUtterance } from '../../../app/core/nlu/routeUtterance.js';
import { cardLossTransaction } from '../../../app/core/transactions/cardLossTransaction.js';
import type { SessionEvent } from '../../../app/core/session/sessionEvents.js';
import { answerFor, pensionAuthSettings, places, timing } from './sessionHarness.js';

// Model-based tests over the session machine (xstate/graph): the machine's own transition function is walked with
// every event a visit can meet, including its timers and its actors' completions as events.
const machine = sessionMachine.provide({ actors: { pensionAuth: createMachine({}) as never, identityCheck: createMachine({}) as never, printJob: createMachine({}) as never, transaction: createMachine({}) as never } });
type Snapshot = SnapshotFrom<typeof machine>;
const clock = new SimulatedClock();
const input = { timing, places, robotName: '小青', newSessionId: () => 'graph', now: () => 0, pensionAuth: pensionAuthSettings(clock), llmRouteBelow: 0.8, transactions: { report_card_loss: cardLossTransaction({ submit: async () => Promise.reject(new Error('not in the graph')) }) } };

/** Every state node id of the machine, e.g. session.followUp.nudged. */
function stateIds(): string[] {
  const ids: string[] = [];
  const walk = (node: { id: string; states?: Record<string, unknown> }) => {
    ids.push(node.id);
    for (const child of Object.values(node.states ?? {})) walk(child as typeof node);
  };
  walk(machine.root as unknown as { id: string; states?: Record<string, unknown> });
  return ids;
}

/** The machine's timers and actor completions, as the events they are (each with an output a real actor gives). */
function internalEvents(): SessionEvent[] {
  const types = new Set<string>();
  const walk = (node: { transitions: Map<string, unknown>; states?: Record<string, unknown> }) => {
    for (const type of node.transitions.keys()) types.add(type);
    for (const child of Object.values(node.states ?? {})) walk(child as typeof node);
  };
  walk(machine.root as unknown as { transitions: Map<string, unknown>; states?: Record<string, unknown> });
  const events: { type: string; output?: unknown; error?: unknown }[] = [];
  for (const type of types) {
    if (type.startsWith('xstate.after') || type.startsWith('xstate.error')) events.push({ type, error: new Error('x') });
    else if (type === 'xstate.done.actor.0.session.thinking') events.push({ type, output: answerFor('失业金') }, { type, output: { ...answerFor('公积金'), offerStaff: true } });
    else if (type === 'xstate.done.actor.0.session.guiding') {
      for (const result of ['arrived', 'blocked', 'unknown-place', 'fault'] as const) events.push({ type, output: { result, placeLabel: '3号窗口', directions: '东侧' } });
    } else if (type === 'xstate.done.actor.pensionAuth') {
      events.push({ type, output: { outcome: 'authenticated', line: '认证成功。', staffReason: null } }, { type, output: { outcome: 'staff-review', line: '请找工作人员。', staffReason: 'pension-auth-review' } });
    } else if (type === 'xstate.done.actor.identityCheck') {
      events.push({ type, output: { outcome: 'verified', citizenId: 'QD0001', idNumberMasked: '3702**********0422' } }, { type, output: { outcome: 'not-verified', line: '没能核实您的身份。已经为您呼叫工作人员，请稍等。', staffReason: 'identity-review' } });
    } else if (type.startsWith('xstate.done.actor.0.session.personalQuery')) {
      events.push({ type, output: { title: '缴费基数', spoken: '您2024年的养老保险缴费基数是5200元。', screen: '2024年：5,200 元', empty: false } });
    } else if (type.startsWith('xstate.done.actor.0.session.resolvingRoute')) {
      events.push({ type, output: routeUtterance('查一下我的缴费基数') }, { type, output: routeUtterance('失业金怎么领') });
    } else if (type.startsWith('xstate.done.actor.0.session.printingRecord')) {
      events.push({ type, output: { jobId: 'record-1' } });
    } else if (type === 'xstate.done.actor.transaction') {
      events.push({ type, output: { outcome: 'submitted', line: '社保卡已经挂失，受理编号GS1。', reference: 'GS1', staffReason: null } }, { type, output: { outcome: 'refused', line: '社保卡挂失没有办成：已经挂失了。我已经请工作人员过来帮您。', reference: null, staffReason: 'transaction-refused:report_card_loss' } });
    } else if (type === 'xstate.done.actor.printJob') {
      events.push({ type, output: { outcome: 'done', line: '打好了。', staffReason: null } }, { type, output: { outcome: 'unconfirmed', line: '工作人员来核实。', staffReason: 'print-unconfirmed' } });
    } else if (type.startsWith('xstate.done')) events.push({ type });
  }
  return events as unknown as SessionEvent[];
}

const citizenEvents: SessionEvent[] = [
  { type: 'citizen.touch' },
  { type: 'citizen.text', text: '失业金怎么领' },
  { type: 'citizen.text', text: '带我去3号窗口' },
  { type: 'citizen.text', text: '我要做养老认证' },
  { type: 'citizen.text', text: '谢谢你，再见' },
  { type: 'citizen.text', text: '我想找工作人员' },
  { type: 'citizen.text', text: '你好，你是谁呀' },
  { type: 'citizen.text', text: '厕所在哪' },
  { type: 'citizen.text', text: '查一下我的缴费基数' },
  { type: 'citizen.text', text: '我的社保卡丢了，要挂失' },
  { type: 'identity.verified', citizenId: 'QD0001', idNumberMasked: '3702**********0422', nameMasked: '王*兰' },
  { type: 'citizen.tapService', service: 'policy-qa' },
  { type: 'citizen.tapService', service: 'call-staff' },
  { type: 'citizen.tapService', service: 'rights-query' },
  { type: 'citizen.tapQuery', service: 'query_card_status' },
  { type: 'citizen.recordAction', action: 'print' },
  { type: 'citizen.recordAction', action: 'dispute' },
  { type: 'citizen.changeCitizen' },
  { type: 'presence.changed' },
  { type: 'citizen.end' },
  { type: 'voice.wake' },
  { type: 'voice.command', command: 'staff' },
  { type: 'robot.speechEnded' },
  { type: 'robot.estop', pressed: true },
  { type: 'robot.bumper', pressed: true },
  { type: 'robot.linkLost', reason: 'port-closed' },
  { type: 'print.started', jobId: 'job-1' },
  { type: 'camera.lost', reason: 'ended' },
];
const events = [...citizenEvents, ...internalEvents()];

/** States told apart by where the visit is and what it waits for, not by its growing subtitles. */
function serializeState(snapshot: Snapshot): string {
  const ctx = snapshot.context;
  return JSON.stringify([snapshot.value, ctx.sessionId !== null, ctx.staffReason, ctx.pendingGuide !== null, ctx.printJobId !== null, ctx.devices.estop, ctx.identity.level, ctx.pendingQuery !== null, ctx.lastRecord !== null]);
}
const options = { input, events, serializeState };

type Vertex = AdjacencyValue<Snapshot, SessionEvent>;
/** The machine's states (by their serialization) and, for each, where every event leads. */
function adjacency(): Record<string, Vertex> {
  return getAdjacencyMap(machine as unknown as ActorLogic<Snapshot, SessionEvent, typeof input>, options) as unknown as Record<string, Vertex>;
}
const edgesOf = (vertex: Vertex): { event: SessionEvent; state: Snapshot }[] => Object.values(vertex.transitions) as { event: SessionEvent; state: Snapshot }[];
const reachable = getShortestPaths(machine, options);
const reachedIds = new Set(reachable.flatMap((path) => [...path.state._nodes].map((node) => node.id)));

describe('session machine, model-based (xstate/graph)', () => {
  it('reaches every state of the machine', () => {
    expect(stateIds().filter((id) => !reachedIds.has(id))).toEqual([]);
  });

  it('has no dead ends: from every reachable state a visit can get back to attract mode', () => {
    const graph = adjacency();
    // Walk the edges backwards from attract mode: every state that reaches it is found.
    const reachesIdle = new Set(Object.keys(graph).filter((key) => graph[key]!.state.matches('idle')));
    let grew = true;
    while (grew) {
      grew = false;
      for (const [key, vertex] of Object.entries(graph)) {
        if (reachesIdle.has(key)) continue;
        if (edgesOf(vertex).some((edge) => reachesIdle.has(serializeState(edge.state)))) {
          reachesIdle.add(key);
          grew = true;
        }
      }
    }
    expect(Object.keys(graph).filter((key) => !reachesIdle.has(key))).toEqual([]);
    expect(Object.keys(graph).length).toBeGreaterThan(20);
  });

  it('every way out of a service tells the citizen an outcome', () => {
    const graph = adjacency();
    for (const service of ['pensionAuth', 'personalQuery', 'guiding', 'printing', 'thinking', 'callingStaff', 'transaction'] as const) {
      let exits = 0;
      for (const vertex of Object.values(graph).filter((v) => v.state.matches(service))) {
        for (const edge of edgesOf(vertex)) {
          if (edge.state.matches(service)) continue;
          // Verified, on to the transaction asked for: its child speaks first thing (a stand-in child here).
          if (service === 'personalQuery' && edge.state.matches('transaction')) continue;
          exits++;
          const before = vertex.state.context;
          const after = edge.state.context;
          // A device fault that sends for staff says so as it happens (and the call failing is said again).
          const announcedOnEntry = service === 'callingStaff' && edge.event.type.startsWith('xstate.done') && (['robot-estop', 'camera-lost', 'print-failed', 'print-unconfirmed', 'identity-review'].includes(before.staffReason ?? '') || (before.staffReason ?? '').startsWith('transaction-refused:'));
          // Told: a new line, or a new robot subtitle (the list may have been wiped for the next citizen first).
          const newRobotSubtitle = JSON.stringify(after.subtitles) !== JSON.stringify(before.subtitles) && after.subtitles.at(-1)?.who === 'robot';
          // (or the face changed meanwhile, and that was said after the staff line)
          const told = announcedOnEntry ? /工作人员/.test(after.robotLine) || after.robotLine === robotLines.faceChanged : after.robotLine !== before.robotLine || newRobotSubtitle;
          expect(told, `${service} → ${JSON.stringify(edge.state.value)} on ${edge.event.type}`).toBe(true);
        }
      }
      expect(exits, service).toBeGreaterThan(0);
    }
  });

  it('the attract screen is silent: no visit, no line spoken, from any reachable idle state', () => {
    for (const path of reachable.filter((p) => p.state.matches('idle'))) {
      expect(path.state.context.sessionId).toBeNull();
      expect(path.state.context.subtitles).toEqual([]);
    }
  });
});
