/**
 * The 失业保险金 rules the robot explains during 失业登记 and 失业保险金申领, quoted word for word from the knowledge
 * base (data/kb, the entry ids below; sources D01 青岛人社 2025-02, D02 《社会保险法》, D03 《失业保险条例》). Nothing here
 * is invented: test/core/transactions/unemploymentBenefit.test.ts loads the knowledge base and checks that every quote
 * is in its entry, so a changed entry fails the test instead of the robot saying an outdated rule.
 */
export interface KnowledgeQuote {
  /** The knowledge-base entry (data/kb/Dxx.json) the words come from. */
  entry: string;
  /** Verbatim from the entry's spoken or screen text. */
  quote: string;
}

export const unemploymentRules = {
  /** 《社会保险法》第四十五条, 《失业保险条例》第十四条. */
  conditions: {
    entry: 'unemployment-law-eligibility',
    quote: '领失业保险金要同时满足三个条件。一是失业前单位和本人已交失业保险满一年，二是非本人意愿中断就业，比如被辞退、合同到期单位不续签，三是已经办了失业登记并且有求职要求。',
  },
  oneYear: { entry: 'unemployment-law-eligibility', quote: '失业前单位和本人已交失业保险满一年' },
  involuntary: { entry: 'unemployment-law-eligibility', quote: '非本人意愿中断就业，比如被辞退、合同到期单位不续签' },
  resigned: { entry: 'unemployment-law-eligibility', quote: '一般情况下自己主动辞职的不符合“非本人意愿”这一条。' },
  /** 《社会保险法》第四十六条: months by years paid. */
  duration: { entry: 'unemployment-law-benefit-duration', quote: '满1年不满5年最长领12个月，满5年不满10年最长18个月，满10年以上最长24个月。' },
  /** Qingdao, 2025-01: 90 % of the minimum wage. */
  amount: { entry: 'unemployment-qd-benefit-amount', quote: '失业保险金按最低工资标准的90%确定。七个区每人每月1980元，胶州、平度、莱西三市每人每月1809元。' },
  /** 《社会保险法》第五十条. */
  fromRegistration: { entry: 'unemployment-law-registration-claim', quote: '失业金的领取期限从办理失业登记那天开始算，所以要尽早登记。' },
  /** 《社会保险法》第五十一条. */
  stops: { entry: 'unemployment-law-benefit-stop', quote: '重新就业、应征服兵役、移居境外、开始领基本养老金的，都会停发失业金' },
  /** 《社会保险法》第四十八条. */
  medical: { entry: 'unemployment-law-medical-insurance', quote: '应交的医保费从失业保险基金里出，个人不用交。' },
} as const satisfies Record<string, KnowledgeQuote>;

/** Where 就业失业 business is handled in the hall, for what the kiosk cannot do. */
export const UNEMPLOYMENT_WINDOW = '3号窗口';
