// The ID-card reader in a visit: the real session machine forwards a card read to the real identity check (fakes
// only at its edges) in 聊天查 and in 养老认证; the record is told only after the face matched; a reader fault changes
// nothing but the hint; the visit log records that a card was read and never its number, name or photo.
import { describe, expect, it } from 'vitest';
import { createActor, fromCallback, fromPromise, SimulatedClock, type AnyActorRef } from 'xstate';
import type { AnswerView } from '../../../app/api/kioskApi.js';
import type { IdCardSessionEvent } from '../../../app/core/devices/deviceSessionEvents.js';
import type { IdentityCheckContext, IdentityCheckSnapshot } from '../../../app/core/identity/identityCheckMachine.js';
import { identityLines } from '../../../app/core/identity/identityLines.js';
import type { FrameMeasurement } from '../../../app/core/services/pensionAuth/faceAuthTypes.js';
import { faceAuthView } from '../../../app/core/services/pensionAuth/faceAuthView.js';
import type { PersonalQueryAnswer } from '../../../app/core/services/queries/personalQuery.js';
import { sessionMachine, type AnswerQuestionInput, type CallStaffInput, type PersonalQueryInput, type SpeakRequest } from '../../../app/core/session/sessionMachine.js';
import { createVisitLogRecorder } from '../../../app/core/session/visitLogRecorder.js';
import type { StoredSessionEvent } from '../../../app/core/store/sessionEventStore.js';
import { challengePassed, decision, fakeIdentityCheck, measured, settle, type IdentityFakes } from '../identity/identityCheckHarness.js';
import { fakePensionAuth, newCalls } from '../services/pensionAuth/pensionAuthHarness.js';
import { flush, pensionAuthSettings, phase, places, timing } from './sessionHarness.js';

const CARD = { idNumber: '370203196203150422', name: '王秀兰', masked: '3702**********0422' };
const cardRead = (over: Partial<Extract<IdCardSessionEvent, { type: 'idcard.read' }>> = {}): IdCardSessionEvent => ({
  type: 'idcard.read',
  idNumber: CARD.idNumber,
  name: CARD.name,
  photo: Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 9, 9),
  expired: false,
  ...over,
});
const record: PersonalQueryAnswer = { title: '缴费基数', spoken: '您2024年的养老保险缴费基数是5200元。', screen: '2024年：5,200 元', empty: false } as PersonalQueryAnswer;

/**
 * The real session machine (recording speech and queries) with the real identity check or 养老认证 inside, and the
 * visit log recorder on its inspection, as the runtime wires it (seal: the identity, so the test can read it all).
 */
