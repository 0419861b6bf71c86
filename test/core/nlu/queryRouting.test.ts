import { describe, expect, it } from 'vitest';
import { extractSlots } from '../../../app/core/nlu/extractSlots.js';
import { developmentSet } from '../../../app/core/nlu/routerModel.js';
import { routeUtterance } from '../../../app/core/nlu/routeUtterance.js';
import { SERVICES, type ServiceName } from '../../../app/core/nlu/serviceCatalogue.js';

/**
 * Realistic ways citizens ask for the queries of issue 9 and the follow-ups to a record: plain, colloquial, elderly,
 * Shandong (俺, 恁, 咋, 啥时候) and the small recognizer's toneless pinyin. Written beside the cues and the development
 * rows for these services (so in-sample for the router: a guard against regressions, not a measure of accuracy).
 */
const SAID: Partial<Record<ServiceName, string[]>> = {
  query_insurance_status: [
    '我想看看我的参保信息',
    '俺都参了哪些保险',
    '我现在社保是哪个单位给交的',
    '查查俺的社保是不是还在交着',
    '我的五险现在啥状态',
    '我换了好几家单位，社保都在哪些单位交过',
    '恁给俺看看俺参保了没有',
    'wo de can bao xin xi',
    '我的社保停了没有',
    '我现在有没有社保',
  ],
  query_payment_records: [
    '俺想查查去年交了多少钱',
    '我2019年到2022年的社保交了多少',
    '看看我今年每个月交的社保',
    '我社保交到几月份了',
    '我中间断没断过社保',
    '查一下我的缴费明细',
    '恁帮俺瞧瞧这一年每个月扣了多少钱',
    'wo qu nian jiao le duo shao qian',
    '我的社保是不是断交了',
    '单位给我交社保了没有，这几个月',
  ],
  query_pension_account: [
    '我养老保险个人账户里有多少钱',
    '俺那个个人账户现在剩多少了',
    '查查我养老账户余额',
    '我个账里攒了多少钱了',
    'wo de ge ren zhang hu yu e',
    '我养老保险账户上有多少钱',
    '养老金账户里现在存了多少',
    '俺的养老个人帐户还有多少钱',
  ],
  query_injury_benefit: [
    '我的工伤待遇发了没有',
    '俺工伤赔的钱到了吗',
    '查查我的工伤认定下来了没有',
    '我那个伤残补助金给了多少',
    'wo de gong shang dai yu',
    '我工伤鉴定是几级',
    '我的公伤待遇发了吗',
    '我受伤那个工伤保险给报了多少',
  ],
  query_resident_pension_payments: [
    '我交的居民养老保险交了几年了',
    '俺在村里交的养老保险今年交了没有',
    '查查我城乡居民养老的缴费档次',
    '我那个农村养老保险一年交多少来着',
    'wo de cheng xiang ju min yang lao jiao fei',
    '俺新农保交了几年',
    '我居民社保哪年没交',
  ],
  query_flexible_employment_payments: [
    '我是灵活就业的，我交的什么档次',
    '俺自己交的社保交到哪个月了',
    '查查我灵活就业交了几个月',
    '我个人交社保欠没欠费',
    'wo ling huo jiu ye de jiao fei dang ci',
    '我个体户交的社保档次是多少',
    '灵活就业我每月交多少，交的百分之几',
  ],
  query_card_production: [
    '我的社保卡做好了没有',
    '俺补的社保卡啥时候能拿',
    '我新办的卡到哪一步了',
    '我的社保卡寄出来了吗',
    'wo de she bao ka zuo hao le mei you',
    '查一下制卡进度',
    '我换的第三代社保卡能领了吗',
    '俺那卡啥时候能做出来',
  ],
  query_employment_registration: [
    '我现在是就业还是失业登记',
    '查查我失业登记了没有',
    '俺的就业登记状态是啥',
    '我就业登记上了吗',
    'wo de jiu ye deng ji zhuang tai',
    '我是不是还挂着失业',
    '单位给我做了就业登记没有',
  ],
  query_employment_certificate: [
    '我的就业创业证号是多少',
    '查查我的就业创业证',
    '俺那个就业证还有效吗',
    'wo de jiu ye chuang ye zheng',
    '我有没有就业失业登记证',
    '我的创业证啥时候办的',
  ],
  query_skill_certificate: [
    '帮我查一下技能证书S000037021002193000284',
    '我想查查这个职业技能等级证书是不是真的',
    '证书编号是S000037020003204000517，给查查',
    '俺考的电工证能不能查到',
    'zhi ye ji neng deng ji zheng shu cha xun',
    '我的技能等级证书在网上查不到',
    '查证书真伪',
  ],
  query_application_progress: [
    '我办的业务办到哪一步了',
    '我前几天在这交的申请审核了没有',
    '俺在自助机上办的挂失成了没有',
    '我的失业金申请批了没',
    'wo ban de ye wu jin du',
    '查一下我的业务办理进度',
    '我在网上提交的申请现在啥情况',
  ],
  query_transfer_progress: [
    '我那个转移申请到哪了',
  ],
  estimate_retirement_age: [
    '我啥时候能退休',
    '俺是65年3月生的男的，啥时候能退',
    '我1975年出生的女工人，延迟退休后几岁退',
    '女干部70年的，多大退休',
    'wo shen me shi hou neng tui xiu',
    '按新规定我要干到多少岁',
    '帮我算算我的退休年龄',
    '俺还有几年能退',
    '我老头子哪年能退休',
  ],
  estimate_pension: [
    '我退休能拿多少养老金',
    '帮我算算退休以后每个月能领多少钱',
    '俺交了这些年，退了以后一个月能拿多少',
    'wo tui xiu yi hou neng ling duo shao yang lao jin',
    '测算一下我的养老金',
    '照我现在这么交，以后养老金有多少',
    '我以后退休工资大概多少',
  ],
  print_record: [
    '把这个打印出来',
    '能打一份给俺吗',
    '这个给我打一张',
    '刚才那个能打印吗',
    '帮我把这些打出来',
    'ba zhe ge da yin chu lai',
    '打印这页',
    '给俺打出来带回家看',
  ],
  dispute_record: [
    '这个不对啊',
    '俺的钱咋少了',
    '记录有问题',
    '不对吧，我明明交了',
    '少了好几个月',
    '这个数跟我算的对不上',
    'zhe ge bu dui a',
    '这不对，是不是搞错了',
    '俺那几个月咋没有了',
  ],
  change_citizen: [
    '换人',
    '换我老伴查',
    '下一个人',
    '我查完了，换我媳妇查查',
    '该我老伴了',
    'huan ren',
    '轮到我了',
    '我帮我妈也查一下',
    '换个人查',
  ],
};

