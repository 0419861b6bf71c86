import { describe, expect, it } from 'vitest';
import { toNumberedPinyin } from '../../../speech/tts/numberedPinyin.js';
import { digitsToChinese, integerToChinese, readNumbersInChinese } from '../../../speech/tts/readNumbersInChinese.js';
import { splitIntoSpokenPieces } from '../../../speech/tts/splitIntoSpokenPieces.js';

describe('numbers read out in Chinese', () => {
  it.each([
    ['2025年起', '二零二五年起'],
    ['请拨打12333咨询', '请拨打一二三三三咨询'],
    ['45天内办结', '四十五天内办结'],
    ['每月1500元', '每月一千五百元'],
    ['补贴15,000元', '补贴一万五千元'],
    ['带2张照片', '带两张照片'],
    ['第2个窗口', '第二个窗口'],
    ['2月10日', '二月十日'],
    ['3号窗口', '三号窗口'],
    ['2025-03-05', '二零二五年三月五日'],
    ['上午8:30-11:30', '上午八点三十分至十一点三十分'],
    ['下午14:00', '下午十四点'],
    ['费率3.5%', '费率百分之三点五'],
    ['电话0532-85912333', '电话零五三二-八五九一二三三三'],
    ['１２３３３', '一二三三三'],
  ])('%s → %s', (text, spoken) => {
    expect(readNumbersInChinese(text)).toBe(spoken);
  });

  it('reads quantities with zeros and units the way a clerk says them', () => {
    expect(integerToChinese('10')).toBe('十');
    expect(integerToChinese('105')).toBe('一百零五');
    expect(integerToChinese('1010')).toBe('一千零一十');
    expect(integerToChinese('20000')).toBe('两万');
    expect(integerToChinese('100010000')).toBe('一亿零一万');
    expect(integerToChinese('0')).toBe('零');
    expect(digitsToChinese('110')).toBe('一一零');
  });
});

describe('numbered pinyin for the cmn-latn-pinyin voice', () => {
  it('follows the recipe of the shared recordings', () => {
    expect(toNumberedPinyin('我要打印参保证明')).toBe('wo3 yao4 da3 yin4 can1 bao3 zheng4 ming2');
  });

  it('speaks numbers as Chinese syllables, never as digits', () => {
    const pinyin = toNumberedPinyin('2025年起，请在45天内拨打12333。');
    expect(pinyin).toBe('er4 ling2 er4 wu3 nian2 qi3, qing3 zai4 si4 shi2 wu3 tian1 nei4 bo1 da3 yi1 er4 san1 san1 san1.');
    expect(pinyin).not.toMatch(/\d{2}|\b\d\b/);
  });

  it('writes the neutral tone as 5, keeps pauses at punctuation and spells capitals', () => {
    expect(toNumberedPinyin('社保卡ABC丢了？怎么办！')).toBe('she4 bao3 ka3 A B C diu1 le5. zen3 me5 ban4.');
    expect(toNumberedPinyin('“您好”（请稍等）……')).toBe('nin2 hao3 qing3 shao1 deng3.');
  });
});

describe('spoken pieces', () => {
  it('cuts at sentence punctuation and long sentences at their commas', () => {
    expect(splitIntoSpokenPieces('您好！请到3号窗口办理。办理养老认证需要携带本人身份证、社保卡，以及近期一寸免冠照片两张，如果是代办，还需要代办人的身份证。有问题请拨打12333。')).toEqual([
      '您好！',
      '请到3号窗口办理。',
      '办理养老认证需要携带本人身份证、社保卡，',
      '以及近期一寸免冠照片两张，如果是代办，',
      '还需要代办人的身份证。',
      '有问题请拨打12333。',
    ]);
  });

  it('cuts a long sentence at a semicolon too, but keeps a short one whole', () => {
    expect(splitIntoSpokenPieces('办理养老保险待遇资格认证需要本人到场；可以到大厅办理，也可以在手机上自助认证。')).toEqual([
      '办理养老保险待遇资格认证需要本人到场；',
      '可以到大厅办理，也可以在手机上自助认证。',
    ]);
    expect(splitIntoSpokenPieces('请稍等；马上就好。')).toEqual(['请稍等；马上就好。']);
  });

  it('keeps closing quotes with their sentence and drops pieces with nothing to say', () => {
    expect(splitIntoSpokenPieces('他说：“好的。”然后走了……\n第二行；')).toEqual(['他说：“好的。”', '然后走了……', '第二行；']);
    expect(splitIntoSpokenPieces('……')).toEqual([]);
    expect(splitIntoSpokenPieces('')).toEqual([]);
  });
});
