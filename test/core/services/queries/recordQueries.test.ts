import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendClient } from '../../../../app/core/backend/index.js';
import type { RouteSlots } from '../../../../app/core/nlu/extractSlots.js';
import { personalQueries } from '../../../../app/core/services/queries/personalQueries.js';
import { spokenYuan } from '../../../../app/core/services/queries/personalQuery.js';
import { startHarness, type Harness } from '../../backend/simulatorHarness.js';

let harness: Harness;
let client: BackendClient;
beforeAll(async () => {
  harness = await startHarness();
  client = harness.client();
});
afterAll(() => harness.close());

const ask = (service: keyof typeof personalQueries, citizenId: string, slots: RouteSlots = {}) => personalQueries[service]!.answer(client, citizenId, slots);
const sentences = (text: string) => text.split(/[。！？]/).filter((s) => s.trim()).length;
const lines = (screen: string) => screen.split('\n');
/** "12991元3角6分" (as money is said) → 12991.36 */
const amountAfter = (text: string, words: string) => {
  const m = new RegExp(`${words}(\\d+)元(?:(\\d)角)?(?:零?(\\d)分)?`).exec(text);
  return m ? Number(m[1]) + Number(m[2] ?? 0) / 10 + Number(m[3] ?? 0) / 100 : NaN;
};