describe('routing the 聊天查 queries and the follow-ups to a record', () => {
  for (const [service, utterances] of Object.entries(SAID) as [ServiceName, string[]][]) {
    it.each(utterances)(`%s → ${service}`, (utterance) => {
      expect(routeUtterance(utterance).service).toBe(service);
    });
  }

  it('the follow-ups are conversation services that need no identity, with the coarse intents other tools expect', () => {
    expect(SERVICES.print_record).toMatchObject({ intent: 'print_certificate', identity: 'none', kind: 'conversation' });
    expect(SERVICES.dispute_record).toMatchObject({ intent: 'handoff_to_staff', identity: 'none', kind: 'conversation' });
    expect(SERVICES.change_citizen).toMatchObject({ intent: 'goodbye', identity: 'none', kind: 'conversation' });
    for (const service of ['print_record', 'dispute_record', 'change_citizen'] as const) {
      expect(developmentSet().filter((d) => d.service === service).length, service).toBeGreaterThanOrEqual(8);
    }
  });

  it('a certificate still asked for by name is a certificate, not the record on screen; a staff request stays one', () => {
    expect(routeUtterance('帮我打印一份参保证明').service).toBe('print_certificate');
    expect(routeUtterance('打一张未参保证明').service).toBe('print_certificate');
    expect(routeUtterance('找个工作人员').service).toBe('handoff_to_staff');
    expect(routeUtterance('谢谢你，再见').service).toBe('goodbye');
  });

  it('how the rules work is a policy question, not a query', () => {
    expect(routeUtterance('延迟退休政策是怎么规定的').service).toBe('policy_question');
    expect(routeUtterance('工伤认定需要什么材料').service).toBe('policy_question');
    expect(routeUtterance('居民养老保险有几个缴费档次').service).toBe('policy_question');
  });

  it('fills the slots these queries read', () => {
    expect(routeUtterance('俺想查查去年交了多少钱')).toMatchObject({ service: 'query_payment_records', slots: { relativeYear: 'last' } });
    expect(routeUtterance('我2019年到2022年的社保交了多少')).toMatchObject({ service: 'query_payment_records', slots: { period: { from: 2019, to: 2022 } } });
    expect(routeUtterance('帮我查一下技能证书S000037021002193000284')).toMatchObject({ service: 'query_skill_certificate', slots: { certificateNumber: 'S000037021002193000284' } });
    expect(routeUtterance('俺是65年3月生的男的，啥时候能退')).toMatchObject({
      service: 'estimate_retirement_age',
      slots: { birthYearMonth: { year: 1965, month: 3 }, retirementCategory: '男' },
    });
  });

  it('the development rows that name the new slots get them from extractSlots', () => {
    const keys = ['certificateNumber', 'birthYearMonth', 'retirementCategory'] as const;
    const rows = developmentSet() as (ReturnType<typeof developmentSet>[number] & { slots?: Record<string, unknown> })[];
    const named = rows.filter((r) => r.slots && keys.some((k) => r.slots![k] !== undefined));
    expect(named.length).toBeGreaterThanOrEqual(8);
    for (const row of named) {
      const got = extractSlots(row.utterance) as Record<string, unknown>;
      for (const k of keys) if (row.slots![k] !== undefined) expect(got[k], row.utterance).toEqual(row.slots![k]);
    }
  });
});
