import { describe, expect, it } from 'vitest';
import { asksToChange, saysNo, saysSkip, saysYes } from '../../../app/core/transactions/replyWords.js';

const typed = (text: string) => ({ text, pinyin: null });
const heard = (pinyin: string) => ({ text: pinyin, pinyin });

describe('the words a transaction listens for, typed or heard as toneless pinyin', () => {
  it('yes: 确认 anywhere, or a plain 对/好/可以 as the whole line', () => {
    for (const line of ['确认', '我确认', '对', '好的', '可以', '对的吧']) expect(saysYes(typed(line)), line).toBe(true);
    for (const line of ['对不起我再想想', '好像不对', '不可以']) expect(saysYes(typed(line)), line).toBe(false);
    for (const line of ['que ren', 'wo que ren', 'dui', 'shi de', 'hao de', 'ke yi', 'dui de ba']) expect(saysYes(heard(line)), line).toBe(true);
    for (const line of ['dui bu qi', 'bu ke yi', 'que shi']) expect(saysYes(heard(line)), line).toBe(false);
  });

  it('no, change, and leave it out', () => {
    expect(saysNo(typed('算了不办了'))).toBe(true);
    expect(saysNo(heard('suan le bu ban le'))).toBe(true);
    expect(saysNo(heard('qu xiao'))).toBe(true);
    expect(saysNo(heard('que ren'))).toBe(false);
    expect(asksToChange(typed('号码错了'))).toBe(true);
    expect(asksToChange(heard('hao ma cuo le'))).toBe(true);
    expect(saysSkip(typed('地址不用改'))).toBe(true);
    expect(saysSkip(heard('bu yong'))).toBe(true);
    expect(saysSkip(heard('tiao guo'))).toBe(true);
    // A line that cancels is a cancel, not a skip.
    expect(saysSkip(typed('不用了，取消吧'))).toBe(false);
    expect(saysSkip(heard('bu yong le qu xiao'))).toBe(false);
  });

  it('heard syllables are folded like the patterns (s/sh, n/l, an/ang): a Qingdao "si de" is 是的', () => {
    expect(saysYes(heard('si de'))).toBe(true);
    expect(saysNo(heard('suan ne bu ban ne'))).toBe(true);
  });
});
