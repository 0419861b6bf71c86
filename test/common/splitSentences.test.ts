import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../common/splitSentences.js';

// One notion of a sentence for what the robot says (at most three) and for how it is synthesized (one at a time).
describe('sentences', () => {
  it('splits at Chinese and ASCII terminators, keeping closing quotes, not at decimal points', () => {
    expect(splitSentences('每月发1.5万元。真的吗？“是的！”还有吧')).toEqual(['每月发1.5万元。', '真的吗？', '“是的！”', '还有吧']);
    expect(splitSentences('他说：“好的。”然后走了!!好?')).toEqual(['他说：“好的。”', '然后走了!!', '好?']);
  });

  it('ends a sentence at a line break, but not at a semicolon, and drops empty ones', () => {
    expect(splitSentences('第一行\n\n 第二行；还是第二句。')).toEqual(['第一行', '第二行；还是第二句。']);
    expect(splitSentences('。。\n  ')).toEqual([]);
    expect(splitSentences('')).toEqual([]);
  });
});
