import { describe, expect, it } from 'vitest';
import { robotLines } from '../../../app/core/session/robotLines.js';
import { flush, phase, scriptedIdentityCheck, startSession } from './sessionHarness.js';

const baseAnswer = { title: '缴费基数', spoken: '您2024年的养老保险缴费基数是5200元。每一年的基数都在屏幕上。', screen: '2024年：5,200 元', empty: false };

describe('聊天查 in the visit: nothing personal before the face is verified', () => {
  it('an unverified citizen asking for a record is checked first, then told it', async () => {
    const { actor, said, queried } = startSession({ identityCheck: scriptedIdentityCheck(true), personalQuery: async () => baseAnswer });
    actor.send({ type: 'citizen.touch' });
    actor.send({ type: 'citizen.text', text: '我2024年的缴费基数是多少' });
    expect(actor.getSnapshot().value).toEqual({ personalQuery: 'checkingIdentity' });
    expect(said.at(-1)).toEqual({ line: '请输入您的身份证号码。', listen: 'number' });
    expect(queried).toEqual([]);

    actor.send({ type: 'auth.idNumber', idNumber: '370202199001011237' });
    await flush();
    expect(actor.getSnapshot().context.identity).toMatchObject({ level: 'verified', citizenId: 'QD0006' });
    expect(queried).toEqual([{ service: 'query_contribution_base', citizenId: 'QD0006', slots: { year: 2024 } }]);
    expect(phase(actor.getSnapshot())).toBe('answering');
    expect(actor.getSnapshot().context.answer).toMatchObject({ mode: 'record', spoken: baseAnswer.spoken, screen: baseAnswer.screen });
    expect(said.at(-1)!.line).toBe(baseAnswer.spoken);
  });

  it('a face that is not verified gets the neutral line, and no record is fetched', async () => {
    const { actor, queried } = startSession({ identityCheck: scriptedIdentityCheck(false), personalQuery: async () => baseAnswer });
    actor.send({ type: 'citizen.text', text: '我的社保卡现在是什么状态' });
    actor.send({ type: 'auth.idNumber', idNumber: '370202199001011237' });
    await flush();
    expect(queried).toEqual([]);
    expect(actor.getSnapshot().context.identity.level).toBe('none');
    expect(phase(actor.getSnapshot())).toBe('followUp');
    expect(actor.getSnapshot().context.robotLine).toContain('没能核实您的身份');
  });

  it('a visit already verified goes straight to the next record; a face that left must verify again', async () => {
    const { actor, queried } = startSession({ identityCheck: scriptedIdentityCheck(true), personalQuery: async () => baseAnswer });
    actor.send({ type: 'citizen.touch' });
    actor.send({ type: 'identity.verified', citizenId: 'QD0006', idNumberMasked: '3702**********0422', nameMasked: '王*兰' });
    actor.send({ type: 'citizen.text', text: '俺的养老金这个月发了没' });
    expect(actor.getSnapshot().value).toEqual({ personalQuery: 'querying' });
    await flush();
    expect(queried.map((q) => q.service)).toEqual(['query_pension_benefit']);
    actor.send({ type: 'presence.left' });
    actor.send({ type: 'citizen.text', text: '我的缴费基数是多少' });
    expect(actor.getSnapshot().value).toEqual({ personalQuery: 'checkingIdentity' });
  });

  it('a business system that cannot answer is told plainly, nothing invented', async () => {
    const { actor, lines } = startSession({ identityCheck: scriptedIdentityCheck(true), personalQuery: async () => { throw new Error('503'); } });
    actor.send({ type: 'citizen.touch' });
    actor.send({ type: 'identity.verified', citizenId: 'QD0006', idNumberMasked: '3702**********0422', nameMasked: '王*兰' });
    actor.send({ type: 'citizen.text', text: '查查我的缴费基数' });
    await flush();
    expect(lines().at(-1)).toBe(robotLines.recordUnavailable);
    expect(actor.getSnapshot().context.answer).toBeNull();
    expect(phase(actor.getSnapshot())).toBe('followUp');
  });

  it('without the face pipeline a personal question goes to the knowledge base, not to a record', async () => {
    const { actor, asked, queried } = startSession();
    actor.send({ type: 'citizen.text', text: '我的缴费基数是多少' });
    await flush();
    expect(queried).toEqual([]);
    expect(asked).toEqual(['我的缴费基数是多少']);
  });
});

