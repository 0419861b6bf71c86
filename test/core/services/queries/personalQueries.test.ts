import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendClient } from '../../../../app/core/backend/index.js';
import { personalQueries } from '../../../../app/core/services/queries/personalQueries.js';
import { startHarness, type Harness } from '../../backend/simulatorHarness.js';

let harness: Harness;
let client: BackendClient;
beforeAll(async () => {
  harness = await startHarness();
  client = harness.client();
});
afterAll(() => harness.close());

const ask = (service: keyof typeof personalQueries, citizenId: string, slots = {}) => personalQueries[service]!.answer(client, citizenId, slots);
/** At most three sentences: what the robot says is short; the rest is on screen. */
const sentences = (text: string) => text.split(/[。！？]/).filter((s) => s.trim()).length;

describe('聊天查: personal queries worded from the business system (real client, real simulator)', () => {
  it('缴费基数: the year asked for, or the latest, spoken; every year on screen', async () => {
    const latest = await ask('query_contribution_base', 'QD0006');
    expect(latest.empty).toBe(false);
    expect(latest.spoken).toMatch(/^您\d{4}年的养老保险缴费基数是\d+元(\d角)?(零?\d分)?。/);
    const years = latest.screen.split('\n');
    expect(years.length).toBeGreaterThan(3);
    const wantedYear = Number(/^(\d{4})年/.exec(years[2]!)![1]);
    const asked = await ask('query_contribution_base', 'QD0006', { year: wantedYear });
    expect(asked.spoken).toContain(`${wantedYear}年`);
    const missing = await ask('query_contribution_base', 'QD0006', { year: 1950 });
    expect(missing.spoken).toMatch(/^没有查到1950年的记录/);
    expect((await ask('query_contribution_base', 'QD0008')).empty).toBe(true);
  });

  it('累计缴费月数: 养老 with 视同缴费 for a pensioner, gaps told for a worker with breaks', async () => {
    const pensioner = await ask('query_contribution_months', 'QD0001');
    expect(pensioner.spoken).toMatch(/养老保险累计缴费\d+年/);
    expect(pensioner.spoken).toContain('视同缴费');
    const withGaps = await ask('query_contribution_months', 'QD0011');
    expect(withGaps.spoken).toMatch(/有\d段断缴/);
    expect(withGaps.screen).toContain('断缴');
    expect((await ask('query_contribution_months', 'QD0008')).empty).toBe(true);
  });

  it('养老金发放明细: the latest payment spoken, months on screen; no record said plainly', async () => {
    const paid = await ask('query_pension_benefit', 'QD0001');
    expect(paid.spoken).toMatch(/^您最近一笔养老金是\d{4}年\d{1,2}月的，\d+元(\d角)?(零?\d分)?，\d{4}年\d{1,2}月\d{1,2}日发放。/);
    expect(paid.screen.split('\n').length).toBeGreaterThan(1);
    const none = await ask('query_pension_benefit', 'QD0008');
    expect(none.empty).toBe(true);
    expect(none.spoken).toContain('没有查到');
  });

  it('养老金资格认证状态 and 社保卡状态', async () => {
    expect((await ask('query_pension_auth_status', 'QD0001')).spoken).toMatch(/上次认证是\d{4}年|还没有认证记录/);
    expect((await ask('query_pension_auth_status', 'QD0006')).spoken).toContain('不需要做养老金资格认证');
    const sealed = await ask('query_card_status', 'QD0014');
    expect(sealed.spoken).toContain('封存');
    expect(sealed.screen).toMatch(/卡号：\S*\*+/);
    expect((await ask('query_card_status', 'QD0011')).spoken).toContain('临时挂失');
  });

  it('失业保险金: months paid and left for a claimant, kept months for one who found work, nothing for others', async () => {
    const claimant = await ask('query_unemployment_benefit', 'QD0007');
    expect(claimant.spoken).toMatch(/正在领取失业保险金，每月\d+元(\d角)?(零?\d分)?，已经领了7个月，还能领17个月。/);
    expect(claimant.screen.split('\n').length).toBe(1 + 7);
    expect((await ask('query_unemployment_benefit', 'QD0011')).spoken).toMatch(/已经停发.*保留着/);
    expect((await ask('query_unemployment_benefit', 'QD0001')).empty).toBe(true);
  });

  it('关系转移接续: a transfer in progress says its stage; a finished one says it is done', async () => {
    const inProgress = await ask('query_transfer_progress', 'QD0012');
    expect(inProgress.spoken).toContain('苏州');
    expect(inProgress.spoken).toContain('转出地已确认');
    expect(inProgress.screen).toContain('已办结');
    expect((await ask('query_transfer_progress', 'QD0008')).empty).toBe(true);
  });

  it('every answer is short when spoken, and shows no ID number', async () => {
    for (const service of Object.keys(personalQueries) as (keyof typeof personalQueries)[]) {
      for (const citizenId of ['QD0001', 'QD0006', 'QD0008', 'QD0011']) {
        const answer = await ask(service, citizenId).catch(() => null);
        if (!answer) continue;
        expect(sentences(answer.spoken), `${service} ${citizenId}`).toBeLessThanOrEqual(3);
        expect(`${answer.spoken}\n${answer.screen}`).not.toMatch(/\d{17}[\dX]/);
      }
    }
  });
});

describe('money as the robot says it', () => {
  it('whole yuan, then 角 and 分, never a decimal point', async () => {
    const { spokenYuan } = await import('../../../../app/core/services/queries/personalQuery.js');
    expect(spokenYuan(5200)).toBe('5200元');
    expect(spokenYuan(1296.5)).toBe('1296元5角');
    expect(spokenYuan(1296.57)).toBe('1296元5角7分');
    expect(spokenYuan(80.05)).toBe('80元零5分');
    expect(spokenYuan(0.1 + 0.2)).toBe('0元3角');
  });
});
