import { describe, expect, it } from 'vitest';
import { routeUtterance } from '../../../app/core/nlu/routeUtterance.js';
import { INTENTS, SERVICE_NAMES, SERVICES } from '../../../app/core/nlu/serviceCatalogue.js';
import { ROUTING_CUES } from '../../../app/core/nlu/routingCues.js';

const service = (text: string, pinyin?: string) => routeUtterance(text, pinyin).service;

describe('the local intent router', () => {
  it('every service has its intent among the fixed names, and cues to be found by', () => {
    for (const name of SERVICE_NAMES) {
      expect(INTENTS).toContain(SERVICES[name].intent);
      expect(ROUTING_CUES[name].length, name).toBeGreaterThan(0);
    }
  });

  it('routes plain requests', () => {
    expect(service('我想查一下我的缴费记录')).toBe('query_payment_records');
    expect(service('我要挂失社保卡')).toBe('report_card_loss');
    expect(service('我要做养老认证')).toBe('pension_auth');
    expect(service('帮我打印一份参保证明')).toBe('print_certificate');
    expect(service('找个工作人员')).toBe('handoff_to_staff');
  });

  it('tells a general policy question from a question about the citizen’s own record', () => {
    expect(service('失业金一个月能领多少')).toBe('policy_question');
    expect(service('我还能领几个月失业金')).toBe('query_unemployment_benefit');
    expect(service('养老认证需要什么材料')).toBe('policy_question');
    expect(service('缴费基数的政策是什么')).toBe('policy_question');
    expect(service('我的缴费基数是多少')).toBe('query_contribution_base');
  });

  it('understands Shandong words, fillers and repetitions', () => {
    expect(service('俺的社保卡丢了咋整')).toBe('report_card_loss');
    expect(service('那个…那个我想问问，俺的退休金，退休金这个月咋还没到')).toBe('query_pension_benefit');
    expect(service('恁这能不能帮俺查查俺交到哪个月了')).toBe('query_payment_records');
  });

  it('hears through recognition errors: homophones in characters, and the small model’s toneless pinyin', () => {
    expect(service('我的事业金还能领几个月')).toBe('query_unemployment_benefit');
    expect(service('我的社宝卡丢了')).toBe('report_card_loss');
    expect(service('wo de she bao ka diu le zen me ban')).toBe('report_card_loss');
    expect(service('wo yao zuo yang lao ren zheng')).toBe('pension_auth');
    // zh/z and n/l blurred by the recognizer
    expect(service('wo yao zuo yang nao ren zen')).toBe('pension_auth');
  });

  it('sends other bureaus’ matters out of scope, and says goodbye and hello', () => {
    expect(routeUtterance('公积金怎么提取').intent).toBe('out_of_scope');
    expect(routeUtterance('我想办护照').intent).toBe('out_of_scope');
    expect(routeUtterance('谢谢你，再见').intent).toBe('goodbye');
    expect(routeUtterance('你好，你是谁呀').intent).toBe('chitchat');
  });

  it('fills slots: a period, a year, a place, a card, a certificate', () => {
    expect(routeUtterance('我想打印2019年到2022年的参保证明').slots).toEqual({ period: { from: 2019, to: 2022 }, certificate: 'insurance' });
    expect(routeUtterance('查一下我2023年的缴费基数').slots).toEqual({ year: 2023 });
    expect(routeUtterance('我去年交了多少钱').slots).toEqual({ relativeYear: 'last' });
    expect(routeUtterance('带我去3号窗口')).toMatchObject({ service: 'guide_to_place', slots: { place: 'window-3' } });
    expect(routeUtterance('我的社保卡丢了').slots.cardType).toBe('social-security-card');
    expect(routeUtterance('打一张未参保证明').slots.certificate).toBe('not-insured');
  });

  it('is unsure, not wrong, when nothing points anywhere: a policy question for the knowledge base, low confidence', () => {
    const route = routeUtterance('嗯');
    expect(route.service).toBe('policy_question');
    expect(route.confidence).toBeLessThan(0.5);
  });

  it.each(['我要做养老认证', '我想刷脸认证', '帮我做一下养老金资格认证', 'wo xiang zuo yang lao ren zhen'])('%s asks to do 养老认证 now', (t) => {
    expect(service(t)).toBe('pension_auth');
  });
  it.each(['养老认证多久一次', '养老认证需要带什么', '失业金怎么领'])('%s is a policy question', (t) => {
    expect(service(t)).toBe('policy_question');
  });
});
