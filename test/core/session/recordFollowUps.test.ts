import { describe, expect, it } from 'vitest';
import { robotLines } from '../../../app/core/session/robotLines.js';
import { queryTiles } from '../../../app/core/session/toKioskView.js';
import { personalQueries } from '../../../app/core/services/queries/personalQueries.js';
import { flush, phase, scriptedIdentityCheck, startSession } from './sessionHarness.js';

const record = { title: '缴费基数', spoken: '您2024年的养老保险缴费基数是5200元。每一年的基数都在屏幕上。', screen: '2024年：5,200 元\n2023年：4,900 元', empty: false };
const verified = { type: 'identity.verified' as const, citizenId: 'QD0006', idNumberMasked: '3702**********1237', nameMasked: '赵*明' };

/** A verified visit that has just been told its 缴费基数. */
async function toldRecord(options: Parameters<typeof startSession>[0] = {}) {
  const session = startSession({ identityCheck: scriptedIdentityCheck(true), personalQuery: async () => record, ...options });
  session.actor.send({ type: 'citizen.touch' });
  session.actor.send(verified);
  session.actor.send({ type: 'citizen.text', text: '查一下我的缴费基数' });
  await flush();
  expect(phase(session.actor.getSnapshot())).toBe('answering');
  // What to do when it looks wrong is the routed query's own advice.
  const ifWrong = personalQueries[session.queried[0]!.service]!.ifWrong;
  return { ...session, ifWrong };
}

describe('after a record: print it, say it looks wrong', () => {
  it('the record on screen offers 打印 and 记录有误 to the verified citizen', async () => {
    const { actor } = await toldRecord();
    expect(actor.getSnapshot().context.answer).toMatchObject({ mode: 'record', recordActions: { print: true, dispute: true } });
  });

  it('打印 spools the record as shown, masked, and follows the job to paper', async () => {
    const { actor, spooled, ifWrong } = await toldRecord();
    actor.send({ type: 'citizen.recordAction', action: 'print' });
    await flush();
    expect(spooled).toEqual([{ title: '缴费基数', rows: ['2024年：5,200 元', '2023年：4,900 元'], nameMasked: '赵*明', idNumberMasked: '3702**********1237', ifWrong }]);
    expect(actor.getSnapshot().value).toBe('printing');
    expect(actor.getSnapshot().context.printJobId).toBe('job-1');
    // A second tap while it prints is not a second printout.
    actor.send({ type: 'citizen.recordAction', action: 'print' });
    await flush();
    expect(spooled).toHaveLength(1);
  });

  it('a printer that cannot take the job is said plainly', async () => {
    const { actor, lines } = await toldRecord({ spoolRecord: async () => Promise.reject(new Error('no printer')) });
    actor.send({ type: 'citizen.recordAction', action: 'print' });
    await flush();
    expect(lines().at(-1)).toBe(robotLines.recordPrintUnavailable);
    expect(phase(actor.getSnapshot())).toBe('followUp');
  });

  it('记录有误 tells what to do about that record, and offers staff; the record stays on screen', async () => {
    const { actor, lines, ifWrong } = await toldRecord();
    actor.send({ type: 'citizen.recordAction', action: 'dispute' });
    expect(lines().at(-1)).toBe(`${ifWrong}${robotLines.offerStaffForRecord}`);
    expect(actor.getSnapshot().context.answer?.mode).toBe('record');
    expect(actor.getSnapshot().context.notice).toBe(ifWrong);
  });

  it('打印 with no record told (or an empty one) prints nothing and says so', async () => {
    const { actor, spooled, lines } = startSession({ identityCheck: scriptedIdentityCheck(true), personalQuery: async () => ({ ...record, empty: true }) });
    actor.send({ type: 'citizen.touch' });
    actor.send({ type: 'citizen.recordAction', action: 'print' });
    expect(lines().at(-1)).toBe(robotLines.nothingToPrint);
    actor.send(verified);
    actor.send({ type: 'citizen.text', text: '查一下我的缴费基数' });
    await flush();
    expect(actor.getSnapshot().context.answer).toMatchObject({ recordActions: { print: false, dispute: true } });
    actor.send({ type: 'citizen.recordAction', action: 'print' });
    await flush();
    expect(spooled).toEqual([]);
  });
});

describe('换人: the next citizen sees nothing of the last', () => {
  it('wipes the identity, the record and the subtitles that read it; the next personal question is checked again', async () => {
    const { actor, lines } = await toldRecord();
    actor.send({ type: 'citizen.changeCitizen' });
    const ctx = actor.getSnapshot().context;
    expect(ctx.identity.level).toBe('none');
    expect(ctx.answer).toBeNull();
    expect(ctx.lastRecord).toBeNull();
    expect(ctx.subtitles.map((s) => s.text)).toEqual([robotLines.citizenChanged]);
    expect(JSON.stringify(ctx)).not.toContain('5,200');
    expect(lines().at(-1)).toBe(robotLines.citizenChanged);
    expect(ctx.sessionId).not.toBeNull();
    actor.send({ type: 'citizen.text', text: '查一下我的缴费基数' });
    expect(actor.getSnapshot().value).toEqual({ personalQuery: 'checkingIdentity' });
  });

  it('the face leaving wipes the record from the screen too', async () => {
    const { actor } = await toldRecord();
    actor.send({ type: 'presence.left' });
    expect(actor.getSnapshot().context.answer).toBeNull();
    expect(JSON.stringify(actor.getSnapshot().context.subtitles)).not.toContain('5200');
  });

  it('waits for a printout to be taken before the next citizen', async () => {
    const { actor, lines } = await toldRecord();
    actor.send({ type: 'citizen.recordAction', action: 'print' });
    await flush();
    actor.send({ type: 'citizen.changeCitizen' });
    expect(actor.getSnapshot().value).toBe('printing');
    expect(lines().at(-1)).toBe(robotLines.takePrintoutFirst);
    expect(actor.getSnapshot().context.identity.level).toBe('verified');
  });
});

