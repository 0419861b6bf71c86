import { knowledgeEntrySchema, type KnowledgeEntry } from '../../../app/core/knowledge/knowledgeEntry.js';

// Test entries, parsed through the real schema so they stay valid as the schema evolves.
// The facts are illustrative, not taken from the knowledge base.

export const pensionAuthEntry: KnowledgeEntry = knowledgeEntrySchema.parse({
  id: 'pension-auth-online',
  title: '养老保险待遇资格认证',
  questions: ['养老金认证怎么弄', '每年都要认证吗', '在手机上能认证吗'],
  spoken: '领养老金的老人每年认证一次，用手机刷脸就行。',
  screen:
    '领取养老金的人员每年需要做一次待遇资格认证。可以在“青岛人社”手机应用上刷脸认证，也可以到社区或人社服务大厅办理。认证通过后，养老金会按月正常发放。行动不便的老人可以申请上门认证。',
  topic: 'pension-auth',
  region: '青岛',
  standing: 'qingdao',
  asOf: '2024-03-01',
  sources: [{ doc: 'D01', url: 'https://hrss.qingdao.gov.cn/example/pension-auth' }],
});

export const sichuanUnemploymentEntry: KnowledgeEntry = knowledgeEntrySchema.parse({
  id: 'unemployment-benefit-sichuan',
  title: '失业保险金申领（四川）',
  questions: ['失业金怎么领', '失业了能领多少钱', '失业保险金在哪申请'],
  spoken: '这是四川的规定：失业后可以在网上申领失业保险金。',
  screen: '在四川，参保满一年、非本人意愿中断就业的人员，可以通过四川人社网上申领失业保险金。',
  topic: 'unemployment',
  region: '四川',
  standing: 'other-province',
  asOf: '2023-06-15',
  sources: [{ doc: 'D07', url: 'https://rst.sc.gov.cn/example/unemployment' }],
});

export const testEntries: KnowledgeEntry[] = [pensionAuthEntry, sichuanUnemploymentEntry];
