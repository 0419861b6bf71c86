import { describe, expect, it } from 'vitest';
import { emptyVisitLog, reduceVisitLog, type VisitLogInput, type VisitLogState, type VisitLogWrite } from '../../../app/core/session/visitLog.js';

function run(inputs: VisitLogInput[]): { state: VisitLogState; writes: VisitLogWrite[] } {
  let state = emptyVisitLog;
  const writes: VisitLogWrite[] = [];
  for (const input of inputs) {
    const result = reduceVisitLog(state, input);
    state = result.state;
    writes.push(...result.writes);
  }
  return { state, writes };
}

describe('the visit log reducer', () => {
  it('writes nothing outside a visit, and the event that opened a visit is its first entry', () => {
    const { writes } = run([
      { kind: 'event', event: { type: 'voice.final', text: '隔壁的人在聊天', pinyin: 'x' }, at: 1_000 },
      { kind: 'event', event: { type: 'citizen.touch' }, at: 2_000 },
      { kind: 'visit.started', sessionId: 's1', at: 2_000 },
      { kind: 'said', line: '您好', listen: 'default', at: 2_000 },
      { kind: 'transition', from: 'idle', to: 'greeting', at: 2_000 },
    ]);
    expect(writes.map((w) => (w.op === 'append' ? w.entry.type : w.op))).toEqual(['begin', 'visit.started', 'citizen.touch', 'said', 'transition']);
    const appended = writes.filter((w) => w.op === 'append').map((w) => (w as Extract<VisitLogWrite, { op: 'append' }>).entry);
    expect(appended.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(appended[3]!.detail).toEqual({ from: 'idle', to: 'greeting' });
  });

  it('keeps what the citizen typed and the robot said out of the clear detail; a frame is not kept at all', () => {
    const { writes } = run([
      { kind: 'visit.started', sessionId: 's1', at: 0 },
      { kind: 'event', event: { type: 'citizen.text', text: '我叫张三，身份证370202199001011234' }, at: 10 },
      { kind: 'event', event: { type: 'auth.frame', frame: { jpegBase64: '/9j/AAAA', seq: 7 } }, at: 20 },
      { kind: 'said', line: '张三您好', listen: 'default', at: 30 },
    ]);
    const entries = writes.filter((w) => w.op === 'append').map((w) => (w as Extract<VisitLogWrite, { op: 'append' }>).entry).slice(1);
    const clear = JSON.stringify(entries.map((e) => e.detail));
    expect(clear).not.toMatch(/张三|3702|9j/);
    expect(entries[0]!.detail).toEqual({ chars: 26 });
    expect(entries[1]!.detail).toEqual({ seq: 7 });
    expect(entries[1]!.payload).toBeNull();
    expect(entries[0]!.payload).toEqual({ type: 'citizen.text', text: '我叫张三，身份证370202199001011234' });
    expect(entries.map((e) => e.atMs)).toEqual([10, 20, 30]);
  });

  it('ends a visit with its reason, and a new visit before the old one ended closes the old one', () => {
    const { writes, state } = run([
      { kind: 'visit.started', sessionId: 's1', at: 0 },
      { kind: 'visit.started', sessionId: 's2', at: 5 },
      { kind: 'visit.ended', sessionId: 's1', reason: 'late', at: 6 },
      { kind: 'visit.ended', sessionId: 's2', reason: 'inactivity', at: 9 },
    ]);
    expect(writes.filter((w) => w.op !== 'append')).toEqual([
      { op: 'begin', sessionId: 's1', at: 0 },
      { op: 'end', sessionId: 's1', reason: 'next-citizen', at: 5 },
      { op: 'begin', sessionId: 's2', at: 5 },
      { op: 'end', sessionId: 's2', reason: 'inactivity', at: 9 },
    ]);
    expect(state.open).toBeNull();
  });
});