function startVisit(options: { identity?: IdentityFakes; pensionAuth?: boolean; reader?: 'ready' | 'faulted' } = {}) {
  const clock = new SimulatedClock();
  const calls = newCalls();
  let answer: (context: IdentityCheckContext) => FrameMeasurement = () => measured();
  const said: string[] = [];
  const queried: { input: PersonalQueryInput; saidBefore: number }[] = [];
  const log: StoredSessionEvent[] = [];
  const recorder = createVisitLogRecorder({
    sink: { start: () => undefined, append: (_id, e) => void log.push(e), end: () => undefined },
    seal: (plain) => plain,
    now: () => clock.now(),
  });
  const machine = sessionMachine.provide({
    actors: {
      speech: fromCallback<SpeakRequest>(({ receive }) => receive((r) => void said.push(r.line))),
      answerQuestion: fromPromise<AnswerView, AnswerQuestionInput>(async () => {
        throw new Error('no policy questions here');
      }),
      callStaff: fromPromise<void, CallStaffInput>(async () => undefined),
      identityCheck: fakeIdentityCheck(options.identity ?? {}, calls, () => answer) as never,
      ...(options.pensionAuth ? { pensionAuth: fakePensionAuth(options.identity ?? {}, calls, () => answer) as never } : {}),
      answerPersonalQuery: fromPromise<PersonalQueryAnswer, PersonalQueryInput>(async ({ input }) => {
        queried.push({ input, saidBefore: said.length });
        return record;
      }),
    },
  });
  const reader = options.reader ?? 'ready';
  const actor = createActor(machine, {
    clock,
    inspect: (i) => recorder.inspect(i),
    input: { timing, places, robotName: '小青', newSessionId: () => 'visit-1', now: () => clock.now(), pensionAuth: { ...pensionAuthSettings(clock), cardReaderState: () => reader } },
  });
  actor.on('*', (e) => recorder.onEmitted(e as never));
  actor.start();
  let seq = 0;
  const frame = () => actor.send({ type: 'auth.frame', frame: { jpegBase64: '/9j/', width: 640, height: 480, capturedAt: clock.now(), seq: seq++ } });
  /** One attempt: positioned (3 usable frames), then the challenge passed. */
  const attempt = async () => {
    answer = () => measured();
    for (let i = 0; i < 3; i++) frame();
    answer = challengePassed;
    for (let i = 0; i < 4; i++) frame();
    await settle();
  };
  const check = (): IdentityCheckSnapshot | undefined => {
    const snapshot = actor.getSnapshot();
    const direct = snapshot.children.identityCheck as AnyActorRef | undefined;
    const viaAuth = (snapshot.children.pensionAuth as AnyActorRef | undefined)?.getSnapshot().children.identityCheck as AnyActorRef | undefined;
    return (direct ?? viaAuth)?.getSnapshot() as IdentityCheckSnapshot | undefined;
  };
  return { actor, clock, calls, said, queried, log, attempt, check, view: () => faceAuthView(check(), clock.now()) };
}

describe('an ID card in a 聊天查 visit', () => {
  it('the card fills the number during the identity check; the record is told only after the face matched', async () => {
    const t = startVisit();
    t.actor.send({ type: 'citizen.touch' });
    t.actor.send({ type: 'citizen.text', text: '我2024年的缴费基数是多少' });
    expect(t.actor.getSnapshot().value).toEqual({ personalQuery: 'checkingIdentity' });
    expect(t.view()).toMatchObject({ step: 'idInput', cardHint: identityLines.cardHint });

    t.actor.send(cardRead());
    expect(t.view()).toMatchObject({ idNumberMasked: CARD.masked, cardNameMasked: '王*兰', cardHint: null });
    await settle();
    expect(t.calls.admitted).toEqual([{ subject: { idNumber: CARD.idNumber }, visitId: 'visit-1' }]);
    // Looked up, face not yet checked: nothing fetched, nothing personal said.
    expect(t.queried).toEqual([]);
    expect(t.actor.getSnapshot().context.identity.level).toBe('none');
    const beforeFace = t.said.length;

    await t.attempt();
    await flush();
    expect(t.actor.getSnapshot().context.identity).toMatchObject({ level: 'verified', citizenId: 'QD0001', idNumberMasked: CARD.masked, nameMasked: '王*兰' });
    expect(t.queried.map((q) => q.input)).toEqual([{ service: 'query_contribution_base', citizenId: 'QD0001', slots: { year: 2024 } }]);
    // The record was fetched after every line of the face check had been said, and told last.
    expect(t.queried[0]!.saidBefore).toBeGreaterThan(beforeFace);
    expect(t.said.at(-1)).toBe(record.spoken);
    expect(t.said.slice(0, -1).join('')).not.toContain('5200');
    expect(phase(t.actor.getSnapshot())).toBe('answering');
  });

  it('a card whose holder is not the face in front of the camera: the neutral end, no record fetched', async () => {
    const t = startVisit({ identity: { decide: () => decision('no-match') } });
    t.actor.send({ type: 'citizen.text', text: '我的社保卡现在是什么状态' });
    t.actor.send(cardRead());
    await settle();
    for (let i = 0; i < 3 && t.check()?.status !== 'done' && phase(t.actor.getSnapshot()) === 'personalQuery'; i++) await t.attempt();
    await flush();
    expect(t.queried).toEqual([]);
    expect(t.actor.getSnapshot().context.identity.level).toBe('none');
    expect(t.said).toContain(identityLines.notVerified);
  });

  it('the reader unplugged mid-visit: the hint goes, the keypad works as before', async () => {
    const t = startVisit();
    t.actor.send({ type: 'citizen.text', text: '我2024年的缴费基数是多少' });
    t.actor.send({ type: 'idcard.fault', kind: 'disconnected' });
    expect(t.view()).toMatchObject({ step: 'idInput', cardHint: null });
    t.actor.send({ type: 'auth.idNumber', idNumber: CARD.idNumber });
    await settle();
    await t.attempt();
    await flush();
    expect(t.queried).toHaveLength(1);
  });

  it('a card on the reader outside an identity check opens nothing and changes nothing', () => {
    const t = startVisit();
    t.actor.send(cardRead());
    expect(t.actor.getSnapshot().value).toBe('idle');
    t.actor.send({ type: 'citizen.touch' });
    const before = t.actor.getSnapshot().value;
    t.actor.send(cardRead());
    t.actor.send({ type: 'idcard.removed' });
    t.actor.send({ type: 'idcard.fault', kind: 'timeout' });
    expect(t.actor.getSnapshot().value).toEqual(before);
    expect(t.actor.getSnapshot().context.identity.level).toBe('none');
  });
});

