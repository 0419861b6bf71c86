import { describe, expect, it } from 'vitest';
import { extractSlots } from '../../../app/core/nlu/extractSlots.js';

describe('slots for the 聊天查 queries that work from what the citizen says', () => {
  it.each([
    ['帮我查一下证书编号S000037021002193000284', 'S000037021002193000284'],
    ['s 0000 3702 1002 1930 00284 这个证书是真的吗', 'S000037021002193000284'],
    ['编号 y000037021005156000031', 'Y000037021005156000031'],
    ['证书编号是S零零零零三七零二一零零二一九三零零零二八四', 'S000037021002193000284'],
    ['zheng shu bian hao s ling ling ling ling san qi ling er yi ling ling er yi jiu san ling ling ling er ba si', 'S000037021002193000284'],
    ['我的技能证书编号是 3702 1002 1930', '370210021930'],
    ['证书编号 2019 0315 0422 3700 5128', '20190315042237005128'],
    ['帮我查个技能证书，编号是3702202300112233', '3702202300112233'],
  ])('certificate number: %s', (text, number) => {
    expect(extractSlots(text).certificateNumber).toBe(number);
  });

  it.each([
    '证书编号是370203196203150422',
    '证书编号370213195811200 68X',
    '编号13805321101',
    '我想打印2019年到2022年的参保证明',
    '我交了12345678元',
    // An ID or a phone number with a digit more (the 灵 of 灵活 heard as a digit), or said beside an ID card: not taken.
    'lao shen fen zheng hao san qi ling er ling san liu er ling san yi wu ling si er ling huo jiu ye zen me jiao',
    '证书编号3702036203150420',
    '编号138053211012',
    '我身份证丢了，证书编号S000037021002193000284',
  ])('never takes an ID number, a phone number, a period or a bare amount for a certificate number: %s', (text) => {
    expect(extractSlots(text).certificateNumber).toBeUndefined();
  });

  it.each([
    ['我是1965年1月出生的，啥时候退休', { year: 1965, month: 1 }],
    ['俺65年3月生人，咋算', { year: 1965, month: 3 }],
    ['一九七零年五月出生的', { year: 1970, month: 5 }],
    ['我老伴是六八年腊月生的', { year: 1968, month: 12 }],
    ['我是1976年9月的，啥时候能退', { year: 1976, month: 9 }],
    ['1970.05出生', { year: 1970, month: 5 }],
    ['我2025年能退吗，我是65年生的', { year: 1965 }],
    ['wo shi yi jiu liu wu nian san yue chu sheng de', { year: 1965, month: 3 }],
  ])('birth month: %s', (text, birth) => {
    expect(extractSlots(text).birthYearMonth).toEqual(birth);
  });

  it.each(['查一下我2023年的缴费基数', '我想打印2019年到2022年的参保证明', '我去年交了多少钱', '2030年以后最低缴费年限是多少'])('a year that is not a birth year is not one: %s', (text) => {
    expect(extractSlots(text).birthYearMonth).toBeUndefined();
  });

  it.each([
    ['我是男的', '男'],
    ['俺是个老爷们，啥时候退', '男'],
    ['我是女工人', '女工人'],
    ['俺是女工，在车间干活', '女工人'],
    ['女的，原来50岁退休那种', '女工人'],
    ['我是女干部', '女干部'],
    ['女的，管理岗', '女干部'],
    ['我是女的，原来55岁退休', '女干部'],
    ['我是灵活就业的女的', '女干部'],
    ['我是女的', '女'],
    ['我是干部', '干部'],
    ['我在车间当工人', '工人'],
    ['wo shi nan de', '男'],
    ['wo shi nü gong ren', '女工人'],
  ])('retirement category: %s → %s', (text, category) => {
    expect(extractSlots(text).retirementCategory).toBe(category);
  });

  it('says nothing of a category when none was said', () => {
    expect(extractSlots('我啥时候退休').retirementCategory).toBeUndefined();
    expect(extractSlots('我是灵活就业，查查档次').retirementCategory).toBeUndefined();
  });
});