describe('queries that need no identity', () => {
  const estimate = { title: '退休年龄测算', spoken: '按2025年起实施的渐进式延迟退休办法，您的法定退休年龄是60岁3个月。', screen: '出生：1965年3月', empty: false };

  it('a retirement age from a stated birth date is worked out without the identity check, from what was said', async () => {
    const { actor, queried } = startSession({ identityCheck: scriptedIdentityCheck(false), personalQuery: async () => estimate });
    actor.send({ type: 'citizen.touch' });
    actor.send({ type: 'citizen.text', text: '我1965年3月出生的男的，啥时候能退休' });
    expect(actor.getSnapshot().value).toEqual({ personalQuery: 'querying' });
    await flush();
    expect(queried).toEqual([{ service: 'estimate_retirement_age', citizenId: null, slots: expect.objectContaining({ birthYearMonth: { year: 1965, month: 3 }, retirementCategory: '男' }) }]);
    // Not the citizen's own record: nothing to print or dispute, nothing kept for the visit.
    expect(actor.getSnapshot().context.answer).not.toHaveProperty('recordActions');
    expect(actor.getSnapshot().context.lastRecord).toBeNull();
  });

  it('in a verified visit it may use the record: the citizen is passed along', async () => {
    const { actor, queried } = startSession({ identityCheck: scriptedIdentityCheck(true), personalQuery: async () => estimate });
    actor.send({ type: 'citizen.touch' });
    actor.send({ type: 'identity.verified', citizenId: 'QD0006', idNumberMasked: '3702**********1237', nameMasked: '赵*明' });
    actor.send({ type: 'citizen.text', text: '俺啥时候退休' });
    await flush();
    expect(queried).toEqual([{ service: 'estimate_retirement_age', citizenId: 'QD0006', slots: {} }]);
  });

  it('a skill certificate is looked up by its number, with no identity, even without the face pipeline', async () => {
    const { actor, queried } = startSession({ personalQuery: async () => ({ title: '职业技能等级证书', spoken: '查到了。', screen: '证书编号：3702202300112233', empty: false }) });
    actor.send({ type: 'citizen.text', text: '帮我查个技能证书，编号是S000037020003204000517' });
    expect(actor.getSnapshot().value).toEqual({ personalQuery: 'querying' });
    await flush();
    expect(queried.map((q) => [q.service, q.citizenId, q.slots.certificateNumber])).toEqual([['query_skill_certificate', null, 'S000037020003204000517']]);
  });

  it('a query that asked for something takes the next line as the answer, and asks no more once it has it', async () => {
    const asking = { title: '退休年龄测算', spoken: '请告诉我您的出生年月，还有您是男的、女干部还是女工人。', screen: '还需要：出生年月、人员类别', empty: true };
    let answers = [asking, estimate];
    const { actor, queried } = startSession({ personalQuery: async () => answers.shift()! });
    actor.send({ type: 'citizen.touch' });
    actor.send({ type: 'citizen.text', text: '俺啥时候退休' });
    await flush();
    expect(actor.getSnapshot().context.awaitingReply).toEqual({ service: 'estimate_retirement_age', slots: {} });
    actor.send({ type: 'citizen.text', text: '1965年3月的，男的' });
    expect(actor.getSnapshot().value).toEqual({ personalQuery: 'querying' });
    await flush();
    expect(queried[1]).toEqual({ service: 'estimate_retirement_age', citizenId: null, slots: expect.objectContaining({ birthYearMonth: { year: 1965, month: 3 }, retirementCategory: '男' }) });
    expect(actor.getSnapshot().context.awaitingReply).toBeNull();
    // Once answered, a later date is just a line like any other.
    answers = [];
    actor.send({ type: 'citizen.text', text: '失业金怎么领' });
    expect(phase(actor.getSnapshot())).toBe('thinking');
  });

  it('a line that answers nothing it asked for is routed as usual', async () => {
    const asking = { title: '退休年龄测算', spoken: '请告诉我您的出生年月。', screen: '还需要：出生年月', empty: true };
    const { actor, asked } = startSession({ personalQuery: async () => asking });
    actor.send({ type: 'citizen.touch' });
    actor.send({ type: 'citizen.text', text: '俺啥时候退休' });
    await flush();
    actor.send({ type: 'citizen.text', text: '失业金怎么领' });
    await flush();
    expect(asked).toEqual(['失业金怎么领']);
    expect(actor.getSnapshot().context.awaitingReply).toBeNull();
  });
});
