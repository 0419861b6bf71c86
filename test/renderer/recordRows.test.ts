import { describe, expect, it } from 'vitest';
import { recordRows } from '../../app/renderer/recordRows.js';
import { scrubIdNumbers } from '../../app/renderer/scrubIdNumbers.js';
import { idNumberPattern } from '../e2e/helpers/personalDataWatch.js';

describe('recordRows', () => {
  it('splits each line on its first full-width colon', () => {
    expect(recordRows('2024年：5,200 元\n备注：窗口：3号')).toEqual([
      { label: '2024年', value: '5,200 元', note: null },
      { label: '备注', value: '窗口：3号', note: null },
    ]);
  });

  it('keeps a closing parenthetical of a value apart, for a smaller second line', () => {
    expect(recordRows('2024年3月：2,345.60 元（2024年3月15日发放）\n状态：正常（自2020年1月1日起）\n说明：（无）')).toEqual([
      { label: '2024年3月', value: '2,345.60 元', note: '（2024年3月15日发放）' },
      { label: '状态', value: '正常', note: '（自2020年1月1日起）' },
      { label: '说明', value: '（无）', note: null },
    ]);
  });

  it('keeps a line without a label (or with nothing after its colon) whole, and drops blank lines', () => {
    expect(recordRows('暂无缴费基数记录。\n\n  \n：开头\n结尾：')).toEqual([
      { label: null, value: '暂无缴费基数记录。', note: null },
      { label: null, value: '：开头', note: null },
      { label: null, value: '结尾：', note: null },
    ]);
  });

  it('masks an ID number that reached a row', () => {
    expect(recordRows('身份证号：37020319620315042x')).toEqual([{ label: '身份证号', value: '3702**********042X', note: null }]);
  });
});

describe('scrubIdNumbers', () => {
  it('masks every 18-character ID number, and nothing shorter, longer or already masked', () => {
    expect(scrubIdNumbers('370203196203150422 和 37021319581120068X')).toBe('3702**********0422 和 3702**********068X');
    expect(scrubIdNumbers('3702**********0422')).toBe('3702**********0422');
    expect(scrubIdNumbers('卡号 6222021234567890123')).toBe('卡号 6222021234567890123');
    expect(scrubIdNumbers('工单 37020319620315')).toBe('工单 37020319620315');
  });

  it('leaves nothing the e2e watch would call an ID number', () => {
    expect(idNumberPattern.test(scrubIdNumbers('王秀兰 370203196203150422'))).toBe(false);
    expect(idNumberPattern.test('370203196203150422')).toBe(true);
    expect(idNumberPattern.test('370203 1962 0315 0422')).toBe(false);
  });
});