// The harness simulator's "now" is 2025-03-14 (China time): the last payable month is 2025-02.
describe('聊天查: the queries of issue 9, against the real client and simulator', () => {
  it('个人参保信息: types, status and the current payer; every employer on screen; pensioner, flexible, paused, resident and none', async () => {
    const worker = await ask('query_insurance_status', 'QD0004');
    expect(worker.spoken).toContain('养老、医疗、失业、工伤、生育保险正常缴费，参保单位是青岛西海岸软件科技有限公司');
    expect(worker.spoken).toContain('先后在2家单位');
    expect(worker.screen).toContain('2008年7月至2015年12月：青岛港湾物流有限公司（90个月）');
    expect(worker.screen).toContain('2016年1月起至今：青岛西海岸软件科技有限公司');

    const threeEmployers = await ask('query_insurance_status', 'QD0011');
    expect(threeEmployers.spoken).toContain('先后在3家单位');
    expect(lines(threeEmployers.screen).filter((l) => /^\d{4}年\d+月(至|起)/.test(l))).toHaveLength(3);

    const flexible = await ask('query_insurance_status', 'QD0006');
    expect(flexible.spoken).toMatch(/养老、医疗保险正常缴费，是您以灵活就业身份自己交的；失业、工伤、生育保险暂停缴费/);
    expect((await ask('query_insurance_status', 'QD0007')).spoken).toContain('暂停缴费，最后缴到2024年7月');
    expect((await ask('query_insurance_status', 'QD0001')).spoken).toContain('已经退休');
    expect((await ask('query_insurance_status', 'QD0014')).spoken).toContain('城乡居民养老保险正常缴费');

    const none = await ask('query_insurance_status', 'QD0008');
    expect(none).toMatchObject({ empty: true, screen: '暂无参保记录。' });
    expect(none.spoken).toContain('没有查到');
  });

  it('缴费明细: the latest 12 months by default, totals that add up, a table by year with every month', async () => {
    const answer = await ask('query_payment_records', 'QD0004');
    expect(answer.empty).toBe(false);
    expect(answer.spoken).toMatch(/^您最近12个月每个月都有缴费，一共12个月，个人一共缴了\d+元(\d角)?(零?\d分)?，单位缴了\d+元(\d角)?(零?\d分)?。/);
    const { records } = await client.getContributions('QD0004', { from: '2024-03', to: '2025-02' });
    const personal = Math.round(records.reduce((s, r) => s + r.personalAmount, 0) * 100) / 100;
    expect(amountAfter(answer.spoken, '个人一共缴了')).toBeCloseTo(personal, 2);
    const rows = lines(answer.screen);
    expect(rows[0]).toBe('查询范围：2024年3月至2025年2月');
    expect(rows.filter((l) => /^\d{4}年：缴费\d+个月/.test(l))).toEqual([expect.stringMatching(/^2024年：缴费10个月/), expect.stringMatching(/^2025年：缴费2个月/)]);
    expect(rows.filter((l) => /^\d{4}年\d+月：/.test(l))).toHaveLength(12);
  });

  it('缴费明细: a year, 今年, 去年 and a period from the utterance; the gaps told', async () => {
    const gaps = await ask('query_payment_records', 'QD0006', { year: 2019 });
    expect(gaps.spoken).toMatch(/^您2019年有9个月缴费，都是您自己缴的，一共\d+元(\d角)?(零?\d分)?。其中2019年5月至2019年7月没有缴费（断缴），每个月的明细在屏幕上。$/);
    expect(lines(gaps.screen).filter((l) => l.endsWith('无缴费记录'))).toEqual(['2019年5月：无缴费记录', '2019年6月：无缴费记录', '2019年7月：无缴费记录']);

    const period = await ask('query_payment_records', 'QD0011', { period: { from: 2013, to: 2019 } });
    expect(period.spoken).toContain('2013年至2019年');
    expect(period.spoken).toContain('2013年6月至2013年12月、2018年9月至2019年2月没有缴费');
    expect(lines(period.screen).filter((l) => /^\d{4}年：/.test(l))).toHaveLength(7);

    expect((await ask('query_payment_records', 'QD0004', { relativeYear: 'this' })).screen).toContain('查询范围：2025年1月至2025年2月');
    expect((await ask('query_payment_records', 'QD0004', { relativeYear: 'last' })).spoken).toMatch(/^您去年（2024年）每个月都有缴费，一共12个月/);

    const stopped = await ask('query_payment_records', 'QD0007');
    expect(stopped.spoken).toContain('有5个月缴费');
    expect(stopped.spoken).toContain('2024年8月以后没有缴费记录');
    expect(stopped.spoken).not.toContain('断缴');
  });

  it('缴费明细: nothing in the span said plainly, with where the record does start or end (a transfer on the way); none; resident pension', async () => {
    const transfer = await ask('query_payment_records', 'QD0012', { year: 2019 });
    expect(transfer.empty).toBe(true);
    expect(transfer.spoken).toMatch(/^没有查到您2019年的缴费记录。您在本地的缴费记录是从2020年1月开始的，从江苏省苏州市转入的养老保险还在办理/);
    const retired = await ask('query_payment_records', 'QD0001');
    expect(retired).toMatchObject({ empty: true });
    expect(retired.spoken).toContain('您最后一次缴费是2012年3月');
    const future = await ask('query_payment_records', 'QD0004', { year: 2030 });
    expect(future.empty).toBe(true);
    expect(future.spoken).toContain('目前能查到2025年2月');
    expect((await ask('query_payment_records', 'QD0008')).spoken).toMatch(/^没有查到您的缴费记录/);
    expect((await ask('query_payment_records', 'QD0014')).spoken).toContain('城乡居民养老保险，是按年缴费的');
  });

  it('养老个人账户余额: balance and this year spoken, closed years on screen; a pensioner’s account paying out; a resident account; none', async () => {
    const worker = await ask('query_pension_account', 'QD0004');
    const { accounts } = await client.getPensionAccounts('QD0004');
    expect(worker.spoken).toContain(`截至2025年2月28日，您的职工养老保险个人账户余额是${spokenYuan(accounts[0]!.balance)}`);
    expect(worker.spoken).toContain('今年已经记入1796元');
    expect(lines(worker.screen).filter((l) => /^\d{4}年：记入/.test(l))).toHaveLength(accounts[0]!.years.length);
    const pensioner = await ask('query_pension_account', 'QD0001');
    expect(pensioner.spoken).toMatch(/^您已经退休，个人账户每月随养老金支付一部分/);
    expect(pensioner.screen).toContain('支付养老金');
    expect((await ask('query_pension_account', 'QD0014')).spoken).toContain('城乡居民养老保险个人账户余额是11574元1角3分');
    expect((await ask('query_pension_account', 'QD0008')).empty).toBe(true);
  });

  it('工伤保险待遇: stage, grade and what the fund and the employer paid; none', async () => {
    const injured = await ask('query_injury_benefit', 'QD0013');
    expect(injured.spoken).toBe('您2023年6月12日的工伤已经认定，鉴定为9级伤残。已经支付4项待遇，工伤保险基金支付75640元5角，单位支付43400元。每一项明细在屏幕上。');
    expect(injured.screen).toContain('停工留薪期工资（2023年6月至2023年12月）：43,400 元｜用人单位支付');
    expect(lines(injured.screen)).toHaveLength(1 + 4);
    expect((await ask('query_injury_benefit', 'QD0004'))).toMatchObject({ empty: true, screen: '暂无工伤认定和待遇记录。' });
  });

  it('城乡居民养老保险缴费: the latest grade and subsidies, the missed year, every year on screen; none', async () => {
    const resident = await ask('query_resident_pension_payments', 'QD0014');
    expect(resident.spoken).toContain('2024年您按1000元的档次交了1000元，政府补贴120元，集体补助50元');
    expect(resident.spoken).toContain('2016年没有缴费');
    expect(resident.screen).toContain('2016年：未缴费');
    expect(resident.screen).toContain('参保地：即墨区移风店镇');
    expect(lines(resident.screen).filter((l) => /^\d{4}年：/.test(l))).toHaveLength(13);
    expect((await ask('query_resident_pension_payments', 'QD0004')).empty).toBe(true);
  });

  it('灵活就业缴费档次与记录: the level and how far it is paid, the unpaid months; an old spell without a registration; none', async () => {
    const flexible = await ask('query_flexible_employment_payments', 'QD0006');
    expect(flexible.spoken).toContain('缴费档次是社平工资的100%');
    expect(flexible.spoken).toContain('已经交到2025年2月，2019年5月至2019年7月共3个月没交');
    expect(flexible.screen).toContain('2020年：档次 60%');
    expect(flexible.screen).toContain('欠缴月份：2019年5月至2019年7月（共3个月）');
    const past = await ask('query_flexible_employment_payments', 'QD0003');
    expect(past.spoken).toMatch(/^您2004年到2008年以灵活就业身份交过社保，最后交到2008年11月，现在没有灵活就业登记/);
    expect((await ask('query_flexible_employment_payments', 'QD0004')).empty).toBe(true);
  });

  it('制卡进度: in production, ready at a window, mailed with its tracking number; none', async () => {
    expect((await ask('query_card_production', 'QD0009')).spoken).toBe('您2025年3月8日补办的社保卡正在制作，做好后会短信通知您来领。');
    const ready = await ask('query_card_production', 'QD0012');
    expect(ready.spoken).toContain('已经做好了，请带上身份证到青岛市市南区人力资源和社会保障局服务大厅3号窗口领取');
    expect(ready.screen).toContain('已受理 2025年3月2日 → 制卡中 2025年3月3日 → 待领取 2025年3月11日');
    const mailed = await ask('query_card_production', 'QD0013');
    expect(mailed.spoken).toContain('用中国邮政EMS寄出，快递单号在屏幕上');
    expect(mailed.screen).toContain('单号 1183069412207');
    expect((await ask('query_card_production', 'QD0004')).empty).toBe(true);
  });

  it('就业失业登记状态: employed, unemployed at an office, flexible, retired, several registrations; none', async () => {
    expect((await ask('query_employment_registration', 'QD0007')).spoken).toMatch(/^您现在是失业登记状态，2024年8月5日起在青岛市李沧区公共就业和人才服务中心登记/);
    expect((await ask('query_employment_registration', 'QD0006')).spoken).toContain('以灵活就业身份登记');
    expect((await ask('query_employment_registration', 'QD0001')).spoken).toMatch(/^您已经退休/);
    const history = await ask('query_employment_registration', 'QD0011');
    expect(history.spoken).toContain('在青岛市北和美养老服务中心就业');
    expect(history.screen).toContain('2018年9月5日至2019年2月28日：失业登记（青岛市市北区公共就业和人才服务中心）');
    expect((await ask('query_employment_registration', 'QD0008')).empty).toBe(true);
  });

  it('就业创业证信息: who issued it and when spoken, the number and the registrations it records on screen; none', async () => {
    const certificate = await ask('query_employment_certificate', 'QD0011');
    expect(certificate.spoken).toBe('您的就业创业证是2018年9月5日由青岛市市北区公共就业和人才服务中心发的，目前有效。证号和证上记载的登记记录在屏幕上。');
    expect(certificate.screen).toContain('证号：3702032018002906');
    expect(certificate.screen).toContain('失业登记');
    expect(certificate.spoken).not.toContain('3702032018002906');
    expect((await ask('query_employment_certificate', 'QD0004')).empty).toBe(true);
  });

  it('业务办理进度: submissions at this kiosk’s hall and elsewhere, open ones first; none', async () => {
    const kiosk = await ask('query_application_progress', 'QD0005');
    expect(kiosk.spoken).toBe('您2025年3月9日在自助服务机办的社保卡挂失已经办结，结果是“已挂失”。详细记录在屏幕上。');
    expect(kiosk.screen).toContain('GS20250309-0001｜社保卡挂失｜自助服务机');
    const open = await ask('query_application_progress', 'QD0012');
    expect(open.spoken).toMatch(/^您有2笔业务正在办理：.*社保卡申领到了“待领取”这一步；.*关系转移接续到了“转出地已确认”这一步。全部3笔记录在屏幕上。$/);
    expect(lines(open.screen)).toHaveLength(3);
    expect((await ask('query_application_progress', 'QD0008')).empty).toBe(true);
  });

  it('养老金测算: the formula with every input on screen, said to be an estimate; short contributions, a transfer on the way, resident, pensioner, none', async () => {
    const estimate = await ask('estimate_pension', 'QD0010');
    expect(estimate.spoken).toMatch(/^按您现在的缴费记录粗略估算，60岁11个月退休时每月养老金大约\d+元，其中基础养老金约\d+元，个人账户养老金约\d+元。这只是按现在的记录估算/);
    // 7,280 × (1 + 0.8534) ÷ 2 × 464/12 × 1% = 2,608.60; 133,861.84 ÷ 132.6 (60岁11个月 between 139 and 132) = 1,009.52.
    expect(estimate.screen).toContain('本人指数化月平均缴费工资 = 7,280 元 × 0.8534 = 6,212.75 元');
    expect(estimate.screen).toContain('= 2,608.60 元/月');
    expect(estimate.screen).toContain('计发月数 132.6');
    expect(estimate.screen).toContain('个人账户养老金 = 133,861.84 元 ÷ 132.6 = 1,009.52 元/月');
    expect(estimate.screen).toContain('合计约：3,618.12 元/月');
    expect(estimate.screen).toContain('2011年：缴费12个月');

    expect((await ask('estimate_pension', 'QD0011')).spoken).toContain('按月领养老金要缴满20年');
    const transfer = await ask('estimate_pension', 'QD0012');
    expect(transfer.spoken).toContain('从江苏省苏州市转入的缴费年限还没算进去');
    expect(transfer.screen).toContain('未计入本次测算');
    const resident = await ask('estimate_pension', 'QD0014');
    expect(resident.spoken).toMatch(/年满60周岁领取时每月大约348元，其中基础养老金265元/);
    expect(resident.screen).toContain('11,574.13 元 ÷ 139 = 83.27 元/月');
    expect((await ask('estimate_pension', 'QD0001'))).toMatchObject({ empty: true });
    expect((await ask('estimate_pension', 'QD0008')).spoken).toMatch(/^没有查到您交养老保险的记录/);
  });

  it('every query of the 20: spoken in at most three sentences, digits for numbers, no ID number, a concrete ifWrong', async () => {
    const citizens = Array.from({ length: 14 }, (_, i) => `QD${String(i + 1).padStart(4, '0')}`);
    for (const service of Object.keys(personalQueries) as (keyof typeof personalQueries)[]) {
      const query = personalQueries[service]!;
      expect(query.ifWrong, service).toMatch(/窗口|单位|机构|社保所/);
      expect(query.ifWrong.length, service).toBeGreaterThan(15);
      for (const citizenId of citizens) {
        const answer = await query.answer(client, citizenId, {});
        expect(sentences(answer.spoken), `${service} ${citizenId}: ${answer.spoken}`).toBeLessThanOrEqual(3);
        expect(answer.spoken, `${service} ${citizenId}`).not.toMatch(/[一二三四五六七八九十百千万]+元/);
        expect(answer.spoken, `${service} ${citizenId}`).not.toMatch(/\*/);
        expect(`${answer.spoken}\n${answer.screen}`).not.toMatch(/\d{17}[\dX]/);
        expect(answer.screen.trim().length, `${service} ${citizenId}`).toBeGreaterThan(0);
      }
    }
  });
});
