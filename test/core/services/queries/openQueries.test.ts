import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendClient } from '../../../../app/core/backend/index.js';
import { repoRoot } from '../../../../app/core/config/repoRoot.js';
import { extractSlots, type RouteSlots } from '../../../../app/core/nlu/extractSlots.js';
import { mergeReplySlots } from '../../../../app/core/nlu/mergeReplySlots.js';
import { SERVICES } from '../../../../app/core/nlu/serviceCatalogue.js';
import { openQueries, personalQueries } from '../../../../app/core/services/queries/personalQueries.js';
import { RETIREMENT_KB_ENTRIES } from '../../../../app/core/services/queries/retirementAgeQuery.js';
import { startHarness, type Harness } from '../../backend/simulatorHarness.js';

let harness: Harness;
let client: BackendClient;
beforeAll(async () => {
  harness = await startHarness();
  client = harness.client();
});
afterAll(() => harness.close());

const ask = (service: keyof typeof openQueries, slots: RouteSlots, verified: string | null = null) => openQueries[service]!.answer(client, slots, verified);
const sentences = (text: string) => text.split(/[。！？]/).filter((s) => s.trim()).length;

describe('queries that need no identity, against the real client and simulator', () => {
  it('the registries agree with the catalogue: open queries need no identity, personal ones do', () => {
    for (const service of Object.keys(openQueries) as (keyof typeof SERVICES)[]) expect(SERVICES[service].identity).toBe('none');
    for (const service of Object.keys(personalQueries) as (keyof typeof SERVICES)[]) expect(SERVICES[service].identity).toBe('verified');
    expect(Object.keys(openQueries).sort()).toEqual(['estimate_retirement_age', 'query_skill_certificate']);
    expect(Object.keys(personalQueries).length + Object.keys(openQueries).length).toBe(20);
  });

  describe('职业技能等级证书查询 by the number said', () => {
    it('a valid certificate: the masked holder on screen, only the family name spoken, no ID number', async () => {
      const answer = await ask('query_skill_certificate', extractSlots('帮我查一下证书编号S000037021002193000284是不是真的'));
      expect(answer.empty).toBe(false);
      expect(answer.spoken).toBe('这本证书是有效的：持证人姓孙，电工，三级，高级工，2019年11月20日发证。详细信息在屏幕上。');
      expect(answer.screen).toContain('持证人：孙*军');
      expect(answer.screen).toContain('评价机构：青岛海建职业技能评价中心');
      expect(answer.screen).not.toMatch(/孙立军|(?<![A-Z\d])\d{17}[\dX](?!\d)/);
    });

    it('a cancelled certificate is said to be cancelled', async () => {
      const answer = await ask('query_skill_certificate', { certificateNumber: 'Y000037021005156000031' });
      expect(answer.spoken).toMatch(/^这本证书已经注销了/);
      expect(answer.screen).toContain('状态：已注销');
    });

    it('no number said: it asks for it plainly and is empty; an unknown or malformed number is said plainly', async () => {
      const none = await ask('query_skill_certificate', extractSlots('我想查查我的技能证书'));
      expect(none).toMatchObject({ empty: true });
      expect(none.spoken).toContain('请告诉我证书编号');
      const unknown = await ask('query_skill_certificate', { certificateNumber: 'S000037021002193000285' });
      expect(unknown).toMatchObject({ empty: true });
      expect(unknown.spoken).toMatch(/^没有查到这个编号的证书/);
      expect(unknown.screen).toContain('您说的编号：S000037021002193000285');
      expect((await ask('query_skill_certificate', { certificateNumber: '1234567' })).spoken).toMatch(/^这个编号不完整/);
    });

    it('a down business system is not an answer: the failure reaches the session', async () => {
      harness.simulator.inject.failNext(503);
      await expect(ask('query_skill_certificate', { certificateNumber: 'S000037021002193000284' })).rejects.toMatchObject({ kind: 'server' });
    });
  });

  describe('退休年龄测算 under the 2025 gradual rules', () => {
    it('from what the citizen says: birth month and category, computed and cited from the knowledge base', async () => {
      const man = await ask('estimate_retirement_age', extractSlots('俺是男的，1965年1月出生的，啥时候退休'));
      expect(man.spoken).toBe('按2025年起实施的渐进式延迟退休规定，1965年1月出生的男职工法定退休年龄是60岁1个月，2025年2月退休。按月领养老金，累计缴费最少要满15年。');
      expect(man.screen).toContain(`知识库：${RETIREMENT_KB_ENTRIES[60].title}（${RETIREMENT_KB_ENTRIES[60].id}）`);
      const worker = await ask('estimate_retirement_age', extractSlots('我是女工人，一九八四年十一月出生'));
      expect(worker.spoken).toContain('法定退休年龄是55岁，2039年11月退休');
      expect(worker.spoken).toContain('最少要满20年');
      const cadre = await ask('estimate_retirement_age', extractSlots('我是女干部，1970年1月生的'));
      expect(cadre.spoken).toContain('55岁1个月，2025年2月退休');
      expect(cadre.screen).toContain('retirement-age-women-cadre');
      expect((await ask('estimate_retirement_age', extractSlots('我是男的，1976年9月出生'))).spoken).toContain('63岁，2039年9月退休');
      expect((await ask('estimate_retirement_age', extractSlots('我是男的，1964年12月出生'))).spoken).toContain('不受延迟退休影响，仍是60岁');
    });

    it('asks for exactly what is missing, and computes nothing', async () => {
      const nothing = await ask('estimate_retirement_age', extractSlots('我啥时候能退休'));
      expect(nothing).toMatchObject({ empty: true });
      expect(nothing.spoken).toContain('请告诉我出生年月');
      expect(nothing.spoken).toContain('男职工、女干部');
      const noMonth = await ask('estimate_retirement_age', extractSlots('我是男的，65年生的'));
      expect(noMonth).toMatchObject({ empty: true, spoken: '请再告诉我是1965年几月出生的。' });
      const noCategory = await ask('estimate_retirement_age', extractSlots('我是1970年5月出生的'));
      expect(noCategory).toMatchObject({ empty: true, spoken: '请问您是男职工、女干部（管理或技术岗位），还是女工人？' });
      const woman = await ask('estimate_retirement_age', extractSlots('我是女的，1975年3月出生'));
      expect(woman.empty).toBe(true);
      expect(woman.spoken).toMatch(/^请问您是女干部.*还是女工人/);
      const noBirth = await ask('estimate_retirement_age', extractSlots('我是干部'));
      expect(noBirth.spoken).toBe('请告诉我出生年月，比如“1970年5月”。还有，您是男同志还是女同志？');
    });

    it('asks, then answers once the reply is folded in (mergeReplySlots)', async () => {
      let slots = extractSlots('俺是女的，啥时候能退休');
      expect((await ask('estimate_retirement_age', slots)).spoken).toContain('请告诉我出生年月');
      slots = mergeReplySlots(slots, '一九七五年三月');
      expect((await ask('estimate_retirement_age', slots)).spoken).toMatch(/^请问您是女干部/);
      slots = mergeReplySlots(slots, '工人');
      expect((await ask('estimate_retirement_age', slots)).spoken).toContain('1975年3月出生的原50岁退休的女职工法定退休年龄是50岁2个月，2025年5月退休');
      const asked = await ask('query_skill_certificate', extractSlots('查个技能证书'));
      expect(asked.empty).toBe(true);
      const found = await ask('query_skill_certificate', mergeReplySlots(extractSlots('查个技能证书'), 'S000037020003204000517'));
      expect(found.spoken).toContain('持证人姓马');
    });

    it('from the record when the visit is verified and nothing was said: category, contributions, a transfer on the way', async () => {
      const nearRetirement = await ask('estimate_retirement_age', {}, 'QD0010');
      expect(nearRetirement.spoken).toContain('1968年5月出生的男职工法定退休年龄是60岁11个月，2029年4月退休');
      expect(nearRetirement.spoken).toContain('已经够最低年限15年了');
      const female50 = await ask('estimate_retirement_age', {}, 'QD0011');
      expect(female50.spoken).toContain('原50岁退休的女职工法定退休年龄是55岁，2042年9月退休');
      expect(female50.spoken).toContain('还差6年5个月');
      expect(female50.screen).toContain('retirement-age-women-worker');
      expect((await ask('estimate_retirement_age', {}, 'QD0012')).spoken).toContain('从江苏省苏州市转入的13年4个月办结后会一并计算');
      const resident = await ask('estimate_retirement_age', {}, 'QD0014');
      expect(resident.spoken).toContain('城乡居民养老保险');
      expect(resident.spoken).toContain('2026年7月起可以申请领取');
      expect((await ask('estimate_retirement_age', {}, 'QD0001')).spoken).toContain('已经在2012年3月15日办理了退休');
      // No insurance on record, a woman: which rule was hers is asked.
      expect((await ask('estimate_retirement_age', {}, 'QD0008'))).toMatchObject({ empty: true });
    });

    it('what the citizen says wins over the record (they may ask for someone else)', async () => {
      const spouse = await ask('estimate_retirement_age', extractSlots('我老伴是男的，1966年1月出生'), 'QD0011');
      expect(spouse.spoken).toContain('1966年1月出生的男职工法定退休年龄是60岁4个月');
      expect(spouse.screen).not.toContain('已累计缴费');
    });

    it('the knowledge-base entries it cites exist in data/kb with those titles', () => {
      const kb = JSON.parse(readFileSync(path.join(repoRoot, 'data', 'kb', 'D10.json'), 'utf8')) as { entries: { id: string; title: string }[] };
      for (const cited of Object.values(RETIREMENT_KB_ENTRIES)) expect(kb.entries.find((e) => e.id === cited.id)?.title).toBe(cited.title);
    });
  });

  it('every open answer is short when spoken and has a concrete ifWrong', async () => {
    for (const service of Object.keys(openQueries) as (keyof typeof openQueries)[]) {
      expect(openQueries[service]!.ifWrong).toMatch(/窗口|机构|查询/);
      for (const slots of [{}, extractSlots('我是男的，1970年3月出生'), { certificateNumber: 'S000037020003204000517' }]) {
        for (const verified of [null, 'QD0004', 'QD0008']) {
          const answer = await openQueries[service]!.answer(client, slots, verified);
          expect(sentences(answer.spoken), answer.spoken).toBeLessThanOrEqual(3);
          expect(answer.spoken).not.toMatch(/\*/);
        }
      }
    }
  });
});