describe('the 聊天查 menu by touch', () => {
  it('权益查询 shows every query the kiosk answers; a tile asks for the face first, then the record', async () => {
    const { actor, queried } = startSession({ identityCheck: scriptedIdentityCheck(true), personalQuery: async () => record });
    actor.send({ type: 'citizen.tapService', service: 'rights-query' });
    expect(actor.getSnapshot().context.showQueryMenu).toBe(true);
    expect(queryTiles().map((t) => t.service)).toContain('query_card_status');
    expect(queryTiles().find((t) => t.service === 'query_card_status')?.needsFace).toBe(true);
    actor.send({ type: 'citizen.tapQuery', service: 'query_card_status' });
    expect(actor.getSnapshot().value).toEqual({ personalQuery: 'checkingIdentity' });
    expect(actor.getSnapshot().context.showQueryMenu).toBe(false);
    actor.send({ type: 'auth.idNumber', idNumber: '370202199001011237' });
    await flush();
    expect(queried.map((q) => q.service)).toEqual(['query_card_status']);
  });

  it('a tile for a service that is not a query does nothing', () => {
    const { actor } = startSession({ identityCheck: scriptedIdentityCheck(true), personalQuery: async () => record });
    actor.send({ type: 'citizen.touch' });
    actor.send({ type: 'robot.speechEnded' });
    actor.send({ type: 'citizen.tapQuery', service: 'report_card_loss' });
    actor.send({ type: 'citizen.tapQuery', service: 'no_such_service' });
    expect(phase(actor.getSnapshot())).toBe('listening');
  });
});

describe('a different face mid-visit', () => {
  it('presence.changed forgets the verified citizen and their record, and says why', async () => {
    const { actor, lines } = await toldRecord();
    actor.send({ type: 'presence.changed' });
    const ctx = actor.getSnapshot().context;
    expect(ctx.identity.level).toBe('none');
    expect(ctx.answer).toBeNull();
    expect(JSON.stringify(ctx)).not.toContain('5,200');
    expect(lines().at(-1)).toBe(robotLines.faceChanged);
    actor.send({ type: 'citizen.text', text: '我的养老金发了多少' });
    expect(actor.getSnapshot().value).toEqual({ personalQuery: 'checkingIdentity' });
  });

  it('with nobody verified a changed face says nothing', () => {
    const { actor, lines } = startSession({ identityCheck: scriptedIdentityCheck(true) });
    actor.send({ type: 'citizen.touch' });
    const before = lines().length;
    actor.send({ type: 'presence.changed' });
    expect(lines()).toHaveLength(before);
  });

  it('a record still being fetched when the face goes or changes is never told', async () => {
    for (const type of ['presence.left', 'presence.changed'] as const) {
      let release!: () => void;
      const { actor, lines } = startSession({ identityCheck: scriptedIdentityCheck(true), personalQuery: () => new Promise((resolve) => (release = () => resolve(record))) });
      actor.send({ type: 'citizen.touch' });
      actor.send(verified);
      actor.send({ type: 'citizen.text', text: '我的缴费基数是多少' });
      expect(actor.getSnapshot().value).toEqual({ personalQuery: 'querying' });
      actor.send({ type });
      release();
      await flush();
      expect(actor.getSnapshot().context.answer, type).toBeNull();
      expect(lines(), type).not.toContain(record.spoken);
      expect(phase(actor.getSnapshot()), type).toBe('listening');
    }
  });
});

describe('numbers the citizen types or says are shown back masked', () => {
  it('in the subtitles and in the live transcript', async () => {
    const { actor } = startSession();
    actor.send({ type: 'citizen.touch' });
    actor.send({ type: 'voice.partial', text: '我的身份证号是370203196203150422' });
    const { toKioskView } = await import('../../../app/core/session/toKioskView.js');
    const view = toKioskView(actor.getSnapshot().value, actor.getSnapshot().context, { unlocked: false } as never, null, false);
    expect(view.heard).not.toContain('370203196203150422');
    expect(view.heard).toContain('3702**********0422');
    actor.send({ type: 'citizen.text', text: '我的身份证号是370203196203150422，失业金怎么领' });
    const citizenLines = actor.getSnapshot().context.subtitles.filter((s) => s.who === 'citizen').map((s) => s.text);
    expect(citizenLines.join()).not.toContain('370203196203150422');
    expect(citizenLines.at(-1)).toContain('3702**********0422');
  });
});

describe('a verified citizen asking by another person\'s ID number', () => {
  it('is told only their own records are told here, and nothing is fetched', async () => {
    const { actor, lines, queried } = startSession({ identityCheck: scriptedIdentityCheck(true), personalQuery: async () => record });
    actor.send({ type: 'citizen.touch' });
    actor.send(verified);
    actor.send({ type: 'citizen.text', text: '查一下370203196203150422的缴费基数' });
    await flush();
    expect(queried).toEqual([]);
    expect(lines().at(-1)).toBe(robotLines.onlyOwnRecord);
  });

  it('their own number in the question is fine', async () => {
    const { actor, queried } = startSession({ identityCheck: scriptedIdentityCheck(true), personalQuery: async () => record });
    actor.send({ type: 'citizen.touch' });
    actor.send({ ...verified, idNumberMasked: '3702**********0422' });
    actor.send({ type: 'citizen.text', text: '查一下370203196203150422的缴费基数' });
    await flush();
    expect(queried.map((q) => q.service)).toEqual(['query_contribution_base']);
  });
});
