import { describe, expect, it } from 'vitest';
import type { AnswerQuestionInput } from '../../../app/core/session/sessionMachine.js';
import { robotLines } from '../../../app/core/session/robotLines.js';
import { answerFor, flush, phase, startSession as start } from './sessionHarness.js';

describe('session machine', () => {
  it('walks a visit from attract to farewell and back, wiping the visit', async () => {
    const { actor, clock, asked } = start();
    expect(phase(actor.getSnapshot())).toBe('idle');
    actor.send({ type: 'citizen.touch' });
    expect(phase(actor.getSnapshot())).toBe('greeting');
    expect(actor.getSnapshot().context.sessionId).toBe('s1');
    actor.send({ type: 'robot.speechEnded' });
    expect(phase(actor.getSnapshot())).toBe('listening');

    actor.send({ type: 'citizen.text', text: '失业金怎么领' });
    expect(phase(actor.getSnapshot())).toBe('thinking');
    await flush();
    expect(asked).toEqual(['失业金怎么领']);
    expect(phase(actor.getSnapshot())).toBe('answering');
    expect(actor.getSnapshot().context.answer?.spoken).toContain('失业金怎么领');

    actor.send({ type: 'robot.speechEnded' });
    expect(actor.getSnapshot().value).toEqual({ followUp: 'waiting' });
    clock.increment(29_999);
    expect(actor.getSnapshot().value).toEqual({ followUp: 'waiting' });
    clock.increment(1);
    expect(actor.getSnapshot().value).toEqual({ followUp: 'nudged' });
    expect(actor.getSnapshot().context.robotLine).toBe(robotLines.anythingElse);
    clock.increment(20_000);
    expect(phase(actor.getSnapshot())).toBe('farewell');
    expect(actor.getSnapshot().context.robotLine).toBe(robotLines.farewell);
    clock.increment(5_000);
    const after = actor.getSnapshot();
    expect(phase(after)).toBe('idle');
    expect(after.context.sessionId).toBeNull();
    expect(after.context.subtitles).toEqual([]);
    expect(after.context.answer).toBeNull();
  });

  it('answering moves on by itself when no speech-end arrives (voice off)', async () => {
    const { actor, clock } = start();
    actor.send({ type: 'citizen.text', text: '失业金怎么领' });
    await flush();
    expect(phase(actor.getSnapshot())).toBe('answering');
    clock.increment(60_000);
    expect(phase(actor.getSnapshot())).toBe('followUp');
  });

  it('activity restarts the inactivity clock', async () => {
    const { actor, clock } = start();
    actor.send({ type: 'citizen.touch' });
    actor.send({ type: 'robot.speechEnded' });
    clock.increment(25_000);
    actor.send({ type: 'citizen.touch' });
    clock.increment(25_000);
    expect(actor.getSnapshot().value).toEqual({ listening: 'waiting' });
  });

  it('a greeting nobody answers returns to attract', () => {
    const { actor, clock } = start();
    actor.send({ type: 'citizen.touch' });
    clock.increment(45_000);
    expect(phase(actor.getSnapshot())).toBe('idle');
    expect(actor.getSnapshot().context.sessionId).toBeNull();
  });

  it('a failed lookup is told to the citizen and the visit goes on', async () => {
    const { actor } = start({ answer: async () => { throw new Error('boom'); } });
    actor.send({ type: 'citizen.text', text: '失业金' });
    await flush();
    expect(phase(actor.getSnapshot())).toBe('followUp');
    expect(actor.getSnapshot().context.notice).toBe(robotLines.answerFailed);
  });

  it('a newer question while thinking wins', async () => {
    let release: (() => void) | undefined;
    const { actor, asked } = start({
      answer: (input) => input.question === '第一个问题' ? new Promise((r) => { release = () => r(answerFor(input.question)); }) : Promise.resolve(answerFor(input.question)),
    });
    actor.send({ type: 'citizen.text', text: '第一个问题' });
    actor.send({ type: 'citizen.text', text: '第二个问题' });
    await flush();
    release?.();
    await flush();
    expect(asked).toEqual(['第一个问题', '第二个问题']);
    expect(actor.getSnapshot().context.answer?.question).toBe('第二个问题');
  });

  it('calls staff on request and keeps the visit open', async () => {
    const { actor, staffCalls } = start();
    actor.send({ type: 'citizen.touch' });
    actor.send({ type: 'citizen.tapService', service: 'call-staff' });
    await flush();
    expect(staffCalls).toEqual(['citizen-request']);
    expect(phase(actor.getSnapshot())).toBe('followUp');
    expect(actor.getSnapshot().context.robotLine).toBe(robotLines.staffCalled);
  });

  it('ending the visit says goodbye from any state', async () => {
    const { actor, clock } = start();
    actor.send({ type: 'citizen.text', text: '养老认证' });
    await flush();
    actor.send({ type: 'citizen.end' });
    expect(phase(actor.getSnapshot())).toBe('farewell');
    clock.increment(5_000);
    expect(phase(actor.getSnapshot())).toBe('idle');
  });

  it('guides a citizen who asks for a window, and says when it arrived', async () => {
    const { actor, guided, asked } = start();
    actor.send({ type: 'citizen.text', text: '带我去3号窗口' });
    expect(phase(actor.getSnapshot())).toBe('guiding');
    await flush();
    expect(guided).toEqual(['window-3']);
    expect(asked).toEqual([]);
    expect(phase(actor.getSnapshot())).toBe('followUp');
    expect(actor.getSnapshot().context.robotLine).toBe(robotLines.guideArrived('window-3'));
  });

  it('tells the citizen the way when the robot is blocked', async () => {
    const { actor } = start({ guide: async () => ({ result: 'blocked', placeLabel: '5号窗口', directions: '大厅东侧' }) });
    actor.send({ type: 'citizen.touch' });
    actor.send({ type: 'citizen.text', text: '5号窗口怎么走' });
    await flush();
    expect(actor.getSnapshot().context.robotLine).toBe(robotLines.guideBlocked('5号窗口', '大厅东侧'));
    expect(actor.getSnapshot().context.notice).toContain('障碍');
  });

  it('stops the move when the citizen ends the visit while walking', async () => {
    let aborted = false;
    const { actor } = start({
      guide: (_input, signal) =>
        new Promise((resolve) => signal.addEventListener('abort', () => { aborted = true; resolve({ result: 'cancelled', placeLabel: 'x', directions: '' }); })),
    });
    actor.send({ type: 'citizen.text', text: '带我去自助区' });
    expect(phase(actor.getSnapshot())).toBe('guiding');
    actor.send({ type: 'citizen.end' });
    expect(aborted).toBe(true);
    expect(phase(actor.getSnapshot())).toBe('farewell');
  });

  it('the guide tile asks where to, with destination chips', () => {
    const { actor } = start();
    actor.send({ type: 'citizen.tapService', service: 'guide-to-window' });
    expect(phase(actor.getSnapshot())).toBe('listening');
    expect(actor.getSnapshot().context.suggestions).toContain('带我去1号窗口');
  });

  it('takes a spoken question with its pinyin to the knowledge lookup', async () => {
    const seen: AnswerQuestionInput[] = [];
    const { actor } = start({ answer: async (input) => { seen.push(input); return answerFor(input.question); } });
    actor.send({ type: 'voice.wake' });
    expect(phase(actor.getSnapshot())).toBe('greeting');
    actor.send({ type: 'voice.partial', text: 'shi ye' });
    expect(actor.getSnapshot().context.partialTranscript).toBe('shi ye');
    actor.send({ type: 'voice.final', text: 'shi ye jin zen me ling', pinyin: 'shi ye jin zen me ling' });
    await flush();
    expect(seen).toEqual([{ question: 'shi ye jin zen me ling', pinyin: 'shi ye jin zen me ling' }]);
    expect(actor.getSnapshot().context.partialTranscript).toBeNull();
    expect(phase(actor.getSnapshot())).toBe('answering');
  });

  it('guides on a spoken pinyin request', async () => {
    const { actor, guided } = start();
    actor.send({ type: 'voice.wake' });
    actor.send({ type: 'voice.final', text: 'dai wo qu wu hao chuang kou', pinyin: 'dai wo qu wu hao chuang kou' });
    await flush();
    expect(guided).toEqual(['window-5']);
  });

  it('calls staff on the spoken command, and speech counts as activity', async () => {
    const { actor, clock, staffCalls } = start();
    actor.send({ type: 'citizen.touch' });
    actor.send({ type: 'robot.speechEnded' });
    clock.increment(25_000);
    actor.send({ type: 'voice.speechStarted' });
    clock.increment(25_000);
    expect(actor.getSnapshot().value).toEqual({ listening: 'waiting' });
    actor.send({ type: 'voice.command', command: 'staff' });
    await flush();
    expect(staffCalls).toEqual(['citizen-request']);
  });

  it('ignores hall chatter while nobody is in a visit: only the wake word opens one', () => {
    const { actor, asked } = start();
    actor.send({ type: 'voice.partial', text: 'ni hao' });
    actor.send({ type: 'voice.final', text: 'shi ye jin zen me ling', pinyin: 'shi ye jin zen me ling' });
    expect(phase(actor.getSnapshot())).toBe('idle');
    expect(asked).toEqual([]);
  });

  it('routes what the citizen says: staff, goodbye, small talk, a place it must ask about, and questions to the knowledge base', async () => {
    const { actor, staffCalls, asked, lines } = start();
    actor.send({ type: 'citizen.touch' });
    actor.send({ type: 'citizen.text', text: '你好，你是谁呀' });
    expect(phase(actor.getSnapshot())).toBe('followUp');
    expect(lines().at(-1)).toBe(robotLines.introduction('小青'));
    actor.send({ type: 'citizen.text', text: '厕所在哪' });
    expect(phase(actor.getSnapshot())).toBe('listening');
    expect(lines().at(-1)).toBe(robotLines.askWhere);
    actor.send({ type: 'voice.final', text: 'wo xiang zhao gong zuo ren yuan', pinyin: 'wo xiang zhao gong zuo ren yuan' });
    await flush();
    expect(staffCalls).toEqual(['citizen-request']);
    actor.send({ type: 'citizen.text', text: '公积金怎么提取' });
    await flush();
    expect(asked).toEqual(['公积金怎么提取']);
    actor.send({ type: 'citizen.text', text: '行了，没事了，再见' });
    expect(phase(actor.getSnapshot())).toBe('farewell');
  });
});