describe('an ID card in 养老认证', () => {
  it('the session passes the card through 养老认证 to its identity check', async () => {
    const t = startVisit({ pensionAuth: true });
    t.actor.send({ type: 'citizen.tapService', service: 'pension-auth' });
    expect(phase(t.actor.getSnapshot())).toBe('pensionAuth');
    expect(t.view()).toMatchObject({ step: 'idInput', cardHint: identityLines.cardHint });
    t.actor.send(cardRead());
    await settle();
    expect(t.calls.admitted).toEqual([{ subject: { idNumber: CARD.idNumber }, visitId: 'visit-1' }]);
    expect(t.view()).toMatchObject({ idNumberMasked: CARD.masked, cardNameMasked: '王*兰' });
    await t.attempt();
    expect(t.actor.getSnapshot().context.identity).toMatchObject({ level: 'verified', citizenId: 'QD0001' });
    expect(t.calls.statusAsked).toEqual(['QD0001']);
  });
});

describe('the visit log and an ID card', () => {
  it('records that a card was read (photo decoded or not, expired or not), never the number, the name or the photo', async () => {
    const t = startVisit();
    t.actor.send({ type: 'citizen.touch' });
    t.actor.send({ type: 'citizen.text', text: '我2024年的缴费基数是多少' });
    t.actor.send(cardRead());
    await settle();
    await t.attempt();
    await flush();
    t.actor.send({ type: 'idcard.removed' });
    t.actor.send({ type: 'idcard.fault', kind: 'disconnected' });
    t.actor.send({ type: 'idcard.restored' });
    const reads = t.log.filter((e) => e.type === 'idcard.read');
    expect(reads).toEqual([expect.objectContaining({ detail: { photoDecoded: true, expired: false }, sealed: null })]);
    expect(t.log.find((e) => e.type === 'idcard.fault')).toMatchObject({ detail: { kind: 'disconnected' } });
    expect(t.log.map((e) => e.type)).toEqual(expect.arrayContaining(['idcard.removed', 'idcard.restored']));
    // Everything kept — details in clear and the payloads that would be sealed (here unsealed) — without the card.
    const everything = JSON.stringify(t.log);
    for (const secret of [CARD.idNumber, CARD.idNumber.slice(6, 14), CARD.name, '秀兰']) expect(everything).not.toContain(secret);
    expect(everything).toContain(CARD.masked);
  });
});
